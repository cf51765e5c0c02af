import { DiscordAPIError, Routes } from 'discord.js';
import { discordCommands } from '../chat/discord/discord-commands.js';
import { discordRest } from '../chat/discord/discord-rest.js';
import { COMMANDS } from '../commands/index.js';

export interface RegisterOptions {
  guild?: string;
  /** Print the command JSON and register nothing. */
  print?: boolean;
}

interface Io {
  env: NodeJS.ProcessEnv;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

function explain(error: unknown, guild: string | undefined): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401)
      return 'Discord refused DISCORD_TOKEN: reset the token (Developer Portal → your application → Bot → Reset Token) and set it again';
    if (guild && (error.code === 50001 || error.code === 10004)) {
      return `the bot is not in guild ${guild}: invite it with the URL in docs/discord.md (scopes bot and applications.commands), then run this again`;
    }
    if (error.code === 50035)
      return `Discord refused the command definition: ${error.message} (a regwatch bug, please report it)`;
    return `Discord answered HTTP ${error.status}: ${error.message}`;
  }
  return `could not reach Discord: ${(error as Error).message}`;
}

/**
 * `regwatch discord register [--guild ID]`: bulk-overwrite the `/regwatch` command, in one guild (instant, for testing)
 * or globally (production). Returns the exit code: 0 done, 1 Discord refused or was unreachable, 2 missing setup.
 */
export async function discordRegisterCommand(
  opts: RegisterOptions,
  io: Io = { env: process.env, out: process.stdout, err: process.stderr },
): Promise<number> {
  const body = discordCommands(COMMANDS);
  if (opts.print) {
    io.out.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  }
  if (opts.guild !== undefined && !/^\d{17,20}$/.test(opts.guild)) {
    io.err.write(
      'discord register: --guild takes a server id (17–20 digits): Developer Mode on, right-click the server, Copy Server ID\n',
    );
    return 2;
  }
  const token = io.env.DISCORD_TOKEN;
  if (!token) {
    io.err.write(
      'discord register: set DISCORD_TOKEN to the bot token (Developer Portal → your application → Bot → Reset Token); see docs/discord.md\n',
    );
    return 2;
  }
  const rest = discordRest(io.env, token);
  try {
    let appId = io.env.DISCORD_APPLICATION_ID?.trim();
    if (!appId) appId = ((await rest.get(Routes.currentApplication())) as { id: string }).id;
    const route = opts.guild ? Routes.applicationGuildCommands(appId, opts.guild) : Routes.applicationCommands(appId);
    const saved = (await rest.put(route, { body })) as Array<{ name: string }>;
    const subs = body[0]?.options.map((o) => o.name).join(', ') ?? '';
    io.out.write(
      opts.guild
        ? `registered /regwatch (${subs}) in guild ${opts.guild}: usable there now\n`
        : `registered /regwatch (${subs}) globally: every server that adds the bot gets it (it can take a few minutes to show)\n`,
    );
    if (saved.length !== body.length)
      io.err.write(`discord register: Discord kept ${saved.length} commands, expected ${body.length}\n`);
    return 0;
  } catch (error) {
    io.err.write(`discord register: ${explain(error, opts.guild)}\n`);
    return 1;
  }
}
