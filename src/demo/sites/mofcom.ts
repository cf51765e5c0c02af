import { esc, FixtureHost, hexId, html, json, paragraphs, type Reply } from './host.js';

/** A MOFCOM document: an announcement (with its 文号 header block), a spokesperson Q&A, a press-conference transcript. */
export interface MofcomDoc {
  slug: string;
  title: string;
  date: string;
  body: string;
  /** 【发布文号】 of announcements. */
  number?: string;
  /** Where it is posted: www columns, and/or the Export Control Bureau site (aqygzj, column zhxx/gzdt). */
  columns: Array<'zcfb' | 'xwfyrth' | 'xwfbh' | 'aqygzj'>;
}

const WWW = {
  zcfb: { index: '/zwgk/zcfb/index.html', name: '政策发布' },
  xwfyrth: { index: '/xwfb/xwfyrth/index.html', name: '新闻发言人谈话' },
  xwfbh: { index: '/xwfbh/index.html', name: '例行新闻发布会' },
} as const;
type WwwColumn = keyof typeof WWW;
const ZCFB_PAGE_ID = 'fc8bdff48fa345a48b651c1285b70b8f';

function article(d: MofcomDoc, site: string): string {
  const header = d.number
    ? `<div class="art-info">【发布单位】安全与管制局 【发布文号】${esc(d.number)} 【发文日期】${d.date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日')}</div>`
    : `<div class="art-info">发布时间：${d.date}</div>`;
  return `<!DOCTYPE html><html><head><meta charset="UTF-8"><title>${esc(d.title)}</title></head><body>
<div class="header">${site} <a href="/">首页</a></div>
<div class="art-title"><h1>${esc(d.title)}</h1></div>
${header}
<div class="art-con art-con-bottonmLine" id="zoom">${paragraphs(d.body)}</div>
<div class="footer">主办单位：中华人民共和国商务部</div></body></html>`;
}

/**
 * www.mofcom.gov.cn and aqygzj.mofcom.gov.cn as shared sources.md §2 describes them: server-rendered lists whose rows
 * are <a href="/…/art/YYYY/art_<hex>.html" title="…">…</a><span>[YYYY-MM-DD]</span>; 政策发布 can be switched to
 * the JavaScript-rendered variant (an empty list filled from the jpaas API, note the CMS's `bulidstatic`).
 */
export class MofcomSite {
  readonly docs: MofcomDoc[] = [];
  /** Serve 政策发布 as the JS-rendered variant (no items in the HTML). */
  zcfbRenderedByJs = false;
  readonly www = new FixtureHost('www.mofcom.gov.cn', [(_req, url) => this.routeWww(url)]);
  readonly bureau = new FixtureHost('aqygzj.mofcom.gov.cn', [(_req, url) => this.routeBureau(url)]);

  publish(doc: MofcomDoc): void {
    this.docs.unshift(doc);
  }

  path(d: MofcomDoc, column: MofcomDoc['columns'][number]): string {
    const base =
      column === 'aqygzj'
        ? '/zhxx'
        : column === 'zcfb'
          ? '/zwgk/zcfb'
          : column === 'xwfyrth'
            ? '/xwfb/xwfyrth'
            : '/xwfbh';
    return `${base}/art/${d.date.slice(0, 4)}/art_${hexId(d.slug)}.html`;
  }

  private rows(column: MofcomDoc['columns'][number], bracketDates: boolean): string {
    return this.docs
      .filter((d) => d.columns.includes(column))
      .map(
        (d) =>
          `<li><a href="${this.path(d, column)}" title="${esc(d.title)}" target="_blank">${esc(d.title)}</a><span>${bracketDates ? `[${d.date}]` : d.date}</span></li>`,
      )
      .join('\n');
  }

  private listPage(column: WwwColumn): string {
    const js = column === 'zcfb' && this.zcfbRenderedByJs;
    const api = `/api-gateway/jpaas-publish-server/front/page/build/unit?parseType=bulidstatic&webId=8f43c7ad3afc411fb56f281724b73708&tplSetId=52551ea0e2c14bca8c84792f7aa37ead&pageType=column&tagId=%E5%88%86%E9%A1%B5%E5%88%97%E8%A1%A8&editType=null&pageId=${ZCFB_PAGE_ID}&pageNo=1&pageSize=20`;
    return `<!DOCTYPE html><html><head><meta charset="UTF-8"><title>${WWW[column].name}_中华人民共和国商务部</title></head><body>
<div class="header"><a href="/">首页</a> <a href="/zwgk/index.html">政务公开</a> <a href="/xwfb/index.html">新闻发布</a></div>
<div class="conList"><h2>${WWW[column].name}</h2><ul class="txtList_01" id="list">${js ? '' : this.rows(column, true)}</ul></div>
${js ? `<script>fetch(${JSON.stringify(api)}).then(function (r) { return r.json(); }).then(function (j) { document.getElementById('list').innerHTML = j.data.html; });</script>` : ''}
<div class="footer">主办单位：中华人民共和国商务部</div></body></html>`;
  }

  private routeWww(url: URL): Reply | undefined {
    for (const column of Object.keys(WWW) as WwwColumn[])
      if (url.pathname === WWW[column].index) return html(this.listPage(column));
    if (url.pathname === '/api-gateway/jpaas-publish-server/front/page/build/unit') {
      if (url.searchParams.get('pageId') !== ZCFB_PAGE_ID)
        return json({ success: false, code: 500, message: '页面不存在', data: null });
      return json({
        success: true,
        code: 200,
        message: '操作成功',
        data: { html: `<ul>${this.rows('zcfb', true)}</ul>` },
      });
    }
    for (const d of this.docs)
      for (const c of d.columns)
        if (c !== 'aqygzj' && url.pathname === this.path(d, c)) return html(article(d, '中华人民共和国商务部'));
    return undefined;
  }

  private routeBureau(url: URL): Reply | undefined {
    if (url.pathname === '/' || url.pathname === '/index.html') {
      return html(`<!DOCTYPE html><html><head><meta charset="UTF-8"><title>安全与管制局</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/gywm/index.html">关于我们</a> <a href="/flzc/gzjgfxwj/index.html">法律政策</a></div>
<div class="index_list"><h3>综合信息</h3><ul>${this.rows('aqygzj', false)}</ul></div>
<div class="index_list"><h3>工作动态</h3><ul><li><a href="/gzdt/art/2025/art_${hexId('bureau-training')}.html" title="安全与管制局举办出口管制合规培训">安全与管制局举办出口管制合规培训</a><span>2025-03-18</span></li></ul></div>
<div class="footer">商务部安全与管制局</div></body></html>`);
    }
    if (url.pathname === `/gzdt/art/2025/art_${hexId('bureau-training')}.html`)
      return html(
        article(
          {
            slug: 'bureau-training',
            title: '安全与管制局举办出口管制合规培训',
            date: '2025-03-18',
            body: '为提升企业出口管制合规水平，安全与管制局举办合规培训。',
            columns: ['aqygzj'],
          },
          '安全与管制局',
        ),
      );
    for (const d of this.docs)
      if (d.columns.includes('aqygzj') && url.pathname === this.path(d, 'aqygzj'))
        return html(article(d, '安全与管制局'));
    return undefined;
  }
}
