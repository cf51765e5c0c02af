import { html, type Html } from '../html.js';

export const NAV = [
  { path: '/ui/', label: 'Overview' },
  { path: '/ui/watches', label: 'Watches' },
  { path: '/ui/alerts', label: 'Alerts' },
  { path: '/ui/figures', label: 'Figures' },
] as const;

/** The page frame: navigation, a live-update status line, and the scripts (all same-origin; the CSP allows no other). */
export function layout(opts: { title: string; current: string; body: Html; scripts?: string[] }): Html {
  const scripts = ['/ui/assets/dashboard.js', ...(opts.scripts ?? [])];
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${opts.title} · regwatch</title>
        <link rel="stylesheet" href="/ui/assets/dashboard.css" />
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/ui/">regwatch</a>
          <nav aria-label="Pages">
            <ul>
              ${NAV.map(
                (n) =>
                  html`<li>
                    <a href="${n.path}" ${n.path === opts.current ? html` aria-current="page"` : ''}>${n.label}</a>
                  </li>`,
              )}
            </ul>
          </nav>
          <p class="live" id="live" role="status" aria-live="polite">live updates: off (JavaScript)</p>
        </header>
        <main id="main">
          <h1>${opts.title}</h1>
          ${opts.body}
        </main>
        ${scripts.map((s) => html`<script src="${s}" defer></script>`)}
      </body>
    </html> `;
}
