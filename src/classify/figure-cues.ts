/** The words that say what a tonnage is: quota or trade, which quota, which product, which way, to whom. */
import { Matches } from './matches.js';
import { findDestinations } from './figures/destinations.js';
import { FRACTION_AFTER } from './periods.js';
import type { DocumentWords } from './required-words.js';

export type CueType =
  | 'quota'
  | 'trade'
  | 'other'
  | 'mining'
  | 'smelting'
  /** The export quota China set until 2014 (出口配额, "export quota"): a quota of its own, not a production quota. */
  | 'export_quota'
  | 'light'
  | 'ion'
  | 'magnet'
  | 'rare_earth'
  | 'export'
  | 'import'
  | 'dest'
  | 'batch'
  | 'ytd'
  /**
   * A year-to-date word that names no batch ("combined", "so far this year", "year to date"): a quota's scope when a
   * quota word says the tonnage is one, but no word for a quota itself ("exports over January and February combined").
   */
  | 'ytd_word'
  | 'year_total'
  | 'respectively'
  | 'money'
  /** A province or a company: a tonnage it names is its share, not the national figure. */
  | 'allocation'
  /** A forecast, a projection or a hypothesis ("would be", 预计, 将达): not a stated figure. */
  | 'forecast'
  /**
   * One element's product (lanthanum oxide, 镧类, 氧化镝): a part of the rare-earth total, not the total; or another
   * customs series than the total ("processed products", 深加工产品).
   */
  | 'element_product'
  /** A condition ("if", 如果): the sentence's tonnages are hypothetical. */
  | 'conditional'
  /** Processed products (深加工产品): a wider customs series than the rare-earth total, a product of its own. */
  | 'processed'
  | 'other_metal'
  /** Illegal mining, a capacity or a threshold: a tonnage it names is not a quota. */
  | 'not_quota';

export interface Cue {
  type: CueType;
  start: number;
  end: number;
  /** For batch cues: the batch number. */
  n?: number;
  /** For destination cues: the country's snake_case name, and whether the words make it the flow's destination. */
  country?: string;
  strict?: boolean;
}

const BATCH_NUM: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  首: 1,
  first: 1,
  initial: 1,
  opening: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  one: 1,
  two: 2,
  three: 3,
};

const CUES: Array<[CueType, RegExp]> = [
  // "control targets", "production targets", "output cap" (wire-service words for the quota), not a sales or price
  // target, nor a market or price cap.
  [
    'quota',
    /指标|(?<!出口)配额|控制计划|总量控制|(?<!export\s)quotas?\b|allocations?\b|allowances?\b|(?:control|production|output|mining|smelting|separation)\s+(?:targets?|limits?)\b|(?:production|output|extraction)\s+rights\b|(?<!(?:market|price|tariff)\s)\b(?:caps?|ceilings?)\b|\ballotments?\b/gi,
  ],
  // ("Sales by the world's top rare earth exporter hit 3,033 tonnes": the country named as the top exporter sells abroad;
  // a machine's "outflows" and "inflows" are exports and imports.)
  [
    'trade',
    /出口|进口|外销|出货|\b(?:trade|customs)\s+(?:data|figures|statistics|numbers|snapshot)\b|exports?\b|\bexporters?\b(?<=\b(?:top|biggest|largest|leading|main|dominant)\s+(?:rare[\s-]earths?\s+)?exporters?)|exported|exporting|imports?\b|imported|\b(?:out|in)flows?\b|shipments?\b|shipped|outbound|overseas sales|\b(?:abroad|overseas)\b(?<=\b(?:sold|sells?|selling|sent|sends?|sending|shipp?(?:ed|ing|s)?|delivered|moved)\b(?:[^.;]|\.(?=\d)){0,80}(?:abroad|overseas))|\b(?:leave|leaves|left|leaving)\s+(?:its|the\s+country['’]s|China['’]s|Chinese)\s+(?:ports|shores|borders)\b|\binbound\s+(?:volumes?|flows?|purchases|tonnages?)\b|\barrivals\b|\bto\s+(?:foreign|overseas)\s+(?:buyers|customers|clients|markets)\b|\bfrom\s+(?:abroad|overseas)\b(?<=\b(?:bought|buys?|buying|purchases?|purchased|purchasing)\b(?:[^.;]|\.(?=\d)){0,80}from\s+(?:abroad|overseas))|sales\s+(?:to\s+(?:the\s+)?(?:United States|U\.S\.|US\b|(?:American|Japanese|foreign|overseas)\s+(?:buyers|customers|clients))|abroad)|(?:overseas|foreign|outbound|export)\s+deliveries|deliveries\s+(?:abroad|to\s+(?:the\s+)?(?:United States|U\.S\.|US\b))/gi,
  ],
  [
    'other',
    /产能|产量|生产了|capacity|output(?!\s+(?:quota|target|cap|limit))|produc(?:ed|es|ing|tion)(?!\s+(?:quota|target|cap|limit))|储量|reserves?\b|stockpil\w*|库存|inventor\w*|需求|demand|消费量|consumption|走私|smuggl\w*|seiz\w*|查获|缴获|罚款|(?<!(?<!海)外)销量|(?<!(?:outbound|overseas|export|foreign)\s+(?:[a-z-]+\s+)?)sales\b(?!\s+(?:to\s+(?:the\s+)?(?:United States|U\.S\.|US\b|(?:American|Japanese|foreign|overseas)\s+(?:buyers|customers|clients))|abroad))|营收|revenue|利润|profit|采购|purchas\w*|收储|订单|orders?\b|涉案|涉嫌|缉私|confiscat\w*|intercept\w*/gi,
  ],
  // The export quotas China set until 2014 are not a production quota: `export_quota`.
  // (What "could be exported" or "may be shipped abroad" in a round is the quota of exports, not exports: 可出口; so is
  // what a ministry "allowed exports of", "allowed … tonnes to be exported" or "let its companies ship".)
  [
    'export_quota',
    /出口配额|export\s+quotas?\b|\b(?:could|can|may|might)\s+be\s+(?:exported|shipped\s+abroad)\b|\b(?:allowed|permitted)\s+to\s+(?:be\s+)?export(?:ed)?\b|\b(?:allow(?:s|ed)?|permit(?:s|ted)?)\s+(?:only\s+|just\s+)?(?:exports|shipments)\s+of\b|\b(?:allow(?:s|ed)?|permit(?:s|ted)?|let)\s+(?:its\s+|the\s+|domestic\s+|Chinese\s+)?(?:companies|firms|producers|exporters|traders)\s+(?:to\s+)?(?:ship|export|sell)\b|\b(?:allow(?:s|ed)?|permit(?:s|ted)?)(?=\s+(?:only\s+|just\s+)?\d[\d,.]*\s*(?:metric\s+)?(?:tonnes|tons|t)\b(?:\s+of\s+rare\s+earths?)?\s+to\s+(?:be\s+)?(?:exported|shipped))/gi,
  ],
  // Another country's own trade ("India imported … 54,000 tonnes of magnets") is not a Chinese customs figure.
  [
    'other',
    /\b(?:India|Japan|South Korea|Korea|Germany|Vietnam|Malaysia|Australia|Indonesia|Thailand|Brazil|Canada|Myanmar|Burma|Laos|Mongolia|Kazakhstan|Madagascar|Greenland|Chile|Argentina|Russia|Europe|the EU)(?:['’]s)?\s+(?:[a-z-]+\s+){0,2}?(?:imports?|imported|exports?|exported)\b/g,
  ],
  // … nor in Chinese (缅甸对华出口稀土氧化物约1500吨, 自缅甸进口): a country's own exports, or China's trade with one
  // country of origin, not the national figure; but not 对美国出口 (China's exports to the United States).
  [
    'other',
    /(?<![对對向往输輸至销銷运運、和及與与])(?:缅甸|緬甸|老挝|寮國|越南|马来西亚|馬來西亞|澳大利亚|澳洲|印度尼西亚|印尼|印度|泰国|泰國|巴西|俄罗斯|俄羅斯|蒙古|哈萨克斯坦|马达加斯加|格陵兰|智利|阿根廷|加拿大|韩国|韓國|南韩|南韓|日本|美国|美國|德国|德國|欧盟|歐盟)(?:(?:对|對|向)(?:华|華|中国|中國|我国|我國))?(?:的)?(?:稀土)?(?:出口|进口|進口)|(?:自|从|從)(?:缅甸|緬甸|老挝|寮國|越南|马来西亚|馬來西亞|澳大利亚|澳洲|美国|美國|日本)(?:的)?(?:稀土)?(?:进口|進口)/g,
  ],
  // A production or output quota is the mining quota (开采总量控制指标); "exploration" is a common rendering of 开采;
  // the workers and the work stand for it too ("miners may dig up 135,000 tonnes", extract); a machine's rewording
  // ("excavation allowances", "the digging allowance", 开挖) too.
  [
    'mining',
    /开采|采矿|采掘|开挖|采挖|挖采|矿产品|mining|mined|\bminers?\b|\bextract(?:ion|ed|ing)?\b|\bexcavat(?:ion|ed|ing|e)\b|\bdigging\b|exploration|mineral\s+products?|\bmines\b|\b(?:production|output)(?=\s+(?:quotas?|caps?|targets?|limits?)\b)/gi,
  ],
  // The work or the workers: "refiners (may) separate 127,000 tonnes", smelters, separators; not "a separate notice";
  // a machine's "refinement" too.
  [
    'smelting',
    /冶炼分离|冶炼|分离|smelt(?:ing|ed|ers?)\b|\bprocess(?:ing|ors?)\b(?!\s+(?:plants?|capacit\w*|technolog\w*|equipment|industry|sector|facilit\w*|hubs?|lines?))|separat(?:ion|ed|ing|ors?)\b|\bseparate\b(?<!\b(?:a|in)\sseparate)|refin(?:ing|ed|ers?|eries|ement)\b/gi,
  ],
  ['light', /岩矿型|岩矿|轻稀土|light rare[\s-]earths?|\blight\b|hard[\s-]rock|rock[\s-]type/gi],
  [
    'ion',
    /离子型|离子吸附型?|中重稀土|ion(?:ic)?[\s-]a[db]sorption|ion[\s-]a[db]sorbed(?:[\s-]type)?|\bionic\b|medium(?:[\s-]and[\s-]|[\s-]to[\s-]|[\s-])heavy|heavy rare[\s-]earths?/gi,
  ],
  ['processed', /\bprocessed\s+products\b|深加工产品/gi],
  ['magnet', /稀土永磁|永磁体?|磁体|磁材|磁性材料|磁铁|磁鐵|钕铁硼|釹鐵硼|magnets?\b|NdFeB/gi],
  // (A digest's "RE exports", "RE oxide": rare earths abbreviated, in capitals, before a product or flow word; a
  // machine's synonyms of "rare": "uncommon earths", "scarce earths", "infrequent earths".)
  [
    'rare_earth',
    /稀土|rare[\s-]earths?|\b(?:uncommon|scarce|infrequent|unusual)[\s-]earths?|\bRE(?=\s+(?:exports?|imports?|shipments|oxides?|quotas?|output|products?|magnets?)\b)/gi,
  ],
  [
    'other_metal',
    /镓|锗|锑|钨|石墨|锂|钴|铜|锡|镍|锌|钼|钒|铁矿|钢材|煤|原油|天然气|大豆|gallium|germanium|antimony|tungsten|graphite|lithium|cobalt|copper|\btin\b|nickel|\bzinc\b|molybdenum|vanadium|manganese|iron ore|steel|coal|crude oil|natural gas|soybeans?/gi,
  ],
  [
    'export',
    /出口|外销|出货|进口(?=中国|内地|我国)|进口(?<=(?:买家|买方|进口国|目的地)[^。；;]{0,12}进口)|exports?\b|\bexporters?\b(?<=\b(?:top|biggest|largest|leading|main|dominant)\s+(?:rare[\s-]earths?\s+)?exporters?)|\boutflows?\b|exported|exporting|(?<!\binbound\s)shipments?\b|shipped|outbound|overseas sales|\b(?:abroad|overseas)\b(?<=\b(?:sold|sells?|selling|sent|sends?|sending|shipp?(?:ed|ing|s)?|delivered|moved)\b(?:[^.;]|\.(?=\d)){0,80}(?:abroad|overseas))|\b(?:leave|leaves|left|leaving)\s+(?:its|the\s+country['’]s|China['’]s|Chinese)\s+(?:ports|shores|borders)\b|\bto\s+(?:foreign|overseas)\s+(?:buyers|customers|clients|markets)\b|sales\s+(?:to\s+(?:the\s+)?(?:United States|U\.S\.|US\b|(?:American|Japanese|foreign|overseas)\s+(?:buyers|customers|clients))|abroad)|(?:overseas|foreign|outbound|export)\s+deliveries|deliveries\s+(?:abroad|to\s+(?:the\s+)?(?:United States|U\.S\.|US\b))/gi,
  ],
  // Shipments or deliveries that come in are imports, whatever else the sentence says about trade.
  // ("bought 132,931 t of rare earths from abroad", "purchases from abroad": what China buys abroad comes in.)
  // (Not what a buyer country 进口 of China's goods: 德国9月进口中国稀土磁铁…, 德国是…最大买家，11月进口…吨 is China's
  // export there, told from the buyer's side: see BUYER_IMPORT.)
  [
    'import',
    /进口(?!中国|内地|我国)(?<!(?:买家|买方|进口国|目的地)[^。；;]{0,12}进口)|imports?\b|imported|importing|\binflows?\b|\binbound\s+(?:shipments?|deliveries|cargoes|volumes?|flows?|purchases|tonnages?)\b|\barrivals\b|\bfrom\s+(?:abroad|overseas)\b(?<=\b(?:bought|buys?|buying|purchases?|purchased|purchasing)\b(?:[^.;]|\.(?=\d)){0,80}from\s+(?:abroad|overseas))/gi,
  ],
  [
    'ytd',
    // (With the year-to-date words that name no batch in the same pass: those are `ytd_word`, see findCues.)
    /前两批|前三批|[两二三]批(?:指标)?(?:共|加总)|[两二三]批[^，。；,;\d]{0,8}?(?:合计|合共|累计|共计|总计|算计)|(?:第[一二]批|首批)(?:指标)?相加|累计(?:下达|下发|发放)|至此|累计(?=[^，。；,;\d]{0,8}(?:指标|配额))|(?<=(?:指标|配额))累计|(?:计及|计入|算上|加上|连同)(?:前|这|此)?[两二三]批|(?:连同|加上|加上此前的?)第[一二]批|(?:first\s+)?(?:two|three|both)\s+(?:batches|tranches|rounds)\b|combined|so far this year|(?:for )?the year so far|year[\s-]to[\s-]date|\btotal\s+so\s+far\b/gi,
  ],
  [
    'year_total',
    /全年|年度|for the (?:whole |full |entire )?year(?!\s+(?:so far|to date))|\b(?:tak(?:e|es|ing)|took|bring(?:s|ing)?|brought)\s+(?:that|the)\s+year\s+to\b|\b(?:bring|brings|bringing|brought|rais(?:e|es|ed|ing)|lift(?:s|ed|ing)?)\s+(?:the\s+)?(?:(?:19|20)\d{2}\s+|(?:year|country)['’]s\s+)?(?:(?:rare[\s-]earths?|mining|smelting|separation|annual|full[\s-]year)\s+){0,3}(?:quotas?|allocations?|allowances?|caps?|ceilings?)\s+(?:for\s+(?:19|20)\d{2}\s+)?to\b|\b(?:bring|brings|bringing|brought|take|takes|taking|took)\s+(?:the\s+)?(?:19|20)\d{2}\s+totals?\s+to\b|full[\s-]year|annual|whole[\s-]year|for all of \d{4}|(?:the )?(?:whole|entire|full) of (?:\d{4}|the year)|year's total(?!\s+(?:so\s+far|to\s+date))|total for (?:the year|that year|this year|\d{4})|(?<!\b(?:batch|tranche|round)(?:es|s)?\s+of\s+)\b(?:19|20)\d{2}\s+(?:total\s+(?:[a-z-]+\s+){0,4}?(?:quotas?|allocations?|targets?|indicators?)\b|totals?(?=\s+(?:came|come|comes|stood|stand|stands|reached|reach|amounted|amount|were|was|are|is)\b)|(?:(?:mining|smelting|separation|refining|quota)\s+)?(?:total|aggregate)(?=\s+(?:to|at|of)\s+\d))|\btotal\s+(?:[a-z-]+\s+){0,6}?(?:quotas?|allocations?|targets?)\s+(?:for|in)\s+(?:(?:19|20)\d{2}|the year|this year|that year)\b|(?<!(?:前[两二三]批|合计|合計)[^。；]{0,6})(?:19|20)\d{2}\s*年\s*(?:稀土\s*)?(?:(?:开采|開採|矿产品|礦產品|冶炼分离|冶煉分離)\s*[、和及与與]?\s*){1,3}(?:稀土\s*)?总量控制指标(?=\s*(?:分别|分別)?\s*(?:为|為|是))/gi,
  ],
  // (别离为: a machine-spun 分别为.)
  ['respectively', /分别|各为|各自为|别离(?=为|是)|respectively/gi],
  [
    'not_quota',
    /非法开采|非法采矿|盗采|乱采滥挖|illegal(?:ly)?\s+(?:mining|mined|extract\w*|dug)|(?:mined|extracted|dug)\s+illegally|产能|能力|门槛|capacity|capacities|threshold/gi,
  ],
  [
    'forecast',
    /\bforecast\w*|\bproject(?:ed|ions?)\b|\bexpected\s+to\b|\b(?:we|analysts?|traders?|they|economists?|investors?)\s+(?:(?:had|have)\s+)?(?:expect(?:ed)?|anticipated?|predict(?:ed)?|see)\b|\bexpects?\b|\b(?:19|20)\d{2}[EF]\b|\bassumptions?\b|预计|预测|预期|将达|将高达|将超|将(?:增|降|升|减|回升|回落)(?:加)?(?:至|到)|有望/gi,
  ],
  // A condition: what the sentence says follows from it ("If the second batch matches the first, … would be").
  // (若 alone too, 若把…计算在内, but not 若干 "several".)
  ['conditional', /\bif\b|如果|假如|倘若|若(?!干)/gi],
  [
    'element_product',
    /(?:镧|铈|镨|钕|钷|钐|铕|钆|铽|镝|钬|铒|铥|镱|镥|钇|钪)(?:类|铁|金属|化合物)|(?:氧化|碳酸|氯化|氟化|硝酸)(?:镧|铈|镨|钕|镨钕|钐|铕|钆|铽|镝|钬|铒|铥|镱|镥|钇|钪)|\b(?:lanthanum|cerium|praseodymium|neodymium|promethium|samarium|europium|gadolinium|terbium|dysprosium|holmium|erbium|thulium|ytterbium|lutetium|yttrium|scandium)\s+(?:oxides?|carbonates?|chlorides?|fluorides?|metals?|compounds?|alloys?)\b|\b(?:oxides?|carbonates?|chlorides?)\s+of\s+(?:lanthanum|cerium|neodymium|yttrium|dysprosium|terbium)\b|(?:海关(?:商品)?编码|税则号列?|税号|\bHS(?:\s+codes?)?)\s*:?\s*\d[\d\s.]{3,}/gi,
  ],
  // A recipient obtaining a quota (某集团获得开采指标约2.95万吨): whoever it is, the tonnage is its share.
  ['allocation', /(?:获得|获配|分得|分到)(?=[^，。；,;]{0,12}?(?:指标|配额))/g],
  [
    'allocation',
    /内蒙古|內蒙古|江西|湖南|广东|廣东|廣東|福建|广西|廣西|四川|山东|山東|云南|雲南|包头|包頭|赣州|贛州|龙岩|北方稀土|中国稀土集团|中國稀土集團|厦门钨业|廣晟|广晟|五矿|中铝|\b(?:Inner Mongolia|Jiangxi|Hunan|Guangdong|Fujian|Guangxi|Sichuan|Shandong|Yunnan|Baotou|Ganzhou|(?:China )?North(?:ern)? Rare Earth|China Rare Earth Group|Baotou Steel|Minmetals|Chinalco|Xiamen Tungsten|Guangsheng)\b/g,
  ],
  [
    'money',
    /美元|人民币|元(?!素)|亿元|万元|\$|US\$|dollars?|yuan|value[ds]?\b|金额|出口额|进口额|货值|价格|prices?\b|均价/gi,
  ],
];
// 第N批, 首轮…配额 (Hong Kong: the first round of quotas, not of talks), "first batch", "the second round", "a third and final slice", "the first rare earth export quota", "the second
// rare earth export quantity".
const BATCH =
  /第\s*([一二三四1-4])\s*(?:批|轮(?=[^，。；]{0,12}(?:指标|配额)))|(首)(?:批|轮(?=[^，。；]{0,12}(?:指标|配额)))|\b(first|second|third|fourth|1st|2nd|3rd|initial|opening)[\s-]+(?:and\s+(?:final|last)\s+)?(?:(?:19|20)\d{2}\s+)?(?:rare[\s-]earths?\s+)?(?:(?:export|mining|smelting|production)\s+)?(?:(?<=export\s+)quantit(?:y|ies)|batch(?:es)?|tranches?|rounds?|slices?|instal{1,2}ments?|sets?|(?:half[\s-]+)?(?:quotas?|targets?|allocations?|allotments?))\b|\bbatch\s+(one|two|three|[1-3])\b|\b(first|second|third|fourth)\s+one\b(?<=\b(?:batch(?:es)?|tranches?|rounds?)\b[^.;]{0,80}\b(?:first|second|third|fourth)\s+one)/gi;

/** A tonnage right after a batch, as its own: "第一批97,200吨", "第二批配额为10.92万吨", "first batch of 100,000 t". */
const BRACKETED_TONNAGE_AFTER = /^[^,.;:，。；：()（）\d]{0,40}[(（]\s*\d/;
const OWN_TONNAGE_AFTER = /^\s*(?:的)?\s*(?:配额|指标|quotas?)?\s*(?:为|是|of|at|:|：)?\s*\d/i;

const SAME_KIND_BEFORE = /(?:同类|同類|同样的?|同樣的?|\bsuch|\bsimilar|\bthe\s+same)\s*$/i;

const FRACTION_BEFORE =
  /(?:\bhalf|\ba\s+(?:third|quarter)|\btwice|\bdouble|\d\s*(?:%|per\s?cent))\s+(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+)?$/i;
const UNDER_CODE_BEFORE = /(?:编码|税则号列?|税号)\s*:?\s*\d[\d\s.]*(?:项下|项|下)\s*的?\s*$/;
const OUTPUT = /^(?:output|production)$/i;
const QUOTA_FOR_KIND =
  /\b(?:quotas?|allowances?|allocations?|caps?|targets?|batch(?:es)?|tranches?|rounds?)\b[^.;:!?]{0,50}?\b(?:for|of|on)\b[^.;:!?\d]{0,40}?\b(?:mining|mined|smelting|smelted|separation|separated|refining|refined)\s+$/i;

// "The second batch set mining output at 135,000 tons", "the allocation caps smelting output at …": output a quota's
// verb of setting fixes at a tonnage is the quota, not a production figure.
const SET_OUTPUT_BEFORE =
  /\b(?:batch(?:es)?|tranches?|rounds?|quotas?|allocations?|notice|ministry|MIIT)\b[^.;:!?]{0,100}?\b(?:set|sets|setting|fixed|fixes|capped|caps|limited|limits)\s+(?:the\s+|its\s+)?(?:rare[\s-]earth\s+)?(?:mining|mined|smelting|smelted|separation|extraction|refining|refined|mine)\s+$/i;
const AT_TONNAGE_AFTER = /^\s+(?:at|to)\s+(?:about\s+|around\s+)?\d/i;

// "its first batch of rare earth production for 2026": the production a batch allows, not a production figure.
const BATCH_OF = /\b(?:batch|tranche|round)(?:es)?\s+of\s+(?:(?:19|20)\d{2}\s+)?(?:rare[\s-]earths?\s+)?$/i;
const BATCH_OF_THE_YEAR = /^for the year$/i;
const BATCH_BEFORE = /\b(?:batch|tranche|round)(?:es)?\b[^,.;:!?]{0,30}$/i;

const COMPARED_BEFORE = /(?:\bfrom|\bthan|\bcompared\s+(?:with|to)|\bover|比|较|与)\s*(?:the\s+)?$/i;
const PART_BEFORE = /(?:\bincluded?\b[^,.;]{0,12}|\bincluding\b[^,.;]{0,12}|含|包括)\s*(?:the\s+)?$/i;

const TOGETHER_BEFORE = /(?:\b(?:together|combined|along)\s+with|连同|連同|加上|计及|計及|算上)[^,，。;；\d]{0,16}$/i;

const YTD_WORD = /^(?:combined|so far this year|(?:for )?the year so far|year[\s-]to[\s-]date|total\s+so\s+far)$/i;

const TRADED_BEFORE = /(?:进口|出口|进出口)[^，。；,;]{0,12}$/;

// "MP Materials mined 45,000 tons", "refiners separated about 90,000 t last year": the work done, a production figure,
// not the quota that allows it ("may be mined", "allowed to extract" are not past tense with a tonnage for object).
const WORK_DONE = /^(?:mined|extracted|smelted|refined|separated)$/i;
const TONNAGE_OBJECT =
  /^\s+(?:(?:about|around|some|nearly|roughly|almost|over|more\s+than|less\s+than|an\s+estimated|a\s+record)\s+)?\d/i;

// A company named by what it is ("the company's", "The firm said its …", 该公司, 公司 opening a clause), or a sentence
// opening on its pronoun after one: a tonnage it names is the company's, as a named company's is (`allocation`).
// (Each alternative opens on its literal; the look-behinds run only where it matched.)
const COMPANY =
  /\b[Tt]he\s+(?:company|firm|manufacturer|producer|magnet\s+maker)(?:['’]s\b|\s+(?:said|says|reported|sold|shipped|exported)\b)|\b(It)s\s+(?=[a-z])(?<=(?:[.!?]\s{1,3}|\n)Its\s+)|(?:该|本)公司(?=[^，。；]{0,24}(?:出口|销量|销售|出货))|公司(?<![\u4e00-\u9fff]公司)(?=[^，。；]{0,24}(?:出口|销量|销售|出货))/g;
const COMPANY_BEFORE =
  /\b(?:company|firm|manufacturer|producer|magnet\s+maker)\b(?![^\n]*\b(?:China|Chinese|country|nation)\b)[^\n]*$/i;
// … unless the company word names a country by a copula ("China remains by far the largest producer. Its mining quota
// …"): the pronoun is the country's.
const COUNTRY_AS_PRODUCER =
  /\b(?:China|Beijing|the\s+country|the\s+nation)\s+(?:is|remains|was|has\s+been|became|stays|ranks\s+as)\b[^.!?\n]{0,60}\b(?:producer|manufacturer|supplier|miner)\b[^.!?\n]{0,60}[.!?]?\s*$/i;
// A company introduced by what it is: "Eastlake Magnetics, a Zhejiang-based maker of neodymium magnets", "JL Mag
// Rare-Earth Co., one of China's biggest magnet makers": its name, wherever the text names it again, is a company's.
const COMPANY_INTRO =
  /\b([A-Z][A-Za-z&-]+(?:\s+[A-Z][A-Za-z&-]+){0,3})(?:\s+(?:Co|Corp|Inc|Ltd)\.?)?,\s+(?:a|an|one\s+of)\s+[^,.;\n]{0,60}?\b(?:makers?|producers?|manufacturers?|company|companies|firms?|suppliers?|refiners?)\b/g;
const NOT_A_COMPANY =
  /^(?:China|Chinese|Beijing|The|It|This|That|Japan|India|Vietnam|Australia|Myanmar|Malaysia|Korea|South Korea|Europe)\b/;

/** Each place the text names a company it introduced by what it is (see COMPANY_INTRO). */
function introducedCompanies(text: string, out: Cue[]): void {
  const names = new Set<string>();
  COMPANY_INTRO.lastIndex = 0;
  for (let m = COMPANY_INTRO.exec(text); m; m = COMPANY_INTRO.exec(text)) {
    const words = m[1]!.split(/\s+/);
    const name = words[0]!.length >= 4 || words.length === 1 ? words[0]! : `${words[0]} ${words[1]}`;
    if (!NOT_A_COMPANY.test(name)) names.add(name);
  }
  for (const name of names)
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length))
      out.push({ type: 'allocation', start: at, end: at + name.length });
}

/** The cue expressions run over whole documents, for the classifier's index of required words. */
export const CUE_EXPRESSIONS: readonly RegExp[] = [...CUES.map(([, re]) => re), BATCH, COMPANY, COMPANY_INTRO];

/**
 * Every cue in `text`, in order. `words`: what the classifier's word index read in the document `text` is (or is part
 * of); an expression it rules out is not run.
 */
export function findCues(text: string, words?: DocumentWords): Cue[] {
  const out: Cue[] = [];
  for (const [type, re] of CUES) {
    if (words && !words.mayMatch(re)) continue;
    const matches = new Matches(re, text, 0, words);
    for (let m = matches.next(); m; m = matches.next()) {
      // "the second batch of quotas for the year": the year the batch belongs to, not a full-year total.
      if (
        type === 'year_total' &&
        BATCH_OF_THE_YEAR.test(m[0]) &&
        BATCH_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))
      )
        continue;
      // "roughly 60% of the full-year quota for 2020", 全年指标的一半: a measure of another figure, not its scope.
      if (
        type === 'year_total' &&
        (FRACTION_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index)) ||
          FRACTION_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16)))
      )
        continue;
      // 同类稀土产品, "such rare earth products": the product named before, not rare earths as a new subject.
      if (type === 'rare_earth' && SAME_KIND_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
      // 海关编码2846项下稀土化合物: the rare earths of a customs sub-heading's name, not the headline series.
      if (type === 'rare_earth' && UNDER_CODE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
      // "quotas this year for rare earth mining output", "the second batch of smelting output": the mining or smelting
      // a quota is set for, not a production figure ("a quota, for production of 25,000 tonnes" stays production).
      if (
        type === 'other' &&
        OUTPUT.test(m[0]) &&
        (QUOTA_FOR_KIND.test(text.slice(Math.max(0, m.index - 120), m.index)) ||
          BATCH_OF.test(text.slice(Math.max(0, m.index - 30), m.index)) ||
          (SET_OUTPUT_BEFORE.test(text.slice(Math.max(0, m.index - 160), m.index)) &&
            AT_TONNAGE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))))
      )
        continue;
      // 进口稀土化合物及矿产品: mineral products traded are goods, not the mining quota the old plan called 矿产品.
      if (type === 'mining' && m[0] === '矿产品' && TRADED_BEFORE.test(text.slice(Math.max(0, m.index - 14), m.index)))
        continue;
      const done =
        (type === 'mining' || type === 'smelting') &&
        WORK_DONE.test(m[0]) &&
        TONNAGE_OBJECT.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24));
      out.push({
        type: done ? 'other' : type === 'ytd' && YTD_WORD.test(m[0]) ? 'ytd_word' : type,
        start: m.index,
        end: m.index + m[0].length,
      });
    }
  }
  if (!words || words.mayMatch(COMPANY)) {
    COMPANY.lastIndex = 0;
    for (let m = COMPANY.exec(text); m; m = COMPANY.exec(text)) {
      const pronoun = m[1] !== undefined;
      // ("The company said …. Its magnet shipments rose to …": the company's, unless China came between.)
      if (pronoun) {
        const before = text.slice(Math.max(0, m.index - 240), m.index);
        if (!COMPANY_BEFORE.test(before) || COUNTRY_AS_PRODUCER.test(before)) continue;
      }
      out.push({ type: 'allocation', start: m.index, end: m.index + m[0].length });
    }
  }
  if (!words || words.mayMatch(COMPANY_INTRO)) introducedCompanies(text, out);
  for (const d of findDestinations(text))
    out.push({ type: 'dest', start: d.start, end: d.end, country: d.country, ...(d.strict ? { strict: true } : {}) });
  BATCH.lastIndex = 0;
  for (let m = !words || words.mayMatch(BATCH) ? BATCH.exec(text) : null; m; m = BATCH.exec(text)) {
    const key = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').toLowerCase();
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    // "up from the first batch of 2023" names a comparison, not this figure's batch.
    // (Unless its own tonnages follow in brackets: "unchanged from the first batch issued in February (135kt mining,
    // 127kt smelting)" states that batch.)
    if (
      COMPARED_BEFORE.test(before) &&
      !BRACKETED_TONNAGE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 48))
    )
      continue;
    // … and "which included a third batch", "（含第一批指标）" names a part of this figure, not its batch; but a batch
    // with its own tonnage right after it is that tonnage's ("其中包括第一批97,200吨和第二批104,800吨").
    if (
      PART_BEFORE.test(before) &&
      !OWN_TONNAGE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))
    )
      continue;
    // ("Together with the first batch already issued, this year's quotas so far come to …", 连同此前已下达的第一批、第二批
    // 指标，…: a batch the sum is made with is a part of the sum, which is the tonnage's scope.)
    // (Not one whose own tonnage follows: 加上年初下达的第一批15,501吨，… states that batch.)
    if (
      TOGETHER_BEFORE.test(before) &&
      !OWN_TONNAGE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))
    ) {
      out.push({ type: 'ytd', start: m.index, end: m.index + m[0].length });
      continue;
    }
    out.push({ type: 'batch', start: m.index, end: m.index + m[0].length, n: BATCH_NUM[key] ?? 1 });
  }
  return out.sort((a, b) => a.start - b.start);
}
