import type { Logger } from 'pino';
import type { Daemon } from '../daemon.js';

/**
 * Mount the chat integrations the environment asks for on the daemon's HTTP server: Slack (SLACK_BOT_TOKEN with
 * SLACK_SIGNING_SECRET or SLACK_APP_TOKEN) and Discord (DISCORD_PUBLIC_KEY and/or DISCORD_TOKEN).
 */
export async function mountChat(daemon: Daemon, env: NodeJS.ProcessEnv, logger: Logger): Promise<void> {
  // Loaded only when configured: Bolt and discord.js stay out of a bot that does not use them.
  if (env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET)
    await (await import('./slack/mount-slack.js')).mountSlack(daemon, env, logger);
  if (env.DISCORD_TOKEN || env.DISCORD_PUBLIC_KEY)
    await (await import('./discord/mount-discord.js')).mountDiscord(daemon, env, logger);
}
