/** A notice whose substance is in its PDF annex: the alert is classified on the PDF's text, read with pdf.js. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runner } from '../../src/pipeline/runner.js';
import type { Store } from '../../src/store/store.js';
import { quietRunner } from '../helpers/quiet-runner.js';
import { tempConfig } from '../helpers/run-cli.js';

const pdf = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'attachments', 'miit-notice.pdf'));

describe('a PDF annex in an alert', () => {
  let server: http.Server;
  let published = false;
  let store: Store;
  let runner: Runner;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/list.html') {
        const item = published ? '<li><a href="/art/1.html">关于下达2026年第一批稀土指标的通知</a></li>' : '';
        return void res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(`<html><body><ul class="l"><li><a href="/art/0.html">旧通知</a></li>${item}</ul></body></html>`);
      }
      if (req.url === '/art/1.html')
        return void res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            '<html><body><div class="c"><p>详见附件。</p><a href="/files/notice.pdf">附件：通知全文</a></div></body></html>',
          );
      if (req.url === '/files/notice.pdf')
        return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'watches/a.yaml': `watches:\n  - id: miit\n    kind: list\n    url: ${base}/list.html\n    items: "ul.l li"\n    attachments: true\n`,
    });
    ({ runner, store } = await quietRunner(cfg.dir, cfg.store));
    expect((await runner.checkAll())[0]!.status).toBe('baseline');
  });
  afterAll(async () => {
    await runner.close();
    await store.close();
    server.close();
  });

  it('the quota in the PDF becomes the alert’s figure', { timeout: 30_000 }, async () => {
    published = true;
    const [outcome] = await runner.checkAll();
    expect(outcome!.status).toBe('changed');
    const alert = outcome!.alerts[0]!;
    expect(alert.summary).not.toMatch(/not read/);
    expect(alert.categories).toContain('quota_batch');
    expect(alert.figures).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: 135000, unit: 't', period: '2026' })]),
    );
  });
});
