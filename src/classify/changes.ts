/** Percentage changes with their basis and sign: 同比下降38.1%, "up 157.5% from May", "a 74% year-on-year drop". */
import { chineseNumber } from './figures/chinese-numerals.js';

export interface Change {
  start: number;
  end: number;
  pct: number;
  /** null: no basis stated; only a cumulative period (Jan–Feb, H1, a year) can take one (year-on-year). */
  basis: 'yoy' | 'mom' | null;
  /** A rising or falling word was found (an unsigned, unexplained percentage is not a change). */
  signed: boolean;
}

// A percentage, or tenths in Chinese after a verb of change (同比下降近七成, 减少约六成: 70%, 60%).
const PERCENT =
  /([+\-−–]?)\s*(\d+(?:\.\d+)?)\s*(?:%|％|\s?per\s?cent\b|\s?percent\b|pc\b)(?!\s*(?:个百分点|percentage points?|pp\b))|(?<=(?:下降|减少|增长|增加|下跌|上升|下滑|回落|降|增|减|跌|升)了?\s*(?:近|约|逾|超过?|将近|接近|大约)?)([一二三四五六七八九])成(?![本员])|百分之([零〇一二两三四五六七八九十点]+|\d+(?:\.\d+)?)/gi;
const TENTHS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
// (百分之二十, 百分之12.5: a percentage written out in words.)
const percentOf = (m: RegExpExecArray) =>
  m[3] ? TENTHS[m[3]]! * 10 : m[4] ? (/^\d/.test(m[4]) ? Number(m[4]) : (chineseNumber(m[4]) ?? NaN)) : Number(m[2]);
const MONTH_NAME = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
// ("compare to June month": machine-rewritten English drops the participle.)
const VERSUS = String.raw`(?:from|than|over|on|versus|vs\.?|compared? (?:with|to)|above|below|against)`;
// "on the January-to-May period of 2024", "from January-May last year": the same months a year before.
const YOY_SPAN = String.raw`${VERSUS} (?:the )?${MONTH_NAME}\s*(?:-(?:to|through|until)-|-|–|—|\bto\b|\bthrough\b|\buntil\b)\s*${MONTH_NAME}(?: period)?,? (?:of |in )?(?:(?:19|20)\d{2}|last year|the previous year|a year (?:earlier|ago|before|prior))`;
// "above the level of October 2024", "below the volume recorded in May": the amount of a month, named before it.
const LEVEL_OF = String.raw`(?:the |its )(?:level|figure|volume|total|tally|amount|pace)s? (?:(?:seen |recorded |reported )?in |of |for )`;
// "from September 2024", "on May 2024", "than in July last year", "than April's 4,566 tons" (a month of the same year);
// "a year prior" as a machine writes "a year earlier".
const YOY_MONTH = String.raw`${VERSUS} (?:in |the |${LEVEL_OF})?${MONTH_NAME}(?:['’]s)?,? (?:of )?(?:(?:19|20)\d{2}|last year|the previous year|a year (?:earlier|ago|before|prior))`;
// (Not the first month of an interval: "over January to May", "from January through May".)
const MOM_MONTH = String.raw`${VERSUS} (?:in |the |${LEVEL_OF})?${MONTH_NAME}(?![a-z])(?![\s,]+(?:of )?(?:(?:19|20)\d{2}|last year|the previous year|a year))(?!\s*(?:-(?:to|through|until)-|-|–|—|to|through|until|and)\s*${MONTH_NAME})|(?:from|than|over|compared (?:with|to)) (?:the )?[\d,.]+\s*(?:metric\s+)?(?:tonnes|tons|mt|kt|t)(?:\s+(?:exported|imported|shipped|recorded|reported|seen|sold))?\s+in\s+${MONTH_NAME}(?![\s,]+(?:of )?(?:(?:19|20)\d{2}|last year))`;
// 年增/年减 and 月增/月减 (Taiwan/HK press) — but not the 月 of 5月增长 or the 年 of 2025年增长.
// (Taiwan's 年成長/月衰退 too.)
const YOY_ZH_SHORT = String.raw`(?<![\d一二三四五六七八九十今去上本明前当])年(?:增|减|減|成长|衰退)`;
// (Nor the 月 of 上年同月增长, the same month a year before.)
const MOM_ZH_SHORT = String.raw`(?<![\d一二三四五六七八九十上本下个個同])月(?:增|减|減|成长|衰退)`;
const YOY_PLAIN =
  /同比|按年|(?:19|20)\d{2}\s*年\s*同期|(?:较|比)(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月|(?:前|上)一年的?同期|较上年|比上年|比去年|较去年|去年同期|上年同期|(?:去年|上年|前一年)同月|(?:与|和|同|跟)(?:去年|上年|上一年|前一年|(?:19|20)\d{2}\s*年)\s*(?:同期|同月|\d{1,2}\s*月份?)?\s*(?:相比|比较|对比)|year[\s-](?:on|over)[\s-]year|(?:from|than|over|on|versus|vs\.?|compared (?:with|to)) (?:the )?(?:prior|previous|preceding)[\s-]year|the year before|\by\/y\b|\byoy\b|\by-o-y\b|year[\s-]ago|a year (?:earlier|ago|before|prior)|on the year|\bon\s+year\b(?![\s-]*(?:end|earlier|ago|before))|from (?:the same (?:month|period|batch|quarter|time) )?(?:of |in )?(?:last year|a year earlier|(?:19|20)\d{2})|(?:compared (?:with|to)|than|over|versus|vs\.?) (?:the same (?:month|period|batch|quarter|time) )?(?:of |in )?(?:last year|a year earlier|(?:19|20)\d{2})|(?:from|than|over|on|versus|vs\.?|compared (?:with|to)) calendar (?:19|20)\d{2}\b|(?:from|than|over|versus|vs\.?|compared (?:with|to)) (?:the|its) (?:19|20)\d{2}\b(?!\s*(?:-|–|—|to|through)\s*(?:19|20)\d{2})|last year|\blast yr\b|(?:than|from|on|over|versus|vs\.?|compared (?:with|to)|against|above|below) (?:the |its )?(?:first|second|third|opening|initial) (?:[\w-]+ ){0,2}?(?:batch|round|tranche|allotment|instal{1,2}ment|quota|allocation)s? (?:of|for|in) (?:19|20)\d{2}|(?:same|corresponding|equivalent|comparable|matching|equal|identical|like) (?:[\w-]+ ){0,2}?(?:months?|period|batch|quarter|half|round|tranche|instal{1,2}ment|allotment|stretch|span|timeframe) (?:of |in )?(?:last (?:year|yr)|(?:the )?(?:previous|prior|preceding) year|(?:19|20)\d{2})|annual(?:ly)? (?:basis|terms)|(?:from|than|compared (?:with|to)) [\d,.]+\s*(?:metric\s+)?(?:tonnes|tons|mt|kt|t)\s+(?:in (?:19|20)\d{2}|a year (?:earlier|ago|before|prior)|last year)/;
const YOY = new RegExp(`${YOY_PLAIN.source}|${YOY_SPAN}|${YOY_MONTH}|${YOY_ZH_SHORT}`, 'gi');
const MOM_PLAIN =
  /按月|环比|较上月|比上月|上月|(?:上一?|前一)个月|month[\s-](?:on|over)[\s-]month|\bm\/m\b|\bmom\b|(?:from|than|over|versus|against|compared? (?:with|to)) (?:the )?(?:previous|prior|preceding|last) month|a month (?:earlier|ago|before|prior)|the month before|on the month|\bon\s+month\b(?![\s-]*(?:end|earlier|ago|before))|sequential(?:ly)?|(?:较|比)(?:\d{1,2}|[一二三四五六七八九十]{1,2})月|(?<![年\d])(?:与|和|同|跟)(?:上月|上个月|上一个?月|(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月份?)\s*(?:相比|比较|对比)/;
const MOM = new RegExp(`${MOM_PLAIN.source}|${MOM_MONTH}|${MOM_ZH_SHORT}`, 'gi');
const BASES = [
  ['yoy', YOY],
  ['mom', MOM],
] as const;
const UP =
  /增长|增加|成长|上升|提高|上涨|增至|增|涨|升|回升|反弹|rose|rise[sn]?|rising|\bup\b|increas\w*|jump\w*|climb\w*|surg\w*|gain\w*|grew|grow\w*|higher|\bgreater\b|\blarger\b|soar\w*|rebound\w*|expand\w*|leap\w*|spik\w*|raised|hike[sd]?|advanc\w*|\bmore\b|\babove\b|多于|高于|多出?(?=\s*(?:了\s*)?(?:约|近)?\s*(?:\d|百分之))/gi;
const DOWN =
  /下降|减少|衰退|回落|下滑|下跌|降至|降|跌|减|缩减|萎缩|fell|fall\w*|\bdown\b|declin\w*|drop\w*|slump\w*|plung\w*|lower|decreas\w*|slid|slide\w*|tumbl\w*|sank|sink\w*|挫|跳水|\btank(?:ed|ing)\b|\bdived\b|\bnosediv\w*|shr[ai]nk\w*|contract\w*|dipped|dip\b|slipp?\w*|cut\b|plummet\w*|reduc\w*|slash\w*|eased|eases|easing|retreat\w*|soften\w*|\bless\b|\bfewer\b|\bbelow\b|\bshort\s+of\b|\bbehind\b|少于|低于|少(?=\s*(?:了\s*)?(?:约|近)?\s*(?:\d|百分之))/gi;

const SHARE_AFTER = /^\s*(?:of\b|share\b|的(?:份额|市场)|(?:市场)?份额)/i;
const SHARE_BEFORE =
  /(?:占|份额|\bshare\s+of|\baccount(?:s|ed|ing)?\s+for|\bmak(?:es|ing)\s+up|\bmade\s+up)[^，。；,;\d%]{0,16}(?:约|近|逾|about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+|more\s+than\s+|over\s+)?$/i;

const QOQ =
  /(?:较|比)(?:上一?个?季度|前一季度|第?[一二三四]季度)|quarter[\s-]on[\s-]quarter|\bq\/q\b|\bqoq\b|(?:from|than|over|compared (?:with|to)) the (?:previous|prior|preceding) quarter/gi;

/** The match of `re` nearest to the span [at, atEnd) of the percentage, looking `before` and `after` characters out. */
function nearest(
  re: RegExp,
  text: string,
  at: number,
  before: number,
  after: number,
  atEnd = at,
): { dist: number; index: number } | null {
  const from = Math.max(0, at - before);
  const slice = text.slice(from, atEnd + after);
  let best: { dist: number; index: number } | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const s = from + m.index;
    const e = s + m[0].length;
    const dist = e <= at ? at - e : s >= atEnd ? s - atEnd : 0;
    if (!best || dist < best.dist) best = { dist, index: s };
  }
  return best;
}

const CJK = /[\u4e00-\u9fff]/;
// "year-on-year growth of 5%": an English cue that introduces the next percentage rather than following this one.
const INTRODUCES_NEXT = /^\s*(?:[a-z-]+\s+){0,2}of(?:\s+(?:about|around|some|nearly))?\s*$/i;

/**
 * The basis cue of the percentage at [at, atEnd) between its neighbours: English writes it after the number ("down
 * 74% from a year earlier and 52.9% lower than in April"), Chinese before (环比下降5.2%，同比增长15.8%).
 */
/**
 * The basis cue in [from, to) of a clause nearest the percentage: the first one `towardsEnd` (after the number), else
 * the last. (One that introduces the next percentage, at the end of a span reaching it, does not count.)
 */
function basisIn(clause: string, from: number, to: number, towardsEnd: boolean, nextStart: number): Change['basis'] {
  if (to <= from) return null;
  const slice = clause.slice(from, to);
  let best: { basis: 'yoy' | 'mom'; dist: number } | null = null;
  for (const [basis, re] of BASES) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      if (towardsEnd && to === nextStart && INTRODUCES_NEXT.test(slice.slice(m.index + m[0].length))) continue;
      const dist = towardsEnd ? m.index : slice.length - (m.index + m[0].length);
      if (!best || dist < best.dist) best = { basis, dist };
    }
  }
  return best?.basis ?? null;
}

const NO_NUMBER_AFTER = /^[^\d]{0,3}$/;
// (… also after the period it is of: "compared with the same month a year earlier", "the identical month a year ago".)
const OPENS_WITH_BASIS =
  /^\W*(?:versus|vs\.?|compared with|the\s+)?\W*(?:(?:the\s+)?(?:same|identical|corresponding|equivalent|comparable|matching|like)\s+(?:month|period|quarter|half|time|stretch)\s+)?$/i;

function ownBasis(
  clause: string,
  at: number,
  atEnd: number,
  prevEnd: number,
  nextStart: number,
  tail: string,
): Change['basis'] {
  const after = basisIn(clause, atEnd, Math.min(nextStart, atEnd + 60), true, nextStart);
  const before = basisIn(clause, Math.max(prevEnd, at - 60), at, false, nextStart);
  if (CJK.test(clause)) return before ?? after;
  // "down 3% versus a year ago": the basis can open the next clause (the clause ends at "versus").
  const next =
    after ?? (nextStart === clause.length && NO_NUMBER_AFTER.test(clause.slice(atEnd)) ? basisOpening(tail) : null);
  return next ?? before;
}

/** The basis a clause opens with ("a year ago.", "the previous month"). */
function basisOpening(tail: string): Change['basis'] {
  for (const [basis, re] of BASES) {
    re.lastIndex = 0;
    const m = re.exec(tail);
    if (m && OPENS_WITH_BASIS.test(tail.slice(0, m.index))) return basis;
  }
  return null;
}

/**
 * The changes in a clause. The basis comes from the 同比/环比/"year-on-year"/"from May" cue of the percentage (see
 * `ownBasis`), else the nearest in the clause, else in the sentence ("up 12.5% and 10.4% respectively from a year
 * earlier"). A percentage with no basis (a share, a tax rate) is not a change.
 */
export function findChanges(clause: string, clauseStart: number, sentence: string, sentenceStart: number): Change[] {
  const out: Change[] = [];
  const pcts: RegExpExecArray[] = [];
  PERCENT.lastIndex = 0;
  for (let m = PERCENT.exec(clause); m; m = PERCENT.exec(clause)) pcts.push(m);
  pcts.forEach((m, i) => {
    const at = m.index;
    const atEnd = at + m[0].length;
    const prevEnd = i > 0 ? pcts[i - 1]!.index + pcts[i - 1]![0].length : 0;
    const nextStart = i + 1 < pcts.length ? pcts[i + 1]!.index : clause.length;
    const clauseEnd = clauseStart - sentenceStart + clause.length;
    const tail = sentence.slice(clauseEnd, clauseEnd + 60);
    // Against another quarter (较二季度的…吨减少47.74%, "quarter-on-quarter"): neither basis of design §5.
    const qoq = nearest(QOQ, clause, at, 30, 30, atEnd);
    if (qoq) {
      const y = nearest(YOY, clause, at, 30, 30, atEnd);
      const mo = nearest(MOM, clause, at, 30, 30, atEnd);
      if ((!y || qoq.dist < y.dist) && (!mo || qoq.dist < mo.dist)) return;
    }
    // A share ("95 percent of global supplies", 占全球产量的90%, "a 44% share"), not a change.
    if (SHARE_AFTER.test(clause.slice(atEnd, atEnd + 12)) || SHARE_BEFORE.test(clause.slice(Math.max(0, at - 24), at)))
      return;
    let basis: Change['basis'] | null = ownBasis(clause, at, atEnd, prevEnd, nextStart, tail);
    if (!basis) {
      const yoy = nearest(YOY, clause, at, 60, 60, atEnd);
      const mom = nearest(MOM, clause, at, 60, 60, atEnd);
      basis = yoy && (!mom || yoy.dist <= mom.dist) ? 'yoy' : mom ? 'mom' : null;
    }
    if (!basis) {
      const atS = clauseStart - sentenceStart + at;
      // (Chinese names the basis before the number: "较8月（6146吨）减少6.1%，同比则增长17.5%" — the 同比 after 6.1% is the
      // next percentage's, whatever a bracket did to the clauses.)
      const ahead = CJK.test(sentence) ? 0 : 200;
      let y2 = nearest(YOY, sentence, atS, 200, ahead, atS + m[0].length);
      let m2 = nearest(MOM, sentence, atS, 200, ahead, atS + m[0].length);
      if (ahead === 0 && !y2 && !m2) {
        y2 = nearest(YOY, sentence, atS, 200, 200, atS + m[0].length);
        m2 = nearest(MOM, sentence, atS, 200, 200, atS + m[0].length);
      }
      basis = y2 && (!m2 || y2.dist <= m2.dist) ? 'yoy' : m2 ? 'mom' : null;
    }
    let sign = 1;
    let signed = true;
    if (m[1] === '-' || m[1] === '−' || m[1] === '–') sign = -1;
    else if (m[1] !== '+') {
      const up = nearest(UP, clause, at, 40, 25);
      const down = nearest(DOWN, clause, at, 40, 25);
      if (down && (!up || down.dist < up.dist)) sign = -1;
      signed = Boolean(up || down);
    }
    if (!basis && !signed) return;
    const pct = percentOf(m);
    if (!Number.isFinite(pct)) return;
    out.push({ start: clauseStart + at, end: clauseStart + at + m[0].length, pct: sign * pct, basis, signed });
  });
  return out;
}
