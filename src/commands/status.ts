import type { WatchHealth } from '../store/store.js';
import { sourceName } from '../render/labels.js';
import type { CommandAnswer, CommandSpec, DestinationState, WatchInfo } from './types.js';

const TABLE_ROWS = 25;

/** "2025-06-20 08:01 UTC" */
const when = (iso: string | null): string => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never');

function watchState(h: WatchHealth): string {
  if (h.consecutiveFailures > 0) return `failing (${h.consecutiveFailures}×)`;
  return h.lastCheck ? 'ok' : 'not checked yet';
}

function failingLine(w: WatchInfo, h: WatchHealth): string {
  return `${w.id}: ${h.consecutiveFailures} failed check${h.consecutiveFailures === 1 ? '' : 's'} since ${when(h.failingSince)}${h.lastError ? ` — ${h.lastError}` : ''}`;
}

function destinationLine(d: DestinationState): string {
  const head = `${d.id} (${d.type}): ${d.state}${d.since ? ` since ${when(d.since)}` : ''}${d.pending ? `, ${d.pending} alert${d.pending === 1 ? '' : 's'} waiting` : ''}`;
  if (d.state === 'ok') return head;
  return `${head}${d.lastError ? ` — ${d.lastError}` : ''}${d.hint ? `. What to do: ${d.hint}` : ''}`;
}

/** `status`: every watch's last check and failures, and every destination's delivery state with what to do. */
export const statusCommand: CommandSpec = {
  name: 'status',
  description: 'Watches (last check, failing sources) and alert destinations',
  usage: 'status',
  options: [],
  async run(_req, ctx): Promise<CommandAnswer> {
    const watches = ctx.watches();
    const health = await Promise.all(watches.map(async (w) => ({ w, h: await ctx.store.getHealth(w.id) })));
    const failing = health.filter(({ h }) => h.consecutiveFailures > 0);
    const destinations = await ctx.destinations();
    const troubled = destinations.filter((d) => d.state !== 'ok');
    const lastCheck =
      health
        .map(({ h }) => h.lastCheck)
        .filter((t): t is string => t !== null)
        .sort()
        .at(-1) ?? null;
    const watchLines = [
      `${watches.length} watch${watches.length === 1 ? '' : 'es'}: ${watches.length - failing.length} ok, ${failing.length} failing. Last check ${when(lastCheck)}.`,
      ...failing.map(({ w, h }) => failingLine(w, h)),
    ];
    const destinationLines =
      destinations.length === 0
        ? ['No destinations configured.']
        : [
            `${destinations.length} destination${destinations.length === 1 ? '' : 's'}: ${destinations.length - troubled.length} ok.`,
            ...destinations.map(destinationLine),
          ];
    const sorted = [...failing, ...health.filter(({ h }) => h.consecutiveFailures === 0)].slice(0, TABLE_ROWS);
    return {
      title: failing.length || troubled.length ? 'regwatch status: needs attention' : 'regwatch status: all well',
      sections: [
        { heading: 'Watches', lines: watchLines },
        { heading: 'Destinations', lines: destinationLines },
        ...(health.length > TABLE_ROWS
          ? [{ lines: [`Table shows ${TABLE_ROWS} of ${health.length} watches (failing first).`] }]
          : []),
      ],
      table: {
        header: ['Watch', 'Source', 'Last check', 'Last change', 'State'],
        rows: sorted.map(({ w, h }) => [
          w.id,
          sourceName(w.source),
          when(h.lastCheck),
          when(h.lastChange),
          watchState(h),
        ]),
      },
      sources: [
        {
          label: 'regwatch watch and delivery health',
          date: ctx.now().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
        },
        ...failing.map(({ w, h }) => ({
          label: `${w.name} (failing)`,
          url: w.url,
          ...(h.lastSuccess ? { date: `last good ${h.lastSuccess.slice(0, 10)}` } : {}),
        })),
      ],
      ephemeral: true,
    };
  },
};
