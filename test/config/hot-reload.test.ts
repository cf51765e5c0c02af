import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDaemon, type Daemon } from '../../src/daemon.js';
import { FixtureSite } from '../helpers/fixture-site.js';
import { tempConfig } from '../helpers/run-cli.js';

describe('hot reload', () => {
  let site: FixtureSite;
  let daemon: Daemon;
  let cfg: { dir: string; store: string };
  const logs: string[] = [];

  const watchesYaml = (ids: string[], every = '1h') =>
    `watches:\n${ids.map((id) => `  - id: ${id}\n    kind: page\n    url: ${site.base}/page.html\n    select: "#main"\n    every: ${every}\n`).join('')}`;

  beforeAll(async () => {
    site = await new FixtureSite().start();
    cfg = tempConfig({ 'notify.yaml': 'channels:\n  - id: out\n    type: console\n' });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(cfg.dir, 'watches'), { recursive: true });
    writeFileSync(join(cfg.dir, 'watches', 'site.yaml'), watchesYaml(['first']));
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        logs.push(chunk.toString());
        cb();
      },
    });
    daemon = await startDaemon({
      configDir: cfg.dir,
      env: { REGWATCH_STORE: cfg.store },
      logger: pino({ level: 'debug' }, stream),
      port: 0,
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await daemon.stop(100);
    await site.stop();
  });

  it('applies a valid change at once: a new watch is scheduled and a removed one stops', async () => {
    expect(daemon.scheduler.size()).toBe(1);
    writeFileSync(join(cfg.dir, 'watches', 'site.yaml'), watchesYaml(['first', 'second']));
    await vi.waitFor(() => expect(daemon.scheduler.ids()).toEqual(['first', 'second']), { timeout: 30_000 });
    expect(daemon.runner.config.watches.map((w) => w.id)).toEqual(['first', 'second']);
    writeFileSync(join(cfg.dir, 'watches', 'site.yaml'), watchesYaml(['second']));
    await vi.waitFor(() => expect(daemon.scheduler.ids()).toEqual(['second']), { timeout: 30_000 });
    expect(daemon.runner.config.watches.map((w) => w.id)).toEqual(['second']);
  });

  it('refuses an invalid change, logs why with file:line:col, and keeps checking with the last good config', async () => {
    const before = daemon.runner.config;
    writeFileSync(join(cfg.dir, 'watches', 'site.yaml'), `${watchesYaml(['second'])}    shedule: 5m\n`);
    await vi.waitFor(() => expect(logs.join('')).toContain('config change refused'), { timeout: 30_000 });
    expect(logs.join('')).toMatch(/site\.yaml:\d+:\d+: unknown key \\"shedule\\"/);
    expect(daemon.runner.config).toBe(before);
    expect(daemon.scheduler.size()).toBe(1);
    const outcome = await daemon.runner.check(daemon.runner.config.watches[0]!);
    expect(outcome.status).toBe('baseline');
  });

  it('does not reload when a file other than YAML changes in the config directory (a store, a log)', async () => {
    const config = daemon.runner.config;
    const logged = () => logs.join('');
    for (let i = 0; i < 5; i++) writeFileSync(join(cfg.dir, 'state.sqlite-journal'), `page ${i}`);
    writeFileSync(join(cfg.dir, 'watches', 'notes.txt'), 'ops notes');
    // Events of one folder arrive in order: once the YAML write is seen, the earlier writes have been seen too.
    writeFileSync(join(cfg.dir, 'watches', 'site.yaml'), watchesYaml(['second']));
    await vi.waitFor(() => expect(logged()).toContain('"file":"watches/site.yaml"'), { timeout: 30_000 });
    await vi.waitFor(() => expect(daemon.runner.config).not.toBe(config), { timeout: 30_000 });
    expect(logged()).not.toContain('state.sqlite-journal');
    expect(logged()).not.toContain('notes.txt');
  });

  it('serves /healthz and /metrics on the bot port', async () => {
    const health = await fetch(`http://127.0.0.1:${daemon.port}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { ready: boolean; watches: number };
    expect(body).toMatchObject({ ready: true, watches: 1 });
    const metrics = await (await fetch(`http://127.0.0.1:${daemon.port}/metrics`)).text();
    expect(metrics).toContain('regwatch_checks_total{watch="second",outcome="unchanged"} 1');
    // The process metrics are there, the event-loop delay (sampled every 100 ms) among them.
    expect(metrics).toMatch(/^regwatch_nodejs_eventloop_lag_p99_seconds \d/m);
  });
});
