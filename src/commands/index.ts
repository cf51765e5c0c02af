import { redactDeep } from '../security/secrets.js';
import { controlsCommand } from './controls.js';
import { expectedCommand } from './expected.js';
import { exportsCommand } from './exports.js';
import { helpAnswer } from './help.js';
import { latestCommand } from './latest.js';
import { quotaCommand } from './quota.js';
import { statusCommand } from './status.js';
import { subscribeCommand, unsubscribeCommand } from './subscribe.js';
import type { CommandAnswer, CommandContext, CommandRequest, CommandSpec } from './types.js';
import { watchesCommand } from './watches.js';

export type * from './types.js';

/** `help`: every sub-command with its usage, built from the same definitions. */
const helpCommand: CommandSpec = {
  name: 'help',
  description: 'This help',
  usage: 'help',
  options: [],
  run: () => Promise.resolve(helpAnswer(COMMANDS)),
};

/** Every `/regwatch` sub-command, in help order. Slack dispatch, Discord dispatch and registration all read this. */
export const COMMANDS: CommandSpec[] = [
  quotaCommand,
  exportsCommand,
  controlsCommand,
  latestCommand,
  expectedCommand,
  statusCommand,
  watchesCommand,
  subscribeCommand,
  unsubscribeCommand,
  helpCommand,
];

/** Split Slack-style text (`quota 2024`) into a sub-command name and its words. */
export function parseCommandText(text: string): { name: string; args: string[] } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return { name: (words[0] ?? 'help').toLowerCase(), args: words.slice(1) };
}

/**
 * Run one sub-command. Unknown input gets the help text (marked as an error, naming what was not understood);
 * admin-only commands are refused for others; a failing command answers with an error instead of throwing.
 */
export async function runCommand(req: CommandRequest, ctx: CommandContext): Promise<CommandAnswer> {
  // Answers go to a chat channel: a watch URL with an API key in it (`status`, `watches`), or an error quoting one,
  // reaches people who must not see the key. The chart is drawn from stored figures (no secret in it); a function
  // does not survive JSON.
  const { chart, ...text } = await answer(req, ctx);
  const clean = redactDeep(text);
  return chart ? { ...clean, chart } : clean;
}

async function answer(req: CommandRequest, ctx: CommandContext): Promise<CommandAnswer> {
  const spec = COMMANDS.find((c) => c.name === req.name.toLowerCase());
  if (!spec) return helpAnswer(COMMANDS, `I don't know "${req.name}".`);
  if (spec.adminOnly && !req.isAdmin) {
    return {
      title: `/regwatch ${spec.name}: not allowed`,
      sections: [
        {
          lines: [
            `Only regwatch admins can change this channel's subscription. Ask an admin (settings.chat in the config, or a workspace admin) to run \`/regwatch ${spec.name}\`.`,
          ],
        },
      ],
      sources: [],
      ephemeral: true,
      error: true,
    };
  }
  try {
    return await spec.run(req, ctx);
  } catch (error) {
    return {
      title: `/regwatch ${spec.name} failed`,
      sections: [{ lines: [`Something went wrong: ${(error as Error).message}. The bot's logs have the details.`] }],
      sources: [],
      ephemeral: true,
      error: true,
    };
  }
}
