/** A watched page's own scripts cannot make the browser reach the bot's machine or network. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../src/fetch/browser-pool.js';
import { requireChromium } from '../helpers/requirements.js';

const chromium = requireChromium();

describe.skipIf(!chromium)('the browser under the link guard', () => {
  const canaryHits: string[] = [];
  const upgrades: string[] = [];
  let canary: http.Server;
  let site: http.Server;
  let pool: BrowserPool;
  let canaryPort = 0;
  let sitePort = 0;

  beforeAll(async () => {
    canary = http.createServer((req, res) => {
      canaryHits.push(req.url ?? '');
      res.writeHead(200, { 'access-control-allow-origin': '*' }).end('secret');
    });
    canary.on('upgrade', (req, socket) => {
      upgrades.push(req.url ?? '');
      socket.destroy();
    });
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    canaryPort = (canary.address() as AddressInfo).port;
    const pages: Record<string, string> = {
      '/': `fetch('http://127.0.0.1:${canaryPort}/from-script').then((r) => r.text()).then(
          (t) => { document.getElementById('l').innerHTML = '<li>leaked ' + t + '</li>'; },
          () => { document.getElementById('l').innerHTML = '<li>refused</li>'; });
        new Image().src = 'http://127.0.0.1:${canaryPort}/from-image';
        navigator.sendBeacon('http://127.0.0.1:${canaryPort}/from-beacon', 'x');`,
      '/ws.html': `const done = () => { document.getElementById('l').innerHTML = '<li>closed</li>'; };
        const ws = new WebSocket('ws://127.0.0.1:${canaryPort}/from-websocket');
        ws.onerror = done; ws.onclose = done;`,
    };
    site = http.createServer((req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<html><body><ul id="l"></ul><script>${pages[req.url ?? '/'] ?? ''}</script></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    sitePort = (site.address() as AddressInfo).port;
    pool = new BrowserPool({ logger: pino({ level: 'silent' }), maxPages: 1, executablePath: chromium! });
  });
  afterAll(async () => {
    await pool?.close();
    canary?.close();
    site?.close();
  });

  it(
    'requests from the page (fetch, image, beacon) to an untrusted loopback address are aborted; the page itself renders',
    { timeout: 60_000 },
    async () => {
      const page = await pool.fetch(`http://localhost:${sitePort}/`, {
        watchId: 'guarded',
        waitFor: '#l li',
        guard: { trustedHosts: ['localhost'] },
      });
      expect(page.text).toContain('<li>refused</li>');
      expect(canaryHits).toEqual([]);
    },
  );

  // Known gap, reported to the browser pool: context.route() does not see WebSockets, so a page's script can open
  // one to the bot's own machine. Fix: context.routeWebSocket() refusing what isForbiddenUrl() refuses. Marked
  // `fails` so that it turns red — and the marker must go — the moment the gap is closed.
  it.fails("a page's WebSocket to an untrusted loopback address is refused", { timeout: 60_000 }, async () => {
    await pool.fetch(`http://localhost:${sitePort}/ws.html`, {
      watchId: 'guarded-ws',
      waitFor: '#l li',
      guard: { trustedHosts: ['localhost'] },
    });
    expect(upgrades).toEqual([]);
  });
});
