/**
 * Categories of the fourteenth round (the misses of BH19–BH21 and of corpus-real zh-013, by class): each block is one
 * general step, with documents written for the test — the step's hit and its near-miss.
 */
import { describe, expect, it } from 'vitest';
import { categoryNames as categories } from '../helpers/category-names.js';

describe('a retrospective tells the past in every sentence that names no time of its own', () => {
  it('an essay twelve years on: its undated seizures and smuggling are history', () => {
    const body =
      'Twelve years ago, the export quota still shaped every contract signed in Tokyo.\n' +
      'Traders remember the long queues for allocations. Smuggling through the southern border was routine, and ' +
      'customs seized only a small share of the illicit cargoes.\nToday buyers worry about licences instead.';
    expect(categories('Twelve years on, what the quota era taught magnet buyers', body, '2026-05-04')).toEqual([]);
  });
  it('a sentence opening years back is background whatever present it names', () => {
    const body =
      'A decade ago this week, customs officers in Guangxi seized forty tonnes of smuggled rare earth oxide.\n' +
      'The case became a byword for the grey trade.';
    expect(categories('The border towns that fed the grey market', body, '2026-05-04')).toEqual([]);
  });
  it('时隔十年: 那几年的查获与走私是往事', () => {
    const body =
      '时隔十年，再看当年的稀土出口。\n那几年，走私活动猖獗，海关查获了大批违规出境的稀土。\n如今，管理重心已转向源头。';
    expect(categories('时隔十年，再看稀土出口配额', body, '2026-05-04')).toEqual([]);
  });
  it('near-miss: a seizure reported this week keeps its news beside a decade-ago paragraph', () => {
    const body =
      'Customs officers in Yunnan seized a lorry load of smuggled terbium oxide on Monday, the customs administration ' +
      'said on Tuesday.\nTwo people were detained.\nA decade ago, smuggling was thought to rival the legal trade.';
    expect(categories('China customs seize smuggled terbium at Yunnan border', body, '2026-05-06')).toEqual([
      'enforcement',
    ]);
  });
  it('near-miss: 当时 in a seizure reported now is the moment of the seizure', () => {
    const body =
      '5月3日，河口海关在出境货车上查获藏匿的氧化铽约800公斤。当时，司机谎称车内装载的是建材。\n案件已移交缉私部门侦办。';
    expect(categories('河口海关查获一起稀土走私案', body, '2026-05-06')).toEqual(['enforcement']);
  });
});

describe("an analyst's quote attributed after it is commentary", () => {
  it('a crackdown named in a trader’s quote is no enforcement news', () => {
    const body =
      '\nSHANGHAI, May 5 - Japanese magnet makers are holding larger stocks of dysprosium this year.\n' +
      '"What keeps supply tight is the crackdown on illegal mines in the south," said a Hong Kong-based trader.';
    expect(categories('', body, '2026-05-05')).toEqual([]);
  });
  it('near-miss: a crackdown the ministry reports is news', () => {
    const body =
      '\nSHANGHAI, May 5 - China has launched a crackdown on illegal rare earth mines in the south, the natural ' +
      'resources ministry said on Tuesday.';
    expect(categories('', body, '2026-05-05')).toEqual(['enforcement']);
  });
});

describe('quotas named as what rules are about are not a quota set', () => {
  it('interim rules on smelting quotas are a regulation only', () => {
    const body =
      'The industry ministry on Tuesday published interim rules on rare earth mining and smelting quotas, which take ' +
      'effect immediately.';
    expect(categories('China issues interim rules on rare earth mining, smelting quotas', body, '2026-06-10')).toEqual([
      'regulation',
    ]);
  });
  it('near-miss: a batch issued under the rules is a quota batch', () => {
    const body =
      'The industry ministry on Tuesday issued the first batch of 2026 rare earth mining quotas, 140,000 tonnes, ' +
      'under the interim rules published last year.';
    expect(categories('China issues first batch of 2026 rare earth mining quotas', body, '2026-06-10')).toEqual([
      'quota_batch',
    ]);
  });
});

describe('an explainer headlined as about something new reports it', () => {
  it("a client alert on new regulations ('what investors need to know') is a regulation", () => {
    const body =
      'Key points\n- The State Council has issued new Regulations on Rare Earth Management. They take effect on 1 ' +
      'October.\n- Quotas for mining and smelting get a statutory basis.';
    expect(categories("China's New Rare Earth Regulations: What Investors Need to Know", body, '2026-07-01')).toEqual([
      'regulation',
    ]);
  });
  it('near-miss: an explainer of what stands has no category', () => {
    const body =
      'China has issued regulations on rare earth management, and quotas for mining and smelting are set each year.';
    expect(categories('Explainer: how China runs its rare earth quotas', body, '2026-07-01')).toEqual([]);
  });
});

describe("a digest item's headline is read as a headline", () => {
  const digest = (item: string) =>
    'This week: trade data and a quiet price market.\n\n' +
    item +
    '\n\n2. PRICES\nNdPr oxide was flat on the week.\n\n3. EU\nBrussels consulted on stockpiles again.';
  it("an item headed 'DECEMBER RARE EARTH MAGNET SHIPMENTS SLIDE' with its customs figures is a release", () => {
    const item =
      '1. CHINA: DECEMBER RARE EARTH MAGNET SHIPMENTS SLIDE\nMagnet makers blamed slower licensing. China shipped ' +
      '4.9k t of rare earth magnets in December, customs data showed on Tuesday.';
    expect(categories('Metals Weekly - Friday 23 January 2026', digest(item), '2026-01-23')).toEqual([
      'export_statistics',
    ]);
  });
  it('near-miss: the same line in a contents list, with nothing under it, heads no item', () => {
    const item =
      '1. CHINA: DECEMBER RARE EARTH MAGNET SHIPMENTS SLIDE\n1b. GERMANY: CARMAKERS ASK FOR A MAGNET STOCKPILE';
    expect(categories('Metals Weekly - Friday 23 January 2026', digest(item), '2026-01-23')).toEqual([]);
  });
});

describe('the controls a relaxation verb acts on are not controls imposed', () => {
  it('suspend until a date, its year after a comma, the expanded controls: a relaxation only', () => {
    const body =
      '\nBEIJING, March 2 (Newswire) - China said on Monday it would suspend until March 1, 2027 the expanded rare ' +
      'earth export controls it announced in January.';
    expect(categories('', body, '2026-03-02')).toEqual(['control_relaxation']);
  });
  it('near-miss: controls expanded are controls imposed', () => {
    const body = 'China on Monday expanded its rare earth export controls to four more elements.';
    expect(categories('China expands rare earth export controls', body, '2026-03-02')).toEqual([
      'control_list_addition',
    ]);
  });
});

describe("a review of last year's trade reports that year's figures", () => {
  const body =
    '\n2026年我国稀土出口在管制收紧的情况下仍保持增长。\n一、2026年稀土出口概况\n2026年全年出口稀土6.5万吨，同比增长4%。' +
    '\n二、展望\n预计今年出口保持平稳。';
  it('a trade journal’s review in June of last year’s exports is a release', () => {
    expect(categories('', body, '2027-06-21')).toEqual(['export_statistics']);
  });
  it('near-miss: the same review two years on is history', () => {
    expect(categories('', body, '2028-09-26')).toEqual([]);
  });
});
