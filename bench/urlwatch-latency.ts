/**
 * Detection → webhook receipt while a full pass runs, on the shared benchmark site's noisy pages: every page is
 * extracted on every check, K of them alert, and the outbox (on its own store connection, as in `run` and `once`)
 * must deliver them while the pass goes on.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../src/config/load-config.js';
import { Runner } from '../src/pipeline/runner.js';
import { Store } from '../src/store/store.js';
import type { Alert } from '../src/types.js';
import { percentile } from './util.js';
import { plugins } from '../src/plugins.js';

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
    {
      stdio: 'ignore',
    },
  );
  const deadline = Date.now() + 10_000;
  while (!(existsSync(portFile) && readFileSync(portFile, 'utf8').trim())) {
    if (Date.now() > deadline) throw new Error('the benchmark site did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  const base = `http://127.0.0.1:${readFileSync(portFile, 'utf8').trim()}`;
  return {
    base,
    async generation(g) {
      const res = await fetch(`${base}/gen/${g}`, { method: 'POST' });
      if (!res.ok) throw new Error(`cannot set generation ${g}`);
    },
    stop() {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function latencyDuringPass(
  site: BenchSite,
  n: number,
): Promise<{ p50: number; p99: number; delivered: number; passS: number }> {
  const received = new Map<string, number>();
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.set((JSON.parse(Buffer.concat(chunks).toString()) as Alert).id, performance.now());
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const dir = mkdtempSync(join(tmpdir(), 'regwatch-latency-'));
  mkdirSync(join(dir, 'watches'));
  writeFileSync(
    join(dir, 'notify.yaml'),
    `channels:\n  - id: hook\n    type: webhook\n    url: http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook\n`,
  );
  writeFileSync(join(dir, 'settings.yaml'), 'concurrency: 16\nperHost: 16\n');
  writeFileSync(
    join(dir, 'watches', 'bench.yaml'),
    `watches:\n${Array.from({ length: n }, (_, i) => `  - id: p${i}\n    kind: page\n    url: ${site.base}/p/${i}\n    select: ul.list\n`).join('')}`,
  );
  const store = await Store.open(`sqlite://${join(dir, 'state.sqlite')}`);
  const deliveryStore = await store.deliveryConnection();
  const runner = new Runner({
    store,
    deliveryStore,
    logger: pino({ level: 'silent' }),
    out: new Writable({ write: (_c, _e, cb) => cb() }),
  });
  await runner.applyConfig(loadConfig(dir, {}, plugins));
  const detected = new Map<string, number>();
  const emit = runner.emit.bind(runner);
  runner.emit = async (alerts, keys) => {
    for (const a of alerts) detected.set(a.id, performance.now());
    return emit(alerts, keys);
  };
  try {
    await runner.checkAll();
    await site.generation(1);
    const t0 = performance.now();
    await runner.checkAll();
    const passS = (performance.now() - t0) / 1000;
    await runner.drain(Date.now() + 30_000);
    const lat = [...detected]
      .map(([id, t]) => (received.get(id) ?? NaN) - t)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    return { p50: percentile(lat, 50), p99: percentile(lat, 99), delivered: lat.length, passS };
  } finally {
    await runner.close();
    await deliveryStore.close();
    await store.close();
    receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
