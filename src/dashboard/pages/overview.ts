import { html, type Html } from '../html.js';
import type { DashboardSource } from '../source.js';
import { alertItem } from './alerts.js';
import { layout } from './layout.js';
import { watchState, WATCH_STATES, type WatchState } from './watches.js';

/** `/ui/`: how many watches are in each state, and the latest alerts. */
export async function overviewPage(source: DashboardSource): Promise<Html> {
  const counts = new Map<WatchState, number>(WATCH_STATES.map((s) => [s, 0]));
  for (const w of source.watches()) {
    const state = watchState(w, await source.store.getHealth(w.id));
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  const latest = await source.store.recentAlerts(5);
  const body = html`<section aria-labelledby="w-h">
      <h2 id="w-h">Watches</h2>
      <ul class="counts">
        ${WATCH_STATES.map(
          (s) =>
            html`<li>
              <a href="/ui/watches?state=${s}"><span class="state state-${s}">${s}</span> ${counts.get(s) ?? 0}</a>
            </li>`,
        )}
      </ul>
    </section>
    <section aria-labelledby="a-h">
      <h2 id="a-h">Latest alerts</h2>
      <ol class="timeline" id="alerts" data-filter="{}">
        ${latest.map(alertItem)}
      </ol>
      <p><a href="/ui/alerts">All alerts</a> · <a href="/ui/figures">Figures and charts</a></p>
    </section>`;
  return layout({ title: 'regwatch dashboard', current: '/ui/', body });
}
