/**
 * `npm run bench -- startup`: start-up of `regwatch once` (dist/, through bin/regwatch.js) on an empty config — a
 * directory with an empty watches/ and a fresh SQLite store — ten whole processes timed by GNU time, medians printed
 * beside the target. What it measures is what every `once` from cron and every CLI command pays before any work.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, line, percentile } from './util.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 10;

interface Run {
  wallMs: number;
  cpuMs: number;
  rssMb: number;
}

/**
 * How many files one `once` loads (Node's own modules not counted): ES modules as the loader loads them and CommonJS
 * ones from require's cache, recorded by test/helpers/record-modules.js.
 */
async function loadedFiles(config: string, store: string, dir: string): Promise<{ count: number; kb: number }> {
  const out = join(dir, 'modules.txt');
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'regwatch.js'), 'once', '--config', config], {
    env: {
      ...process.env,
      REGWATCH_STORE: store,
      REGWATCH_LOG_LEVEL: 'error',
      REGWATCH_MODULES_OUT: out,
      NODE_OPTIONS: `--import ${join(ROOT, 'test', 'helpers', 'record-modules.js')}`,
    },
    stdio: 'ignore',
  });
  await new Promise((resolve) => child.on('close', resolve));
  const files = readFileSync(out, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('node:') && !l.startsWith('data:'))
    .map((l) => (l.startsWith('file:') ? fileURLToPath(l) : l));
  const unique = [...new Set(files)];
  // What V8 had to read and compile: the JavaScript of those files (the native binding left out).
  const bytes = unique.filter((f) => /\.[cm]?js$/.test(f)).reduce((n, f) => n + statSync(f).size, 0);
  return { count: unique.length, kb: bytes / 1024 };
}

/** One `once` under GNU time: its wall, user+sys CPU and peak RSS (`argv`: Node's arguments instead of a `once`). */
async function timedOnce(config: string, store: string, env: NodeJS.ProcessEnv = process.env, argv?: string[]) {
  const child = spawn(
    '/usr/bin/time',
    [
      '-f',
      'TIME %e %U %S %M',
      process.execPath,
      ...(argv ?? [join(ROOT, 'bin', 'regwatch.js'), 'once', '--config', config]),
    ],
    {
      env: { ...env, REGWATCH_STORE: store, REGWATCH_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const m = /^TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/m.exec(err);
  if (code !== 0 || !m) throw new Error(`regwatch once failed (exit ${code}):\n${err.slice(-1500)}`);
  const run: Run = {
    wallMs: Number(m[1]) * 1000,
    cpuMs: (Number(m[2]) + Number(m[3])) * 1000,
    rssMb: Number(m[4]) / 1024,
  };
  return run;
}

/** The median wall and CPU of `RUNS` processes, taken in turns with the other kinds (so a busy spell hits all alike). */
const medianOf = (runs: Run[], pick: (r: Run) => number) =>
  percentile(
    runs.map(pick).sort((a, b) => a - b),
    50,
  );

/** The medians of a set of `once` runs and of Node alone beside them. */
function report(runs: Run[], bare: Run[]): void {
  const ms = (set: Run[], pick: (r: Run) => number) => `${fmt(medianOf(set, pick), 0)}`;
  line('wall', `${ms(runs, (r) => r.wallMs)} ms`, '≤ 150 ms');
  line('CPU (user + sys)', `${ms(runs, (r) => r.cpuMs)} ms`);
  line('Node alone (`node -e 0`): wall / CPU', `${ms(bare, (r) => r.wallMs)} / ${ms(bare, (r) => r.cpuMs)} ms`);
}

export async function runStartupBench(): Promise<void> {
  if (!existsSync('/usr/bin/time')) {
    process.stdout.write('startup: not run — /usr/bin/time is missing (apt-get install -y time)\n');
    return;
  }
  const build = spawn(process.execPath, [join(ROOT, 'bin', 'build.js'), '--if-stale'], { stdio: 'inherit' });
  if ((await new Promise<number | null>((r) => build.on('close', r))) !== 0) throw new Error('the build failed');
  const dir = mkdtempSync(join(tmpdir(), 'regwatch-startup-'));
  try {
    mkdirSync(join(dir, 'config', 'watches'), { recursive: true });
    const store = `sqlite://${join(dir, 'state.sqlite')}`;
    await timedOnce(join(dir, 'config'), store); // creates the store; not counted
    // Node reads the file NODE_EXTRA_CA_CERTS names at every start, before any JavaScript runs (some hosts set it for
    // all processes; on this project's test machines it is a 220 kB bundle, about 50 ms): where it is set, a start
    // without it is timed too, and so is Node alone (`node -e 0`), in turns with the `once` runs.
    const caCerts = process.env.NODE_EXTRA_CA_CERTS;
    const withoutCa = { ...process.env };
    delete withoutCa.NODE_EXTRA_CA_CERTS;
    const runs: Run[] = [];
    const bare: Run[] = [];
    const runsWithoutCa: Run[] = [];
    const bareWithoutCa: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await timedOnce(join(dir, 'config'), store));
      bare.push(await timedOnce('', store, process.env, ['-e', '0']));
      if (!caCerts) continue;
      runsWithoutCa.push(await timedOnce(join(dir, 'config'), store, withoutCa));
      bareWithoutCa.push(await timedOnce('', store, withoutCa, ['-e', '0']));
    }
    process.stdout.write(
      `\nstart-up: \`regwatch once\` on an empty config, median of ${RUNS} whole processes (GNU time), Node ${process.version}\n`,
    );
    report(runs, bare);
    if (caCerts) {
      process.stdout.write(`  NODE_EXTRA_CA_CERTS is set (${caCerts}): the same without it\n`);
      report(runsWithoutCa, bareWithoutCa);
    }
    const loaded = await loadedFiles(join(dir, 'config'), store, dir);
    line('files loaded (JavaScript, JSON, native)', String(loaded.count));
    line('JavaScript in them', `${fmt(loaded.kb, 0)} kB`);
    line(
      'peak RSS',
      `${fmt(
        medianOf(runs, (r) => r.rssMb),
        0,
      )} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runStartupBench();
