/** A failure's hint fits what happened: DNS is not a slow site, a port in use is named, a bug is not the site's fault. */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { describeFailure, failureHint } from '../../src/pipeline/failure-hints.js';
import { StoreUnavailable } from '../../src/store/store-error.js';
import { runCli, tempConfig } from '../helpers/run-cli.js';

describe('hints that fit the error', () => {
  it('a host name that does not resolve says so, and does not suggest raising the time-out', async () => {
    const cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'watches/a.yaml':
        'watches:\n  - id: nowhere\n    kind: page\n    url: http://no-such-ministry.invalid/list.html\n',
    });
    const r = await runCli(['once', '--config', cfg.dir], { REGWATCH_STORE: cfg.store });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nowhere: network: no-such-ministry\.invalid: (ENOTFOUND|EAI_AGAIN)/);
    expect(r.stderr).toContain('the host name no-such-ministry.invalid did not resolve (DNS)');
    expect(r.stderr).not.toMatch(/raise timeout/);
  });

  it('a refused connection says nothing listens there; a time-out still suggests raising timeout', () => {
    expect(failureHint({ kind: 'network', message: '127.0.0.1:9: ECONNREFUSED' })).toMatch(
      /nothing accepts connections at 127\.0\.0\.1:9/,
    );
    expect(failureHint({ kind: 'timeout', message: 'no complete answer within 5s' })).toMatch(/raise timeout/);
  });

  it('a store error is `store` and a bug is `internal`, never "check the url still serves a feed"', () => {
    const store = describeFailure(new StoreUnavailable('write', new Error('SQLITE_READONLY: attempt to write')));
    expect(store.kind).toBe('store');
    expect(failureHint(store)).toMatch(/REGWATCH_STORE.*site is not at fault/);
    const bug = describeFailure(new TypeError("Cannot read properties of undefined (reading 'title')"));
    expect(bug).toEqual({
      kind: 'internal',
      message: "TypeError: Cannot read properties of undefined (reading 'title')",
    });
    expect(failureHint(bug)).toMatch(/bug in regwatch/);
    for (const f of [store, bug]) expect(failureHint(f)).not.toMatch(/feed/);
  });

  it('`regwatch run` on a port in use names the port and REGWATCH_PORT', { timeout: 30_000 }, async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const cfg = tempConfig({
        'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
        'watches/a.yaml': 'watches: []\n',
      });
      const r = await runCli(['run', '--config', cfg.dir], {
        REGWATCH_STORE: cfg.store,
        REGWATCH_PORT: String(port),
        REGWATCH_LOG_FORMAT: 'json',
      });
      expect(r.code).toBe(1);
      expect(r.stderr + r.stdout).toContain(`port ${port} is already in use`);
      expect(r.stderr + r.stdout).toMatch(/set REGWATCH_PORT to a free port/);
    } finally {
      holder.close();
    }
  });
});
