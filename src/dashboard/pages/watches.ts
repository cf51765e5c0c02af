import { describeSchedule } from '../../scheduler.js';
import type { Watch } from '../../config/load-config.js';
import { failureHint } from '../../pipeline/failure-hints.js';
import type { FetchFailure } from '../../fetch/fetch-result.js';
import type { WatchHealth } from '../../store/store.js';
import { sourceName } from '../../render/labels.js';
import { SOURCES } from '../../types.js';
import { html, link, table, type Html } from '../html.js';
import { nextCheckAt, type DashboardSource } from '../source.js';
import { layout } from './layout.js';
import { select, time } from './parts.js';

export type WatchState = 'ok' | 'failing' | 'down' | 'new' | 'disabled';
export const WATCH_STATES: WatchState[] = ['ok', 'failing', 'down', 'new', 'disabled'];

export function watchState(w: Watch, h: WatchHealth): WatchState {
  if (!w.enabled) return 'disabled';
  if (h.reportedDown) return 'down';
  if (h.consecutiveFailures > 0) return 'failing';
  return h.lastCheck ? 'ok' : 'new';
}

/** The failure's diagnosis and what to do, from the stored error (kind, and the HTTP status in its message). */
function diagnosis(h: WatchHealth): Html {
  if (!h.lastError) return html``;
  const status = Number(/\b([45]\d\d)\b/.exec(h.lastError)?.[1] ?? NaN);
  const hint = h.lastErrorKind
    ? failureHint({
        kind: h.lastErrorKind as FetchFailure['kind'],
        ...(Number.isFinite(status) ? { status } : {}),
      })
    : undefined;
  return html`<p class="error">${h.lastError}</p>
    ${hint ? html`<p class="hint">${hint}</p>` : ''}`;
}

/** One table row; also sent over SSE when a watch's health changes (`watch-<id>` replaces the row). */
export function watchRow(w: Watch, h: WatchHealth, jitter: number, now: Date): Html {
  const state = watchState(w, h);
  const next = nextCheckAt(w, jitter, now);
  return html`<tr id="watch-${w.id}" data-source="${w.source}" data-state="${state}">
    <td>${sourceName(w.source)}</td>
    <td>${link(w.url, w.name)}<br /><code>${w.id}</code></td>
    <td>${w.kind}${w.fetch === 'browser' ? ' (browser)' : ''}</td>
    <td>${describeSchedule(w)}<br />next: ${time(next?.toISOString() ?? null)}</td>
    <td>${time(h.lastCheck)}</td>
    <td>${time(h.lastChange)}</td>
    <td><span class="state state-${state}">${state}</span>${diagnosis(h)}</td>
    <td class="num">${h.consecutiveFailures}</td>
  </tr>`;
}

export async function watchesPage(source: DashboardSource, query: URLSearchParams): Promise<Html> {
  const now = source.now?.() ?? new Date();
  const wantSource = query.get('source') ?? '';
  const wantState = query.get('state') ?? '';
  const rows: Html[] = [];
  let shown = 0;
  const all = source.watches();
  for (const w of all) {
    const h = await source.store.getHealth(w.id);
    if (wantSource && w.source !== wantSource) continue;
    if (wantState && watchState(w, h) !== wantState) continue;
    shown++;
    rows.push(watchRow(w, h, source.jitter(), now));
  }
  const body = html`<form class="filters" method="get" action="/ui/watches">
      ${select('source', 'Source', ['', ...SOURCES], wantSource)}
      ${select('state', 'State', ['', ...WATCH_STATES], wantState)}
      <button type="submit">Filter</button>
    </form>
    <p>${shown} of ${all.length} watches.</p>
    ${table({
      className: 'data',
      id: 'watches',
      caption: 'Watches, their schedule and health',
      columns: ['Source', 'Watch', 'Kind', 'Schedule', 'Last check', 'Last change', 'Health', 'Failures in a row'],
      rows,
    })}`;
  return layout({ title: 'Watches', current: '/ui/watches', body });
}
