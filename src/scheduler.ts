import type { ScheduledTask } from 'node-cron';
import { nodeCron } from './config/node-cron.js';
import type { Logger } from 'pino';
import type { Watch } from './config/load-config.js';
import { sha256 } from './hash.js';
import { Limiter } from './limiter.js';

/** A stable offset in [0, 1) per watch id: the same watch always fires at the same point of its interval. */
export function watchPhase(id: string): number {
  return parseInt(sha256(id).slice(0, 8), 16) / 0x1_0000_0000;
}

/** How a watch is scheduled, in words, for `watches` and logs. */
export function describeSchedule(w: Pick<Watch, 'every' | 'cron' | 'timezone'>): string {
  if (w.cron)
    return `cron ${[w.cron]
      .flat()
      .map((c) => `"${c}"`)
      .join(' + ')} (${w.timezone})`;
  const ms = w.every ?? 600_000;
  return ms % 3_600_000 === 0
    ? `every ${ms / 3_600_000}h`
    : ms % 60_000 === 0
      ? `every ${ms / 60_000}m`
      : `every ${ms / 1000}s`;
}

/** Default interval when a watch gives neither `every` nor `cron`. */
export const DEFAULT_EVERY = 600_000;
const MAX_TIMER = 2_147_483_647;

interface Entry {
  key: string;
  /** When the watch is next due (null: cron that never fires again). */
  next(): Date | null;
  stop(): void;
}

/** Start checks of one host are this far apart at least (politeness: a fresh start does not burst a ministry site). */
export const START_CHECK_SPACING_MS = 2_000;

/** `every` watches: the next wall-clock slot at the watch's own phase after `now`. */
export function nextSlot(now: number, period: number, offset: number): number {
  return Math.floor((now - offset) / period + 1) * period + offset;
}

/**
 * Fires each enabled watch on its schedule (node-cron). Never two checks of one watch at a time (node-cron's noOverlap,
 * and the runner's own in-flight map). `sync` replaces the set of scheduled watches after a config change.
 */
export class Scheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly startChecks = new Set<NodeJS.Timeout>();
  /**
   * Due checks handed to the runner at a time. A thousand watches due at one instant then take their leases and
   * start as check slots free up, instead of all at once (a flood of store queries that alerts found early in the
   * pass would wait behind).
   */
  private readonly starts: Limiter;
  /** Bumped by `stop`: checks still waiting to start are dropped. */
  private epoch = 0;

  constructor(
    /** Check a due watch; `plannedAt` is the slot's wall-clock time (the timer may fire later under load). */
    private readonly fire: (watch: Watch, plannedAt: number) => Promise<unknown>,
    private readonly logger: Logger,
    private jitter = 0.5,
    maxStarts = 32,
  ) {
    this.starts = new Limiter({ concurrency: maxStarts });
  }

  setJitter(jitter: number): void {
    this.jitter = jitter;
  }

  /** How many due checks are handed to the runner at a time (twice the check concurrency keeps its slots busy). */
  setMaxStarts(n: number): void {
    this.starts.configure({ concurrency: Math.max(1, n) });
  }

  /** Hand a due check to the runner when fewer than the maximum are under way (`plannedAt` default: when it starts). */
  private handOver(watch: Watch, plannedAt?: number): Promise<unknown> {
    const epoch = this.epoch;
    return this.starts.run(() =>
      epoch === this.epoch ? this.fire(watch, plannedAt ?? Date.now()) : Promise.resolve(),
    );
  }

  /** Schedule exactly these watches: new ones start, changed ones restart, removed ones stop. */
  sync(watches: Watch[]): void {
    const wanted = new Map(watches.filter((w) => w.enabled).map((w) => [w.id, w]));
    for (const [id, entry] of this.entries) {
      const w = wanted.get(id);
      if (!w || this.keyOf(w) !== entry.key) {
        entry.stop();
        this.entries.delete(id);
      }
    }
    for (const [id, w] of wanted) {
      if (!this.entries.has(id)) this.entries.set(id, this.start(w));
    }
  }

  private keyOf(w: Watch): string {
    return JSON.stringify(w);
  }

  private start(w: Watch): Entry {
    const current = w;
    const run = async (plannedAt: number) => {
      try {
        await this.handOver(current, plannedAt);
      } catch (error) {
        this.logger.error({ watch: current.id, err: (error as Error).message }, 'check crashed');
      }
    };
    if (w.cron) {
      // A list of cron expressions (office hours often, nights hourly) fires on any of them; the runner never runs
      // two checks of one watch at once, so expressions that meet on the same minute give one check.
      const tasks: ScheduledTask[] = [w.cron].flat().map((e, i) =>
        // Cron fires on whole seconds: the nearest one is the slot, the same on every replica.
        nodeCron().createTask(e, () => run(Math.round(Date.now() / 1000) * 1000), {
          name: `watch:${w.id}${i ? `#${i}` : ''}`,
          timezone: w.timezone,
          noOverlap: true,
        }),
      );
      for (const task of tasks) void task.start();
      return {
        key: this.keyOf(w),
        next: () => earliest(tasks.map((task) => task.getNextRun())),
        stop: () => tasks.forEach((task) => void task.destroy()),
      };
    }
    // `every`: one timer per watch, aligned to the wall clock with the watch's own phase, so every replica finds a
    // watch due at the same moment (and one of them takes it), and an idle daemon costs nothing between checks.
    const period = w.every ?? DEFAULT_EVERY;
    const offset = Math.floor(watchPhase(w.id) * this.jitter * period);
    let timer: NodeJS.Timeout | undefined;
    let busy = false;
    const arm = () => {
      const now = Date.now();
      const next = nextSlot(now, period, offset);
      // setTimeout holds at most ~24.8 days: longer waits are taken in steps.
      timer = next - now > MAX_TIMER ? setTimeout(arm, MAX_TIMER) : setTimeout(() => tick(next), next - now);
    };
    const tick = (plannedAt: number) => {
      if (!busy) {
        busy = true;
        void run(plannedAt).finally(() => (busy = false));
      }
      arm();
    };
    arm();
    return {
      key: this.keyOf(w),
      next: () => new Date(nextSlot(Date.now(), period, offset)),
      stop: () => clearTimeout(timer),
    };
  }

  /** When each scheduled watch is next due. */
  nextChecks(): Map<string, Date | null> {
    return new Map([...this.entries].map(([id, e]) => [id, e.next()]));
  }

  /**
   * Check these watches soon (at start, the ones without a baseline, so a ministry watch whose office-hours cron is
   * hours away is not left unread): one host's watches start `spacingMs` apart, different hosts in parallel. A watch
   * whose own schedule comes first is left to it. Returns the watch ids that were queued.
   */
  checkSoon(watches: Watch[], spacingMs = START_CHECK_SPACING_MS): string[] {
    const perHost = new Map<string, number>();
    const queued: string[] = [];
    for (const w of watches) {
      const host = hostOf(w.url);
      const position = perHost.get(host) ?? 0;
      const delay = position * spacingMs;
      const next = this.entries.get(w.id)?.next();
      if (!next || next.getTime() <= Date.now() + delay + spacingMs) continue;
      perHost.set(host, position + 1);
      queued.push(w.id);
      const timer = setTimeout(() => {
        this.startChecks.delete(timer);
        void this.handOver(w).catch((error: unknown) =>
          this.logger.error({ watch: w.id, err: (error as Error).message }, 'check crashed'),
        );
      }, delay);
      this.startChecks.add(timer);
    }
    return queued;
  }

  size(): number {
    return this.entries.size;
  }

  /** Ids of the scheduled watches, sorted. */
  ids(): string[] {
    return [...this.entries.keys()].sort();
  }

  stop(): void {
    this.epoch++;
    for (const e of this.entries.values()) e.stop();
    this.entries.clear();
    for (const t of this.startChecks) clearTimeout(t);
    this.startChecks.clear();
  }
}

function earliest(dates: Array<Date | null>): Date | null {
  const times = dates.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
