/**
 * A local imitation of a ministry site for pipeline tests: a list page (UTF-8, and a GBK-encoded variant), article
 * pages, a noisy page whose counter and timestamp change on every request, an RSS feed, and switchable failures.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

export interface Article {
  slug: string;
  title: string;
  date: string;
  body: string;
}

export type Failure = 'none' | '500' | 'timeout' | 'challenge' | 'empty' | 'truncated' | 'no-items';

export class FixtureSite {
  readonly articles: Article[] = [];
  readonly feedEntries: Article[] = [];
  region = '国家统计：本月共发布文件3件。';
  failure: Failure = 'none';
  requests = 0;
  private counter = 0;
  /** Whether the noisy page's counter and time move on every request (false: it serves the same bytes each time). */
  pageNoise = true;
  private server = http.createServer((req, res) => this.handle(req, res));
  private port = 0;
  private readonly hanging = new Set<http.ServerResponse>();

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  publish(article: Article): void {
    this.articles.unshift(article);
  }

  publishFeed(entry: Article): void {
    this.feedEntries.unshift(entry);
  }

  private listHtml(charset: string): string {
    const items =
      this.failure === 'no-items'
        ? ''
        : this.articles
            .map(
              (a) => `<li><a href="/art/${a.slug}.html" title="${a.title}">${a.title}</a><span>[${a.date}]</span></li>`,
            )
            .join('\n');
    return `<!DOCTYPE html><html><head><meta charset="${charset}"><title>文件发布</title></head><body>
<div class="nav"><a href="/">首页</a></div>
<ul class="zxxx_list">${items}</ul>
<div class="footer">访问量：${++this.counter} 更新时间：${new Date().toISOString()}</div>
</body></html>`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.requests++;
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/list.html' || path === '/list-gbk.html' || path === '/page.html') {
      if (this.fail(res)) return;
    }
    if (path === '/list.html')
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(this.listHtml('utf-8'));
    if (path === '/list-gbk.html') {
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(iconv.encode(this.listHtml('gbk'), 'gbk'));
    }
    const art = /^\/art\/(.+)\.html$/.exec(path ?? '');
    const found = art ? [...this.articles, ...this.feedEntries].find((a) => a.slug === art[1]) : undefined;
    if (found) {
      return void res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!DOCTYPE html><html><head><title>${found.title}</title></head><body><div class="nav">首页 &gt; 文件发布</div><h1>${found.title}</h1><div class="article"><p>${found.body.split('\n').join('</p><p>')}</p></div><div class="footer">版权所有</div></body></html>`,
        );
    }
    if (path === '/page.html') {
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!DOCTYPE html><html><head><title>统计数据</title></head><body><div id="main"><h2>海关统计数据</h2><p>${this.region}</p></div>
<div class="counter">您是第${this.pageNoise ? ++this.counter : this.counter}位访问者</div><div class="time">${this.pageNoise ? new Date().toISOString() : 'fixed'}</div></body></html>`,
      );
    }
    if (path === '/feed.xml') {
      const items = this.feedEntries
        .map(
          (e) =>
            `<item><title>${e.title}</title><link>${this.base}/art/${e.slug}.html</link><guid>${this.base}/art/${e.slug}.html</guid><pubDate>${new Date(e.date).toUTCString()}</pubDate><description><![CDATA[${e.body}]]></description></item>`,
        )
        .join('\n');
      return void res
        .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' })
        .end(
          `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Rare earth news</title><link>${this.base}</link><description>news</description>${items}</channel></rss>`,
        );
    }
    res.writeHead(404).end('not found');
  }

  /** Answer with the configured failure; true when one was sent. */
  private fail(res: http.ServerResponse): boolean {
    switch (this.failure) {
      case '500':
        res
          .writeHead(500, { 'content-type': 'text/html' })
          .end('<html><body><h1>500 Internal Server Error</h1></body></html>');
        return true;
      case 'timeout':
        this.hanging.add(res);
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body>');
        return true;
      case 'challenge':
        res
          .writeHead(412, { 'content-type': 'text/html', 'set-cookie': '__jsluid_s=abc; path=/' })
          .end(
            '<html><head><meta charset="utf-8"><script>var $_ts=window["$_ts"];if(!$_ts)$_ts={};$_ts.nsd=12345;</script><script src="/x.js"></script></head><body></body></html>',
          );
        return true;
      case 'empty':
        res.writeHead(200, { 'content-type': 'text/html' }).end('');
        return true;
      case 'truncated': {
        const html = this.listHtml('utf-8');
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-length': String(Buffer.byteLength(html)),
        });
        // Flush the headers and half the body, then cut the connection.
        res.write(html.slice(0, Math.floor(html.length / 2)), () => res.socket?.destroy());
        return true;
      }
      default:
        return false;
    }
  }
}
