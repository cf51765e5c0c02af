import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as D from '../../src/demo/documents.js';
import type { LoadedConfig, Watch } from '../../src/config/load-config.js';
import type { AlertCategory, Category, Figure } from '../../src/types.js';
import { shippedConfig, startSourceSites, WatchRun, type SourceSites } from '../helpers/source-sites.js';

/** What one shipped watch must alert when its source publishes one new real-looking document. */
interface Case {
  watch: string;
  publish(s: SourceSites, w: Watch): void;
  title: string | RegExp;
  url: RegExp;
  categories: Category[];
  /** Categories the classifier also gives today that are not the point of the case (see the case's comment). */
  tolerated?: AlertCategory[];
  figures?: Array<Partial<Figure>>;
}

const q = (w: Watch) => String(w.query.q);

const CASES: Case[] = [
  {
    watch: 'miit-wjfb-tz',
    publish: (s) => s.miit.publish(D.MIIT_QUOTA_2024_1),
    title: D.MIIT_QUOTA_2024_1.title,
    url: /\/zwgk\/zcwj\/wjfb\/tz\/art\/2024\/art_[0-9a-f]{32}\.html$/,
    categories: ['quota_batch'],
    figures: [
      { metric: 'mining_quota', value: 135000, period: '2024', batch: 1 },
      { metric: 'smelting_quota', value: 127000, period: '2024', batch: 1 },
    ],
  },
  {
    watch: 'miit-search-rare-earth',
    publish: (s) => s.miit.publish({ ...D.MIIT_QUOTA_2024_1, slug: 'quota-2024-1-search' }),
    title: D.MIIT_QUOTA_2024_1.title,
    url: /\/art\/2024\/art_[0-9a-f]{32}\.html$/,
    categories: ['quota_batch'],
    figures: [{ metric: 'mining_quota', value: 135000, period: '2024', batch: 1 }],
  },
  {
    watch: 'mofcom-zcfb',
    publish: (s) => s.mofcom.publish(D.MOFCOM_NO18_2025),
    title: D.MOFCOM_NO18_2025.title,
    url: /\/zwgk\/zcfb\/art\/2025\/art_[0-9a-f]{32}\.html$/,
    categories: ['control_list_addition'],
  },
  {
    watch: 'mofcom-aqygzj',
    publish: (s) => s.mofcom.publish(D.MOFCOM_NO70_2025),
    title: D.MOFCOM_NO70_2025.title,
    url: /\/zhxx\/art\/2025\/art_[0-9a-f]{32}\.html$/,
    categories: ['control_relaxation'],
  },
  {
    // "对其实施出口管制是国际通行做法" also scores control_list_addition today (a classifier near-miss).
    watch: 'mofcom-spokesperson',
    publish: (s) => s.mofcom.publish(D.MOFCOM_LICENCE_QA),
    title: D.MOFCOM_LICENCE_QA.title,
    url: /\/xwfb\/xwfyrth\/art\/2025\/art_[0-9a-f]{32}\.html$/,
    categories: ['licence_approval'],
    tolerated: ['control_list_addition'],
  },
  {
    // Two transcripts at once; only the one whose text mentions 稀土 alerts (filterOn: document).
    watch: 'mofcom-press-conference',
    publish: (s) => {
      s.mofcom.publish(D.MOFCOM_PRESS_0605_OTHER);
      s.mofcom.publish(D.MOFCOM_PRESS_0612);
    },
    title: D.MOFCOM_PRESS_0612.title,
    url: /\/xwfbh\/art\/2025\/art_[0-9a-f]{32}\.html$/,
    categories: ['licence_approval'],
  },
  {
    watch: 'govcn-latest-policy',
    publish: (s) => s.gov.publish(D.GOV_REGULATION),
    title: D.GOV_REGULATION.title,
    url: /\/zhengce\/content\/202406\/content_6960160\.htm$/,
    categories: ['regulation'],
  },
  {
    watch: 'govcn-policy-interpretation',
    publish: (s) => s.gov.publish(D.GOV_JIEDU_REGULATION),
    title: D.GOV_JIEDU_REGULATION.title,
    url: /\/zhengce\/content\/202406\/content_6960180\.htm$/,
    categories: ['regulation'],
  },
  {
    watch: 'customs-preliminary-en',
    publish: (s) => s.customs.release(D.gacRelease(10, { quantity: 4821.6, quantityYoy: 8.6 })),
    title: /^GAC preliminary release \(English\): page changed/,
    url: /\/statics\/report\/preliminary\.html$/,
    categories: ['export_statistics'],
  },
  {
    watch: 'customs-monthly-en',
    publish: (s) => s.customs.release(D.gacRelease(11, { quantity: 5102.3, quantityYoy: -7.1 })),
    title: /^GAC monthly reports \(English\): page changed/,
    url: /\/statics\/report\/monthly\.html$/,
    categories: ['export_statistics'],
  },
  ...(
    [
      [
        'news-google-en-quota',
        'reuters',
        D.NEWS.quotaEn,
        ['quota_batch'],
        [{ metric: 'mining_quota', value: 135000, period: '2024', batch: 1 }],
      ],
      ['news-google-en-export-control', 'reuters', D.NEWS.suspendEn, ['control_relaxation'], []],
      [
        'news-google-en-exports',
        'reuters',
        D.NEWS.mayExports,
        ['export_statistics'],
        [{ metric: 'rare_earth_exports', value: 5864.6, period: '2025-05', change_basis: 'mom', change_pct: 23 }],
      ],
      [
        'news-google-zh-quota',
        'chinanews',
        D.NEWS.quotaZh,
        ['quota_batch'],
        [{ metric: 'mining_quota', value: 135000, period: '2024', batch: 1 }],
      ],
      ['news-google-zh-export', 'chinanews', D.NEWS.controlsZh, ['control_list_addition'], []],
    ] as const
  ).map(([watch, outlet, story, categories, figures]): Case => ({
    watch,
    publish: (s, w) => {
      s.google.publish(q(w), story, s.outlets[outlet]);
      s.google.publish(q(w), { ...D.COPPER, slug: `copper-${watch}` }, s.outlets[outlet]);
    },
    title: `${story.title} - ${outlet === 'reuters' ? 'Reuters' : '中国新闻网-财经新闻'}`,
    // The Google redirect is resolved: the alert links the publisher's article, not news.google.com.
    url:
      outlet === 'reuters'
        ? new RegExp(`^http://127\\.0\\.0\\.1:\\d+/markets/commodities/${story.slug}-`)
        : /^http:\/\/127\.0\.0\.1:\d+\/cj\/\d{4}\/\d{2}-\d{2}\/\d+\.shtml$/,
    categories: [...categories],
    figures: [...figures],
  })),
  ...(
    [
      [
        'news-mining-com',
        'mining',
        '/feed/',
        D.NEWS.magnetsMarch,
        ['export_statistics'],
        [{ metric: 'magnet_exports', value: 5238, period: '2026-03', change_basis: 'yoy', change_pct: -1.6 }],
      ],
      [
        'news-chinadaily-business',
        'chinadaily',
        '/rss/business_rss.xml',
        D.NEWS.record2025,
        ['export_statistics'],
        [{ metric: 'rare_earth_exports', value: 62585.2, period: '2025', change_pct: 12.9 }],
      ],
      ['news-scmp-china', 'scmp', '/rss/4/feed', D.NEWS.licencesScmp, ['licence_approval'], []],
      ['news-scmp-business', 'scmp', '/rss/92/feed', D.NEWS.smugglingScmp, ['enforcement'], []],
      [
        'news-chinanews-finance',
        'chinanews',
        '/rss/finance.xml',
        D.NEWS.novemberZh,
        ['export_statistics'],
        [{ metric: 'rare_earth_exports', value: 5493.9, period: '2025-11', change_basis: 'yoy', change_pct: 24.4 }],
      ],
      ['news-globaltimes', 'globaltimes', '/rss/index.xml', D.NEWS.licencesGt, ['licence_approval'], []],
    ] as const
  ).map(([watch, outlet, feed, story, categories, figures]): Case => ({
    watch,
    publish: (s) => {
      s.outlets[outlet].publish({ ...D.COPPER, slug: `copper-${watch}` }, feed);
      s.outlets[outlet].publish(story, feed);
    },
    title: story.title,
    url: new RegExp(story.slug.slice(0, 12).replace(/-/g, '.') + '|\\d+\\.shtml$|/WS[0-9a-f]+\\.html$'),
    categories: [...categories],
    figures: [...figures],
  })),
];

/** Watches that need Chromium for their real path; covered below over their HTTP behaviour and with Chromium. */
const BROWSER_WATCHES = ['miit-ycls-wjfb', 'customs-stats-zh', 'customs-stats-index-zh'];

describe('the shipped watches against local imitations of their sources', () => {
  let sites: SourceSites;
  let config: LoadedConfig;

  beforeAll(async () => {
    sites = await startSourceSites();
    config = shippedConfig();
    // What each source already shows before the test starts (the baseline).
    sites.miit.publish(D.MIIT_QUOTA_2023_3);
    sites.miit.publish(D.MIIT_DIGITAL_PLAN);
    sites.mofcom.publish(D.MOFCOM_NO46_2024);
    sites.mofcom.publish(D.MOFCOM_QA_OLD);
    sites.mofcom.publish(D.MOFCOM_PRESS_OLD);
    sites.gov.publish(D.GOV_SAVE_ENERGY);
    sites.gov.publish(D.GOV_JIEDU_OLD);
    for (let m = 1; m <= 9; m++)
      sites.customs.release(D.gacRelease(m, { quantity: 4000 + m * 111.1, quantityYoy: m - 5 }));
    for (const w of config.watches.filter((x) => x.kind === 'feed')) {
      const old = { ...D.COPPER, slug: `old-${w.id}`, title: `Rare earth prices steady (${w.id})` };
      if (w.url.startsWith('https://news.google.com')) sites.google.publish(q(w), old, sites.outlets.reuters);
      else
        Object.values(sites.outlets)
          .find((o) => w.url.includes(o.outlet.host))
          ?.publish(old, new URL(w.url).pathname);
    }
  });
  afterAll(async () => sites.stop());

  it('every shipped watch is covered by a case here or by the browser-path tests', () => {
    const covered = new Set([...CASES.map((c) => c.watch), ...BROWSER_WATCHES]);
    expect(config.watches.map((w) => w.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.watch}: baseline, then one new document gives exactly the expected alert`, async () => {
      const watch = config.watches.find((w) => w.id === c.watch)!;
      const run = await WatchRun.open(config);
      try {
        const first = await run.check(c.watch);
        expect(first.error).toBeUndefined();
        expect(first.status).toBe('baseline');
        expect(run.delivered()).toEqual([]);
        c.publish(sites, watch);
        const second = await run.check(c.watch);
        expect(second.error).toBeUndefined();
        const alerts = run.delivered();
        expect(alerts).toHaveLength(1);
        const [alert] = alerts;
        expect(alert!.watch.id).toBe(c.watch);
        if (typeof c.title === 'string') expect(alert!.title).toBe(c.title);
        else expect(alert!.title).toMatch(c.title);
        expect(alert!.url).toMatch(c.url);
        expect(alert!.categories.filter((x) => !c.tolerated?.includes(x)).sort()).toEqual([...c.categories].sort());
        for (const f of c.figures ?? []) expect(alert!.figures).toContainEqual(expect.objectContaining(f));
        // Nothing new: the next check alerts nothing.
        await run.check(c.watch);
        expect(run.delivered()).toHaveLength(1);
      } finally {
        await run.close();
      }
    });
  }
});
