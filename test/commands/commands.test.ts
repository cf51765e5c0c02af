import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMMANDS,
  parseCommandText,
  runCommand,
  type CommandAnswer,
  type CommandContext,
  type CommandRequest,
  type DestinationState,
} from '../../src/commands/index.js';
import { recordFigures, type StoredFigure } from '../../src/figures/figures-store.js';
import { getSubscription } from '../../src/routing/subscriptions.js';
import { registerSecret } from '../../src/security/secrets.js';
import { Store } from '../../src/store/store.js';
import type { Alert, Figure } from '../../src/types.js';
import { tempConfig } from '../helpers/run-cli.js';

const MIIT_2024_1 = {
  url: 'https://www.miit.gov.cn/2024-1.html',
  title: '关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知',
  source: 'miit' as const,
  official: true,
  date: '2024-02-06',
};
const REUTERS_2024 = {
  url: 'https://news.example/2024-quota',
  title: 'China sets 2024 rare earth quotas at 270,000 t',
  source: 'news' as const,
  official: false,
  date: '2024-08-20',
};

function fig(
  partial: Partial<Figure> & Pick<Figure, 'metric' | 'value' | 'period'>,
  from: Omit<StoredFigure, keyof Figure | 'alertId'>,
): StoredFigure {
  return {
    unit: 't',
    batch: null,
    change_pct: null,
    change_basis: null,
    evidence: '',
    alertId: null,
    ...partial,
    ...from,
  };
}

function alert(
  id: string,
  categories: Alert['categories'],
  title: string,
  date: string,
  source: Alert['watch']['source'] = 'mofcom',
): Alert {
  return {
    id,
    watch: { id: `${source}-list`, name: source.toUpperCase(), source },
    title,
    url: `https://${source}.example/${id}.html`,
    publishedAt: date,
    detectedAt: `${date}T09:00:00Z`,
    categories,
    figures: [],
    summary: title,
    severity: 'high',
  };
}

describe('/regwatch sub-commands (platform-neutral)', () => {
  let store: Store;
  let refreshes = 0;
  const destinations: DestinationState[] = [
    { id: 'desk', type: 'slack', state: 'ok', pending: 0, lastError: null, hint: null, since: null },
    {
      id: 'slack:C0GONE',
      type: 'slack',
      state: 'failing',
      pending: 2,
      lastError: 'slack chat.postMessage to C0GONE: channel_not_found',
      hint: 'invite the bot with /invite @regwatch',
      since: '2025-06-20T08:00:00Z',
    },
  ];
  let ctx: CommandContext;
  const req = (text: string, extra: Partial<CommandRequest> = {}): CommandRequest => ({
    ...parseCommandText(text),
    platform: 'slack',
    channelId: 'C0TEAM',
    userId: 'U0USER',
    isAdmin: false,
    ...extra,
  });
  const run = (text: string, extra: Partial<CommandRequest> = {}) => runCommand(req(text, extra), ctx);
  const allText = (a: CommandAnswer) =>
    [a.title, ...a.sections.flatMap((s) => [s.heading ?? '', ...s.lines]), ...(a.table?.rows.flat() ?? [])].join('\n');

  beforeAll(async () => {
    registerSecret('gac-key-7f3e9a1c'); // as config loading does for ${GAC_API_KEY}
    store = await Store.open(tempConfig({}).store);
    ctx = {
      store,
      watches: () => [
        {
          id: 'miit-rare-earth',
          name: 'MIIT 原材料工业司',
          source: 'miit',
          kind: 'list',
          url: 'https://www.miit.gov.cn/list',
          schedule: 'every 10m',
        },
        {
          id: 'customs-stats',
          name: 'GAC 统计快讯',
          source: 'customs',
          kind: 'list',
          url: 'http://www.customs.gov.cn/stats?apikey=gac-key-7f3e9a1c',
          schedule: 'every 1h',
        },
      ],
      destinations: () => Promise.resolve(destinations),
      refreshDestinations: () => {
        refreshes++;
        return Promise.resolve();
      },
      now: () => new Date('2025-07-01T10:00:00Z'),
    };
    const MIIT_2024_2 = {
      ...MIIT_2024_1,
      url: 'https://www.miit.gov.cn/2024-2.html',
      title: '关于下达2024年第二批稀土开采、冶炼分离总量控制指标的通知',
      date: '2024-08-16',
    };
    const MIIT_2023 = {
      ...MIIT_2024_1,
      url: 'https://www.miit.gov.cn/2023-3.html',
      title: '关于下达2023年第三批稀土开采、冶炼分离总量控制指标的通知',
      date: '2023-12-14',
    };
    // The official notice, read on a portal that reposted it, not on MIIT's site.
    const MIIT_2022_REPOST = {
      ...MIIT_2024_1,
      url: 'https://www.metal-portal.example/news/2022-quota.html',
      title: '关于下达2022年稀土开采、冶炼分离总量控制指标的通知',
      date: '2022-01-28',
    };
    const GAC = {
      url: 'http://www.customs.gov.cn/2025-06.html',
      title: '2025年6月出口主要商品量值表',
      source: 'customs' as const,
      official: true,
      date: '2025-07-20',
    };
    const PRESS = {
      url: 'https://news.example/magnets-may',
      title: 'China May magnet exports plunge',
      source: 'news' as const,
      official: false,
      date: '2025-06-20',
    };
    await recordFigures(store, [
      fig({ metric: 'mining_quota', value: 135000, period: '2024', batch: 1 }, MIIT_2024_1),
      fig({ metric: 'smelting_quota', value: 127000, period: '2024', batch: 1 }, MIIT_2024_1),
      fig({ metric: 'mining_quota', value: 135000, period: '2024', batch: 2 }, MIIT_2024_2),
      fig({ metric: 'smelting_quota', value: 127000, period: '2024', batch: 2 }, MIIT_2024_2),
      fig({ metric: 'mining_quota', value: 270000, period: '2024' }, REUTERS_2024),
      fig({ metric: 'smelting_quota', value: 254000, period: '2024' }, REUTERS_2024),
      fig({ metric: 'mining_quota', value: 210000, period: '2022' }, MIIT_2022_REPOST),
      fig({ metric: 'mining_quota', value: 255000, period: '2023' }, MIIT_2023),
      fig({ metric: 'smelting_quota', value: 243850, period: '2023' }, MIIT_2023),
      fig({ metric: 'magnet_exports', value: 3188, period: '2025-06', change_pct: 157.5, change_basis: 'mom' }, GAC),
      fig({ metric: 'magnet_exports', value: 3188, period: '2025-06', change_pct: -38.1, change_basis: 'yoy' }, GAC),
      fig({ metric: 'magnet_exports_to_us', value: 353, period: '2025-06' }, GAC),
      fig({ metric: 'magnet_exports', value: 22319, period: '2025-H1', change_pct: -18.9, change_basis: 'yoy' }, GAC),
      fig({ metric: 'magnet_exports', value: 1238, period: '2025-05', change_pct: -74, change_basis: 'yoy' }, PRESS),
      fig({ metric: 'rare_earth_exports', value: 7742.2, period: '2025-06', change_pct: 60, change_basis: 'yoy' }, GAC),
      fig({ metric: 'rare_earth_exports', value: 5864.6, period: '2025-05' }, PRESS),
    ]);
    await store.saveAlert(
      alert(
        'ann-18',
        ['control_list_addition'],
        '商务部 海关总署公告2025年第18号 公布对部分中重稀土相关物项实施出口管制的决定',
        '2025-04-04',
      ),
    );
    await store.saveAlert(
      alert(
        'quota-2024-2',
        ['quota_batch'],
        '关于下达2024年第二批稀土开采、冶炼分离总量控制指标的通知',
        '2024-08-16',
        'miit',
      ),
    );
    await store.saveAlert(
      alert('ann-70', ['control_relaxation'], '商务部公告2025年第70号 关于暂停实施第61号公告的公告', '2025-11-07'),
    );
    await store.updateHealth('customs-stats', (h) => ({
      ...h,
      lastCheck: '2025-07-01T09:55:00Z',
      consecutiveFailures: 4,
      failingSince: '2025-07-01T06:00:00Z',
      lastError: 'HTTP 412 anti-bot challenge',
    }));
    await store.updateHealth('miit-rare-earth', (h) => ({
      ...h,
      lastCheck: '2025-07-01T09:58:00Z',
      lastSuccess: '2025-07-01T09:58:00Z',
    }));
  });
  afterAll(async () => {
    await store.close();
  });

  it('quota 2024: the year total with its batches, smelting too, and the sources with dates', async () => {
    const a = await run('quota 2024');
    expect(a.error).toBeFalsy();
    expect(a.sections[0]?.lines[0]).toBe(
      '2024 mining quota: 270,000 t (two batches: 135,000 + 135,000), smelting 254,000 t (two batches: 127,000 + 127,000)',
    );
    expect(allText(a)).toContain('mining +5.9% on 2023 (255,000 t)');
    expect(a.sources).toEqual(
      expect.arrayContaining([
        { label: `MIIT: ${MIIT_2024_1.title}`, url: MIIT_2024_1.url, date: '2024-02-06' },
        { label: `news, press: ${REUTERS_2024.title}`, url: REUTERS_2024.url, date: '2024-08-20' },
      ]),
    );
    expect(a.table?.rows.map((r) => r.slice(0, 3))).toEqual([
      ['batch 1', '135,000 t', '127,000 t'],
      ['batch 2', '135,000 t', '127,000 t'],
      ['year', '270,000 t', '254,000 t'],
    ]);
  });

  it('quota of a year read only in a repost says whose site the official text was on', async () => {
    const a = await run('quota 2022');
    expect(a.sources).toEqual([
      {
        label:
          'MIIT, official text, reposted by metal-portal.example: 关于下达2022年稀土开采、冶炼分离总量控制指标的通知',
        url: 'https://www.metal-portal.example/news/2022-quota.html',
        date: '2022-01-28',
      },
    ]);
  });

  it('quota without a year answers the latest year; a bad year or an empty year says so', async () => {
    expect((await run('quota')).title).toBe('2024 rare-earth quota');
    const bad = await run('quota next');
    expect(bad.error).toBe(true);
    expect(allText(bad)).toContain('"next" is not a year');
    const empty = await run('quota 2019');
    expect(allText(empty)).toContain('No quota figures for 2019 in the store. Years with figures: 2022, 2023, 2024.');
  });

  it('exports magnets 2025-06: value with both changes, the US share, the half-year, recent months, sources', async () => {
    const a = await run('exports magnets 2025-06');
    expect(a.sections[0]?.lines).toEqual([
      'Rare-earth magnet exports, 2025-06: 3,188 t (+157.5% m/m, −38.1% y/y)',
      'to the US: 353 t',
      '2025-H1: 22,319 t (−18.9% y/y)',
    ]);
    expect(a.table?.rows).toEqual([
      ['2025-06', '3,188 t', '+157.5%', '−38.1%', 'GAC (customs), 2025-07-20'],
      ['2025-05', '1,238 t', '', '−74%', 'news, press, 2025-06-20'],
    ]);
    expect(a.sources[0]).toEqual({
      label: 'GAC (customs): 2025年6月出口主要商品量值表',
      url: 'http://www.customs.gov.cn/2025-06.html',
      date: '2025-07-20',
    });
  });

  it('exports defaults to rare earths, latest month; odd words get the usage', async () => {
    expect((await run('exports')).sections[0]?.lines[0]).toBe('Rare-earth exports, 2025-06: 7,742.2 t (+60% y/y)');
    expect((await run('exports 2025-5')).sections[0]?.lines[0]).toBe('Rare-earth exports, 2025-05: 5,864.6 t');
    const bad = await run('exports unicorns');
    expect(bad.error).toBe(true);
    expect(allText(bad)).toContain('/regwatch exports [rare-earths|magnets] [PERIOD]');
    expect(allText(await run('exports magnets 2024-02'))).toContain(
      'No rare-earth magnet exports figure for 2024-02 in the store. Latest months with figures: 2025-06, 2025-05.',
    );
  });

  it('controls lists control-list additions and relaxations only, newest first, with dates and sources', async () => {
    const a = await run('controls');
    expect(a.sections.map((s) => s.heading)).toEqual(['Added to controls', 'Relaxed, suspended or lifted']);
    expect(a.sections[0]?.lines).toEqual([
      '2025-04-04 · control list addition · MOFCOM: 商务部 海关总署公告2025年第18号 公布对部分中重稀土相关物项实施出口管制的决定',
    ]);
    expect(a.sections[1]?.lines[0]).toMatch(/^2025-11-07 · control relaxation · MOFCOM: 商务部公告2025年第70号/);
    expect(allText(a)).not.toContain('总量控制指标');
    expect(a.sources.map((s) => s.date)).toEqual(['2025-11-07', '2025-04-04']);
  });

  it('latest [CATEGORY] filters by category and explains unknown ones', async () => {
    const q = await run('latest quota-batch');
    expect(q.sections[0]?.lines).toHaveLength(1);
    expect(q.sections[0]?.lines[0]).toContain('quota batch · MIIT: 关于下达2024年第二批');
    expect((await run('latest')).sections[0]?.lines).toHaveLength(3);
    const bad = await run('latest rumours');
    expect(bad.error).toBe(true);
    expect(allText(bad)).toContain(
      'Valid categories: quota_batch, licence_approval, control_list_addition, control_relaxation, export_statistics, enforcement, regulation',
    );
  });

  it('status shows failing watches with their error and destinations with what to do', async () => {
    const a = await run('status');
    expect(a.title).toBe('regwatch status: needs attention');
    const text = allText(a);
    expect(text).toContain('2 watches: 1 ok, 1 failing. Last check 2025-07-01 09:58 UTC.');
    expect(text).toContain('customs-stats: 4 failed checks since 2025-07-01 06:00 UTC — HTTP 412 anti-bot challenge');
    expect(text).toContain(
      'slack:C0GONE (slack): failing since 2025-06-20 08:00 UTC, 2 alerts waiting — slack chat.postMessage to C0GONE: channel_not_found. What to do: invite the bot with /invite @regwatch',
    );
    expect(a.table?.rows[0]).toEqual([
      'customs-stats',
      'GAC (customs)',
      '2025-07-01 09:55 UTC',
      'never',
      'failing (4×)',
    ]);
  });

  it('watches lists every watch with source and schedule', async () => {
    const a = await run('watches');
    expect(a.table?.rows).toEqual([
      ['miit-rare-earth', 'MIIT', 'list', 'every 10m', 'MIIT 原材料工业司'],
      ['customs-stats', 'GAC (customs)', 'list', 'every 1h', 'GAC 统计快讯'],
    ]);
    // The key in a watch URL (from the environment) never reaches the channel.
    expect(a.sources.map((s) => s.url)).toEqual([
      'https://www.miit.gov.cn/list',
      'http://www.customs.gov.cn/stats?apikey=[redacted]',
    ]);
  });

  it('subscribe is refused for non-admins and changes nothing', async () => {
    const a = await run('subscribe quota_batch');
    expect(a.error).toBe(true);
    expect(a.title).toContain('not allowed');
    expect(await getSubscription(store, 'slack', 'C0TEAM')).toBeUndefined();
  });

  it('subscribe by an admin validates names, stores the filter and refreshes routing; unsubscribe narrows or removes it', async () => {
    const before = refreshes;
    const bad = await run('subscribe quota_batch gossip', { isAdmin: true });
    expect(bad.error).toBe(true);
    expect(allText(bad)).toContain('"gossip" is not a category. Valid categories: quota_batch, licence_approval');
    expect(await getSubscription(store, 'slack', 'C0TEAM')).toBeUndefined();

    const ok = await run('subscribe quota_batch export_statistics source:miit', { isAdmin: true });
    expect(ok.error).toBeFalsy();
    expect(ok.sections[0]?.lines[0]).toBe(
      'This channel now gets alerts about quota_batch, export_statistics from MIIT, starting with the next alert.',
    );
    expect(await getSubscription(store, 'slack', 'C0TEAM')).toMatchObject({
      categories: ['quota_batch', 'export_statistics'],
      sources: ['miit'],
      by: 'U0USER',
    });
    expect(refreshes).toBe(before + 1);

    await run('unsubscribe export_statistics', { isAdmin: true });
    expect((await getSubscription(store, 'slack', 'C0TEAM'))?.categories).toEqual(['quota_batch']);
    const gone = await run('unsubscribe', { isAdmin: true });
    expect(gone.title).toBe('Unsubscribed');
    expect(await getSubscription(store, 'slack', 'C0TEAM')).toBeUndefined();
    expect(refreshes).toBe(before + 3);
  });

  it('unknown input gets the help text listing every sub-command', async () => {
    const a = await run('frobnicate now');
    expect(a.title).toContain('I don\'t know "frobnicate"');
    expect(a.ephemeral).toBe(true);
    for (const c of COMMANDS) expect(allText(a)).toContain(`/regwatch ${c.usage}`);
    expect((await run('')).title).toBe('/regwatch — what it can do');
  });
});
