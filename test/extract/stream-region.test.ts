/**
 * The streaming extractor against the DOM path it replaces: on every page the fixture sites serve (the imitations of
 * MIIT, MOFCOM, GAC, gov.cn and the news outlets, the pipeline fixture site with its GBK page, the scale benchmark's
 * pages and, when this checkout sits beside it, the shared urlwatch benchmark site), for the shipped page watches'
 * selectors and for selectors built from each page's own ids and classes, the streamed text and title equal the
 * DOM's whenever the stream answers — and the stream answers for the selectors regwatch's page watches use.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domRegion } from '../../src/extract/page-region.js';
import { streamRegion, streamRegionBytes } from '../../src/extract/stream-region.js';
import type { FetchOk, RawBody } from '../../src/fetch/fetch-result.js';
import { httpFetch } from '../../src/fetch/http-fetch.js';
import { rewriteUrl } from '../../src/pipeline/url-rewrite.js';
import { BEATS, setTheScene } from '../../src/demo/story.js';
import { PagesSite } from '../../bench/scale.js';
import { FixtureSite } from '../helpers/fixture-site.js';
import { shippedConfig, startSourceSites, type SourceSites } from '../helpers/source-sites.js';
import { ROOT } from '../helpers/run-cli.js';

const BENCH_SITE = join(ROOT, '..', 'shared', 'bench', 'site.mjs');

interface Page {
  url: string;
  html: string;
  /** The body as fetched, when the fetch kept it undecoded: the stream must read it as it reads `html`. */
  body?: RawBody;
}

/** A fetched page with its undecoded body. */
const pageOf = (url: string, got: FetchOk): Page => ({ url, html: got.text, ...(got.body ? { body: got.body } : {}) });

/** Same-origin HTML pages reachable from `starts`, breadth first, at most `limit`. */
async function crawl(starts: string[], limit: number): Promise<Page[]> {
  const queue = [...starts];
  const seen = new Set(queue);
  const pages: Page[] = [];
  while (queue.length && pages.length < limit) {
    const url = queue.shift()!;
    const got = await httpFetch(rewriteUrl(url)).catch(() => undefined);
    if (!got || !/html/i.test(got.contentType) || !/<\w/.test(got.text)) continue;
    pages.push(pageOf(url, got));
    const $ = cheerio.load(got.text);
    $('a[href]').each((_, a) => {
      const href = new URL($(a).attr('href')!, url);
      href.hash = '';
      if (href.origin === new URL(url).origin && !seen.has(href.href) && /\.s?html?$|\/$/.test(href.pathname)) {
        seen.add(href.href);
        queue.push(href.href);
      }
    });
  }
  return pages;
}

/** Selectors to try on a page: the shipped page watches' ones, and ones made of the page's own ids and classes. */
function selectorsFor(html: string): Array<[string, string[]]> {
  const $ = cheerio.load(html);
  const out: Array<[string, string[]]> = [
    ['body', []],
    ['body', ['script', 'style']],
    ['body', ['script', 'style', '.footer']],
    ['div', []],
    ['li', []],
    ['p, h1, h2', []],
    ['table td', []],
  ];
  const ids = new Set<string>();
  const classes = new Set<string>();
  $('[id], [class]').each((_, el) => {
    const e = $(el);
    const tag = (el as { name: string }).name;
    const id = e.attr('id');
    if (id && /^[\w-]+$/.test(id)) ids.add(id);
    for (const c of (e.attr('class') ?? '').split(/\s+/)) if (/^[a-zA-Z][\w-]*$/.test(c)) classes.add(`${tag}.${c}`);
  });
  for (const id of [...ids].slice(0, 5)) out.push([`#${id} li`, []], [`div > #${id}`, ['.footer']]);
  for (const [i, tc] of [...classes].slice(0, 10).entries()) {
    const cls = tc.slice(tc.indexOf('.'));
    out.push(i % 2 ? [tc, []] : [cls, ['a']], i % 2 ? [`div ${cls}`, []] : [`body > div ${tc}`, []]);
  }
  return out;
}

/** Compare both paths on every page and selector; returns how often the stream answered and how often it could. */
function compare(pages: Page[], selectors?: (html: string) => Array<[string, string[]]>) {
  let streamed = 0;
  let matched = 0;
  for (const page of pages) {
    for (const [select, ignore] of (selectors ?? selectorsFor)(page.html)) {
      let dom: { text: string; title: string } | undefined;
      try {
        dom = domRegion(page.html, select, ignore);
      } catch {
        dom = undefined;
      }
      const stream = streamRegion(page.html, select, ignore);
      // The fast tokenizer reads the page as htmlparser2's does.
      expect({ page: page.url, select, ignore, fast: stream }).toEqual({
        page: page.url,
        select,
        ignore,
        fast: streamRegion(page.html, select, ignore, 'htmlparser2'),
      });
      // Read from the undecoded bytes, the stream gives the same answer.
      if (page.body)
        expect({ page: page.url, select, ignore, bytes: streamRegionBytes(page.body, select, ignore) }).toEqual({
          page: page.url,
          select,
          ignore,
          bytes: stream,
        });
      if (dom) matched++;
      if (!stream) continue;
      streamed++;
      expect({ page: page.url, select, ignore, ...stream }).toEqual({ page: page.url, select, ignore, ...dom });
    }
  }
  return { streamed, matched };
}

describe('the streaming extractor gives the DOM path’s text', () => {
  let sources: SourceSites;
  let fixture: FixtureSite;
  let scale: PagesSite;
  let bench: ChildProcess | undefined;
  let benchBase: string | undefined;

  beforeAll(async () => {
    sources = await startSourceSites();
    setTheScene(sources);
    for (const beat of BEATS) beat.act(sources);
    fixture = await new FixtureSite().start();
    for (let i = 0; i < 3; i++)
      fixture.publish({
        slug: `n${i}`,
        title: `关于稀土的通知 ${i}`,
        date: '2025-01-0' + (i + 1),
        body: '第一段\n第二段',
      });
    scale = await new PagesSite(5).start();
    if (existsSync(BENCH_SITE)) {
      const portFile = join(mkdtempSync(join(tmpdir(), 'regwatch-bench-site-')), 'port');
      bench = spawn(process.execPath, [BENCH_SITE, '--port', '0', '--port-file', portFile, '--n', '20', '--gen', '3'], {
        stdio: 'ignore',
      });
      for (let i = 0; i < 100 && !benchBase; i++) {
        if (existsSync(portFile) && readFileSync(portFile, 'utf8'))
          benchBase = `http://127.0.0.1:${readFileSync(portFile, 'utf8').trim()}`;
        else await new Promise((r) => setTimeout(r, 50));
      }
    }
  });

  afterAll(async () => {
    await sources.stop();
    await fixture.stop();
    await scale.stop();
    bench?.kill();
  });

  it('on every page of the imitated ministry and news sites', async () => {
    const starts = shippedConfig()
      .watches.filter((w) => w.fetch !== 'browser')
      .map((w) => w.url);
    const pages = await crawl(starts, 120);
    expect(pages.length).toBeGreaterThan(10);
    const { streamed, matched } = compare(pages);
    // The stream must carry most of the work, or it saves nothing.
    expect(streamed).toBeGreaterThan(matched * 0.8);
  });

  it('on the fixture site, its GBK-encoded list the same as the UTF-8 one', async () => {
    const pages = await crawl([`${fixture.base}/list.html`, `${fixture.base}/page.html`], 20);
    compare(pages);
    const utf8 = await httpFetch(`${fixture.base}/list.html`);
    const gbk = await httpFetch(`${fixture.base}/list-gbk.html`);
    const fromGbk = streamRegion(gbk.text, 'ul.zxxx_list');
    expect(fromGbk?.text).toContain('关于稀土的通知 2');
    expect(fromGbk).toEqual(streamRegion(utf8.text, 'ul.zxxx_list'));
    expect(gbk.body?.charset).toBe('gb18030');
    expect(streamRegionBytes(gbk.body!, 'ul.zxxx_list')).toEqual(fromGbk);
  });

  it('on the benchmark pages, streamed for the page watches’ selectors', async () => {
    const pages: Page[] = [];
    for (let i = 0; i < 5; i++)
      pages.push(pageOf(`${scale.base}/p/${i}.html`, await httpFetch(`${scale.base}/p/${i}.html`)));
    if (benchBase) {
      for (let i = 0; i < 20; i++) pages.push(pageOf(`${benchBase}/p/${i}`, await httpFetch(`${benchBase}/p/${i}`)));
    } else {
      process.stdout.write(`shared benchmark site not found at ${BENCH_SITE}: its pages are not compared\n`);
    }
    const hot = (): Array<[string, string[]]> => [
      ['ul.list', []],
      ['#main', []],
      ['body', ['script', 'style', '.footer']],
    ];
    const { streamed, matched } = compare(pages, hot);
    expect(streamed).toBe(matched);
    compare([pages[0]!, pages[pages.length - 1]!]);
  });
});

describe('pages where the HTML parsers build different trees go to the DOM', () => {
  const cases: Array<[string, string, string]> = [
    ['text foster-parented out of a table', '<body><table class="t">stray<tr><td>cell</td></tr></table></body>', '.t'],
    ['a list item inside a span', '<ul class="l"><li><span>one<li>two</span></ul>', 'li'],
    ['a paragraph closed by a div further down', '<div class="x"><p><span>a<div>b</div>c</span></p></div>', 'p'],
    ['content after </body>', '<body><div class="x">in</div></body><div class="x">out</div>', '.x'],
    ['a selector the stream does not read', '<ul class="l"><li>a</li><li>b</li></ul>', 'li:first-child'],
    ['a link inside a link', '<div class="x"><a href="/1">a<span><a href="/2">b</a></span></a></div>', '.x'],
    ['a definition inside a definition', '<dl class="x"><dd>a<span><dt>b</dt></span></dd></dl>', '.x'],
    ['a form inside a form', '<div class="x"><form>a<div><form>b</form></div></form></div>', '.x'],
  ];
  for (const [what, html, select] of cases) {
    it(what, () => {
      expect(streamRegion(html, select)).toBeUndefined();
      expect(domRegion(html, select).text.length).toBeGreaterThan(0);
    });
  }

  it('an element that was open no longer counts once closed, however it was closed', () => {
    // Each would send the page to the DOM while the element before it is still open.
    const pages = [
      '<body><p>a</p><div class="x"><span><div>b</div></span></div></body>',
      '<body><p>a<div class="x"><span><div>b</div></span></div></body>',
      '<body><ul><li>a</ul><div class="x"><span><li>b</li></span></div></body>',
      '<body><a href="/1">a</a><div class="x"><span><a href="/2">b</a></span></div></body>',
      '<body><dl><dt>a</dl><div class="x"><span><dt>b</dt></span></div></body>',
      '<body><form>a</form><div class="x"><form>b</form></div></body>',
    ];
    for (const html of pages) {
      const streamed = streamRegion(html, '.x');
      expect({ html, streamed: streamed !== undefined }).toEqual({ html, streamed: true });
      expect({ html, streamed }).toEqual({ html, streamed: domRegion(html, '.x') });
    }
  });

  it('a selector that matches nothing is judged on the DOM (selector failure)', () => {
    expect(streamRegion('<div class="a">x</div>', '.b')).toBeUndefined();
    expect(() => domRegion('<div class="a">x</div>', '.b')).toThrow(/matched nothing/);
  });

  it('nested and repeated matches, ignored regions and the title as the DOM reads them', () => {
    const html =
      '<html><head><title> 标题 </title></head><body><div class="a">一<div class="a">二<p>三</p></div>' +
      '<span class="ad">广告</span><script>x()</script></div><h1>主 <em>题</em></h1></body></html>';
    const streamed = streamRegion(html, 'div.a, h1', ['.ad']);
    expect(streamed).toEqual(domRegion(html, 'div.a, h1', ['.ad']));
    expect(streamed).toEqual({ text: '一\n二\n三\n二\n三\n主 题', title: '主 题' });
  });
});

describe('the pass stops reading once nothing later in the page can change the result', () => {
  const tail = '<table class="t">stray<tr><td>cell</td></tr></table></body><div>after body</div>';

  it('markup after the closed region that the parsers build differently no longer sends the page to the DOM', () => {
    const html = `<html><head><title>T</title></head><body><ul class="list"><li>一</li><li>二</li></ul>${tail}</html>`;
    const streamed = streamRegion(html, 'ul.list');
    expect(streamed).toEqual({ text: '一\n二', title: 'T' });
    expect(streamed).toEqual(domRegion(html, 'ul.list'));
  });

  it('reads on when a later start tag could be another match, or give the title', () => {
    const again = `<body><ul class="list"><li>一</li></ul><p>x</p><UL class="list"><li>二</li></UL>${tail}`;
    expect(streamRegion(again, 'ul.list')).toEqual({ text: '一\n二', title: '' });
    expect(domRegion(again, 'ul.list')).toEqual({ text: '一\n二', title: '' });
    // A tag name ends at any white space (a carriage return too), not at a letter, digit or hyphen.
    const afterReturn = `<body><ul class="list"><li>一</li></ul><p>x</p><ul\rclass="list"><li>二</li></ul>${tail}`;
    expect(streamRegion(afterReturn, 'ul.list')).toEqual({ text: '一\n二', title: '' });
    const custom = `<body><ul class="list"><li>一</li></ul><ul-x class="list"><li>二</li></ul-x>${tail}`;
    expect(streamRegion(custom, 'ul.list')).toEqual({ text: '一', title: '' });
    const heading = '<head><title>T</title></head><body><ul class="list"><li>一</li></ul><h1>题</h1></body>';
    expect(streamRegion(heading, 'ul.list')).toEqual({ text: '一', title: '题' });
    const byClass = `<body><div class="list">一</div>${tail}`;
    expect(streamRegion(byClass, '.list')).toBeUndefined();
  });
});

describe('read from the undecoded bytes, the stream gives what it gives on the decoded page', () => {
  // Decoys of the selected markup where the tokenizer must not see a start tag, text and attributes beyond ASCII, and
  // entities: in UTF-8 and in GB18030, whose second bytes include ASCII letters (「癌」 is B0 A9, 「啊」 B0 A1, 「安」 B0 B2).
  const html =
    '<!DOCTYPE html><html><head><meta charset="gb2312"><title>稀土 &amp; 价格</title>' +
    '<script>var s = "<ul class=\\"list\\"><li>脚本里的</li></ul>";</script>' +
    '<style>.list:after{content:"<ul class=list>"}</style></head><body>' +
    '<!-- <ul class="list"><li>注释里的</li></ul> -->' +
    '<div title="<ul class=&quot;list&quot;>" data-x=\'a>b\'>属性</div><textarea><ul class="list">文本框</ul></textarea>' +
    '<ul class="list 栏目" id="主"><li>关于稀土&nbsp;出口的<a href="/a?x=1&y=2">通知</a>（第&#49;号）</li>' +
    '<li>癌 啊 安 按 &lt;ul&gt;\r\n第二条</li></ul><h1>工业和信息化部</h1></body></html>';
  const cases: Array<[string, string[]]> = [
    ['ul.list', []],
    ['#主', []],
    ['ul.栏目 li', []],
    ['ul.list', ['a']],
    ['body', ['textarea']],
  ];
  for (const charset of ['utf-8', 'gb18030']) {
    it(`in ${charset}`, () => {
      const body = { bytes: iconv.encode(html, charset), charset };
      for (const [select, ignore] of cases) {
        const expected = streamRegion(html, select, ignore);
        expect(expected).toBeDefined();
        expect({ select, got: streamRegionBytes(body, select, ignore) }).toEqual({ select, got: expected });
      }
      expect(streamRegionBytes(body, 'ul.list')?.text).toBe('关于稀土 出口的通知（第1号）\n癌 啊 安 按 <ul>\n第二条');
    });
  }
  // GB18030 characters whose second byte is ASCII (丂 81 40 '@', 乣 81 60, 丟 81 47 'G', 乗 81 5C '\\', 亅 81 7C '|'),
  // beside pieces of plain ASCII (white space, a class name, figures), which are cut from the bytes without decoding.
  const mixed =
    '<html><head><title>丂 title</title></head><body><ul class="list 乗" id="x亅"> <li>丂</li>\n <li>2026</li>' +
    '<li class="G">乣G乣</li><li>a 丟 b</li><li>| 亅 |</li></ul></body></html>';
  for (const charset of ['utf-8', 'gb18030']) {
    it(`text beside characters whose bytes include ASCII, in ${charset}`, () => {
      const body = { bytes: iconv.encode(mixed, charset), charset };
      for (const select of ['ul.list', 'ul.乗', '#x亅', 'li.G', 'li'])
        expect({ select, got: streamRegionBytes(body, select) }).toEqual({ select, got: streamRegion(mixed, select) });
      expect(streamRegionBytes(body, 'ul.list')).toEqual({
        text: '丂\n2026\n乣G乣\na 丟 b\n| 亅 |',
        title: '丂 title',
      });
    });
  }
});

describe('the fast tokenizer reads odd markup as htmlparser2 does, or leaves it to htmlparser2', () => {
  const odd = [
    '<p =x class=a>一</p><p class = "b"id=\'c\'>二</p><p class=d/>三',
    '<div class="a"><!-->四<!--->五<!---- x -->六<!-x>七<!>八</div>',
    '<div class=a>九 < 十 <1 &amp &#x4e00; &nbsp;x&lt;y</div><?php x ?>',
    '<div class="a"><script/>十一</script><title>T &amp; U<b></title><textarea>&lt;</textarea></div>',
    '<div class="a &amp; b">十二</div><div class=a></ div>十三</div></>',
    '<div class="a"><STYLE>x</style >十四</div><div class=a><scriptx>十五</scriptx></div>',
    '<div class="a">十六<![CDATA[ x ]]></div><div class="a" title="x>y">十七</div><div class="a"',
  ];
  for (const html of odd) {
    it(html, () => {
      for (const select of ['.a', 'div', 'p', 'body'])
        expect({ select, got: streamRegion(html, select) }).toEqual({
          select,
          got: streamRegion(html, select, [], 'htmlparser2'),
        });
    });
  }
});
