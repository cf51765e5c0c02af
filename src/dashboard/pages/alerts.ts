import { formatFigure } from '../../render/format-figure.js';
import { categoryLabel, sourceName } from '../../render/labels.js';
import { CATEGORIES, SOURCES, type Alert } from '../../types.js';
import { html, type Html } from '../html.js';
import type { DashboardSource } from '../source.js';
import { layout } from './layout.js';
import { select, time } from './parts.js';

/** The filters of the alerts page, read from its query string. */
export interface AlertFilter {
  category: string;
  source: string;
  from: string;
  to: string;
  q: string;
}

export function alertFilter(query: URLSearchParams): AlertFilter {
  const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
  return {
    category: query.get('category') ?? '',
    source: query.get('source') ?? '',
    from: day(query.get('from')),
    to: day(query.get('to')),
    q: (query.get('q') ?? '').trim().slice(0, 200),
  };
}

export function matchesFilter(a: Alert, f: AlertFilter): boolean {
  const day = (a.publishedAt ?? a.detectedAt).slice(0, 10);
  return (
    (!f.category || (a.categories as string[]).includes(f.category)) &&
    (!f.source || a.watch.source === f.source) &&
    (!f.from || day >= f.from) &&
    (!f.to || day <= f.to) &&
    (!f.q || a.title.toLowerCase().includes(f.q.toLowerCase()))
  );
}

/** One entry of the timeline; also what SSE sends for a new alert. */
export function alertItem(a: Alert): Html {
  const cats = a.categories.length ? a.categories : ['uncategorised'];
  return html`<li
    class="alert sev-${a.severity}"
    id="alert-${a.id}"
    data-categories="${a.categories.join(' ')}"
    data-source="${a.watch.source}"
  >
    <p class="meta">
      ${time(a.detectedAt)} · <span class="sev">${a.severity}</span> · ${a.watch.name} ·
      ${sourceName(a.watch.source)}${a.publishedAt ? html` · published ${a.publishedAt}` : ''}
    </p>
    <p class="title"><a href="/ui/alerts/${a.id}">${a.title}</a></p>
    <p class="cats">${cats.map((c) => html`<span class="cat">${categoryLabel(c)}</span> `)}</p>
    ${
      a.figures.length
        ? html`<ul class="figs">
            ${a.figures.map((f) => html`<li>${formatFigure(f)}</li>`)}
          </ul>`
        : html`<p class="summary">${a.summary}</p>`
    }
  </li>`;
}

export async function alertsPage(source: DashboardSource, query: URLSearchParams): Promise<Html> {
  const filter = alertFilter(query);
  const alerts = await source.store.recentAlerts(500, (a) => matchesFilter(a, filter));
  const categories = ['', ...CATEGORIES, 'overdue'];
  const body = html`<form class="filters" method="get" action="/ui/alerts" role="search">
      ${select('category', 'Category', categories, filter.category)}
      ${select('source', 'Source', ['', ...SOURCES], filter.source)}
      <label>From <input type="date" name="from" value="${filter.from}" /></label>
      <label>To <input type="date" name="to" value="${filter.to}" /></label>
      <label>Title contains <input type="search" name="q" value="${filter.q}" /></label>
      <button type="submit">Filter</button>
    </form>
    <p id="alert-count">
      ${alerts.length} alert${alerts.length === 1 ? '' : 's'}${alerts.length === 500 ? ' (the 500 most recent)' : ''}.
    </p>
    <ol class="timeline" id="alerts" data-filter="${JSON.stringify(filter)}">
      ${alerts.map(alertItem)}
    </ol>`;
  return layout({ title: 'Alerts', current: '/ui/alerts', body });
}
