import { CATEGORY_LIST } from './format.js';
import type { CommandAnswer, CommandSpec } from './types.js';

/** The help text built from the command definitions, optionally led by what was not understood. */
export function helpAnswer(commands: CommandSpec[], problem?: string): CommandAnswer {
  return {
    title: problem ? `${problem} Here is what /regwatch can do:` : '/regwatch — what it can do',
    sections: [
      { lines: commands.map((c) => `/regwatch ${c.usage} — ${c.description}`) },
      { heading: 'Categories', lines: [CATEGORY_LIST] },
      {
        lines: [
          'Examples: `/regwatch quota 2024`, `/regwatch exports magnets 2025-06`, `/regwatch latest quota_batch`, `/regwatch subscribe quota_batch source:miit`',
        ],
      },
    ],
    sources: [],
    ephemeral: true,
    ...(problem ? { error: true } : {}),
  };
}
