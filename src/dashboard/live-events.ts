import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Alert } from '../types.js';
import { alertItem } from './pages/alerts.js';
import { watchRow } from './pages/watches.js';
import type { DashboardSource } from './source.js';

/**
 * `/ui/events`: server-sent events for open dashboard pages. While at least one page listens, the store is polled
 * (so alerts found by any replica show up): a new alert is sent as `alert` with its timeline entry, a watch whose
 * health changed as `watch` with its table row — both rendered and escaped on the server.
 */
export class LiveEvents {
  private readonly clients = new Set<ServerResponse>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private knownAlerts: Set<string> | undefined;
  private readonly health = new Map<string, string>();
  private ticks = 0;

  constructor(
    private readonly source: DashboardSource,
    private readonly pollMs = 2000,
  ) {}

  async add(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    if (this.clients.size === 0) await this.baseline();
    this.clients.add(res);
    req.on('close', () => {
      this.clients.delete(res);
      if (this.clients.size === 0) this.stopPolling();
    });
    res.write('event: ready\ndata: {}\n\n');
    this.timer ??= setInterval(() => void this.poll(), this.pollMs);
  }

  private async baseline(): Promise<void> {
    this.knownAlerts = new Set((await this.source.store.get<string[]>('alerts:recent')) ?? []);
    for (const w of this.source.watches())
      this.health.set(w.id, JSON.stringify(await this.source.store.getHealth(w.id)));
  }

  private send(event: string, data: unknown): void {
    const line = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const res of this.clients) res.write(line);
  }

  /** One look at the store: new alerts (oldest first) and changed watch health. */
  async poll(): Promise<void> {
    if (this.polling || this.clients.size === 0) return;
    this.polling = true;
    try {
      const ids = (await this.source.store.get<string[]>('alerts:recent')) ?? [];
      const known = (this.knownAlerts ??= new Set(ids));
      const fresh = ids.filter((id) => !known.has(id)).reverse();
      for (const id of fresh) {
        known.add(id);
        const alert = await this.source.store.getAlert(id);
        if (alert) this.send('alert', alertEvent(alert));
      }
      const now = this.source.now?.() ?? new Date();
      for (const w of this.source.watches()) {
        const h = await this.source.store.getHealth(w.id);
        const signature = JSON.stringify(h);
        if (this.health.get(w.id) === signature) continue;
        this.health.set(w.id, signature);
        this.send('watch', { id: w.id, html: watchRow(w, h, this.source.jitter(), now).value });
      }
      // A comment now and then keeps proxies from closing an idle stream.
      if (++this.ticks % 10 === 0) for (const res of this.clients) res.write(': keep-alive\n\n');
    } catch (error) {
      this.source.logger.warn({ err: (error as Error).message }, 'dashboard live updates: could not read the store');
    } finally {
      this.polling = false;
    }
  }

  private stopPolling(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.knownAlerts = undefined;
    this.health.clear();
  }

  /** End every stream (the daemon is stopping: open streams would hold the server open). */
  close(): void {
    this.stopPolling();
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

/** What the page needs to place a new alert: its entry, and the fields its filters look at. */
function alertEvent(a: Alert): Record<string, unknown> {
  return {
    id: a.id,
    html: alertItem(a).value,
    categories: a.categories,
    source: a.watch.source,
    day: (a.publishedAt ?? a.detectedAt).slice(0, 10),
    title: a.title,
  };
}
