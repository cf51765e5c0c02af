/**
 * Categories on what parts RG30– (test/fixtures/corpus/README.md) found in realistic genres: each block is one general
 * step, with sentences written for the test — the step's hit and its near-miss — and the parts' documents meet a bar.
 */
import { describe, expect, it } from 'vitest';
import { categoryNames as categories } from '../helpers/category-names.js';

describe('regulations that take effect, in any tense or idiom', () => {
  it('"took effect", "came into force", "went into effect" past an appositive report a regulation', () => {
    const took =
      "China's Regulations on the Administration of Rare Earths, approved by the State Council in April and " +
      'published in June, took effect on Tuesday, putting mining and trading under one set of rules.';
    expect(categories('China’s rare earth rules in force', took, '2024-10-01')).toEqual(['regulation']);
    const came = 'New rules on tracing rare earth products came into force on Monday, the ministry said.';
    expect(categories('Tracing system for rare earths', came, '2026-03-02')).toEqual(['regulation']);
  });

  it('a headline that management rules take effect is a regulation headline; export control rules are not', () => {
    expect(
      categories(
        'Rare earth management rules take effect',
        'Companies must now record every shipment in a tracing system.',
        '2024-10-01',
      ),
    ).toEqual(['regulation']);
    expect(
      categories(
        'Rare earth export control rules take effect',
        'Exporters must now apply for a licence for seven medium and heavy rare earths.',
        '2025-04-04',
      ),
    ).not.toContain('regulation');
  });

  it('a regulation that took effect years ago, recalled, is not news', () => {
    const text =
      'Prices of terbium oxide rose 3% this week. The rare earth regulations, which took effect in October 2024, ' +
      'require producers to keep within their quotas.';
    expect(categories('Terbium oxide climbs', text, '2026-02-10')).toEqual([]);
  });
});

describe('an indirect question about a step is asked, not reported', () => {
  it('关注…指标何时下达, 许可能否如期发放: no quota batch or approval', () => {
    const when = '市场普遍关注新年度第一批稀土开采、冶炼分离总量控制指标何时下达，多数企业预计增幅有限。';
    expect(categories('稀土周报：磁材企业备货放缓', when, '2025-01-16')).toEqual([]);
    const whether = '欧洲企业关心稀土出口许可能否如期发放，商务部发言人未作具体回应。';
    expect(categories('欧企关注稀土许可', whether, '2025-06-12')).toEqual([]);
  });

  it('a batch issued, beside a question about the next one, is still news', () => {
    const text =
      '工业和信息化部、自然资源部近日下达2025年第一批稀土开采、冶炼分离总量控制指标。市场关注第二批指标何时下达。';
    expect(categories('两部门下达第一批稀土指标', text, '2025-02-20')).toEqual(['quota_batch']);
  });
});

describe('a headline of an oxide or metal moving is a price report', () => {
  it('氧化镨钕周内上涨 over a quota statement: no quota batch', () => {
    const text = '本周氧化镨钕报价上涨约1.5%。2024年两批稀土开采指标合计为27万吨，冶炼分离指标为25.4万吨。';
    expect(categories('氧化镨钕周内上涨 开采指标受关注', text, '2025-01-16')).toEqual([]);
    // The same body under a headline with no product moving reads the quota statement as news.
    expect(categories('稀土周报 开采指标受关注', text, '2025-01-16')).toEqual(['quota_batch']);
  });

  it('a quota headline naming the element is still a quota story', () => {
    const text = '工业和信息化部、自然资源部今日下达2024年第一批稀土开采总量控制指标13.5万吨。';
    expect(categories('第一批稀土开采指标下达 镨钕企业受益', text, '2024-02-06')).toEqual(['quota_batch']);
  });
});
