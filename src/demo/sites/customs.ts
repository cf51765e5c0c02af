import type http from 'node:http';
import { FixtureHost, hexId, html, type Reply } from './host.js';
import { writeXls } from './xls-writer.js';

/** One commodity line of table (13)/(14): quantity and value this month, changes year on year. */
export interface CommodityLine {
  name: string;
  unit: string;
  quantity: number | null;
  value: number;
  quantityYoy: number | null;
  valueYoy: number;
}

/** A monthly release: the month and the lines of the export table (the 稀土 line is the one regwatch reads). */
export interface MonthRelease {
  year: number;
  month: number;
  /** Day of publication, YYYY-MM-DD. */
  date: string;
  exports: CommodityLine[];
}

const YEAR_PAGE = (year: number) => `/customs/302249/zfxxgk/fdzdgknr/302274/302277/${year}/index.html`;
const INDEX_PAGE = '/customs/302249/zfxxgk/2799825/302274/302277/index.html';
const REPORTS = [
  '（1）进出口商品总值表 A:年度表',
  '（2）进出口商品国别（地区）总值表',
  '（13）出口主要商品量值表（人民币值）',
  '（13）出口主要商品量值表（美元值）',
  '（14）进口主要商品量值表（人民币值）',
];
const COOKIE = '__jsluid_s';

/** The other lines of table (13): illustrative values so the sheet has the real table's shape and size. */
export const BACKGROUND_LINES: CommodityLine[] = [
  ['活猪', '万头', 12.1, 41_233],
  ['活家禽', '万只', 98.2, 3_012],
  ['水产品', '万吨', 37.4, 1_483_200],
  ['粮食', '万吨', 20.1, 98_120],
  ['蔬菜及食用菌', '万吨', 101.3, 1_012_234],
  ['中药材', '吨', 16_203, 93_120],
  ['煤及褐煤', '万吨', 52.1, 62_120],
  ['焦炭及半焦炭', '万吨', 60.2, 120_343],
  ['原油', '万吨', 12.4, 48_120],
  ['成品油', '万吨', 488.1, 2_301_233],
  ['未锻轧铝及铝材', '万吨', 52.3, 1_283_400],
  ['钢材', '万吨', 982.1, 4_320_120],
  ['肥料', '万吨', 301.2, 612_300],
  ['塑料制品', null, null, 7_012_330],
  ['纺织纱线、织物及其制品', null, null, 10_312_900],
  ['服装及衣着附件', null, null, 10_983_200],
  ['鞋靴', '万双', 72_123, 2_412_300],
  ['家具及其零件', null, null, 4_120_300],
  ['箱包及类似容器', '万吨', 23.2, 2_012_300],
  ['玩具', null, null, 3_412_200],
  ['陶瓷产品', '万吨', 150.2, 1_012_100],
  ['通用机械设备', null, null, 5_230_400],
  ['手机', '万台', 6_012.3, 9_812_300],
  ['集成电路', '亿个', 281.2, 10_912_300],
  ['汽车（包括底盘）', '万辆', 60.3, 7_012_300],
  ['船舶', '艘', 412, 2_912_300],
  ['液晶显示板', '万个', 12_031, 1_912_300],
  ['医疗仪器及器械', null, null, 1_012_300],
].map(([name, unit, quantity, value], i) => ({
  name: name as string,
  unit: (unit as string | null) ?? '',
  quantity: quantity as number | null,
  value: value as number,
  quantityYoy: quantity === null ? null : ((i * 7) % 23) - 9.5,
  valueYoy: ((i * 5) % 19) - 6.2,
}));

/**
 * www.customs.gov.cn and english.customs.gov.cn as shared sources.md §3 describes them. The Chinese site answers
 * every request without its cookie with HTTP 412 and a $_ts script that sets the cookie and reloads (a real browser
 * gets through; a plain client never does). The year page is a table: first cell the report, then one link per
 * released month whose text is just `N月`; the month's detail page links the XLS (`下载`) with the real layout.
 */
export class CustomsSite {
  readonly releases: MonthRelease[] = [];
  /** Answer plain clients with the 412 challenge (true on the real site). */
  challenge = true;
  /** Challenge the XLS downloads even when the pages are not (a download blocked on its own). */
  challengeDownloads = false;
  /** Extra year pages listed on the 统计数据 index (a new year's page appears in January). */
  readonly years: number[] = [2024, 2025, 2026];
  readonly zh = new FixtureHost('www.customs.gov.cn', [(req, url) => this.routeZh(req, url)]);
  readonly en = new FixtureHost('english.customs.gov.cn', [(_req, url) => this.routeEn(url)]);

  release(r: MonthRelease): void {
    this.releases.push(r);
  }

  private detailPath(r: MonthRelease, report: number): string {
    return `/customs/302249/zfxxgk/2799825/302274/302275/${hexId(`${r.year}-${r.month}-${report}`).slice(0, 7)}/index.html`;
  }

  private reportTitle(r: MonthRelease, report: string): string {
    return report.replace(/^（(\d+)）/, `（$1）${r.year}年${r.month}月`);
  }

  private table(r: MonthRelease, report: string): Buffer {
    const lines = report.includes('出口')
      ? r.exports
      : r.exports.map((l) => ({ ...l, quantity: l.quantity === null ? null : Math.round(l.quantity * 2.4 * 10) / 10 }));
    return writeXls('Sheet1', [
      [this.reportTitle(r, report)],
      [report.includes('美元') ? '单位：千美元' : '单位：万元人民币'],
      ['商品名称', '计量单位', `${r.month}月`, null, '比去年同期±%', null],
      [null, null, '数量', '金额', '数量', '金额'],
      ...lines.map((l) => [l.name, l.unit, l.quantity, l.value, l.quantityYoy, l.valueYoy]),
      ['注：本表数据为初步统计数。'],
    ]);
  }

  private yearPage(year: number): string {
    const rows = REPORTS.map((report, i) => {
      const cells = Array.from({ length: 12 }, (_, m) => {
        const r = this.releases.find((x) => x.year === year && x.month === m + 1);
        return r ? `<td><a href="${this.detailPath(r, i)}" target="_blank">${m + 1}月</a></td>` : '<td></td>';
      });
      return `<tr><td class="first">${report}</td>${cells.join('')}</tr>`;
    }).join('\n');
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${year}年统计数据</title></head><body>
<div class="location">首页 &gt; 海关统计 &gt; 统计数据</div>
<div class="conList_ul"><table class="table_list"><tbody>
<tr><th>报表名称</th>${Array.from({ length: 12 }, (_, m) => `<th>${m + 1}月</th>`).join('')}</tr>
${rows}
</tbody></table></div><div class="footer">版权所有：中华人民共和国海关总署</div></body></html>`;
  }

  private routeZh(req: http.IncomingMessage, url: URL): Reply | undefined {
    // Downloads are reported to pass with the detail page as Referer (a crawler fetched them with axios after the
    // browser had opened the page); pages always need the challenge cookie.
    const download = url.pathname.endsWith('.xls');
    const challenged = download ? this.challengeDownloads || (this.challenge && !req.headers.referer) : this.challenge;
    if (challenged && !String(req.headers.cookie ?? '').includes(`${COOKIE}=`)) {
      return {
        status: 412,
        headers: { 'set-cookie': `${COOKIE}=; path=/` },
        body: `<html><head><meta charset="utf-8"><script>var $_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=84214;$_ts.cd="qEcqrrAlEa3qr1QqEGqqEqqqrqA";</script><script>document.cookie="${COOKIE}=${hexId(url.pathname).slice(0, 16)}; path=/";location.reload();</script></head><body></body></html>`,
      };
    }
    for (const y of this.years) if (url.pathname === YEAR_PAGE(y)) return html(this.yearPage(y));
    if (url.pathname === INDEX_PAGE) {
      const links = this.years
        .map((y) => `<li><a href="${YEAR_PAGE(y)}" target="_blank">${y}年统计数据</a></li>`)
        .join('\n');
      return html(
        `<!DOCTYPE html><html><head><meta charset="utf-8"><title>统计数据</title></head><body><div class="location">首页 &gt; 海关统计 &gt; 统计数据</div><ul class="conList_ul">${links}</ul><div class="footer">版权所有：中华人民共和国海关总署</div></body></html>`,
      );
    }
    for (const r of this.releases) {
      for (const [i, report] of REPORTS.entries()) {
        const page = this.detailPath(r, i);
        const title = this.reportTitle(r, report);
        if (url.pathname === page) {
          return html(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="easysite-news-title"><h2>${title}</h2></div><div class="easysite-news-describe">发布时间：${r.date}</div>
<div class="easysite-news-text" id="easysiteText"><p>${title}</p><p><a href="${page.replace('index.html', `${hexId(title).slice(0, 12)}.xls`)}">下载</a></p></div>
<div class="footer">版权所有：中华人民共和国海关总署</div></body></html>`);
        }
        if (url.pathname === page.replace('index.html', `${hexId(title).slice(0, 12)}.xls`)) {
          return {
            type: 'application/vnd.ms-excel',
            headers: { 'content-disposition': 'attachment' },
            body: this.table(r, report),
          };
        }
      }
    }
    return undefined;
  }

  private routeEn(url: URL): Reply | undefined {
    const rows = (kind: string) =>
      [...this.releases]
        .reverse()
        .map(
          (r) =>
            `<tr><td>${r.year}.${String(r.month).padStart(2, '0')}</td><td><a href="/Excel/${r.year}${String(r.month).padStart(2, '0')}${kind}.xls">China's Total Export &amp; Import Values by Country/Region</a></td><td><a href="/Excel/${r.year}${String(r.month).padStart(2, '0')}${kind}13.xls">Major Export Commodities in Quantity and Value</a></td></tr>`,
        )
        .join('\n');
    const page = (title: string, kind: string) =>
      html(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="nav">Home &gt; Statistics &gt; ${title}</div>
<p>Customs statistics released by the General Administration of Customs of the People's Republic of China. Tables are provisional and in Excel format; values in US dollars and RMB.</p>
<table class="report">${rows(kind)}</table><div class="footer">General Administration of Customs, P.R.China</div></body></html>`);
    if (url.pathname === '/statics/report/preliminary.html') return page('Preliminary Release', 'p');
    if (url.pathname === '/statics/report/monthly.html') return page('Monthly Bulletin', 'm');
    return undefined;
  }
}
