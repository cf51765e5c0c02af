import type { ChannelConfig } from '../config/load-config.js';
import { notifiers } from '../../notifiers/index.js';

/**
 * The demo's destinations: the console always, and Slack or Discord when their variables are set, so a newcomer can
 * watch the same alerts arrive in chat:
 *   SLACK_BOT_TOKEN + REGWATCH_DEMO_SLACK_CHANNEL, or SLACK_WEBHOOK_URL
 *   DISCORD_TOKEN + REGWATCH_DEMO_DISCORD_CHANNEL, or DISCORD_WEBHOOK_URL
 */
export function demoChannels(env: NodeJS.ProcessEnv): { channels: ChannelConfig[]; notes: string[] } {
  const wanted: Array<Record<string, unknown>> = [{ id: 'console', type: 'console' }];
  if (env.SLACK_BOT_TOKEN && env.REGWATCH_DEMO_SLACK_CHANNEL)
    wanted.push({ id: 'demo-slack', type: 'slack', channel: env.REGWATCH_DEMO_SLACK_CHANNEL });
  else if (env.SLACK_WEBHOOK_URL) wanted.push({ id: 'demo-slack', type: 'slack', webhook: env.SLACK_WEBHOOK_URL });
  if (env.DISCORD_TOKEN && env.REGWATCH_DEMO_DISCORD_CHANNEL)
    wanted.push({ id: 'demo-discord', type: 'discord', channel: env.REGWATCH_DEMO_DISCORD_CHANNEL });
  else if (env.DISCORD_WEBHOOK_URL)
    wanted.push({ id: 'demo-discord', type: 'discord', webhook: env.DISCORD_WEBHOOK_URL });
  const channels: ChannelConfig[] = [];
  const notes: string[] = [];
  for (const raw of wanted) {
    const parsed = notifiers[String(raw.type)]?.schema.safeParse(raw);
    if (parsed?.success) {
      channels.push(parsed.data);
      if (raw.type !== 'console')
        notes.push(
          `alerts also go to ${String(raw.type)} (${typeof raw.channel === 'string' ? raw.channel : 'webhook'})`,
        );
    } else {
      notes.push(`${String(raw.type)} is not used: ${parsed?.error.issues[0]?.message ?? 'unknown channel type'}`);
    }
  }
  return { channels, notes };
}
