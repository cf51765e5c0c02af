/**
 * Categories of the tenth round (the blind parts BH9–BH13's misses, test/fixtures/corpus/README.md): each block is one
 * general step, with sentences written for the test — the step's hit and its near-miss.
 */
import { describe, expect, it } from 'vitest';
import { categoryNames as categories } from '../helpers/category-names.js';

describe('what a question answered was about is not a step the answer reports', () => {
  const lead = '商务部发言人在周四的发布会上回应稀土出口管制相关问题时表示，中方将继续为合规的民用贸易提供便利。';
  const rest = '发言人说，对符合规定的申请会依法予以批准，相关工作有进展将及时发布。';
  it('"回应稀土出口管制相关问题时表示" in an untitled lead names the question, not a control', () => {
    expect(categories('', lead + rest, '2026-04-10')).toEqual([]);
  });
  it('the same lead that reports a control taken is still a control', () => {
    expect(
      categories(
        '',
        lead.replace('回应稀土出口管制相关问题时表示', '宣布即日起对钬、铒实施出口管制') + rest,
        '2026-04-10',
      ),
    ).toContain('control_list_addition');
  });
});

describe('a notice that suspends measures, in any wording, issues no regulation', () => {
  const body =
    '通告明确，暂停期间相关物项出口不再适用上述管控要求，此前已实施的其他管制措施不受影响。业内人士表示，企业出口' +
    '仍须依法申领许可。';
  it('"发布通告 中止履行…管控办法" is a relaxation, not a regulation', () => {
    expect(categories('商务部发布通告 中止履行9月出台的稀土相关出口管控办法', body, '2026-05-12')).toEqual([
      'control_relaxation',
    ]);
  });
  it('"搁置执行" is the same', () => {
    expect(categories('商务部发布通告 搁置执行9月出台的稀土相关出口管控办法', body, '2026-05-12')).not.toContain(
      'regulation',
    );
  });
  it('a notice that issues the measures is still a regulation', () => {
    expect(categories('商务部发布通告 出台稀土相关出口管控办法', body, '2026-05-12')).toContain('regulation');
  });
});

describe('an offence a rectification notice targets is no quota set', () => {
  const rest =
    '通知要求，对违法违规企业依法予以关停并没收违法所得，海关将严厉打击走私稀土的行为。各地须按季度报送整顿进展。';
  it('"印发通知…打击非法开采、超指标生产" is no quota batch', () => {
    expect(
      categories(
        '',
        '近日，工信部会同多部门印发通知，部署加强稀土行业秩序整顿，严厉打击非法开采、非法冶炼分离和超指标生产等行为。' +
          rest,
        '2026-01-08',
      ),
    ).not.toContain('quota_batch');
  });
  it('a notice that hands down the mining quota is still a quota batch', () => {
    expect(
      categories(
        '',
        '近日，工信部会同自然资源部印发通知，下达2026年第一批稀土开采、冶炼分离总量控制指标。' + rest,
        '2026-01-08',
      ),
    ).toContain('quota_batch');
  });
});

describe('customs telling of a case in any wording is no statistics source', () => {
  const said = ', the General Administration of Customs said on Wednesday.';
  it('a gang broken up, goods hidden: "customs said" is the case’s source', () => {
    expect(
      categories(
        '',
        'Customs officers in Guangxi broke up a gang that shipped rare earth oxides abroad hidden in crates marked ' +
          'as machine parts' +
          said +
          ' Eleven people were held and the oxides were confiscated, the statement added.',
        '2026-04-10',
      ),
    ).not.toContain('export_statistics');
  });
  it('customs giving the month’s exports is still statistics', () => {
    expect(
      categories(
        '',
        'China exported 5,100 tonnes of rare earths in March, up 12% from a year earlier' +
          said +
          ' Shipments to Japan led the rise.',
        '2026-04-10',
      ),
    ).toContain('export_statistics');
  });
});
