import * as D from './documents.js';
import type { SourceSites } from './sites/index.js';

/** One beat of the demo: what happens on a (fixture) site, which watches then look, what the newcomer should notice. */
export interface Beat {
  headline: string;
  explain: string;
  act(sites: SourceSites): void;
  watches: string[];
}

/** The watches the demo runs (all shipped ones, from config/watches). */
export const STORY_WATCHES = [
  'miit-wjfb-tz',
  'mofcom-zcfb',
  'mofcom-aqygzj',
  'customs-stats-zh',
  'news-chinanews-finance',
];

/** What the sites show before the story starts (regwatch's baseline). */
export function setTheScene(sites: SourceSites): void {
  sites.miit.publish(D.MIIT_QUOTA_2023_3);
  sites.miit.publish(D.MIIT_DIGITAL_PLAN);
  sites.mofcom.publish(D.MOFCOM_NO46_2024);
  for (let m = 1; m <= 9; m++)
    sites.customs.release(D.gacRelease(m, { quantity: 4000 + m * 111.1, quantityYoy: m - 5 }));
  sites.outlets.chinanews.publish(
    { ...D.COPPER, slug: 'demo-old', title: '前三季度我国外贸进出口稳中有进' },
    '/rss/finance.xml',
  );
}

export const BEATS: Beat[] = [
  {
    headline: 'MIIT posts a quota batch',
    explain:
      "The 文件发布 list is filled by JavaScript from the CMS's JSON API; regwatch reads that API, follows the new notice and reads its figures.",
    act: (s) => s.miit.publish(D.MIIT_QUOTA_2024_1),
    watches: ['miit-wjfb-tz'],
  },
  {
    headline: 'MOFCOM adds seven medium/heavy rare earths to the export-control list',
    explain: 'Announcement 2025 No. 18 appears on 政策发布 (www.mofcom.gov.cn).',
    act: (s) => s.mofcom.publish({ ...D.MOFCOM_NO18_2025, columns: ['zcfb'] }),
    watches: ['mofcom-zcfb'],
  },
  {
    headline: 'The Export Control Bureau reposts the same announcement',
    explain:
      'Same 文号 on aqygzj.mofcom.gov.cn: regwatch adds it as a source of the first alert instead of alerting twice.',
    act: (s) => s.mofcom.publish({ ...D.MOFCOM_NO18_2025, slug: 'mofcom-2025-18-bureau', columns: ['aqygzj'] }),
    watches: ['mofcom-aqygzj'],
  },
  {
    headline: "GAC releases October's tables",
    explain:
      'The year page (behind a 412 anti-bot challenge) gets 10月 links; regwatch opens 出口主要商品量值表, downloads its XLS and reads the 稀土 row. (2026 values here are illustrative.)',
    act: (s) => s.customs.release(D.gacRelease(10, { quantity: 4821.6, quantityYoy: 8.6 })),
    watches: ['customs-stats-zh'],
  },
  {
    headline: 'A news feed reports the customs figure',
    explain:
      '中国新闻网 finance RSS: a press report of the same month — a press figure, which the official one outranks.',
    act: (s) =>
      s.outlets.chinanews.publish(
        {
          slug: 'demo-gac-october',
          title: '海关总署：10月我国出口稀土4821.6吨 同比增长8.6%',
          date: '2026-11-09T08:00:00Z',
          body: '海关总署9日公布的数据显示，2026年10月我国出口稀土4821.6吨，同比增长8.6%。',
        },
        '/rss/finance.xml',
      ),
    watches: ['news-chinanews-finance'],
  },
];
