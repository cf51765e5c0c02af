/**
 * The daemon (`regwatch run`, built, dist/) on the shared benchmark site's noisy pages, as a separate process:
 *
 * - latency: N page watches due at the same instant (jitter 0), so a full pass of N checks runs at once; K pages
 *   changed before the pass. Detection (the outbox's `alert queued` line, JSON log time) → receipt at a local webhook
 *   receiver, for each alert: count, p50, p95, p99, max. Then the same between passes: a second site of 10 pages,
 *   watched every minute, changed while the big group is idle. The daemon's event-loop delay during the pass is read
 *   from its /metrics (perf_hooks.monitorEventLoopDelay, reset by each scrape).
 * - idle: N watches every day (default jitter), baselines recorded first by `regwatch once`, the daemon measured for
 *   a minute or more: CPU % of a core and context switches from /proc/<pid>, resident memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { REGWATCH_CLI, commandEnv, fmt, line, percentile } from './util.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Run as the `regwatch` command (its shebang's Node flags apply), with this Node first on PATH (commandEnv).
const CLI = REGWATCH_CLI;

export interface BenchSite {
  base: string;
  /** Move to generation g: K pages get a new list item. */
  generation(g: number): Promise<void>;
  stop(): void;
}

/** Start ../shared/bench/site.mjs on an ephemeral port. */
export async function startBenchSite(script: string, n: number, k: number): Promise<BenchSite> {
  const dir = mkdtempSync(join(tmpdir(), 'regwatch-bench-site-'));
  const portFile = join(dir, 'port');
  const child = spawn(
    process.execPath,
    [script, '--port', '0', '--port-file', portFile, '--n', String(n), '--k', String(k)],
    { stdio: 'ignore' },
  );
  await until(() => existsSync(portFile) && readFileSync(portFile, 'utf8').trim() !== '', 10_000, 'the bench site');
  const base = `http://127.0.0.1:${readFileSync(portFile, 'utf8').trim()}`;
  return {
    base,
    async generation(g) {
      const res = await fetch(`${base}/gen/${g}`, { method: 'POST' });
      if (!res.ok) throw new Error(`cannot set generation ${g} on ${base}`);
    },
    stop() {
      child.kill();
      for (const d of [dir, `${dir}-state`]) rmSync(d, { recursive: true, force: true });
    },
  };
}

async function until(ok: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`${what}: not ready within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A webhook receiver: when each alert id arrived (epoch ms). */
class Receiver {
  readonly got = new Map<string, number>();
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.got.set((JSON.parse(Buffer.concat(chunks).toString()) as { id: string }).id, Date.now());
      res.writeHead(200).end('ok');
    });
  });
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
    return this;
  }

  stop(): void {
    this.server.closeAllConnections();
    this.server.close();
  }
}

interface WatchGroup {
  prefix: string;
  site: BenchSite;
  count: number;
  every: string;
}

/** A config directory: one webhook channel, the watch groups, settings as in the `once` protocol plus `extra`. */
function writeConfig(groups: WatchGroup[], hook: string, extraSettings = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'regwatch-daemon-bench-'));
  mkdirSync(join(dir, 'watches'));
  writeFileSync(join(dir, 'notify.yaml'), `channels:\n  - id: hook\n    type: webhook\n    url: ${hook}\n`);
  writeFileSync(join(dir, 'settings.yaml'), `concurrency: 16\nperHost: 16\n${extraSettings}`);
  const watches = groups.flatMap((g) =>
    Array.from(
      { length: g.count },
      (_, i) =>
        `  - id: ${g.prefix}${i}\n    kind: page\n    url: ${g.site.base}/p/${i}\n    select: ul.list\n    every: ${g.every}\n`,
    ),
  );
  writeFileSync(join(dir, 'watches', 'bench.yaml'), `watches:\n${watches.join('')}`);
  return dir;
}

// The store lives beside the config directory, not in it: the daemon reloads its config on any change there.
const storeEnv = (dir: string): NodeJS.ProcessEnv => ({
  ...commandEnv(),
  REGWATCH_STORE: `sqlite://${dir}-state/state.sqlite`,
  REGWATCH_LOG_FORMAT: 'json',
});

/** Record every watch's baseline with `regwatch once` (untimed), so the daemon starts with nothing to catch up. */
async function prime(dir: string): Promise<void> {
  const child = spawn(CLI, ['once', '--config', dir], {
    env: { ...storeEnv(dir), REGWATCH_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((r) => child.on('close', r));
  if (code !== 0) throw new Error(`regwatch once (priming) exited with ${code}`);
}

interface LogLine {
  time: number;
  msg: string;
  watch?: string;
  alert?: string;
  level: number;
  port?: number;
}

/** `regwatch run` as a child process, its JSON log read line by line. */
class DaemonProcess {
  readonly child: ChildProcess;
  /** Alert id → when the outbox queued it (epoch ms, from the log). */
  readonly queued = new Map<string, number>();
  /** Checks finished (a 'checked' or 'check failed' line), and the failures among them. */
  checks = 0;
  failures = 0;
  /** The ops port, from the 'regwatch running' line (the daemon listens on an ephemeral one). */
  port = 0;
  private constructor(dir: string, level: string) {
    this.child = spawn(CLI, ['run', '--config', dir], {
      cwd: ROOT,
      env: { ...storeEnv(dir), REGWATCH_PORT: '0', REGWATCH_HOST: '127.0.0.1', REGWATCH_LOG_LEVEL: level },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // BENCH_DAEMON_LOG=<file>: keep the daemon's JSON log for a closer look.
    const keep = process.env.BENCH_DAEMON_LOG ? createWriteStream(process.env.BENCH_DAEMON_LOG) : undefined;
    createInterface({ input: this.child.stderr! }).on('line', (text) => {
      keep?.write(`${text}\n`);
      let entry: LogLine;
      try {
        entry = JSON.parse(text) as LogLine;
      } catch {
        return;
      }
      if (entry.msg === 'regwatch running' && entry.port) this.port = entry.port;
      else if (entry.msg === 'alert queued' && entry.alert) this.queued.set(entry.alert, entry.time);
      else if (entry.msg === 'checked') this.checks++;
      else if (entry.msg.startsWith('check failed')) {
        this.checks++;
        this.failures++;
      }
    });
  }

  static async start(dir: string, level: string): Promise<DaemonProcess> {
    const daemon = new DaemonProcess(dir, level);
    await until(
      () =>
        daemon.port > 0 &&
        fetch(`http://127.0.0.1:${daemon.port}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      60_000,
      'regwatch run',
    );
    return daemon;
  }

  /** One value of the daemon's /metrics (the first series of that name). */
  async metrics(): Promise<(name: string) => number> {
    const text = await (await fetch(`http://127.0.0.1:${this.port}/metrics`)).text();
    return (name) => Number(new RegExp(`^regwatch_${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1]);
  }

  /** The event-loop delay since the last scrape, in ms (prom-client resets its histogram on each scrape). */
  async loopDelay(): Promise<{ p50: number; p99: number; max: number }> {
    const read = await this.metrics();
    const ms = (name: string) => read(`nodejs_eventloop_lag_${name}_seconds`) * 1000;
    return { p50: ms('p50'), p99: ms('p99'), max: ms('max') };
  }

  /** CPU seconds (user + system) and voluntary + involuntary context switches, from /proc. */
  usage(): { cpuS: number; switches: number; rssMb: number } {
    const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const num = (re: RegExp) => Number(re.exec(status)?.[1] ?? NaN);
    return {
      cpuS: (Number(fields[11]) + Number(fields[12])) / 100,
      switches: num(/^voluntary_ctxt_switches:\s+(\d+)/m) + num(/^nonvoluntary_ctxt_switches:\s+(\d+)/m),
      rssMb: num(/^VmRSS:\s+(\d+)/m) / 1024,
    };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Wait until the wall clock is `at` (epoch ms). */
const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

interface Latencies {
  count: number;
  expected: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function latencies(queued: Map<string, number>, received: Map<string, number>, ids: string[], expected: number) {
  const ms = ids
    .map((id) => received.get(id)! - queued.get(id)!)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  return {
    count: ms.length,
    expected,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms.at(-1) ?? NaN,
  };
}

export interface DaemonLatencyReport {
  duringPass: Latencies;
  betweenPasses: Latencies;
  passS: number;
  passCpuS: number;
  checks: number;
  failures: number;
  loop: { p50: number; p99: number; max: number };
}

/**
 * Detection → webhook during a full pass of `n` watches (all due at once every 2 minutes) and between passes (10
 * watches every minute on a second site, changed while the big group waits for its next slot).
 */
export async function daemonLatency(siteScript: string, n: number, k: number): Promise<DaemonLatencyReport> {
  const big = await startBenchSite(siteScript, n, k);
  const small = await startBenchSite(siteScript, 10, 10);
  const receiver = await new Receiver().start();
  const groups: WatchGroup[] = [
    { prefix: 'p', site: big, count: n, every: '2m' },
    { prefix: 'q', site: small, count: 10, every: '1m' },
  ];
  const dir = writeConfig(groups, receiver.url, 'jitter: 0\n');
  let daemon: DaemonProcess | undefined;
  try {
    await prime(dir);
    daemon = await DaemonProcess.start(dir, 'debug');
    const d = daemon;
    // The big group is due at every even minute (jitter 0: every watch at the same instant). Leave the daemon 15 s
    // to settle after its start.
    const period = 120_000;
    const total = n + 10;
    let slot = Math.ceil(Date.now() / period) * period;
    if (slot - Date.now() < 15_000) {
      // Too close: let that pass run unchanged, and change the pages for the next one.
      const checks = d.checks;
      await sleepUntil(slot);
      await until(() => d.checks - checks >= total, 600_000, `the pass of ${total} checks`);
      slot += period;
    }
    await big.generation(1);
    await sleepUntil(slot - 2_000);
    await d.loopDelay(); // resets the daemon's event-loop delay histogram
    const before = d.usage();
    const checksBefore = d.checks;
    const failuresBefore = d.failures;
    await sleepUntil(slot);
    await until(() => d.checks - checksBefore >= total, 600_000, `the pass of ${total} checks`);
    const passS = (Date.now() - slot) / 1000;
    const after = d.usage();
    const loop = await d.loopDelay();
    const passAlerts = [...d.queued].filter(([, t]) => t >= slot).map(([id]) => id);
    await until(() => passAlerts.every((id) => receiver.got.has(id)), 60_000, 'delivery of the pass alerts');
    const duringPass = latencies(d.queued, receiver.got, passAlerts, k);
    const passChecks = d.checks - checksBefore;
    const passFailures = d.failures - failuresBefore;
    // Between passes: the small group's next slot that is not the big group's.
    let quietSlot = Math.ceil((Date.now() + 5_000) / 60_000) * 60_000;
    if (quietSlot % period === 0) quietSlot += 60_000;
    await sleepUntil(quietSlot - 10_000);
    await small.generation(1);
    await sleepUntil(quietSlot);
    const quietIds = () => [...d.queued].filter(([, t]) => t >= quietSlot).map(([id]) => id);
    await until(
      () => quietIds().length >= 10 && quietIds().every((id) => receiver.got.has(id)),
      60_000,
      'the alerts between passes',
    );
    const betweenPasses = latencies(d.queued, receiver.got, quietIds(), 10);
    return {
      duringPass,
      betweenPasses,
      passS,
      passCpuS: after.cpuS - before.cpuS,
      checks: passChecks,
      failures: passFailures,
      loop,
    };
  } finally {
    await daemon?.stop();
    receiver.stop();
    big.stop();
    small.stop();
    for (const d of [dir, `${dir}-state`]) rmSync(d, { recursive: true, force: true });
  }
}

export interface DaemonIdleReport {
  seconds: number;
  cpuPct: number;
  switchesPerS: number;
  rssMb: number;
  /** JavaScript heap in use at the end (the rest of the RSS is code, native modules and buffers). */
  heapMb: number;
  checks: number;
}

/** The daemon with `n` watches every day (baselines recorded first), measured for `seconds` after it settled. */
export async function daemonIdle(siteScript: string, n: number, seconds = 60): Promise<DaemonIdleReport> {
  const site = await startBenchSite(siteScript, n, 1);
  const receiver = await new Receiver().start();
  const dir = writeConfig([{ prefix: 'p', site, count: n, every: '1d' }], receiver.url);
  let daemon: DaemonProcess | undefined;
  try {
    await prime(dir);
    daemon = await DaemonProcess.start(dir, 'info');
    await new Promise((r) => setTimeout(r, 10_000)); // start-up work (JIT, first collections) settles
    const a = daemon.usage();
    const checks = daemon.checks;
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const b = daemon.usage();
    const s = (Date.now() - t0) / 1000;
    // Read after the window (a scrape wakes the daemon).
    const read = await daemon.metrics();
    return {
      heapMb: read('nodejs_heap_size_used_bytes') / 1048576,
      seconds: s,
      cpuPct: ((b.cpuS - a.cpuS) / s) * 100,
      switchesPerS: (b.switches - a.switches) / s,
      rssMb: b.rssMb,
      checks: daemon.checks - checks,
    };
  } finally {
    await daemon?.stop();
    receiver.stop();
    site.stop();
    for (const d of [dir, `${dir}-state`]) rmSync(d, { recursive: true, force: true });
  }
}

export function printLatency(r: DaemonLatencyReport, n: number): void {
  process.stdout.write(
    `\ndaemon (regwatch run, dist/): detection (alert queued) → webhook receipt; ${n} noisy pages due at once, ${r.duringPass.expected} changed\n`,
  );
  const row = (label: string, l: Latencies, target?: string) =>
    line(
      `${label} (${l.count}/${l.expected}) p50/p95/p99/max`,
      `${fmt(l.p50, 0)}/${fmt(l.p95, 0)}/${fmt(l.p99, 0)}/${fmt(l.max, 0)} ms`,
      target,
    );
  row('during the pass', r.duringPass, 'p99 < 500 ms');
  row('between passes', r.betweenPasses);
  line('pass wall / daemon CPU', `${fmt(r.passS, 1)} s / ${fmt(r.passCpuS, 1)} s`);
  line('checks in the pass / failed', `${r.checks} / ${r.failures}`);
  line(
    'event-loop delay in the pass p50/p99/max',
    `${fmt(r.loop.p50, 0)}/${fmt(r.loop.p99, 0)}/${fmt(r.loop.max, 0)} ms`,
  );
}

export function printIdle(r: DaemonIdleReport, n: number): void {
  process.stdout.write(
    `\nidle daemon (regwatch run, dist/): ${n} page watches every 1d (baselines recorded), measured over ${fmt(r.seconds, 0)} s\n`,
  );
  line('CPU', `${fmt(r.cpuPct, 2)} % of a core`, '< 1 %');
  line('resident memory (JavaScript heap in use)', `${fmt(r.rssMb, 0)} MB (${fmt(r.heapMb, 0)} MB)`, '< 150 MB');
  line('context switches', `${fmt(r.switchesPerS, 1)} /s`);
  line('checks due in the window', `${r.checks}`);
}
