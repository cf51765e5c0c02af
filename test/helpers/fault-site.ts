/**
 * A local ministry-like site for fault tests. `/list.html` is an announcement list (items published by the test) that
 * can be told to fail in any of the ways below; `/fault/<name>` always answers with that fault, so one config can hold
 * a watch per fault. Requests are announced as events ('list' when a list request arrives, 'list-sent' when its answer
 * has been written) so a test can kill the fetching process at that moment without sleeping.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

/** Every way the site can fail. */
export const SITE_FAULTS = [
  '500',
  '404',
  'challenge',
  'timeout',
  'truncated',
  'empty',
  'no-items',
  'big',
  'endless',
  'drip',
  'loop',
  'binary',
  'bad-utf8',
  'mislabelled-gbk',
  'mislabelled-utf8',
  'nested',
  'laughs',
  'laughs-padded',
  'huge-feed',
  'broken-feed',
] as const;
export type SiteFault = (typeof SITE_FAULTS)[number];

export interface Notice {
  slug: string;
  title: string;
  date: string;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const ENTITIES = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>`;
const laughs = (padding: string) =>
  `<?xml version="1.0"?>${padding}${ENTITIES}<rss version="2.0"><channel><title>&lol4;</title><item><title>&lol4;</title><guid>a</guid></item></channel></rss>`;
const bigFeed = (n: number) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>${Array.from({ length: n }, (_, i) => `<item><title>item ${i}</title><link>http://x.test/${i}</link><guid>g${i}</guid></item>`).join('')}</channel></rss>`;
const page = (inner: string, charset = 'utf-8') =>
  `<!DOCTYPE html><html><head><meta charset="${charset}"><title>通知</title></head><body><div id="m">${inner}</div></body></html>`;

export class FaultSite extends EventEmitter {
  readonly notices: Notice[] = [];
  /** How /list.html answers; 'none' serves the list. */
  failure: SiteFault | 'none' = 'none';
  /** Hold list answers until `releaseHeld()` (a fetch that is under way when the test kills the process). */
  hold = false;
  listRequests = 0;
  /** The most requests this site held open at one time (watches checked concurrently overlap here). */
  peakOpen = 0;
  private readonly open = new Set<http.ServerResponse>();
  private readonly held = new Set<() => void>();
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  private port = 0;

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.releaseHeld();
    for (const r of this.open) r.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  publish(notice: Notice): void {
    this.notices.unshift(notice);
  }

  releaseHeld(): void {
    for (const release of this.held) release();
    this.held.clear();
  }

  listHtml(): string {
    const items = this.notices
      .map((n) => `<li><a href="/art/${n.slug}.html">${n.title}</a><span>[${n.date}]</span></li>`)
      .join('\n');
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>文件发布</title></head><body><ul class="zxxx_list">${items}</ul></body></html>`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.open.add(res);
    this.peakOpen = Math.max(this.peakOpen, this.open.size);
    res.on('close', () => this.open.delete(res));
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/list.html') {
      this.listRequests++;
      this.emit('list');
      const answer = () => {
        if (res.destroyed) return;
        res.once('finish', () => this.emit('list-sent'));
        if (this.failure !== 'none') return this.serveFault(this.failure, res);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(this.listHtml());
      };
      if (this.hold) this.held.add(answer);
      else answer();
      return;
    }
    const fault = /^\/fault\/([\w-]+)$/.exec(path)?.[1] as SiteFault | undefined;
    if (fault && (SITE_FAULTS as readonly string[]).includes(fault)) return this.serveFault(fault, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }

  private serveFault(fault: SiteFault, res: http.ServerResponse): void {
    const html = (status: number, body: string | Buffer, type = 'text/html; charset=utf-8') =>
      void res.writeHead(status, { 'content-type': type }).end(body);
    switch (fault) {
      case '500':
        return html(500, '<html><body><h1>500 Internal Server Error</h1></body></html>');
      case '404':
        return html(404, '<html><body><h1>404 Not Found</h1></body></html>');
      case 'challenge':
        return void res
          .writeHead(412, { 'content-type': 'text/html', 'set-cookie': '__jsluid_s=abc; path=/' })
          .end('<html><head><script>var $_ts=window["$_ts"];if(!$_ts)$_ts={};$_ts.nsd=1;</script></head></html>');
      case 'timeout':
        res.writeHead(200, { 'content-type': 'text/html' });
        return void res.write('<html><body>');
      case 'truncated': {
        const body = this.listHtml();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length * 3) });
        return void res.write(body.slice(0, body.length >> 1), () => res.socket?.destroy());
      }
      case 'empty':
        return html(200, '');
      case 'no-items':
        return html(200, page('<ul class="zxxx_list"></ul><p>网站改版中</p>'));
      case 'big': {
        // 50 MB, as fast as the client reads.
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(1 << 20, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 50 && res.write(chunk)) sent++;
          if (sent >= 50) res.end();
          else res.once('drain', pump);
        };
        return pump();
      }
      case 'endless': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'b');
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        return pump();
      }
      case 'drip': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const timer = setInterval(() => res.write('<p>'), 100);
        return void res.on('close', () => clearInterval(timer));
      }
      case 'loop':
        return void res.writeHead(302, { location: '/fault/loop' }).end();
      case 'binary':
        return html(200, Buffer.concat([PNG, Buffer.alloc(4096, 0)]), 'text/html');
      case 'bad-utf8':
        return html(
          200,
          Buffer.concat([
            Buffer.from(page('稀土').slice(0, -'</div></body></html>'.length)),
            Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
            Buffer.from('通知</div></body></html>'),
          ]),
        );
      case 'mislabelled-gbk':
        // GBK bytes under a UTF-8 label.
        return html(200, iconv.encode(page('稀土管理条例'), 'gbk'));
      case 'mislabelled-utf8':
        // UTF-8 bytes under an old GB2312 label (a site migrated to UTF-8 that kept its meta tag).
        return html(200, Buffer.from(page('稀土管理条例', 'gb2312')), 'text/html');
      case 'nested':
        return html(200, page(`${'<div>'.repeat(100_000)}深层${'</div>'.repeat(100_000)}`));
      case 'laughs':
        return html(200, laughs(''), 'application/rss+xml');
      case 'laughs-padded':
        // The entity declarations behind 30 KB of comment, past any look-ahead of a first-bytes check.
        return html(200, laughs(`<!--${'x'.repeat(30_000)}-->`), 'application/rss+xml');
      case 'huge-feed':
        return html(200, bigFeed(10_000), 'application/rss+xml');
      case 'broken-feed':
        return html(200, '<rss><channel><item><title>x</ti', 'application/rss+xml');
    }
  }
}
