import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { exportsImage, quotaImage } from '../charts/chart-images.js';
import { EXPORT_METRICS } from '../charts/chart-data.js';
import { allFigures, latestFigures } from '../figures/figures-store.js';
import { figuresCsv } from '../figures/figures-csv.js';
import { readLimitedBody, type HttpServer } from '../ops/http-server.js';
import { dashboardAuth, SESSION_COOKIE, type DashboardAuth } from './auth.js';
import type { Html } from './html.js';
import { LiveEvents } from './live-events.js';
import { alertDetailPage } from './pages/alert-detail.js';
import { alertsPage } from './pages/alerts.js';
import { figuresPage } from './pages/figures.js';
import { loginPage } from './pages/login.js';
import { overviewPage } from './pages/overview.js';
import { watchesPage } from './pages/watches.js';
import type { DashboardSource } from './source.js';

/**
 * The read-only web dashboard under /ui/ on the ops listener (design §12): overview, watches, alerts (with each
 * alert's document), figures with charts, live updates over SSE, and the chart PNGs chat uses.
 */

/** Same-origin scripts and styles only; no inline script, no framing, forms post here only. */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

const require = createRequire(import.meta.url);
const ASSETS: Record<string, { file: () => string; type: string }> = {
  'dashboard.js': { file: () => assetPath('dashboard.js'), type: 'text/javascript; charset=utf-8' },
  'charts.js': { file: () => assetPath('charts.js'), type: 'text/javascript; charset=utf-8' },
  'dashboard.css': { file: () => assetPath('dashboard.css'), type: 'text/css; charset=utf-8' },
  'echarts.min.js': {
    file: () => require.resolve('echarts/dist/echarts.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
};

/** The browser-side files: src/dashboard/assets, which the build copies beside the bundle (dist/src/assets). */
function assetPath(name: string): string {
  return fileURLToPath(new URL(`./assets/${name}`, import.meta.url));
}

export interface Dashboard {
  auth: DashboardAuth;
  live: LiveEvents;
  close(): void;
}

function sendHtml(res: ServerResponse, status: number, page: Html, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS, ...extra }).end(page.value);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end(text);
}

/** Only same-site paths under /ui/ as the place to return to after signing in. */
function safeNext(next: string | null): string {
  return next && /^\/ui\/[\w\-/.?=&%]*$/.test(next) && !next.startsWith('//') ? next : '/ui/';
}

/** Mount /ui on the server. `pollMs`: how often live updates look at the store while a page listens. */
export function mountDashboard(server: HttpServer, source: DashboardSource, opts: { pollMs?: number } = {}): Dashboard {
  const auth = dashboardAuth(source.env);
  const live = new LiveEvents(source, opts.pollMs);
  const assetCache = new Map<string, Buffer>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/ui/', 'http://dashboard');
    const path = url.pathname.replace(/\/+$/, '') || '/ui';
    if (path.startsWith('/ui/assets/')) {
      // Public code and styles (the sign-in page needs them too); nothing from the store.
      const asset = ASSETS[path.slice('/ui/assets/'.length)];
      if (!asset) return sendText(res, 404, 'no such asset\n');
      let body = assetCache.get(path);
      if (!body) assetCache.set(path, (body = await readFile(asset.file())));
      res.writeHead(200, {
        'content-type': asset.type,
        'x-content-type-options': 'nosniff',
        'cache-control': 'max-age=300',
      });
      return void res.end(body);
    }
    if (path === '/ui/login' && req.method === 'POST') {
      const body = await readLimitedBody(req, 16 * 1024);
      const form = new URLSearchParams(body?.toString('utf8') ?? '');
      const next = safeNext(form.get('next'));
      if (!auth.required) return void res.writeHead(303, { location: next }).end();
      if (!auth.tokenMatches(form.get('token') ?? '')) return sendHtml(res, 401, loginPage(true, next));
      return void res
        .writeHead(303, {
          location: next,
          'set-cookie': `${SESSION_COOKIE}=${auth.sessionValue()}; Path=/ui; HttpOnly; SameSite=Strict; Max-Age=604800`,
          'cache-control': 'no-store',
        })
        .end();
    }
    if (!auth.allows(req)) {
      const next = safeNext(`${url.pathname}${url.search}`);
      if (/\.(png|csv)$/.test(path) || path === '/ui/events')
        return sendText(res, 401, 'a dashboard token is needed: Authorization: Bearer <REGWATCH_DASHBOARD_TOKEN>\n');
      return sendHtml(res, 401, loginPage(false, next), { 'www-authenticate': 'Bearer realm="regwatch"' });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'the dashboard is read-only\n');
    const q = url.searchParams;
    switch (path) {
      case '/ui':
        return sendHtml(res, 200, await overviewPage(source));
      case '/ui/watches':
        return sendHtml(res, 200, await watchesPage(source, q));
      case '/ui/alerts':
        return sendHtml(res, 200, await alertsPage(source, q));
      case '/ui/figures':
        return sendHtml(res, 200, await figuresPage(source));
      case '/ui/events':
        return live.add(req, res);
      case '/ui/figures.csv': {
        const wanted = (q.get('metric') ?? '').split(',').filter(Boolean);
        const figures = latestFigures(await allFigures(source.store)).filter(
          (f) => !wanted.length || wanted.includes(f.metric),
        );
        res.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="regwatch-${wanted.join('-') || 'figures'}.csv"`,
          ...SECURITY_HEADERS,
        });
        return void res.end(figuresCsv(figures));
      }
      case '/ui/charts/quota.png':
      case '/ui/charts/exports.png': {
        const figures = await allFigures(source.store);
        const metric = q.get('metric') ?? 'rare_earth_exports';
        if (path.endsWith('exports.png') && !EXPORT_METRICS[metric])
          return sendText(res, 400, `metric must be one of: ${Object.keys(EXPORT_METRICS).join(', ')}\n`);
        const image = path.endsWith('quota.png')
          ? await quotaImage(figures, Number(q.get('years') ?? 13) || 13, source.logger)
          : await exportsImage(figures, metric, Number(q.get('months') ?? 0) || undefined, undefined, source.logger);
        if (!image) return sendText(res, 404, 'no figures for this chart yet\n');
        // A browser that has this very image revalidates it and gets 304: the chart changes only with the figures.
        const etag = `"${createHash('sha256').update(image.png).digest('base64url').slice(0, 27)}"`;
        const caching = { ...SECURITY_HEADERS, etag, 'cache-control': 'private, no-cache' };
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304, caching).end();
        res.writeHead(200, { 'content-type': 'image/png', ...caching });
        return void res.end(image.png);
      }
    }
    const detail = /^\/ui\/alerts\/([0-9a-zA-Z_-]{1,80})$/.exec(path);
    if (detail) {
      const page = await alertDetailPage(source, detail[1]!);
      return page ? sendHtml(res, 200, page) : sendText(res, 404, 'no such alert (it may have been forgotten)\n');
    }
    return sendText(res, 404, 'not found: the dashboard has /ui/, /ui/watches, /ui/alerts and /ui/figures\n');
  }

  server.mount('/ui', handle);
  // Browsers ask for /favicon.ico whatever the page says; an empty answer keeps a 404 out of their consoles.
  server.mount('/favicon.ico', (_req, res) => void res.writeHead(204, { 'cache-control': 'max-age=86400' }).end());
  return { auth, live, close: () => live.close() };
}
