import { eventKeyOf, eventRecord } from '../../pipeline/event-key.js';
import { formatFigure } from '../../render/format-figure.js';
import { categoryLabel, sourceName } from '../../render/labels.js';
import { alertDocument } from '../../store/alert-documents.js';
import type { Alert } from '../../types.js';
import { escapeHtml, html, Html, link, table } from '../html.js';
import type { DashboardSource } from '../source.js';
import { layout } from './layout.js';
import { time } from './parts.js';

/** The text with every occurrence of the evidence phrases marked (escaped piece by piece). */
export function highlight(text: string, phrases: string[]): Html {
  const ranges: Array<[number, number]> = [];
  for (const p of new Set(phrases.filter((x) => x.trim().length >= 2))) {
    for (let at = text.indexOf(p); at >= 0 && ranges.length < 500; at = text.indexOf(p, at + p.length))
      ranges.push([at, at + p.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [start, end] of ranges) {
    if (end <= pos) continue;
    const from = Math.max(start, pos);
    out += escapeHtml(text.slice(pos, from)) + `<mark>${escapeHtml(text.slice(from, end))}</mark>`;
    pos = end;
  }
  return new Html(out + escapeHtml(text.slice(pos)));
}

/** A unified diff as two columns: what was there (removed lines) and what is there now (added lines). */
export function sideBySide(diff: string): Html {
  const rows: Html[] = [];
  let left: string[] = [];
  let right: string[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const l = left[i];
      const r = right[i];
      rows.push(
        html`<tr>
          <td class="${l === undefined ? 'empty' : 'del'}">${l ?? ''}</td>
          <td class="${r === undefined ? 'empty' : 'add'}">${r ?? ''}</td>
        </tr>`,
      );
    }
    left = [];
    right = [];
  };
  for (const line of diff.split('\n')) {
    if (/^(---|\+\+\+|Index:|===)/.test(line)) continue;
    if (line.startsWith('@@')) {
      flush();
      rows.push(
        html`<tr class="hunk">
          <td colspan="2">${line}</td>
        </tr>`,
      );
    } else if (line.startsWith('-')) left.push(line.slice(1));
    else if (line.startsWith('+')) right.push(line.slice(1));
    else {
      flush();
      const same = line.startsWith(' ') ? line.slice(1) : line;
      if (same)
        rows.push(
          html`<tr>
            <td>${same}</td>
            <td>${same}</td>
          </tr>`,
        );
    }
  }
  flush();
  return table({ className: 'diff', caption: 'Page change, side by side', columns: ['Before', 'After'], rows });
}

async function sightings(source: DashboardSource, alert: Alert, eventKey: string | null): Promise<Html> {
  const key = eventKey ?? eventKeyOf(alert.title, '');
  const record = key ? await eventRecord(source.store, key) : undefined;
  if (!record) return html`<p>No other sighting of this event.</p>`;
  const others = [
    ...(record.alertId !== alert.id
      ? [{ url: '', source: 'first alert', watch: '', alertId: record.alertId, at: record.firstSeen }]
      : []),
    ...record.sightings.filter((s) => s.alertId !== alert.id),
  ];
  if (others.length === 0) return html`<p>No other sighting of this event.</p>`;
  return html`<ul class="sightings">
    ${others.map(
      (s) =>
        html`<li>
          ${time(s.at)} ·
          ${s.source}${s.url ? html` · ${link(s.url, s.url)}` : html` · <a href="/ui/alerts/${s.alertId}">open</a>`}
        </li>`,
    )}
  </ul>`;
}

export async function alertDetailPage(source: DashboardSource, id: string): Promise<Html | undefined> {
  const alert = await source.store.getAlert(id);
  if (!alert) return undefined;
  const doc = await alertDocument(source.store, id);
  const evidence = Object.entries(alert.evidence ?? {});
  const phrases = [...evidence.flatMap(([, e]) => e), ...alert.figures.map((f) => f.evidence)];
  const body = html`<p class="meta">
      ${alert.watch.name} · ${sourceName(alert.watch.source)} · detected
      ${time(alert.detectedAt)}${alert.publishedAt ? html` · published ${alert.publishedAt}` : ''} · severity
      <strong>${alert.severity}</strong>
    </p>
    <p>${link(alert.url, 'Open the document')} · <a href="/ui/alerts">back to alerts</a></p>
    <p class="summary">${alert.summary}</p>
    <section aria-labelledby="cats-h">
      <h2 id="cats-h">Categories and evidence</h2>
      ${
        evidence.length
          ? html`<dl class="evidence">
              ${evidence.map(
                ([c, e]) =>
                  html`<dt>${categoryLabel(c)}</dt>
                    <dd>${e.map((p) => html`<q>${p}</q> `)}</dd>`,
              )}
            </dl>`
          : html`<p>${alert.categories.map(categoryLabel).join(', ') || 'No category.'}</p>`
      }
    </section>
    ${
      alert.figures.length
        ? html`<section aria-labelledby="figs-h">
            <h2 id="figs-h">Figures</h2>
            <ul>
              ${alert.figures.map((f) => html`<li>${formatFigure(f)} — <q>${f.evidence}</q></li>`)}
            </ul>
          </section>`
        : ''
    }
    ${
      alert.diff
        ? html`<section aria-labelledby="diff-h">
            <h2 id="diff-h">What changed on the page</h2>
            ${sideBySide(alert.diff)}
          </section>`
        : ''
    }
    <section aria-labelledby="doc-h">
      <h2 id="doc-h">Document text</h2>
      ${
        doc
          ? html`<div class="document" tabindex="0">${highlight(doc.text, phrases)}</div>
              ${doc.truncated ? html`<p>(cut: the document is longer)</p>` : ''}`
          : html`<p>
              The document text was not kept for this alert (alerts from before the dashboard, and regwatch's own
              alerts).
            </p>`
      }
    </section>
    <section aria-labelledby="seen-h">
      <h2 id="seen-h">Other sightings of this event</h2>
      ${await sightings(source, alert, doc?.eventKey ?? null)}
    </section>`;
  return layout({ title: alert.title, current: '/ui/alerts', body });
}
