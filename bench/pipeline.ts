/**
 * Pipeline throughput: N page watches on a loopback site whose pages do not change. The first pass records
 * baselines; the second pass is what a running bot does all day — fetch, extract, hash, compare, nothing to send.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../src/config/load-config.js';
import { plugins } from '../src/plugins.js';
import { Runner } from '../src/pipeline/runner.js';
import { Store } from '../src/store/store.js';
import { cpuMs, fmt, line, percentile, rssMb } from './util.js';

/** A ministry-like page of about 15 KB: navigation, a list of notices, a footer. */
function page(n: number): string {
  const items = Array.from(
    { length: 40 },
    (_, i) =>
      `<li><a href="/art/${n}-${i}.html">关于稀土行业第${i + 1}项工作的通知（第${n}号栏目）</a><span>2025-0${(i % 9) + 1}-1${i % 10}</span></li>`,
  ).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>栏目 ${n}</title></head><body>
<div class="nav">${'<a href="/">首页</a> '.repeat(30)}</div>
<div id="main"><h1>栏目 ${n}</h1><ul class="list">${items}</ul></div>
<div class="footer">${'版权所有 主办单位 地址 电话 '.repeat(40)}</div></body></html>`;
}

export async function runPipelineBench(count = 500): Promise<{ checksPerSecond: number; cpuMsPerCheck: number }> {
  const pages = Array.from({ length: count }, (_, i) => page(i));
  const server = http.createServer((req, res) => {
    const n = Number(/\/p\/(\d+)\.html/.exec(req.url ?? '')?.[1] ?? NaN);
    const body = pages[n];
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'regwatch-bench-'));
  mkdirSync(join(dir, 'watches'));
  writeFileSync(join(dir, 'notify.yaml'), 'channels:\n  - id: out\n    type: console\n');
  writeFileSync(join(dir, 'settings.yaml'), `concurrency: 32\nperHost: 32\nhostInterval: 0s\n`);
  writeFileSync(
    join(dir, 'watches', 'bench.yaml'),
    `watches:\n${pages.map((_, i) => `  - id: page-${i}\n    kind: page\n    url: ${base}/p/${i}.html\n    select: "#main"\n    every: 10m\n`).join('')}`,
  );
  const store = await Store.open(`sqlite://${join(dir, 'state.sqlite')}`);
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  const runner = new Runner({ store, logger: pino({ level: 'silent' }), out: sink });
  try {
    await runner.applyConfig(loadConfig(dir, {}, plugins));
    await runner.checkAll(); // baselines
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const durations: number[] = [];
    await Promise.all(
      runner.config.watches.map(async (w) => {
        const s = performance.now();
        const outcome = await runner.check(w);
        durations.push(performance.now() - s);
        if (outcome.status !== 'unchanged') throw new Error(`${w.id}: expected unchanged, got ${outcome.status}`);
      }),
    );
    const wall = (performance.now() - t0) / 1000;
    const cpuPerCheck = cpuMs(cpu) / count;
    durations.sort((a, b) => a - b);
    process.stdout.write(
      `pipeline: ${count} unchanged page watches (~${fmt(Buffer.byteLength(pages[0]!) / 1024)} KB each) on loopback, SQLite store\n`,
    );
    line('checks per second', fmt(count / wall, 0));
    line('CPU per check (fetch, extract, hash, compare)', `${fmt(cpuPerCheck, 2)} ms`);
    line(
      'check latency incl. queueing p50 / p95',
      `${fmt(percentile(durations, 50), 0)} / ${fmt(percentile(durations, 95), 0)} ms`,
    );
    line('resident memory after the pass', `${fmt(rssMb(), 0)} MB`);
    return { checksPerSecond: count / wall, cpuMsPerCheck: cpuPerCheck };
  } finally {
    await runner.close();
    await store.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runPipelineBench(Number(process.argv[2] ?? 500));
