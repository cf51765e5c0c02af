import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureSite } from '../helpers/fixture-site.js';
import { Receiver } from '../helpers/receiver.js';
import { runCli, tempConfig } from '../helpers/run-cli.js';
import type { Alert } from '../../src/types.js';

describe('webhook notifier', () => {
  let site: FixtureSite;
  let receiver: Receiver;
  let cfg: { dir: string; store: string };
  const SECRET = 'test-secret-0123';

  beforeAll(async () => {
    site = await new FixtureSite().start();
    receiver = await new Receiver(SECRET).start();
    site.publish({ slug: 'old', title: '旧文件', date: '2025-01-01', body: '旧正文。' });
    cfg = tempConfig({
      'notify.yaml': `channels:\n  - id: hook\n    type: webhook\n    url: ${receiver.url}\n    secret: \${HOOK_SECRET}\n`,
      'settings.yaml': 'outbox:\n  initialBackoff: 50ms\n  maxBackoff: 200ms\n',
      'watches/site.yaml': `watches:\n  - id: mofcom-list\n    name: MOFCOM 政策发布\n    source: mofcom\n    kind: list\n    url: ${site.base}/list.html\n    items: "ul.zxxx_list li"\n    detail: div.article\n`,
    });
    const r = await runCli(['once', '--config', cfg.dir], { REGWATCH_STORE: cfg.store, HOOK_SECRET: SECRET });
    expect(r.code).toBe(0);
  });
  afterAll(async () => {
    await site.stop();
    await receiver.stop();
  });

  it('a receiver that fails twice then succeeds gets the alert once, signed, in the §7 shape', async () => {
    site.publish({
      slug: 'ann-18',
      title: '商务部 海关总署公告2025年第18号 公布对部分中重稀土相关物项实施出口管制的决定',
      date: '2025-04-04',
      body: '根据《中华人民共和国出口管制法》，决定对钐、钆、铽、镝、镥、钪、钇类相关物项实施出口管制。本公告自公布之日起正式实施。',
    });
    receiver.failNext = 2;
    const r = await runCli(['once', '--config', cfg.dir], { REGWATCH_STORE: cfg.store, HOOK_SECRET: SECRET });
    expect(r.code).toBe(0);
    expect(receiver.requests.map((q) => q.status)).toEqual([500, 500, 200]);
    const ok = receiver.accepted[0]!;
    const alert = JSON.parse(ok.body) as Alert;
    expect(Object.keys(alert)).toEqual(
      expect.arrayContaining([
        'id',
        'watch',
        'title',
        'url',
        'publishedAt',
        'detectedAt',
        'categories',
        'figures',
        'summary',
        'severity',
      ]),
    );
    expect(alert.watch).toEqual({ id: 'mofcom-list', name: 'MOFCOM 政策发布', source: 'mofcom' });
    expect(alert.url).toBe(`${site.base}/art/ann-18.html`);
    expect(alert.publishedAt).toBe('2025-04-04');
    expect(alert.detectedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(alert.categories).toContain('control_list_addition');
    expect(['high', 'normal', 'low']).toContain(alert.severity);
    // every retry carried the same idempotency key, the alert id
    expect(new Set(receiver.requests.map((q) => q.headers['idempotency-key']))).toEqual(new Set([alert.id]));
    // Signed over "<timestamp>.<body>" with the timestamp of the sending (the receiver verified it, or it would
    // have answered 401), so a captured delivery cannot be replayed after five minutes.
    const ts = String(ok.headers['x-regwatch-timestamp']);
    expect(Math.abs(Date.now() / 1000 - Number(ts))).toBeLessThan(300);
    const expected = `sha256=${createHmac('sha256', SECRET).update(`${ts}.${ok.body}`).digest('hex')}`;
    expect(ok.headers['x-regwatch-signature']).toBe(expected);
    expect(receiver.requests.filter((q) => q.status === 401)).toEqual([]);
    // the secret never shows up in what regwatch printed
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it('a delivery still failing when once ends stays in the outbox and goes out on the next run', async () => {
    site.publish({
      slug: 'ann-70',
      title: '商务部公告2025年第70号 关于暂停实施第61号公告的公告',
      date: '2025-11-07',
      body: '决定暂停实施2025年第61号公告，自即日起至2026年11月10日。',
    });
    receiver.failNext = 1000;
    const first = await runCli(['once', '--config', cfg.dir, '--deliver-timeout', '300ms'], {
      REGWATCH_STORE: cfg.store,
      HOOK_SECRET: SECRET,
    });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('still pending in the outbox');
    const before = receiver.accepted.length;
    receiver.failNext = 0;
    const second = await runCli(['once', '--config', cfg.dir], { REGWATCH_STORE: cfg.store, HOOK_SECRET: SECRET });
    expect(second.code).toBe(0);
    const delivered = receiver.accepted.slice(before).map((q) => JSON.parse(q.body) as Alert);
    expect(delivered.map((a) => a.url)).toEqual([`${site.base}/art/ann-70.html`]);
  });
});
