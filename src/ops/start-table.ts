import type { Watch } from '../config/load-config.js';
import type { Store } from '../store/store.js';

/** One watch as the start-up table shows it. */
export interface StartRow {
  watch: string;
  source: string;
  schedule: string;
  /** ISO time of the next scheduled check, or null (a cron that never fires again, a disabled watch). */
  next: string | null;
  baseline: boolean;
  /** Checked within seconds of the start (it has no baseline yet). */
  checkNow: boolean;
}

/** True when the store holds what the watch's next check compares against (the page, or the items seen). */
export async function hasBaseline(store: Store, w: Pick<Watch, 'id' | 'kind'>): Promise<boolean> {
  return w.kind === 'page' ? (await store.getSnapshot(w.id)) !== undefined : (await store.getSeen(w.id)) !== undefined;
}

const clock = (timeZone: string | undefined) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: '2-digit',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

/** `Mon 07 Dec 09:00` in this machine's zone (or `timeZone`). */
export function when(iso: string | null, timeZone?: string): string {
  return iso ? clock(timeZone).format(new Date(iso)).replace(',', '') : '—';
}

/**
 * The table `regwatch run` prints at start: each watch, its source, its next check in local and Beijing time, and
 * whether it has a baseline (a watch without one is checked at start).
 */
export function renderStartTable(rows: StartRow[], localZone?: string): string {
  const zone = localZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const head = ['watch', 'source', `next check (${zone})`, 'next check (Beijing)', 'baseline'];
  const body = rows.map((r) => [
    r.watch,
    r.source,
    when(r.next, localZone),
    when(r.next, 'Asia/Shanghai'),
    r.baseline ? 'yes' : r.checkNow ? 'no: checking now' : 'no',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** The rows for these watches: `next` from the scheduler; watches without a baseline are queued for a start check. */
export async function startRows(
  watches: Watch[],
  store: Store,
  scheduler: {
    nextChecks(): Map<string, Date | null>;
    checkSoon(watches: Watch[]): string[];
  },
  describe: (w: Watch) => string,
): Promise<StartRow[]> {
  const enabled = watches.filter((w) => w.enabled);
  const baselines = new Map<string, boolean>();
  for (const w of enabled) baselines.set(w.id, await hasBaseline(store, w));
  const soon = new Set(scheduler.checkSoon(enabled.filter((w) => !baselines.get(w.id))));
  const next = scheduler.nextChecks();
  return enabled.map((w) => ({
    watch: w.id,
    source: w.source,
    schedule: describe(w),
    next: next.get(w.id)?.toISOString() ?? null,
    baseline: baselines.get(w.id) ?? false,
    checkNow: soon.has(w.id),
  }));
}
