/**
 * The lead's category steps after the eighth round: general mechanisms behind misses of the blind parts BH6–BH8, each
 * with sentences written for the test — the step's hit and its near-miss.
 */
import { describe, expect, it } from 'vitest';
import { categoryNames as categories } from '../helpers/category-names.js';

describe('a monthly or ten-day report (月报, 旬报, 月刊) is a digest: each item is a story of its own', () => {
  const body = [
    '【本期要点】',
    '1. 政策：部分管制措施暂停实施',
    '2. 数据：磁材出口回落',
    '3. 价格：镨钕先涨后跌',
    '',
    '一、政策：部分出口管制措施暂停实施',
    '商务部发布公告，10月公布的稀土设备及技术等管制措施自即日起暂停实施一年。',
    '',
    '二、数据：磁材出口回落',
    '据海关总署公布的数据，10月我国稀土永磁出口量为5200吨，环比下降4.1%。',
    '',
    '三、价格：镨钕先涨后跌',
    '氧化镨钕报价月初上涨，月末回落。',
  ].join('\n');
  it('gives the suspension item beside the customs item', () => {
    expect(categories('稀土行业月报（2025年11月）｜管制暂停 磁材出口回落', body, '2025-11-28')).toEqual([
      'control_relaxation',
      'export_statistics',
    ]);
  });
  it('a single story with a statistics headline still sets the topic', () => {
    expect(
      categories(
        '10月稀土永磁出口回落',
        '据海关总署公布的数据，10月我国稀土永磁出口量为5200吨，环比下降4.1%。此前商务部曾于4月对部分中重稀土实施出口管制。',
        '2025-11-20',
      ),
    ).toEqual(['export_statistics']);
  });
});

describe('measures put off: "parks its package", "will not be enforced until"', () => {
  it('reads a package parked for a year as a relaxation', () => {
    expect(
      categories(
        'Beijing parks its October rare earth package for a year',
        'The commerce ministry said on Friday that the rare earth measures announced in October will not be enforced until November next year.',
        '2025-11-08',
      ),
    ).toContain('control_relaxation');
  });
  it('reads "will not be enforced until" in the body as a relaxation', () => {
    expect(
      categories(
        'Rare earth update',
        'The wide set of rare earth measures unveiled on 9 October — covering five more elements and processing equipment — will not be enforced until 10 November 2026, the commerce ministry said.',
        '2025-11-08',
      ),
    ).toContain('control_relaxation');
  });
  it('measures that will be enforced from a date are no relaxation', () => {
    expect(
      categories(
        'Rare earth update',
        'The rare earth measures unveiled on 9 October will be enforced from 1 December, the commerce ministry said.',
        '2025-11-08',
      ),
    ).not.toContain('control_relaxation');
  });
});

describe('a block mark (▌) opens a digest item as a bullet does', () => {
  const body = [
    '▌稀土指标：第二批指标与首批持平',
    '工业和信息化部、自然资源部下达今年第二批稀土开采、冶炼分离总量控制指标，分别为13.5万吨和12.7万吨。',
    '',
    '▌稀土永磁：7月出口微增',
    '海关总署今日公布的数据显示，7月份稀土永磁出口5278吨，较6月份增加约2.3%。',
    '',
    '▌港股收市：恒指下跌',
    '恒生指数今日收报17511点，下跌0.3%。',
  ].join('\n');
  it('gives each item its own category under a 快讯 headline', () => {
    expect(categories('【晚间财经快讯】第二批稀土指标下达', body, '2024-08-20')).toEqual([
      'export_statistics',
      'quota_batch',
    ]);
  });
});

describe('a newsletter’s ">>" or "»" opens a digest item', () => {
  const body = [
    'Good morning. Three things this week.',
    '',
    '>> QUOTAS: SECOND BATCH LANDS',
    'MIIT and the Ministry of Natural Resources have issued the second batch of 2024 rare earth mining quotas, 135,000 t.',
    '',
    '>> TRADE: MAGNET EXPORTS STEADY',
    'Customs tables out on Tuesday put July exports of rare earth permanent magnets at 5,278 t, above June.',
    '',
    '>> PRICES',
    'NdPr oxide was flat on the week.',
  ].join('\n');
  it('reads the trade item beside the quota item', () => {
    expect(categories('Rare Earth Brief - Week 34, 2024', body, '2024-08-23')).toEqual([
      'export_statistics',
      'quota_batch',
    ]);
    expect(categories('Rare Earth Brief - Week 34, 2024', body.replaceAll('>>', '»'), '2024-08-23')).toEqual([
      'export_statistics',
      'quota_batch',
    ]);
  });
});

describe('a headline about another mineral’s smugglers makes them the news', () => {
  const body =
    '海关缉私部门近日破获一起走私出口锑锭案，查证涉案锑锭约200吨。今年以来，海关按照打击战略矿产走私专项行动的部署，对镓、锗、锑、稀土等物项加大查验力度。';
  it('an antimony smuggling case is no rare-earth enforcement', () => {
    expect(categories('海关破获一起走私锑锭案', body, '2025-06-01')).toEqual([]);
  });
  it('the same case of rare earths is', () => {
    expect(categories('海关破获一起走私稀土案', body.replaceAll('锑锭', '稀土'), '2025-06-01')).toEqual([
      'enforcement',
    ]);
  });
});
