import {
  EXPORT_METRICS,
  exportsChartData,
  pointCount,
  quotaChartData,
  type ChartData,
  type ChartPoint,
} from '../../charts/chart-data.js';
import { chartOption } from '../../charts/chart-option.js';
import { allFigures } from '../../figures/figures-store.js';
import { formatChange, formatTonnes } from '../../render/format-figure.js';
import { html, jsonScript, link, table, type Html } from '../html.js';
import type { DashboardSource } from '../source.js';
import { layout } from './layout.js';

/** The same numbers as the chart, as a table (readable without JavaScript), each row linking to its document. */
function dataTable(data: ChartData, withChanges: boolean): Html {
  // Newest period first, the series of a period together.
  const points = data.series
    .flatMap((s, order) => s.points.map((p, i) => ({ s, order, p, i })))
    .filter((x): x is { s: (typeof data.series)[number]; order: number; p: ChartPoint; i: number } => x.p !== null)
    .sort((a, b) => b.i - a.i || a.order - b.order);
  const rows = points.map(
    ({ s, p, i }) =>
      html`<tr>
        <td>${data.categories[i]}</td>
        <td>${s.name}</td>
        <td class="num">${formatTonnes(p.value)}</td>
        ${
          withChanges
            ? html`<td class="num">
                  ${p.yoy === null ? '' : `${formatChange(p.yoy, 'yoy').replace(' y/y', '')}${p.yoyStated ? '' : ' (computed)'}`}
                </td>
                <td class="num">${p.mom === null ? '' : formatChange(p.mom, 'mom').replace(' m/m', '')}</td>`
            : ''
        }
        <td>${link(p.url, p.label)} · ${p.date}</td>
      </tr>`,
  );
  return table({
    className: 'data',
    id: `table-${data.id}`,
    caption: `${data.title}: ${pointCount(data)} figures`,
    columns: [
      data.id === 'quota' ? 'Year' : 'Month',
      'Series',
      'Tonnes',
      ...(withChanges ? ['y/y', 'm/m'] : []),
      'Source',
    ],
    rows,
  });
}

function chartSection(data: ChartData, png: string, csvMetric: string, withChanges: boolean): Html {
  return html`<section class="chart-section" aria-labelledby="h-${data.id}">
    <h2 id="h-${data.id}">${data.title}</h2>
    <div
      class="chart"
      id="chart-${data.id}"
      data-option="option-${data.id}"
      data-points="${pointCount(data)}"
      role="img"
      aria-label="${data.title}: chart of ${pointCount(data)} figures; the table below has the same numbers"
    ></div>
    ${jsonScript(`option-${data.id}`, chartOption(data, 'web'))}
    <noscript><img src="${png}" alt="${data.title}" width="900" height="460" /></noscript>
    <p><a href="/ui/figures.csv?metric=${csvMetric}" download>Download CSV</a> · <a href="${png}">PNG</a></p>
    <details open>
      <summary>Table</summary>
      ${dataTable(data, withChanges)}
    </details>
  </section>`;
}

export async function figuresPage(source: DashboardSource): Promise<Html> {
  const figures = await allFigures(source.store);
  const quota = quotaChartData(figures, { fromYear: 2014 });
  const exportSections = Object.keys(EXPORT_METRICS).map((metric) =>
    chartSection(exportsChartData(figures, metric), `/ui/charts/exports.png?metric=${metric}`, metric, true),
  );
  const body = html`<p>
      From the figures store: the shipped history (<code>config/history/</code>) and every figure regwatch read since.
      Official documents outrank press reports of the same figure; “official” means the document is on the government's
      own site. Click a point to open its source document. <a href="/ui/figures.csv" download>All figures as CSV</a>.
    </p>
    ${chartSection(quota, '/ui/charts/quota.png', 'mining_quota,smelting_quota', false)} ${exportSections}`;
  return layout({
    title: 'Figures',
    current: '/ui/figures',
    body,
    scripts: ['/ui/assets/echarts.min.js', '/ui/assets/charts.js'],
  });
}
