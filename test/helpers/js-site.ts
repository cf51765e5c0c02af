/**
 * A local imitation of the sites that need a real browser (shared sources.md §0):
 * - `/js-list.html`: the list is empty in the HTML and filled in by JavaScript from `/api/items.json` after a delay;
 * - `/guarded/list.html`: the 瑞数 pattern — without its cookie, HTTP 412 and a `$_ts` script that sets the cookie and
 *   reloads; with the cookie, the list;
 * - `/never.html`: headers and half a document, then nothing until the test calls `finishHanging()`;
 * - `/held.html?n=…`: a plain page answered after `holdMs`, counting how many are being answered at once;
 * - `/guarded/stuck.html`: a challenge that never lets anyone through;
 * - `/with-image.html`: a page with an image, to see whether the browser asked for `/img.png`;
 * - `/leak.html?mb=…`: a page whose script keeps `mb` megabytes alive;
 * - `/art/<slug>.html`: the articles.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Article } from './fixture-site.js';

const COOKIE = '__jsluid_s=passed';

export class JsSite {
  readonly articles: Article[] = [];
  /** How long the list script waits before asking for the items. */
  renderDelayMs = 300;
  /** How long `/held.html` takes to answer. */
  holdMs = 150;
  /** Requests per path. */
  readonly hits = new Map<string, number>();
  /** `/held.html` requests being answered now, and the most at once. */
  held = 0;
  peakHeld = 0;
  /** 412 challenge pages served. */
  challenges = 0;
  /** Headers of the latest request. */
  lastHeaders: http.IncomingHttpHeaders = {};
  /** Called on every request (tests look at the machine at that moment, e.g. count browser processes). */
  onRequest: ((path: string) => void) | undefined;
  private server = http.createServer((req, res) => this.handle(req, res));
  private port = 0;
  private readonly unfinished = new Set<http.ServerResponse>();

  /** `/never.html` responses still unfinished. */
  get hanging(): number {
    return this.unfinished.size;
  }

  /** Finish the `/never.html` responses left hanging, so a test need not wait for the browser to give up. */
  finishHanging(): void {
    for (const res of this.unfinished) res.end('</p></body></html>');
    this.unfinished.clear();
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.unfinished) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  publish(article: Article): void {
    this.articles.unshift(article);
  }

  private itemsHtml(): string {
    return this.articles
      .map((a) => `<li><a href="/art/${a.slug}.html" title="${a.title}">${a.title}</a><span>[${a.date}]</span></li>`)
      .join('\n');
  }

  private page(title: string, body: string, head = ''): string {
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><div class="nav"><a href="/">首页</a></div>${body}<div class="footer">版权所有</div></body></html>`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.base);
    const path = url.pathname;
    this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
    this.lastHeaders = req.headers;
    this.onRequest?.(path);
    const html = (status: number, text: string, headers: http.OutgoingHttpHeaders = {}) =>
      void res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(text);

    if (path === '/js-list.html') {
      const script = `setTimeout(function () {
  fetch('/api/items.json').then(function (r) { return r.json(); }).then(function (d) {
    document.querySelector('ul.zxxx_list').innerHTML = d.html;
    document.body.setAttribute('data-rendered', 'yes');
  });
}, ${this.renderDelayMs});`;
      return html(200, this.page('文件发布', `<ul class="zxxx_list"></ul><script>${script}</script>`));
    }
    if (path === '/api/items.json') {
      return void res
        .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify({ html: this.itemsHtml() }));
    }
    if (path === '/guarded/list.html') {
      if ((req.headers.cookie ?? '').includes(COOKIE))
        return html(200, this.page('文件发布', `<ul class="zxxx_list">${this.itemsHtml()}</ul>`));
      const challenge = `<script>var $_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=84210;
setTimeout(function () { document.cookie = '${COOKIE}; path=/'; location.reload(); }, 200);</script>`;
      this.challenges++;
      return html(412, `<!DOCTYPE html><html><head><meta charset="utf-8">${challenge}</head><body></body></html>`, {
        'set-cookie': '__jsluid_h=first; path=/',
      });
    }
    if (path === '/guarded/stuck.html') {
      this.challenges++;
      return html(
        412,
        `<!DOCTYPE html><html><head><meta charset="utf-8"><script>var $_ts={};$_ts.nsd=1;</script></head><body>请稍候…</body></html>`,
      );
    }
    if (path === '/with-image.html')
      return html(200, this.page('图片', '<div id="main"><img src="/img.png" alt="图"><p>正文</p></div>'));
    if (path === '/img.png') {
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      );
      return void res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    }
    if (path === '/never.html') {
      this.unfinished.add(res);
      res.once('close', () => this.unfinished.delete(res));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<!DOCTYPE html><html><head><title>加载中</title></head><body><p>');
      return;
    }
    if (path === '/held.html') {
      this.held++;
      this.peakHeld = Math.max(this.peakHeld, this.held);
      setTimeout(() => {
        this.held--;
        html(
          200,
          this.page(
            '统计数据',
            `<div id="main"><h2>海关统计数据</h2><p>第${url.searchParams.get('n') ?? '0'}页</p></div>`,
          ),
        );
      }, this.holdMs);
      return;
    }
    if (path === '/leak.html') {
      const mb = Number(url.searchParams.get('mb') ?? '50');
      const script = `window.kept = []; for (var i = 0; i < ${mb}; i++) { var a = new Array(131072); for (var j = 0; j < a.length; j++) a[j] = j + i; window.kept.push(a); }`;
      return html(200, this.page('泄漏', `<div id="main">内存</div><script>${script}</script>`));
    }
    const art = /^\/art\/(.+)\.html$/.exec(path);
    const found = art ? this.articles.find((a) => a.slug === art[1]) : undefined;
    if (found) {
      return html(
        200,
        this.page(
          found.title,
          `<h1>${found.title}</h1><div class="article"><p>${found.body.split('\n').join('</p><p>')}</p></div>`,
        ),
      );
    }
    html(404, this.page('404', '<p>not found</p>'));
  }
}
