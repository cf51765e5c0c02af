import { esc, FixtureHost, hexId, html, rss, type Reply } from './host.js';

/** A news story as a feed entry plus its article page. */
export interface Story {
  slug: string;
  title: string;
  /** ISO date-time. */
  date: string;
  body: string;
  /** A short description for the feed (default: none, so regwatch follows the link). */
  summary?: string;
}

/** How one outlet's feed looks. */
interface Outlet {
  host: string;
  title: string;
  feeds: string[];
  articlePath(slug: string, date: string): string;
  /** WordPress-style: the full text in content:encoded. */
  fullText?: boolean;
}

export const OUTLETS = {
  mining: {
    host: 'www.mining.com',
    title: 'MINING.COM',
    feeds: ['/feed/'],
    articlePath: (s) => `/web/${s}/`,
    fullText: true,
  },
  chinadaily: {
    host: 'www.chinadaily.com.cn',
    title: 'China Daily - Business',
    feeds: ['/rss/business_rss.xml'],
    articlePath: (s, d) => `/a/${d.slice(0, 7).replace('-', '')}/${d.slice(8, 10)}/WS${hexId(s).slice(0, 24)}.html`,
  },
  scmp: {
    host: 'www.scmp.com',
    title: 'South China Morning Post',
    feeds: ['/rss/4/feed', '/rss/92/feed'],
    articlePath: (s) => `/economy/china-economy/article/${parseInt(hexId(s).slice(0, 6), 16)}/${s}`,
  },
  chinanews: {
    host: 'www.chinanews.com.cn',
    title: '中国新闻网-财经新闻',
    feeds: ['/rss/finance.xml'],
    articlePath: (s, d) =>
      `/cj/${d.slice(0, 4)}/${d.slice(5, 7)}-${d.slice(8, 10)}/${parseInt(hexId(s).slice(0, 5), 16)}.shtml`,
  },
  globaltimes: {
    host: 'www.globaltimes.cn',
    title: 'Global Times',
    feeds: ['/rss/index.xml'],
    articlePath: (s, d) => `/page/${d.slice(0, 7).replace('-', '')}/${parseInt(hexId(s).slice(0, 5), 16)}.shtml`,
  },
  reuters: {
    host: 'www.reuters.com',
    title: 'Reuters',
    feeds: [],
    articlePath: (s, d) => `/markets/commodities/${s}-${d.slice(0, 10)}/`,
  },
} satisfies Record<string, Outlet>;
export type OutletId = keyof typeof OUTLETS;

function articlePage(outlet: Outlet, s: Story): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(s.title)} | ${esc(outlet.title)}</title></head><body>
<header><nav><a href="/">${esc(outlet.title)}</a> <a href="/business">Business</a></nav></header>
<article><h1>${esc(s.title)}</h1><time datetime="${s.date}">${s.date.slice(0, 10)}</time>
<div class="article-content">${s.body
    .split('\n')
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n')}</div></article>
<footer>© ${esc(outlet.title)}</footer></body></html>`;
}

/** One outlet: its feed(s) and article pages. */
export class NewsOutlet {
  /** Stories per feed path. */
  readonly stories = new Map<string, Story[]>();
  readonly host: FixtureHost;

  constructor(readonly outlet: Outlet) {
    this.host = new FixtureHost(outlet.host, [(_req, url) => this.route(url)]);
  }

  publish(story: Story, feed = this.outlet.feeds[0] ?? ''): void {
    this.stories.set(feed, [story, ...(this.stories.get(feed) ?? [])]);
  }

  /** The story's address on the outlet's real host name (what links and redirects on the web carry). */
  publicUrl(story: Story): string {
    return `https://${this.outlet.host}${this.outlet.articlePath(story.slug, story.date)}`;
  }

  private feedXml(path: string): string {
    const items = (this.stories.get(path) ?? [])
      .map((s) => {
        const link = this.publicUrl(s);
        const full = this.outlet.fullText
          ? `<content:encoded><![CDATA[${s.body
              .split('\n')
              .map((p) => `<p>${p}</p>`)
              .join('')}]]></content:encoded>`
          : '';
        return `<item><title>${esc(s.title)}</title><link>${link}</link><guid isPermaLink="false">${hexId(s.slug)}</guid><pubDate>${new Date(s.date).toUTCString()}</pubDate><description><![CDATA[${s.summary ?? ''}]]></description>${full}</item>`;
      })
      .join('\n');
    return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(this.outlet.title)}</title><link>https://${this.outlet.host}/</link><description>${esc(this.outlet.title)}</description>${items}</channel></rss>`;
  }

  private route(url: URL): Reply | undefined {
    if (this.outlet.feeds.includes(url.pathname)) return rss(this.feedXml(url.pathname));
    for (const list of this.stories.values())
      for (const s of list)
        if (url.pathname === this.outlet.articlePath(s.slug, s.date)) return html(articlePage(this.outlet, s));
    return undefined;
  }
}

/** A Google News search result: a story on another outlet's site, reached through a news.google.com redirect. */
interface GoogleEntry {
  query: string;
  story: Story;
  outlet: NewsOutlet;
}

/**
 * news.google.com search feeds (shared sources.md §5): one RSS per `q`, entry links to
 * news.google.com/rss/articles/<id>?oc=5 that redirect to the publisher's article, titles ending " - Publisher",
 * descriptions that are only a link list.
 */
export class GoogleNews {
  readonly entries: GoogleEntry[] = [];
  readonly host = new FixtureHost('news.google.com', [(_req, url) => this.route(url)]);

  publish(query: string, story: Story, outlet: NewsOutlet): void {
    outlet.publish(story, '');
    this.entries.unshift({ query, story, outlet });
  }

  private route(url: URL): Reply | undefined {
    if (url.pathname === '/rss/search') {
      const q = url.searchParams.get('q') ?? '';
      const items = this.entries
        .filter((e) => e.query === q)
        .map((e) => {
          const id = `CBMi${hexId(e.story.slug)}`;
          return `<item><title>${esc(`${e.story.title} - ${e.outlet.outlet.title}`)}</title><link>https://news.google.com/rss/articles/${id}?oc=5</link><guid isPermaLink="false">${id}</guid><pubDate>${new Date(e.story.date).toUTCString()}</pubDate><description>${esc(`<a href="https://news.google.com/rss/articles/${id}?oc=5" target="_blank">${e.story.title}</a>&nbsp;&nbsp;<font color="#6f6f6f">${e.outlet.outlet.title}</font>`)}</description><source url="https://${e.outlet.outlet.host}">${esc(e.outlet.outlet.title)}</source></item>`;
        })
        .join('\n');
      return rss(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><generator>NFE/5.0</generator><title>"${esc(q)}" - Google News</title><link>https://news.google.com/search?q=${encodeURIComponent(q)}</link><language>en-US</language><description>Google News</description>${items}</channel></rss>`,
      );
    }
    const m = /^\/rss\/articles\/CBMi([0-9a-f]{32})$/.exec(url.pathname);
    const entry = m ? this.entries.find((e) => hexId(e.story.slug) === m[1]) : undefined;
    // To the publisher's own host name, as Google does; REGWATCH_REWRITE sends that hop to the local outlet.
    if (entry) return { status: 302, headers: { location: entry.outlet.publicUrl(entry.story) }, body: '' };
    return undefined;
  }
}
