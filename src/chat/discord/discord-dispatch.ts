/**
 * Answers one Discord interaction, whichever way it came (HTTP endpoint or gateway): PING, `/regwatch` commands
 * (deferred when the answer takes longer than Discord's 3 s window allows for), and autocomplete.
 */
import type { Logger } from 'pino';
import type { CommandAnswer, CommandContext, CommandRequest, CommandSpec } from '../../commands/types.js';
import { allFigures } from '../../figures/figures-store.js';
import { withAttachedImage } from './discord-embed.js';
import { discordRest } from './discord-rest.js';
import {
  answerMessage,
  autocompleteChoices,
  commandRequest,
  deferredResponse,
  InteractionKind,
  isDiscordAdmin,
  messageResponse,
  pong,
  ResponseKind,
  subcommandOf,
  type RawInteraction,
} from './discord-interaction.js';

/** Discord allows 3 s for the first response; past this the answer is deferred and sent as an edit. */
export const DEFER_AFTER_MS = 2000;
const ROLE_CACHE_MS = 5 * 60_000;

export interface DispatchDeps {
  context: CommandContext;
  specs: readonly CommandSpec[];
  run(req: CommandRequest, ctx: CommandContext): Promise<CommandAnswer>;
  /** settings.chat.discordAdminRoles of the current config: role ids or names. */
  adminRoles(): readonly string[];
  env: NodeJS.ProcessEnv;
  logger: Logger;
}

export interface Dispatched {
  /** The interaction response (HTTP body, or the gateway's callback body). */
  response: { type: number; data?: unknown };
  /** Work that goes on after the response: the edit carrying a deferred answer. */
  later?: Promise<void>;
}

const unsupported = (): Dispatched => ({
  response: messageResponse({
    title: 'Not a regwatch command',
    sections: [{ lines: ['regwatch answers `/regwatch` only. Try `/regwatch help`.'] }],
    sources: [],
    ephemeral: true,
    error: true,
  }),
});

export class DiscordDispatcher {
  /** When to defer; 0 defers every command (for stores slow enough that the 3 s window is at risk). */
  deferAfterMs = DEFER_AFTER_MS;
  private readonly roleNames = new Map<string, { at: number; ids: Map<string, string> }>();

  constructor(private readonly deps: DispatchDeps) {}

  async dispatch(interaction: RawInteraction): Promise<Dispatched> {
    switch (interaction.type) {
      case InteractionKind.Ping:
        return { response: pong() };
      case InteractionKind.Autocomplete:
        return {
          response: { type: ResponseKind.AutocompleteResult, data: { choices: await this.choices(interaction) } },
        };
      case InteractionKind.ApplicationCommand:
        return this.command(interaction);
      default:
        return unsupported();
    }
  }

  private async choices(interaction: RawInteraction): Promise<Array<{ name: string; value: string | number }>> {
    const spec = this.deps.specs.find((s) => s.name === subcommandOf(interaction)?.name);
    return autocompleteChoices(interaction, await allFigures(this.deps.context.store), spec);
  }

  private async command(interaction: RawInteraction): Promise<Dispatched> {
    const name = subcommandOf(interaction)?.name;
    const spec = this.deps.specs.find((s) => s.name === name);
    // Roles are only looked up for commands that need an admin.
    const admin = spec?.adminOnly ? isDiscordAdmin(interaction, await this.adminRoleIds(interaction.guild_id)) : false;
    const req = commandRequest(interaction, this.deps.specs, admin);
    if (!req) return unsupported();
    const work = this.deps.run(req, this.deps.context).catch((error: unknown): CommandAnswer => ({
      title: `/regwatch ${req.name} failed`,
      sections: [{ lines: [`Something went wrong: ${(error as Error).message}.`] }],
      sources: [],
      ephemeral: true,
      error: true,
    }));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>(
      (resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(0, this.deferAfterMs))),
    );
    const answer = this.deferAfterMs > 0 ? await Promise.race([work, late]) : undefined;
    clearTimeout(timer);
    // A chart follows the text as a follow-up message with the PNG attached (multipart).
    if (answer) return { response: messageResponse(answer), ...this.chartLater(interaction, answer) };
    return {
      response: deferredResponse(),
      later: work.then(async (a) => {
        await this.editOriginal(interaction, a);
        await this.chartLater(interaction, a).later;
      }),
    };
  }

  /** PATCH the deferred response with the answer (the interaction token authorises it; no bot token needed). */
  private async editOriginal(interaction: RawInteraction, answer: CommandAnswer): Promise<void> {
    const { Routes } = await import('discord.js');
    const { flags: _ignored, ...body } = answerMessage(answer);
    try {
      await discordRest(this.deps.env).patch(
        Routes.webhookMessage(interaction.application_id, interaction.token, '@original'),
        { body, auth: false },
      );
    } catch (error) {
      this.deps.logger.warn(
        { command: subcommandOf(interaction)?.name, err: (error as Error).message },
        'could not send the deferred /regwatch answer',
      );
    }
  }

  /** The answer's chart as a follow-up message (the interaction token authorises it), drawn after the text went. */
  private chartLater(interaction: RawInteraction, answer: CommandAnswer): { later?: Promise<void> } {
    if (!answer.chart || answer.ephemeral) return {};
    const draw = answer.chart;
    const later = (async () => {
      const file = await draw();
      if (!file) return;
      const { Routes } = await import('discord.js');
      const message = withAttachedImage({ embeds: [{ title: file.title }], allowed_mentions: { parse: [] } }, file);
      try {
        await discordRest(this.deps.env).post(Routes.webhook(interaction.application_id, interaction.token), {
          ...message,
          auth: false,
        });
      } catch (error) {
        this.deps.logger.warn(
          { command: subcommandOf(interaction)?.name, err: (error as Error).message },
          'could not send the chart of the /regwatch answer',
        );
      }
    })();
    return { later };
  }

  /** Configured admin roles as ids: ids as given, names looked up in the guild (needs the bot token; cached). */
  private async adminRoleIds(guildId: string | undefined): Promise<Set<string>> {
    const configured = this.deps.adminRoles();
    const ids = new Set(configured.filter((r) => /^\d{17,20}$/.test(r)));
    const names = configured.filter((r) => !ids.has(r)).map((r) => r.toLowerCase());
    const token = this.deps.env.DISCORD_TOKEN;
    if (names.length === 0 || !guildId) return ids;
    if (!token) {
      this.deps.logger.warn(
        'settings.chat.discordAdminRoles names roles, but without DISCORD_TOKEN only role ids can be matched',
      );
      return ids;
    }
    let cached = this.roleNames.get(guildId);
    if (!cached || Date.now() - cached.at > ROLE_CACHE_MS) {
      try {
        const { Routes } = await import('discord.js');
        const roles = (await discordRest(this.deps.env, token).get(Routes.guildRoles(guildId))) as Array<{
          id: string;
          name: string;
        }>;
        cached = { at: Date.now(), ids: new Map(roles.map((r) => [r.name.toLowerCase(), r.id])) };
        this.roleNames.set(guildId, cached);
      } catch (error) {
        this.deps.logger.warn(
          { guild: guildId, err: (error as Error).message },
          'could not read the guild roles to match discordAdminRoles names',
        );
        return ids;
      }
    }
    for (const n of names) {
      const id = cached.ids.get(n);
      if (id) ids.add(id);
    }
    return ids;
  }
}
