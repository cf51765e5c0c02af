/** A watched page's own scripts cannot make the browser reach the bot's machine or network. */
import { createHash } from 'node:crypto';
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
      '/own-ws.html': `const ws = new WebSocket('ws://localhost:' + location.port + '/live');
        ws.onopen = () => { document.getElementById('l').innerHTML = '<li>open</li>'; };
        ws.onclose = () => { document.getElementById('l').innerHTML = '<li>closed</li>'; };`,
      '/ws.html': `const done = () => { document.getElementById('l').innerHTML = '<li>closed</li>'; };
        const ws = new WebSocket('ws://127.0.0.1:${canaryPort}/from-websocket');
        ws.onerror = done; ws.onclose = done;`,
    };
    site = http.createServer((req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<html><body><ul id="l"></ul><script>${pages[req.url ?? '/'] ?? ''}</script></body></html>`);
    });
    // The watched site's own WebSocket (a live ticker, say): a bare handshake, then the socket stays open.
    site.on('upgrade', (req, socket) => {
      const accept = createHash('sha1')
        .update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
        .digest('base64');
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      socket.on('error', () => undefined);
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

  // context.route() does not see WebSockets; the pool routes them through the same guard with routeWebSocket().
  it("a page's WebSocket to an untrusted loopback address is refused", { timeout: 60_000 }, async () => {
    await pool.fetch(`http://localhost:${sitePort}/ws.html`, {
      watchId: 'guarded-ws',
      waitFor: '#l li',
      guard: { trustedHosts: ['localhost'] },
    });
    expect(upgrades).toEqual([]);
  });

  it("the watched site's own WebSocket still connects", { timeout: 60_000 }, async () => {
    const page = await pool.fetch(`http://localhost:${sitePort}/own-ws.html`, {
      watchId: 'guarded-own-ws',
      waitFor: '#l li',
      guard: { trustedHosts: ['localhost'] },
    });
    expect(page.text).toContain('<li>open</li>');
  });
});
