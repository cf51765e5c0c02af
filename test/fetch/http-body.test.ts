import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFetch } from '../../src/fetch/http-fetch.js';

/** A page of `size` bytes whose every byte depends on its position, so a lost, doubled or moved piece shows. */
function page(size: number): Buffer {
  const head = Buffer.from('<!doctype html><html><body><p>');
  const tail = Buffer.from('</p></body></html>');
  const middle = Buffer.alloc(size - head.length - tail.length);
  for (let i = 0; i < middle.length; i++) middle[i] = 0x61 + (i % 26);
  return Buffer.concat([head, middle, tail]);
}

describe('a page body arrives whole', () => {
  const small = page(2_000);
  // Far more than one socket read (64 KB): it comes in many pieces, written in several parts too.
  const large = page(1_000_000);
  let server: http.Server;
  let base = '';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const body = req.url === '/large' ? large : small;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
      if (req.url !== '/large') return void res.end(body);
      for (let at = 0; at < body.length; at += 300_000) res.write(body.subarray(at, at + 300_000));
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('in one piece or in many, byte for byte', async () => {
    for (const [path, expected] of [
      ['/small', small],
      ['/large', large],
      ['/small', small],
    ] as const) {
      const got = await httpFetch(`${base}${path}`, { keepBytes: true });
      expect(got.bytes?.equals(expected)).toBe(true);
      expect(got.text.length).toBe(expected.length);
    }
  });
});
