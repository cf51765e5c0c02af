/**
 * The `/regwatch` application command, built from the same sub-command specs that Slack and Discord dispatch with,
 * so registration can never drift from what the bot answers.
 * https://discord.com/developers/docs/interactions/application-commands#application-command-object
 */
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type { CommandOption, CommandSpec } from '../../commands/types.js';

/** https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-structure */
const MAX_DESCRIPTION = 100;
const MAX_CHOICES = 25;
const MAX_OPTIONS = 25;
const MAX_CHOICE_NAME = 100;

export const COMMAND_NAME = 'regwatch';
export const COMMAND_DESCRIPTION = 'Rare-earth regulatory alerts: quotas, exports, controls, subscriptions';

export interface DiscordChoice {
  name: string;
  value: string | number;
}

export interface DiscordOption {
  type: ApplicationCommandOptionType;
  name: string;
  description: string;
  required?: boolean;
  choices?: DiscordChoice[];
  autocomplete?: boolean;
  options?: DiscordOption[];
}

export interface DiscordCommand {
  type: ApplicationCommandType.ChatInput;
  name: string;
  description: string;
  options: DiscordOption[];
}

function describe(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim() || 'no description';
  return one.length <= MAX_DESCRIPTION ? one : `${one.slice(0, MAX_DESCRIPTION - 1)}…`;
}

/** The Discord option names a spec option stands for: `category`, `category2`, … when it accepts several values. */
export function discordOptionNames(option: CommandOption): string[] {
  const n = Math.max(1, option.repeat ?? 1);
  return Array.from({ length: n }, (_, i) => (i === 0 ? option.name : `${option.name}${i + 1}`));
}

/** Years and periods are completed from the stored figures even when the spec does not ask for it. */
export function completes(option: CommandOption): boolean {
  return !option.choices?.length && (option.autocomplete === true || /^(year|period)$/i.test(option.name));
}

function discordOptions(option: CommandOption): DiscordOption[] {
  const type = option.type === 'integer' ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.String;
  return discordOptionNames(option).map((name, i) => {
    const out: DiscordOption = {
      type,
      name,
      description: describe(i === 0 ? option.description : `${option.description} (another one)`),
    };
    if (option.required && i === 0) out.required = true;
    if (option.choices?.length) {
      out.choices = option.choices.slice(0, MAX_CHOICES).map((c) => ({
        name: c.name.slice(0, MAX_CHOICE_NAME),
        value: option.type === 'integer' ? Number(c.value) : c.value,
      }));
    } else if (completes(option)) {
      out.autocomplete = true;
    }
    return out;
  });
}

/** One sub-command: typed options, required ones first (Discord's rule). */
export function discordSubcommand(spec: CommandSpec): DiscordOption {
  const options = spec.options.flatMap(discordOptions);
  const ordered = [...options.filter((o) => o.required), ...options.filter((o) => !o.required)].slice(0, MAX_OPTIONS);
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: spec.name,
    description: describe(spec.adminOnly ? `${spec.description} (admins)` : spec.description),
    ...(ordered.length ? { options: ordered } : {}),
  };
}

/** The body of the bulk-overwrite PUT: one chat-input command `/regwatch` with a sub-command per spec. */
export function discordCommands(specs: readonly CommandSpec[]): DiscordCommand[] {
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: COMMAND_NAME,
      description: COMMAND_DESCRIPTION,
      options: specs.slice(0, MAX_OPTIONS).map(discordSubcommand),
    },
  ];
}
