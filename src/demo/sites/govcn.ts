import { esc, FixtureHost, html, json, paragraphs, type Reply } from './host.js';

/** A document in the gov.cn policy library. */
export interface GovDoc {
  /** content_<id> number. */
  id: number;
  title: string;
  /** DOCRELPUBTIME: YYYY-MM-DD. */
  date: string;
  body: string;
  feed: 'zuixin' | 'jiedu';
}

/**
 * www.gov.cn's static TRS exports (shared sources.md §4): ZUIXINZHENGCE.json and ZCJD_QZ.json are bare arrays of
 * {TITLE, URL, DOCRELPUBTIME} with absolute URLs to https://www.gov.cn/zhengce/content/…; the article body is in
 * #UCAP-CONTENT.
 */
export class GovSite {
  readonly docs: GovDoc[] = [];
  readonly host = new FixtureHost('www.gov.cn', [(_req, url) => this.route(url)]);

  publish(doc: GovDoc): void {
    this.docs.unshift(doc);
  }

  path(d: GovDoc): string {
    return `/zhengce/content/${d.date.slice(0, 4)}${d.date.slice(5, 7)}/content_${d.id}.htm`;
  }

  private feed(which: GovDoc['feed']): Reply {
    return json(
      this.docs
        .filter((d) => d.feed === which)
        .map((d) => ({
          TITLE: d.title,
          URL: `https://www.gov.cn${this.path(d)}`,
          DOCRELPUBTIME: d.date,
          SUBTITLE: '',
        })),
    );
  }

  private route(url: URL): Reply | undefined {
    if (url.pathname === '/zhengce/zuixin/ZUIXINZHENGCE.json') return this.feed('zuixin');
    if (url.pathname === '/zhengce/jiedu/ZCJD_QZ.json') return this.feed('jiedu');
    const d = this.docs.find((x) => this.path(x) === url.pathname);
    if (!d) return undefined;
    return html(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(d.title)}_国务院文件_中国政府网</title></head><body>
<div class="header">中国政府网 首页 &gt; 政策</div><div class="article"><h1>${esc(d.title)}</h1><div class="pages-date">${d.date}</div>
<div class="pages_content" id="UCAP-CONTENT">${paragraphs(d.body)}</div></div><div class="footer">版权所有：中国政府网</div></body></html>`);
  }
}
