import { sourceName } from '../render/labels.js';
import type { CommandAnswer, CommandSpec, WatchInfo } from './types.js';

const TABLE_ROWS = 40;

function watchesAnswer(watches: WatchInfo[]): CommandAnswer {
  if (watches.length === 0) {
    return {
      title: 'Watches',
      sections: [{ lines: ['No watches are configured (add them under watches/ in the config directory).'] }],
      sources: [],
      ephemeral: true,
    };
  }
  const shown = watches.slice(0, TABLE_ROWS);
  const bySource = new Map<string, number>();
  for (const w of watches) bySource.set(sourceName(w.source), (bySource.get(sourceName(w.source)) ?? 0) + 1);
  return {
    title: `Watches (${watches.length})`,
    sections: [
      {
        lines: [
          `By source: ${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}.`,
          ...(watches.length > TABLE_ROWS ? [`Showing ${TABLE_ROWS} of ${watches.length}.`] : []),
        ],
      },
    ],
    table: {
      header: ['Watch', 'Source', 'Kind', 'Schedule', 'Name'],
      rows: shown.map((w) => [w.id, sourceName(w.source), w.kind, w.schedule, w.name]),
    },
    sources: shown.map((w) => ({ label: w.name, url: w.url })),
    ephemeral: true,
  };
}

/** `watches`: what regwatch watches, where, and how often. */
export const watchesCommand: CommandSpec = {
  name: 'watches',
  description: 'What regwatch watches: sources, pages and schedules',
  usage: 'watches',
  options: [],
  run: (_req, ctx) => Promise.resolve(watchesAnswer(ctx.watches())),
};
