/**
 * Pure helpers for Discord interactions: read the raw payload (HTTP endpoint and gateway deliver the same JSON) into a
 * platform-neutral CommandRequest, decide who is an admin, offer autocomplete choices, and shape the responses.
 * https://discord.com/developers/docs/interactions/receiving-and-responding
 */
import { answerEmbed } from './discord-embed.js';
import type { CommandAnswer, CommandRequest, CommandSpec } from '../../commands/types.js';
import type { StoredFigure } from '../../figures/figures-store.js';
import { CATEGORIES } from '../../types.js';
import { discordOptionNames } from './discord-commands.js';

/** https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-type */
export const InteractionKind = { Ping: 1, ApplicationCommand: 2, Autocomplete: 4 } as const;
/** https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type */
export const ResponseKind = { Pong: 1, Message: 4, DeferredMessage: 5, AutocompleteResult: 8 } as const;
const EPHEMERAL = 1 << 6;
const SUBCOMMAND = 1;
/** https://discord.com/developers/docs/topics/permissions#permissions-bitwise-permission-flags */
const ADMINISTRATOR = 1n << 3n;
const MANAGE_CHANNELS = 1n << 4n;
const MAX_AUTOCOMPLETE = 25;

export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: RawOption[];
}

/** The fields regwatch reads from an interaction. */
export interface RawInteraction {
  id: string;
  application_id: string;
  type: number;
  token: string;
  data?: { name?: string; options?: RawOption[] };
  guild_id?: string;
  channel_id?: string;
  channel?: { id: string };
  member?: { permissions?: string; roles?: string[]; user?: { id: string } };
  user?: { id: string };
}

export interface DiscordMessage {
  embeds: Array<ReturnType<typeof answerEmbed>>;
  allowed_mentions: { parse: [] };
  flags?: number;
}

/** The invoked sub-command and its options, or undefined for anything else. */
export function subcommandOf(interaction: RawInteraction): { name: string; options: RawOption[] } | undefined {
  const sub = interaction.data?.options?.[0];
  if (!sub || sub.type !== SUBCOMMAND) return undefined;
  return { name: sub.name, options: sub.options ?? [] };
}

/** Manage Channels (or Administrator) in the permissions Discord computed for this member in this channel. */
export function hasManageChannels(interaction: RawInteraction): boolean {
  const raw = interaction.member?.permissions;
  if (!raw || !/^\d+$/.test(raw)) return false;
  const bits = BigInt(raw);
  return (bits & (MANAGE_CHANNELS | ADMINISTRATOR)) !== 0n;
}

/** Admin: Manage Channels, or one of the configured admin roles (ids). Never in DMs. */
export function isDiscordAdmin(interaction: RawInteraction, adminRoleIds: ReadonlySet<string>): boolean {
  if (!interaction.guild_id || !interaction.member) return false;
  return hasManageChannels(interaction) || (interaction.member.roles ?? []).some((r) => adminRoleIds.has(r));
}

/** The CommandRequest for a `/regwatch <sub>` interaction: option values in the order the spec lists them. */
export function commandRequest(
  interaction: RawInteraction,
  specs: readonly CommandSpec[],
  isAdmin: boolean,
): CommandRequest | undefined {
  const sub = subcommandOf(interaction);
  if (!sub) return undefined;
  const spec = specs.find((s) => s.name === sub.name);
  const given = new Map(sub.options.map((o) => [o.name, o.value]));
  const args = spec
    ? spec.options.flatMap((option) => {
        // An option the usage writes as `name:VALUE` (e.g. `source:miit`) is passed the same way the Slack words are.
        const prefix = spec.usage.includes(`${option.name}:`) ? `${option.name}:` : '';
        return discordOptionNames(option).flatMap((n) => {
          const v = given.get(n);
          return v === undefined || v === '' ? [] : [`${prefix}${String(v)}`];
        });
      })
    : sub.options.flatMap((o) => (o.value === undefined ? [] : [String(o.value)]));
  return {
    name: sub.name,
    args,
    platform: 'discord',
    channelId: interaction.channel_id ?? interaction.channel?.id ?? '',
    userId: interaction.member?.user?.id ?? interaction.user?.id ?? '',
    isAdmin,
  };
}

/** The message for a command answer: one embed, mentions off, ephemeral when the answer is only for the asker. */
export function answerMessage(answer: CommandAnswer): DiscordMessage {
  return {
    embeds: [answerEmbed(answer)],
    allowed_mentions: { parse: [] },
    ...(answer.ephemeral ? { flags: EPHEMERAL } : {}),
  };
}

export const pong = () => ({ type: ResponseKind.Pong });
export const messageResponse = (answer: CommandAnswer) => ({ type: ResponseKind.Message, data: answerMessage(answer) });
export const deferredResponse = () => ({ type: ResponseKind.DeferredMessage });

/** Which stored metrics an autocomplete for this sub-command (and its other options) is about. */
function metricFilter(subcommand: string, options: RawOption[]): (metric: string) => boolean {
  const text = options
    .filter((o) => !o.focused && typeof o.value === 'string')
    .map((o) => String(o.value).toLowerCase())
    .join(' ');
  if (subcommand === 'quota') return (m) => /quota/.test(m);
  if (subcommand === 'exports') {
    if (/magnet/.test(text)) return (m) => m.startsWith('magnet_');
    if (/rare|earth/.test(text)) return (m) => m.startsWith('rare_earth_');
    return (m) => /exports|imports/.test(m);
  }
  return () => true;
}

/**
 * Choices for the focused option: categories for `category…` options; years (options named like `year`) or periods
 * from the figures in the store, newest first; always filtered by what the user has typed so far.
 */
export function autocompleteChoices(
  interaction: RawInteraction,
  figures: readonly StoredFigure[],
  spec?: CommandSpec,
): Array<{ name: string; value: string | number }> {
  const sub = subcommandOf(interaction);
  const focused = sub?.options.find((o) => o.focused);
  if (!sub || !focused) return [];
  const typed = String(focused.value ?? '').trim();
  if (/^category/i.test(focused.name)) {
    const all = sub.name === 'latest' ? [...CATEGORIES] : [...CATEGORIES, 'all'];
    return all
      .filter((c) => c.includes(typed.toLowerCase().replace(/[-\s]+/g, '_')))
      .map((c) => ({ name: c, value: c }));
  }
  const wants = metricFilter(sub.name, sub.options);
  const periods = figures.filter((f) => f.period && wants(f.metric)).map((f) => f.period as string);
  const yearsOnly = /year/i.test(focused.name);
  const values = [...new Set(yearsOnly ? periods.map((p) => p.slice(0, 4)).filter((y) => /^\d{4}$/.test(y)) : periods)];
  const option = spec?.options.find((o) => discordOptionNames(o).includes(focused.name));
  const integer = option?.type === 'integer';
  return values
    .filter((v) => v.includes(typed))
    .sort((a, b) => b.localeCompare(a))
    .slice(0, MAX_AUTOCOMPLETE)
    .map((v) => ({ name: v, value: integer ? Number(v) : v }))
    .filter((c) => !integer || Number.isInteger(c.value));
}
