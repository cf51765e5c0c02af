/**
 * `REGWATCH_REWRITE` trusts the exact origin it rewrites to, for the watch whose URL it rewrote: a page served there
 * cannot make regwatch fetch another port of that host (its /metrics, a local Redis), and another watch cannot
 * follow links to the rewrite target because of it.
 */
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Recorder } from '../helpers/recorder.js';
import { runCli, tempConfig } from '../helpers/run-cli.js';

const list = (items: string[]) => (res: http.ServerResponse) =>
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(
      `<html><body><ul class="l">${items.map((h, i) => `<li><a href="${h}">通知${i}</a></li>`).join('')}</ul></body></html>`,
    );

describe('REGWATCH_REWRITE trust', () => {
  let fixture: Recorder; // 127.0.0.1: where watched.test is rewritten to
  let service: Recorder; // 127.0.0.1 on another port: the bot's own service, never to be reached
  let other: Recorder; // 127.0.0.2: another watch's own site
  beforeAll(async () => {
    fixture = await new Recorder('127.0.0.1').start();
    service = await new Recorder('127.0.0.1').start();
    other = await new Recorder('127.0.0.2').start();
  });
  afterAll(async () => {
    await Promise.all([fixture.stop(), service.stop(), other.stop()]);
  });

  it('trusts only the rewritten origin, only for the rewritten watch', { timeout: 60_000 }, async () => {
    fixture.routes['/list.html'] = list(['/old.html']);
    other.routes['/list.html'] = list(['/old.html']);
    const cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'watches/a.yaml': [
        'watches:',
        '  - id: rewritten',
        '    kind: list',
        '    url: http://watched.test/list.html',
        '    items: "ul.l li"',
        '  - id: bystander',
        '    kind: list',
        `    url: ${other.base}/list.html`,
        '    items: "ul.l li"',
        '',
      ].join('\n'),
    });
    const env = {
      REGWATCH_STORE: cfg.store,
      REGWATCH_HISTORY: 'off',
      REGWATCH_REWRITE: `watched.test=${fixture.base}`,
    };
    await runCli(['once', '--config', cfg.dir], env);
    fixture.routes['/list.html'] = list(['/old.html', '/new-doc.html', `${service.base}/metrics`]);
    other.routes['/list.html'] = list(['/old.html', `${fixture.base}/from-bystander.html`]);
    const second = await runCli(['once', '--config', cfg.dir, '--json'], env);

    // The rewritten watch's own documents are fetched from the rewrite target …
    expect(fixture.seen.map((s) => s.path)).toContain('/new-doc.html');
    // … another port of that host is refused, with its reason in the alert …
    expect(service.seen).toEqual([]);
    expect(second.stdout).toMatch(/refused 127\.0\.0\.1:\d+: a loopback address/);
    // … and the other watch gets no trust from someone else's rewrite.
    expect(fixture.seen.map((s) => s.path)).not.toContain('/from-bystander.html');
  });
});
