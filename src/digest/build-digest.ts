import type { ChannelConfig, Watch } from '../config/load-config.js';
import { dayText } from '../expectations/zoned-time.js';
import { sha256 } from '../hash.js';
import { formatFigure } from '../render/format-figure.js';
import { isOverdue, takesOverdue } from '../routing/overdue-route.js';
import { matchesFilter } from '../routing/subscriptions.js';
import type { Store } from '../store/store.js';
import type { Alert, DigestContent } from '../types.js';
import type { DigestSettings } from './digest-schema.js';
import type { DigestSlot } from './digest-slots.js';

/** Alerts detected within [from, to), newest first, from the store's recent index (its last 500 alerts). */
export async function alertsBetween(store: Store, from: number, to: number): Promise<Alert[]> {
  const out: Alert[] = [];
  for (const id of (await store.get<string[]>('alerts:recent')) ?? []) {
    const a = await store.getAlert(id);
    if (!a) continue;
    const at = Date.parse(a.detectedAt);
    if (at >= from && at < to) out.push(a);
  }
  return out;
}

/** Watch health in one line: "12 watches: 11 ok, 1 failing (customs-stats-zh)". */
export async function healthLine(store: Store, watches: Watch[]): Promise<string> {
  const enabled = watches.filter((w) => w.enabled);
  const failing: string[] = [];
  for (const w of enabled) if ((await store.getHealth(w.id)).consecutiveFailures > 0) failing.push(w.id);
  const ok = enabled.length - failing.length;
  return `${enabled.length} watches: ${ok} ok${failing.length ? `, ${failing.length} failing (${failing.join(', ')})` : ''}`;
}

/** What a channel's digest holds for the period: its alerts by category with key figures, and what became overdue. */
export function digestContent(
  channel: ChannelConfig,
  settings: DigestSettings,
  slot: DigestSlot,
  alerts: Alert[],
  health: string,
): DigestContent {
  const groups = new Map<string, DigestContent['groups'][number]['alerts']>();
  const overdue: string[] = [];
  for (const a of [...alerts].reverse()) {
    if (a.type === 'ops' || a.type === 'digest') continue;
    if (isOverdue(a)) {
      if (takesOverdue(channel)) overdue.push(a.summary);
      continue;
    }
    if (!matchesFilter(channel, { categories: a.categories, source: a.watch.source, type: 'change' })) continue;
    const category = a.categories[0] ?? 'uncategorised';
    const list = groups.get(category) ?? [];
    list.push({ id: a.id, title: a.title, url: a.url, figures: a.figures.slice(0, 3).map(formatFigure) });
    groups.set(category, list);
  }
  return {
    every: settings.every,
    from: new Date(slot.from).toISOString(),
    to: new Date(slot.at).toISOString(),
    groups: [...groups].map(([category, list]) => ({ category, alerts: list })),
    overdue,
    health,
  };
}

export const digestIsEmpty = (d: DigestContent) => d.groups.length === 0 && d.overdue.length === 0;

/** The digest as an alert payload (type `digest`), queued to its one channel. The id is stable per channel and slot. */
export function digestAlert(
  channel: ChannelConfig,
  settings: DigestSettings,
  slot: DigestSlot,
  content: DigestContent,
): Alert {
  const count = content.groups.reduce((n, g) => n + g.alerts.length, 0);
  const label = settings.every === 'daily' ? 'Daily' : 'Weekly';
  const period =
    settings.every === 'daily'
      ? dayText(slot.from, settings.timezone)
      : `${dayText(slot.from, settings.timezone)} – ${dayText(slot.at - 1, settings.timezone)}`;
  const parts = [`${count} alert${count === 1 ? '' : 's'}`];
  if (content.overdue.length) parts.push(`${content.overdue.length} overdue`);
  return {
    id: sha256(`digest\n${channel.id}\n${slot.at}`).slice(0, 32),
    watch: { id: 'regwatch', name: 'regwatch', source: 'other' },
    title: `${label} digest for ${period}`,
    url: '',
    publishedAt: null,
    detectedAt: new Date(slot.at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    categories: [],
    figures: [],
    summary: `${parts.join(', ')}; watch health: ${content.health}`,
    severity: 'low',
    type: 'digest',
    digest: content,
  };
}
