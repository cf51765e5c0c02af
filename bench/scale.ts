/**
 * Scale benchmarks (issue: scale): 1,000 pages of 60 KB on loopback — unchanged pass, 10% changed, big diffs — and
 * regwatch side by side with urlwatch on the same pages (the noise-free scenario of `npm run bench -- urlwatch`). The
 * daemon's latency and idle cost are measured on the shared noisy site by bench/urlwatch-latency.ts.
 *
 *   npx tsx bench/scale.ts [--only NAME] [--pages N] [--pairs N]
 *   NAME: pass | changed | diff | urlwatch
 *
 * Prints a table per scenario and writes bench/results.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { loadConfig } from '../src/config/load-config.js';
import { plugins } from '../src/plugins.js';
import { diffText } from '../src/watcher-kit/diff-text.js';
import { Runner } from '../src/pipeline/runner.js';
import { Store } from '../src/store/store.js';
import { cpuMs, fmt, line, percentile } from './util.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const results: Record<string, unknown> = { cores: cpus().length, node: process.version, at: new Date().toISOString() };

/** A loopback site of N pages of about 60 KB: a big navigation and footer around a #main list that can change. */
export class PagesSite {
  private readonly versions: number[];
  private server = http.createServer((req, res) => {
    const n = Number(/^\/p\/(\d+)\.html$/.exec(req.url ?? '')?.[1] ?? NaN);
    if (!(n >= 0 && n < this.versions.length)) return void res.writeHead(404).end();
    // Like most web servers for a stored page: an ETag, and 304 to a client that already has this version.
    const etag = `"${n}-${this.versions[n]}"`;
    if (this.etags && req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(this.etags ? { etag } : {}) })
      .end(this.page(n));
  });
  base = '';
  private readonly chrome: string;

  constructor(
    readonly count: number,
    readonly etags = false,
  ) {
    this.versions = new Array<number>(count).fill(0);
    const links = Array.from(
      { length: 400 },
      (_, i) => `<li><a href="/nav/${i}.html">栏目导航 ${i} 政策 文件 解读</a></li>`,
    ).join('');
    this.chrome = `<div class="nav"><ul>${links}</ul></div>`;
  }

  private page(n: number): string {
    const v = this.versions[n]!;
    const items = Array.from(
      { length: 120 },
      (_, i) =>
        `<li><a href="/art/${n}/${i}.html">关于稀土行业第${i + 1}项工作的通知（栏目${n}）</a><span>2025-0${(i % 9) + 1}-1${i % 10}</span></li>`,
    );
    for (let k = 1; k <= v; k++)
      items.unshift(
        `<li><a href="/art/${n}/new-${k}.html">新发布的通知 第${k}号（栏目${n}）</a><span>2025-10-0${(k % 9) + 1}</span></li>`,
      );
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>栏目 ${n}</title></head><body>${this.chrome}
<div id="main"><h1>栏目 ${n}</h1><ul class="list">${items.join('\n')}</ul></div>
<div class="footer">${'版权所有 主办单位 地址 电话 网站标识码 '.repeat(60)}</div>${this.chrome}</body></html>`;
  }

  bytes(): number {
    return Buffer.byteLength(this.page(0));
  }

  /** Add a new item to every `step`-th page (changes spread over a pass, as they come in practice). */
  changeEvery(step: number): void {
    for (let i = 0; i < this.count; i += step) this.versions[i]!++;
  }

  /** Add a new item to pages [from, from + k). */
  change(from: number, k: number): void {
    for (let i = from; i < from + k; i++) this.versions[i % this.count]!++;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function regwatchConfig(
  site: PagesSite,
  notify = 'channels:\n  - id: out\n    type: console\n',
  every = '10m',
): string {
  const dir = mkdtempSync(join(tmpdir(), 'regwatch-scale-'));
  mkdirSync(join(dir, 'watches'));
  writeFileSync(join(dir, 'notify.yaml'), notify);
  writeFileSync(join(dir, 'settings.yaml'), 'concurrency: 32\nperHost: 32\nhostInterval: 0s\n');
  writeFileSync(
    join(dir, 'watches', 'pages.yaml'),
    `watches:\n${Array.from({ length: site.count }, (_, i) => `  - id: page-${i}\n    kind: page\n    url: ${site.base}/p/${i}.html\n    select: "#main"\n    every: ${every}\n`).join('')}`,
  );
  return dir;
}

async function inProcessRunner(dir: string): Promise<{ runner: Runner; store: Store; close(): Promise<void> }> {
  const store = await Store.open(`sqlite://${join(dir, 'state.sqlite')}`);
  const runner = new Runner({
    store,
    logger: pino({ level: 'silent' }),
    out: new Writable({ write: (_c, _e, cb) => cb() }),
    json: true,
  });
  await runner.applyConfig(loadConfig(dir, {}, plugins));
  return {
    runner,
    store,
    async close() {
      await runner.close();
      await store.close();
    },
  };
}

async function pass(runner: Runner): Promise<{ wall: number; cpu: number; changed: number; failed: number }> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const outcomes = await runner.checkAll();
  return {
    wall: (performance.now() - t0) / 1000,
    cpu: cpuMs(cpu) / 1000,
    changed: outcomes.filter((o) => o.status === 'changed').length,
    failed: outcomes.filter((o) => o.status === 'failed').length,
  };
}

async function scenarioPasses(n: number): Promise<void> {
  const site = await new PagesSite(n).start();
  const dir = regwatchConfig(site);
  const r = await inProcessRunner(dir);
  try {
    await pass(r.runner); // baselines
    const unchanged = await pass(r.runner);
    site.change(0, Math.round(n / 10));
    const changed = await pass(r.runner);
    process.stdout.write(
      `scale: ${n} page watches of ${fmt(site.bytes() / 1024, 0)} KB on loopback, one process, SQLite\n`,
    );
    line('full pass, nothing changed: wall', `${fmt(unchanged.wall, 2)} s`, '≤ 5 s');
    line('  CPU (this process)', `${fmt(unchanged.cpu, 2)} s`);
    line(`pass with ${Math.round(n / 10)} pages changed: wall`, `${fmt(changed.wall, 2)} s`, '≤ 8 s');
    line('  changes found / failures', `${changed.changed} / ${changed.failed}`);
    results.pass = {
      pages: n,
      pageKb: site.bytes() / 1024,
      unchangedWallS: unchanged.wall,
      unchangedCpuS: unchanged.cpu,
      changedWallS: changed.wall,
      changedCpuS: changed.cpu,
      changed: changed.changed,
    };
  } finally {
    await r.close();
    await site.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function scenarioDiff(): void {
  const lines = Array.from(
    { length: 20_000 },
    (_, i) => `第${i}行 稀土出口数据 ${(i * 7919) % 100000} 吨 统计口径说明文字`,
  );
  const before = lines.join('\n');
  const edited = [...lines];
  for (let e = 0; e < 500; e++) edited[(e * 7919) % lines.length] = `修改后的第${e}行 ${e}`;
  const after = edited.join('\n');
  let t0 = performance.now();
  const d1 = diffText(before, after);
  const scattered = performance.now() - t0;
  const replaced = Array.from({ length: 20_000 }, (_, i) => `完全不同的内容 ${i} ${(i * 31) % 997}`).join('\n');
  t0 = performance.now();
  const d2 = diffText(before, replaced);
  const pathological = performance.now() - t0;
  process.stdout.write(`diff: ${fmt(Buffer.byteLength(before) / 1048576, 2)} MB page, 20,000 lines\n`);
  line('500 scattered edits', `${fmt(scattered, 0)} ms`, '< 200 ms');
  line('every line replaced (capped, set-of-lines fallback)', `${fmt(pathological, 0)} ms`, 'capped');
  line('excerpt sizes', `${Buffer.byteLength(d1)} / ${Buffer.byteLength(d2)} B`, '≤ 4,096 B');
  results.diff = { mb: Buffer.byteLength(before) / 1048576, scatteredMs: scattered, pathologicalMs: pathological };
}

/**
 * Run a command under /usr/bin/time: wall, CPU and peak RSS of the whole process. Asynchronous, because the pages
 * it fetches are served by this very process.
 */
async function timed(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ wall: number; cpu: number; rssMb: number; stdout: string }> {
  const child = spawn('/usr/bin/time', ['-f', 'TIME %e %U %S %M', cmd, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  await new Promise<void>((resolve) => child.on('close', () => resolve()));
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
  if (!m) throw new Error(`${cmd} failed: ${stderr.slice(-500)}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024, stdout };
}

/** The compiled CLI (what an installed regwatch runs): `npm run build` (bin/build.js) into dist/. */
async function builtCli(): Promise<string> {
  const build = spawn(process.execPath, [join(ROOT, 'bin', 'build.js')], { cwd: ROOT, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => build.on('close', resolve));
  if (code !== 0) throw new Error('npm run build failed');
  return join(ROOT, 'dist', 'src', 'cli.js');
}

async function scenarioUrlwatch(n: number, pairs: number, etags: boolean): Promise<void> {
  if (!existsSync('/usr/bin/urlwatch') || !existsSync('/usr/bin/time')) {
    process.stdout.write('urlwatch: not run — install it with apt-get install -y urlwatch (and time)\n');
    return;
  }
  const k = Math.round(n / 10);
  const cli = await builtCli();
  const site = await new PagesSite(n, etags).start();
  const dir = regwatchConfig(site);
  const uw = join(dir, 'urlwatch');
  mkdirSync(uw);
  writeFileSync(
    join(uw, 'jobs.yaml'),
    Array.from(
      { length: n },
      (_, i) => `name: page-${i}\nurl: ${site.base}/p/${i}.html\nfilter:\n  - css: "#main"\n  - html2text\n`,
    ).join('---\n'),
  );
  const uwArgs = [
    '--urls',
    join(uw, 'jobs.yaml'),
    '--config',
    join(uw, 'urlwatch.yaml'),
    '--cache',
    join(uw, 'cache.db'),
  ];
  const rwArgs = [cli, 'once', '--config', dir, '--json'];
  const env = {
    ...process.env,
    REGWATCH_STORE: `sqlite://${join(dir, 'state.sqlite')}`,
    REGWATCH_LOG_LEVEL: 'error',
    HOME: uw,
  };
  try {
    await timed('/usr/bin/urlwatch', uwArgs, env); // prime
    await timed(process.execPath, rwArgs, env);
    type Timed = Awaited<ReturnType<typeof timed>>;
    const rows: Array<{ pair: number; urlwatch: Timed; regwatch: Timed; uwChanged: number; rwChanged: number }> = [];
    for (let p = 0; p < pairs; p++) {
      site.change(p * k, k);
      // Alternate who goes first, so neither always meets a warm or a cold machine.
      const first = p % 2 === 0 ? 'urlwatch' : 'regwatch';
      const run = (which: string) =>
        which === 'urlwatch' ? timed('/usr/bin/urlwatch', uwArgs, env) : timed(process.execPath, rwArgs, env);
      const a = await run(first);
      const b = await run(first === 'urlwatch' ? 'regwatch' : 'urlwatch');
      const urlwatch = first === 'urlwatch' ? a : b;
      const regwatch = first === 'urlwatch' ? b : a;
      rows.push({
        pair: p + 1,
        urlwatch,
        regwatch,
        uwChanged: (urlwatch.stdout.match(/^\d+\. CHANGED: /gm) ?? []).length,
        rwChanged: regwatch.stdout.split('\n').filter((l) => l.startsWith('{')).length,
      });
    }
    process.stdout.write(
      `side by side: ${n} pages of ${fmt(site.bytes() / 1024, 0)} KB, ${k} changed per pass, ${pairs} alternating pairs, server ${etags ? 'with ETags (304 for unchanged pages)' : 'without ETags'}; whole processes, start-up included, regwatch built (dist/)\n`,
    );
    process.stdout.write(
      `  ${'pair'.padEnd(6)}${'urlwatch wall/CPU/RSS'.padEnd(28)}${'regwatch wall/CPU/RSS'.padEnd(28)}${'wall ×'.padEnd(9)}${'CPU ×'.padEnd(9)}changes uw/rw\n`,
    );
    for (const r of rows) {
      process.stdout.write(
        `  ${String(r.pair).padEnd(6)}${`${fmt(r.urlwatch.wall, 2)} s ${fmt(r.urlwatch.cpu, 2)} s ${fmt(r.urlwatch.rssMb, 0)} MB`.padEnd(28)}${`${fmt(r.regwatch.wall, 2)} s ${fmt(r.regwatch.cpu, 2)} s ${fmt(r.regwatch.rssMb, 0)} MB`.padEnd(28)}${fmt(r.urlwatch.wall / r.regwatch.wall, 1).padEnd(9)}${fmt(r.urlwatch.cpu / r.regwatch.cpu, 1).padEnd(9)}${r.uwChanged}/${r.rwChanged}\n`,
      );
    }
    const med = (xs: number[]) =>
      percentile(
        [...xs].sort((a, b) => a - b),
        50,
      );
    const wallRatio = med(rows.map((r) => r.urlwatch.wall / r.regwatch.wall));
    const cpuRatio = med(rows.map((r) => r.urlwatch.cpu / r.regwatch.cpu));
    line('median wall ratio (urlwatch / regwatch)', `${fmt(wallRatio, 1)}×`, '≥ 5×');
    line('median CPU ratio (urlwatch / regwatch)', `${fmt(cpuRatio, 1)}×`, '≥ 10×');
    line(
      'both reported exactly the changed pages',
      rows.every((r) => r.uwChanged === k && r.rwChanged === k) ? 'yes' : 'NO',
    );
    results[etags ? 'urlwatchEtags' : 'urlwatch'] = {
      pages: n,
      changedPerPass: k,
      pairs: rows.map((r) => ({
        urlwatch: { wallS: r.urlwatch.wall, cpuS: r.urlwatch.cpu, rssMb: r.urlwatch.rssMb, changed: r.uwChanged },
        regwatch: { wallS: r.regwatch.wall, cpuS: r.regwatch.cpu, rssMb: r.regwatch.rssMb, changed: r.rwChanged },
      })),
      medianWallRatio: wallRatio,
      medianCpuRatio: cpuRatio,
    };
  } finally {
    await site.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runScaleBench(argv: string[] = process.argv.slice(2)): Promise<void> {
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = opt('only');
  const pages = Number(opt('pages') ?? 1000);
  const pairs = Number(opt('pairs') ?? 3);
  const want = (name: string) => !only || only === name;
  process.stdout.write(`machine: ${cpus().length} cores, Node ${process.version}\n`);
  if (want('pass') || want('changed')) await scenarioPasses(pages);
  if (want('diff')) scenarioDiff();
  if (want('urlwatch')) {
    await scenarioUrlwatch(pages, pairs, false);
    await scenarioUrlwatch(pages, pairs, true);
  }
  const out = fileURLToPath(new URL('./results.json', import.meta.url));
  const previous = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(out, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
  process.stdout.write(`wrote bench/results.json\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await runScaleBench();
