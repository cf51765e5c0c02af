import { CustomsSite } from './customs.js';
import { GovSite } from './govcn.js';
import type { FixtureHost } from './host.js';
import { MiitSite } from './miit.js';
import { MofcomSite } from './mofcom.js';
import { GoogleNews, NewsOutlet, OUTLETS, type OutletId } from './news.js';

export type { CommodityLine, MonthRelease } from './customs.js';
export { BACKGROUND_LINES } from './customs.js';
export type { GovDoc } from './govcn.js';
export type { MiitNotice } from './miit.js';
export type { MofcomDoc } from './mofcom.js';
export type { Story } from './news.js';

/**
 * Local imitations of every source the shipped watches read — MIIT, MOFCOM and its Export Control Bureau, GAC
 * (Chinese and English), gov.cn, Google News and the news outlets — each on its own loopback port. `rewrite` is the
 * REGWATCH_REWRITE value that sends the shipped watches' requests to them.
 */
export class SourceSites {
  readonly miit = new MiitSite();
  readonly mofcom = new MofcomSite();
  readonly customs = new CustomsSite();
  readonly gov = new GovSite();
  readonly google = new GoogleNews();
  readonly outlets = Object.fromEntries(Object.entries(OUTLETS).map(([id, o]) => [id, new NewsOutlet(o)])) as Record<
    OutletId,
    NewsOutlet
  >;

  get hosts(): FixtureHost[] {
    return [
      this.miit.host,
      this.mofcom.www,
      this.mofcom.bureau,
      this.customs.zh,
      this.customs.en,
      this.gov.host,
      this.google.host,
      ...Object.values(this.outlets).map((o) => o.host),
    ];
  }

  async start(): Promise<this> {
    await Promise.all(this.hosts.map((h) => h.start()));
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all(this.hosts.map((h) => h.stop()));
  }

  /** `REGWATCH_REWRITE`: every imitated host mapped to its local origin. */
  get rewrite(): string {
    return this.hosts.map((h) => `${h.host}=${h.origin}`).join(' ');
  }

  /** Requests each host has answered (for politeness checks). */
  requests(): Record<string, number> {
    return Object.fromEntries(this.hosts.map((h) => [h.host, h.requests]));
  }
}
