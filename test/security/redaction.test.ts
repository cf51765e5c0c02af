/**
 * One redaction for everything that leaves the process: change alerts, ops alerts ("failing", "recovered"), log
 * lines and /healthz never carry a token from a watch URL, whether it came from a `${VAR}` or was typed into the URL.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon } from '../../src/daemon.js';
import type { Alert } from '../../src/types.js';
import { jsonLines, runCli, tempConfig } from '../helpers/run-cli.js';

const FEED_ACCESS = 'feedaccess-9d21c0b7';
const LITERAL = 'Lit3ralTokenInConfig';

describe('one redaction for alerts, logs and /healthz', () => {
  // Redirects to itself while `failing` (the failure quotes the URL), a page otherwise.
  let failing = true;
  const api = http.createServer((req, res) => {
    if (failing) return void res.writeHead(302, { location: req.url ?? '/' }).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><main>稀土 ok</main></body></html>');
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    api.closeAllConnections();
    api.close();
  });

  const config = () =>
    tempConfig({
      'settings.yaml': 'failureThreshold: 1\n',
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n    ops: true\n',
      'watches/a.yaml': [
        'watches:',
        '  - id: keyed',
        '    kind: page',
        `    url: ${base}/feed?access_token=\${FEED_ACCESS}`,
        '    select: main',
        '  - id: literal',
        '    kind: page',
        `    url: ${base}/other?token=${LITERAL}&page=2`,
        '    select: main',
        '',
      ].join('\n'),
    });

  it('"failing" and "recovered" ops alerts carry the watch URL without its token', { timeout: 60_000 }, async () => {
    const cfg = config();
    const env = { REGWATCH_STORE: cfg.store, REGWATCH_HISTORY: 'off', FEED_ACCESS, REGWATCH_LOG_LEVEL: 'debug' };
    failing = true;
    const down = await runCli(['once', '--config', cfg.dir, '--json'], env);
    failing = false;
    const up = await runCli(['once', '--config', cfg.dir, '--json'], env);
    const alerts = [...jsonLines<Alert>(down.stdout), ...jsonLines<Alert>(up.stdout)];
    const titles = alerts.map((a) => a.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Watch keyed is failing/),
        expect.stringMatching(/^Watch literal is failing/),
        'Watch keyed recovered',
        'Watch literal recovered',
      ]),
    );
    const urls = new Set(alerts.map((a) => a.url));
    expect(urls).toEqual(new Set([`${base}/feed?access_token=[redacted]`, `${base}/other?token=[redacted]&page=2`]));
    const all = [down.stdout, down.stderr, up.stdout, up.stderr].join('\n');
    expect(all).not.toContain(FEED_ACCESS);
    expect(all).not.toContain(LITERAL);
  });

  it('/healthz and the log lines of a failing check name the URL without its token', async () => {
    const cfg = config();
    const lines: string[] = [];
    const logger = pino(
      { level: 'debug' },
      new Writable({
        write: (chunk: Buffer, _enc, done) => {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    failing = true;
    const env = { REGWATCH_STORE: cfg.store, REGWATCH_HISTORY: 'off', FEED_ACCESS };
    const daemon = await startDaemon({ configDir: cfg.dir, env, logger, port: 0 });
    try {
      for (const w of daemon.runner.config.watches) await daemon.runner.check(w);
      const res = await fetch(`http://127.0.0.1:${daemon.port}/healthz`);
      const text = await res.text();
      expect(text).toContain('redirect loop');
      expect(text).toContain('token=[redacted]');
      expect(text).not.toContain(LITERAL);
      expect(lines.join('')).toContain('check failed');
      expect(lines.join('')).not.toContain(LITERAL);
    } finally {
      await daemon.stop(200);
    }
  });
});
