import type { ChartData, ChartPoint } from './chart-data.js';

/**
 * One chart definition: the ECharts option for a ChartData, used as-is by the web page (the browser adds only the
 * tooltip text and the click-through to the source document) and by the server-side SVG → PNG rendering for chat.
 * Plain JSON: no functions, so it can be embedded in the page.
 */

export type ChartTarget = 'web' | 'png';

const PALETTE = ['#1f5fa8', '#4f8fd6', '#9cc3ee', '#0b3d75', '#b3470f', '#e07b39', '#f2b78a', '#7a2a05'];
const MARKERS = ['diamond', 'triangle'];

/** The data item of one point: the value plus what the tooltip and the link need. */
function item(p: ChartPoint | null): Record<string, unknown> | null {
  if (!p) return null;
  return {
    value: p.value,
    url: p.url,
    period: p.period,
    label: p.label,
    date: p.date,
    yoy: p.yoy,
    yoyStated: p.yoyStated,
    mom: p.mom,
  };
}

export function chartOption(data: ChartData, target: ChartTarget): Record<string, unknown> {
  let marker = 0;
  const web = target === 'web';
  return {
    animation: false,
    backgroundColor: web ? 'transparent' : '#ffffff',
    color: PALETTE,
    textStyle: { fontFamily: 'sans-serif' },
    title: {
      text: data.title,
      left: 'center',
      top: 4,
      textStyle: { fontSize: 15, fontWeight: 'bold', color: '#1d2733' },
    },
    legend: { bottom: 0, type: web ? 'scroll' : 'plain', textStyle: { color: '#1d2733' } },
    grid: { left: 64, right: 24, top: 44, bottom: data.series.length > 4 ? 80 : 56, containLabel: false },
    ...(web ? { tooltip: { trigger: 'item', confine: true } } : {}),
    xAxis: { type: 'category', data: data.categories, axisLabel: { color: '#333a44' } },
    yAxis: {
      type: 'value',
      name: 't',
      axisLabel: { color: '#333a44' },
      splitLine: { lineStyle: { color: '#e3e7ec' } },
    },
    series: data.series.map((s) => {
      const base = {
        name: s.name,
        data: s.points.map(item),
        ...(s.stack ? { stack: s.stack } : {}),
        ...(s.color ? { itemStyle: { color: s.color } } : {}),
      };
      if (s.kind === 'bar') return { ...base, type: 'bar', barMaxWidth: 28 };
      if (s.kind === 'scatter')
        return { ...base, type: 'scatter', symbol: MARKERS[marker++ % MARKERS.length], symbolSize: 11, z: 5 };
      return { ...base, type: 'line', symbolSize: 6, connectNulls: false, z: 4 };
    }),
  };
}
