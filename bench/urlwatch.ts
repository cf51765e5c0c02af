/**
 * `npm run bench -- urlwatch`: regwatch side by side with urlwatch 2.25 on the shared benchmark site
 * (../shared/bench/site.mjs: 40–80 KB ministry-style list pages with a clock, a token and a counter that change on
 * every request), by the shared protocol (../shared/bench/README.md, run-tool.sh): N page watches with
 * `select: ul.list`, K pages changed per pass, alternating pairs, whole processes timed by GNU time, a fresh SQLite
 * store and one webhook channel per regwatch run, primed by one untimed pass. Each regwatch pass must alert exactly the
 * K changed pages, once each (counted at the webhook receiver in this process).
 *
 * Then, labelled: the noise-free scenario of bench/scale.ts (same bytes on every request), detection → webhook latency
 * from the daemon during a full pass on the noisy pages and between passes, the idle daemon with N watches
 * (bench/urlwatch-latency.ts), and classification throughput.
 *
 *   npm run bench -- urlwatch [--pages N] [--changed K] [--pairs P] [--idle-seconds S]
 *                             [--only protocol|noise-free|latency|idle|classify]
 *   env IDLE_WAIT_S (run-tool.sh's wait for a quiet machine, default 60), BENCH_SHARED (the shared bench directory)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGWATCH_CLI, fmt, line, percentile } from './util.js';
import { daemonIdle, daemonLatency, printIdle, printLatency } from './urlwatch-latency.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = process.env.BENCH_SHARED ?? join(ROOT, '..', 'shared', 'bench');

/** One timed run as run-tool.sh reports it. */
interface ToolRun {
  wall: number;
  cpu: number;
  rssMb: number;
  changed: number;
  expected: number;
  match: boolean;
  otherCpu: number;
  line: string;
}

/** Webhook receiver: alert URLs per regwatch run (`/hook/<workdir>/<run>`), read back by run-tool.sh with curl. */
class AlertCounter {
  private readonly got = new Map<string, string[]>();
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const [, kind, workdir, run] = (req.url ?? '').split('/');
      const key = `${workdir}/${run}`;
      if (kind === 'hook') {
        const alert = JSON.parse(Buffer.concat(chunks).toString()) as { url: string };
        this.got.set(key, [...(this.got.get(key) ?? []), alert.url]);
        return void res.writeHead(200).end('ok');
      }
      const urls = this.got.get(key) ?? [];
      res.writeHead(200).end(kind === 'count' ? `${urls.length}\n` : urls.map((u) => `${u}\n`).join(''));
    });
  });
  base = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * run-tool.sh's settings for regwatch: config written by SETUP_CMD, `once` through bin/regwatch.js (dist/) run as a
 * command, as users run `regwatch` (its shebang's Node flags apply), with this bench's Node first on PATH.
 */
function regwatchEnv(receiver: string): NodeJS.ProcessEnv {
  const cfg = '$BENCH_WORKDIR/rw';
  const setup = [
    `mkdir -p ${cfg}/watches`,
    // BENCH_RUN is read by regwatch from the environment of each run: one receiver path per run.
    `printf 'channels:\\n  - id: hook\\n    type: webhook\\n    url: ${receiver}/hook/%s/\${BENCH_RUN}\\n' "$(basename $BENCH_WORKDIR)" > ${cfg}/notify.yaml`,
    // One host stands for a thousand: the per-host limit is the global one.
    `printf 'concurrency: 16\\nperHost: 16\\n' > ${cfg}/settings.yaml`,
    `{ echo watches:; for i in $(seq 0 $((BENCH_N - 1))); do printf '  - id: p%d\\n    kind: page\\n    url: %s/p/%d\\n    select: ul.list\\n' $i $BENCH_BASE_URL $i; done; } > ${cfg}/watches/bench.yaml`,
  ].join(' && ');
  const run = `env PATH=${dirname(process.execPath)}:$PATH REGWATCH_STORE=sqlite://${cfg}/state.sqlite REGWATCH_LOG_LEVEL=error ${REGWATCH_CLI} once --config ${cfg}`;
  const at = (kind: string) => `curl -s "${receiver}/${kind}/$(basename "$BENCH_WORKDIR")/$BENCH_RUN"`;
  return {
    TOOL_NAME: 'regwatch',
    SETUP_CMD: setup,
    PRIME_CMD: run,
    RUN_CMD: `exec ${run}`,
    CHANGED_COUNT_CMD: at('count'),
    CHANGED_LIST_CMD: at('list'),
  };
}

/** Run run-tool.sh (or run-urlwatch.sh) for one timed run and read its `run 1:` line. */
async function toolRun(script: string, n: number, k: number, seed: number, env: NodeJS.ProcessEnv): Promise<ToolRun> {
  const child = spawn(join(SHARED, script), [String(n), String(k)], {
    env: { ...process.env, ...env, REPEATS: '1', SITE_SEED: String(seed) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  await new Promise<void>((resolve) => child.on('close', () => resolve()));
  const run = /^run 1: .*$/m.exec(out)?.[0];
  if (!run) throw new Error(`${script} gave no timed run:\n${out}\n${err.slice(-2000)}`);
  if (!/match=yes/.test(run)) process.stdout.write(`  ${script}: ${err.trim().split('\n').slice(-8).join('\n  ')}\n`);
  const num = (name: string) => Number(new RegExp(`${name}=([\\d.]+)`).exec(run)?.[1] ?? NaN);
  return {
    wall: num('wall_s'),
    cpu: num('cpu_s'),
    rssMb: num('maxrss_mb'),
    changed: num(' changed'),
    expected: num('expected'),
    match: /match=yes/.test(run),
    otherCpu: num('other_cpu_s'),
    line: run,
  };
}

async function protocol(n: number, k: number, pairs: number): Promise<void> {
  for (const need of ['/usr/bin/urlwatch', '/usr/bin/time', join(SHARED, 'run-tool.sh')]) {
    if (!existsSync(need)) {
      process.stdout.write(
        `urlwatch side by side: not run — ${need} is missing (apt-get install -y urlwatch time curl)\n`,
      );
      return;
    }
  }
  const build = spawn(process.execPath, [join(ROOT, 'bin', 'build.js'), '--if-stale'], { stdio: 'inherit' });
  if ((await new Promise<number | null>((r) => build.on('close', r))) !== 0) throw new Error('the build failed');
  const receiver = await new AlertCounter().start();
  const rows: Array<{ pair: number; first: string; regwatch: ToolRun; urlwatch: ToolRun }> = [];
  try {
    for (let pair = 1; pair <= pairs; pair++) {
      // Alternate who goes first, so neither always meets a warm or a cold machine.
      const order = pair % 2 === 1 ? ['regwatch', 'urlwatch'] : ['urlwatch', 'regwatch'];
      const got: Record<string, ToolRun> = {};
      for (const tool of order) {
        got[tool] =
          tool === 'regwatch'
            ? await toolRun('run-tool.sh', n, k, pair, regwatchEnv(receiver.base))
            : await toolRun('run-urlwatch.sh', n, k, pair, {});
        process.stdout.write(`  pair ${pair} ${tool.padEnd(8)} ${got[tool].line}\n`);
      }
      rows.push({ pair, first: order[0]!, regwatch: got.regwatch!, urlwatch: got.urlwatch! });
    }
  } finally {
    await receiver.stop();
  }
  const cell = (r: ToolRun) => `${fmt(r.wall, 2)} s ${fmt(r.cpu, 2)} s ${fmt(r.rssMb, 0)} MB`;
  process.stdout.write(
    `\nurlwatch side by side (shared protocol): ${n} pages of 40–80 KB with noise on every response, ${k} changed per pass, ${pairs} alternating pairs; whole processes (GNU time), regwatch from dist/\n`,
  );
  process.stdout.write(
    `  ${'pair'.padEnd(6)}${'first'.padEnd(10)}${'urlwatch wall / CPU / RSS'.padEnd(28)}${'regwatch wall / CPU / RSS'.padEnd(28)}${'wall ×'.padEnd(8)}${'CPU ×'.padEnd(8)}alerts rw (K=${k})  other CPU\n`,
  );
  for (const r of rows) {
    process.stdout.write(
      `  ${String(r.pair).padEnd(6)}${r.first.padEnd(10)}${cell(r.urlwatch).padEnd(28)}${cell(r.regwatch).padEnd(28)}${fmt(r.urlwatch.wall / r.regwatch.wall, 1).padEnd(8)}${fmt(r.urlwatch.cpu / r.regwatch.cpu, 1).padEnd(8)}${`${r.regwatch.changed}${r.regwatch.match ? '' : ' MISMATCH'}`.padEnd(19)}${fmt(r.regwatch.otherCpu + r.urlwatch.otherCpu, 1)} s\n`,
    );
  }
  const median = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    );
  line(
    'median CPU ratio urlwatch / regwatch',
    `${fmt(median(rows.map((r) => r.urlwatch.cpu / r.regwatch.cpu)), 1)}×`,
    '≥ 5×, goal 10×',
  );
  line(
    'median wall ratio urlwatch / regwatch',
    `${fmt(median(rows.map((r) => r.urlwatch.wall / r.regwatch.wall)), 1)}×`,
    '≥ 3×',
  );
  line(
    'regwatch peak RSS (largest of the passes)',
    `${fmt(Math.max(...rows.map((r) => r.regwatch.rssMb)), 0)} MB`,
    '≤ 120 MB',
  );
  const exact = rows.every((r) => r.regwatch.match && r.regwatch.changed === k);
  line('every regwatch pass alerted exactly the changed pages', exact ? 'yes' : 'NO', `${k} per pass`);
  const noisy = rows.filter(
    (r) => r.regwatch.otherCpu + r.urlwatch.otherCpu > 0.1 * (r.regwatch.wall + r.urlwatch.wall),
  );
  if (noisy.length)
    process.stdout.write(
      `  note: other processes used CPU during ${noisy.length} of ${rows.length} pairs; compare within pairs\n`,
    );
  if (!exact) process.exitCode = 3;
}

export async function runUrlwatchBench(argv: string[] = process.argv.slice(2)): Promise<void> {
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const n = Number(opt('pages') ?? 1000);
  const k = Number(opt('changed') ?? Math.round(n / 10));
  const pairs = Number(opt('pairs') ?? 3);
  // `--only NAME` may be given several times: those scenarios, in their usual order.
  const only = argv.flatMap((a, i) => (a === '--only' && argv[i + 1] ? [argv[i + 1]!] : []));
  const want = (name: string) => only.length === 0 || only.includes(name);
  if (want('protocol')) await protocol(n, k, pairs);
  if (want('noise-free')) {
    process.stdout.write('\nsecond scenario, noise-free: bench/scale.ts pages serve the same bytes on every request\n');
    const { runScaleBench } = await import('./scale.js');
    await runScaleBench(['--only', 'urlwatch', '--pages', String(n), '--pairs', String(pairs)]);
  }
  // The daemon (`regwatch run`) on the same noisy pages: detection → webhook during and between passes, then idle.
  if (want('latency') && existsSync(join(SHARED, 'site.mjs')))
    printLatency(await daemonLatency(join(SHARED, 'site.mjs'), n, k), n);
  if (want('idle') && existsSync(join(SHARED, 'site.mjs')))
    printIdle(await daemonIdle(join(SHARED, 'site.mjs'), n, Number(opt('idle-seconds') ?? 60)), n);
  if (want('classify')) await (await import('./classify.js')).runClassifyBench();
}

if (import.meta.url === `file://${process.argv[1]}`) await runUrlwatchBench();
