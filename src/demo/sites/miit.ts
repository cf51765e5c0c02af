import { esc, FixtureHost, hexId, html, json, paragraphs, type Reply } from './host.js';

/** A notice as MIIT posts it. */
export interface MiitNotice {
  slug: string;
  title: string;
  /** List date, YYYY-MM-DD. */
  date: string;
  body: string;
  /** Columns it is posted in: 原材料工业司 文件发布, and/or 文件发布 — 通知. */
  columns: Array<'ycls' | 'tz'>;
}

const COLUMNS = {
  ycls: {
    index: '/jgsj/ycls/wjfb/index.html',
    art: '/jgsj/ycls/wjfb/art',
    pageId: 'a1f6b7d4c0e24b5f9d3e2c1b0a998877',
    name: '原材料工业司 文件发布',
  },
  tz: {
    index: '/zwgk/zcwj/wjfb/tz/index.html',
    art: '/zwgk/zcwj/wjfb/tz/art',
    pageId: '3e3ad1a3bec74939890a0d3e54815141',
    name: '文件发布 通知',
  },
} as const;
const UNIT = '/api-gateway/jpaas-publish-server/front/page/build/unit';

/**
 * www.miit.gov.cn as shared sources.md §1 describes it: index pages whose list JavaScript fills in from the jpaas API
 * (JSON whose data.html is the list fragment), 403 to clients without a browser User-Agent and a Referer, article
 * pages under …/art/YYYY/art_<32 hex>.html, and the site search API (data.searchResult.dataResults, cdate in ms).
 */
export class MiitSite {
  readonly notices: MiitNotice[] = [];
  readonly host = new FixtureHost('www.miit.gov.cn', [(req, url) => this.route(req.headers, url)]);

  publish(notice: MiitNotice): void {
    this.notices.unshift(notice);
  }

  path(n: MiitNotice, column: 'ycls' | 'tz'): string {
    return `${COLUMNS[column].art}/${n.date.slice(0, 4)}/art_${hexId(n.slug)}.html`;
  }

  private fragment(column: 'ycls' | 'tz'): string {
    const items = this.notices
      .filter((n) => n.columns.includes(column))
      .map(
        (n) =>
          `<li class="cf"><a href="${this.path(n, column)}" target="_blank" title="${esc(n.title)}">${esc(n.title)}</a><span>${n.date}</span></li>`,
      )
      .join('\n');
    return `<div class="page-content"><ul>\n${items}\n</ul><div class="page-box" data-total="${this.notices.length}"></div></div>`;
  }

  private indexPage(column: 'ycls' | 'tz'): string {
    const c = COLUMNS[column];
    const api = `${UNIT}?parseType=buildstatic&webId=8d828e408d90447786ddbe128d495e9e&tplSetId=209741b2109044b5b7695700b2bec37e&pageType=column&tagId=%E5%8F%B3%E4%BE%A7%E5%86%85%E5%AE%B9&editType=null&pageId=${c.pageId}&pageNo=1&pageSize=20`;
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${c.name}_中华人民共和国工业和信息化部</title></head><body>
<div class="header"><a href="/">首页</a> <a href="/jgsj/index.html">机构设置</a> <a href="/zwgk/index.html">政务公开</a></div>
<div class="lmy_main_r"><div class="lmy_title">${c.name}</div><div id="unit-list"></div></div>
<script>fetch(${JSON.stringify(api)}).then(function (r) { return r.json(); }).then(function (j) { document.getElementById('unit-list').innerHTML = j.data.html; });</script>
<div class="footer">版权所有：中华人民共和国工业和信息化部</div></body></html>`;
  }

  private article(n: MiitNotice): string {
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(n.title)}_中华人民共和国工业和信息化部</title></head><body>
<div class="header"><a href="/">首页</a> &gt; 政务公开 &gt; 文件发布</div>
<div class="ctitle"><h1 id="con_title">${esc(n.title)}</h1></div>
<div class="cinfo">发布时间：${n.date} 来源：原材料工业司</div>
<div class="ccontent" id="con_con">${paragraphs(n.body)}</div>
<div class="footer">版权所有：中华人民共和国工业和信息化部 地址：北京市西长安街13号</div></body></html>`;
  }

  private search(q: string): Reply {
    const hits = this.notices.filter((n) => n.title.includes(q) || n.body.includes(q));
    return json({
      success: true,
      code: 200,
      message: 'success',
      data: {
        searchResult: {
          total: hits.length,
          dataResults: hits.map((n) => ({
            groupName: '文件发布',
            data: {
              title: n.title.split(q).join(`<em>${q}</em>`),
              url: `https://www.miit.gov.cn${this.path(n, n.columns[0] ?? 'tz')}`,
              cdate: Date.parse(`${n.date}T09:00:00+08:00`),
              summary: n.body.slice(0, 80),
            },
          })),
        },
      },
    });
  }

  private route(headers: Record<string, string | string[] | undefined>, url: URL): Reply | undefined {
    // "默认返回 403，需带 UA + Referer + Accept-Language": plain scripts get 403.
    if (
      !/Mozilla/.test(String(headers['user-agent'])) ||
      !headers['accept-language'] ||
      ((url.pathname.startsWith('/api-gateway') || url.pathname.startsWith('/search-front')) && !headers.referer)
    ) {
      return { status: 403, body: '<html><body><h1>403 Forbidden</h1></body></html>' };
    }
    if (url.pathname === COLUMNS.ycls.index) return html(this.indexPage('ycls'));
    if (url.pathname === COLUMNS.tz.index) return html(this.indexPage('tz'));
    if (url.pathname === UNIT) {
      const column = (Object.keys(COLUMNS) as Array<'ycls' | 'tz'>).find(
        (k) => COLUMNS[k].pageId === url.searchParams.get('pageId'),
      );
      if (!column) return json({ success: false, code: 500, message: '页面不存在', data: null });
      return json({ success: true, code: 200, message: '操作成功', data: { html: this.fragment(column) } });
    }
    if (url.pathname === '/search-front-server/api/search/info') return this.search(url.searchParams.get('q') ?? '');
    for (const n of this.notices)
      for (const c of n.columns) if (url.pathname === this.path(n, c)) return html(this.article(n));
    return undefined;
  }
}
