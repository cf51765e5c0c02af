/**
 * Comparison bases: tonnages written as what another tonnage is compared with ("from 100,000 tons", "than April's 4,566
 * tons", 去年同期为29095.2吨), and the period written next to each, which no other tonnage of the sentence may take.
 */
import type { PeriodMention } from '../periods.js';
import type { Quantity } from '../quantities.js';
import type { Span } from '../segment.js';

// "from 100,000 tons", "36.2% above April's 4,566 tons", "after sliding to just 46 tons in May", "higher than the 4,725
// tonnes shipped a year ago".
const COMPARISON_BASE =
  /(?:(?:比|较|与|高于|低于|多于|少于)\s*(?:(?:去年|上年|前一年|(?:19|20)\d{2}\s*年)\s*(?:全年|同期|同月)?|同期|同月)\s*(?:的)?|(?:%|per\s?cent|\d\s?pc)\s+(?:on|above|below)\s+(?:the\s+)?|\bfrom|\bthan|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bagainst|\bafter(?:\s+(?:[a-z]+ing|an?\s+[a-z]+)\s+(?:to|at))?|比|较|由|高于|低于|多于|少于)\s*(?:the\s+)?(?:(?:just|only|about|around|some|roughly|a\s+mere)\s+)?$/i;
// A base named before its tonnage: "from the 2022 full-year quotas of 210,000 mt", "compared with last year's total of",
// "23% above April's level of 4,785 t", "the most since January's record of 6,357 tons".
const NAMED_BASE =
  /(?:\bfrom|\bthan|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bagainst|\babove|\bbelow|\bsince)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,4}?(?:of|at)\s*$/i;
// "up 35.9% versus May 2023, when China shipped 4,576 tons": the tonnage of the comparison period.
// Between two tonnages of one "when" clause: words, no number, no break.
const WHEN_RUN_GAP = /^[^;.\d%。；]{0,80}$/;
const WHEN_GAP = /^\s*,?\s*when\s+[^,;.\d%]{0,40}$/i;
// Between the period a Chinese comparison names and its tonnage: where it went and the flow, no number, no change word
// (比上月增加300吨 is a difference, not a base) and no clause break.
const ZH_COMPARED_GAP = /^(?:的)?[^，,。；;：:\d%％增减降升涨跌多少高低达为]{0,12}$/;
// The next tonnage of a list: "quotas of 210,000 mt and 202,000 mt".
export const LIST_GAP = /^\s*(?:,|and|or|、|和|及|与)\s*$/i;
// The period of a comparison base, written next to it: "April's 4,566 tons", "8月的5791.8吨", "46 tons in May".
// (In Chinese the year written right before the tonnage is its own too: 远低于2012年30,966吨的出口配额.)
// (与2022年第一批的100800吨: the batch of that year between them.)
// ("against 2023's full-year 255kt", 较2021年全年的16.8万吨: the whole year said again between them.)
const POSSESSIVE_GAP =
  /^\s*(?:(?:第\s*[一二三四1-4]|首)\s*批(?:次)?(?:稀土)?(?:指标)?\s*)?(?:的|['’]s)\s*(?:(?:full|whole)[\s-]year|annual)?\s*$|^\s*全年\s*的?\s*$|^$/;
// ("120,000 tonnes in the first batch of 2023": the year of the batch compared with.)
// ("the 84,000 t set in the first tranche of 2021": a participle of the irregular verbs quotas and shipments take too;
// "handed out in last year's first batch": with its particle, and a year the text counts back.)
const IN_GAP =
  /^\s*(?:of\s+[a-z\s-]{0,30}?\s*|(?:[a-z]+ed|[a-z]+en|set|put|cut|sent|sold|held|made|kept|dealt|won|lent|spent)(?:\s+(?:out|up|down|off))?\s+)?(?:in|during|for)\s+(?:the\s+)?(?:(?:first|second|third|same)\s+(?:batch|round|tranche)\s+(?:of|for|in)\s+)?$/i;

const ZH_COMPARED_BEFORE = /(?:比|较)\s*$/;
// 与 + the period compared + 的, right before the tonnage; and the 相比 that closes the comparison after it.
// (与2022年第一批的100800吨…相比: the batch compared, named between the year and the tonnage.)
const ZH_WITH_PERIOD =
  /(?:与|跟|和|同)\s*(?:(?:19|20)\d{2}\s*年|去年|上年|前一年)\s*(?:全年|同期|同月|度)?\s*(?:(?:第\s*[一二三四1-4]|首)\s*批(?:次)?(?:稀土)?(?:指标)?)?\s*(?:的)?\s*$/;
// (… or says how it compares: 与2012年的30996吨基本持平, 与上年相当.)
const ZH_COMPARED_AFTER = /^[^。；;]{0,40}?(?:相比|相較|比较|比較|相较|持平|相当|相當|相若|相同|一样|一樣|接近)/;
const OPEN_BRACKET_GAP = /^\s*[（(]\s*$/;

/** The period written right after a tonnage: "120,000 tonnes in the first batch of 2023". */
const periodAfter = (text: string, q: Quantity, periods: PeriodMention[]) =>
  periods.find((p) => p.start >= q.end && IN_GAP.test(text.slice(q.end, p.start)));

/** The period written after the list a tonnage opens: "168,000 tonnes and 162,000 tonnes set in 2021". */
function periodAfterList(
  text: string,
  quantities: Quantity[],
  q: Quantity,
  periods: PeriodMention[],
): PeriodMention | undefined {
  let lastQ = q;
  for (let i = quantities.indexOf(q) + 1; i < quantities.length; i++) {
    if (!LIST_GAP.test(text.slice(lastQ.end, quantities[i]!.start))) break;
    lastQ = quantities[i]!;
  }
  return periodAfter(text, lastQ, periods);
}

/**
 * The comparison bases of a sentence, each with the period written next to it (null when none is). `periods` are the
 * sentence's mentions; offsets are into `text`.
 */
export function findBases(
  text: string,
  sentence: Span,
  quantities: Quantity[],
  periods: PeriodMention[],
): Map<Quantity, PeriodMention | null> {
  const bases = new Map<Quantity, PeriodMention | null>();
  let prevQ: Quantity | undefined;
  // The tonnages of the current list of bases.
  let run: Quantity[] = [];
  // The period of the "when" clause the tonnages are in.
  let whenRun: PeriodMention | undefined;
  for (const q of quantities) {
    const previousQ = prevQ;
    prevQ = q;
    if (previousQ && bases.has(previousQ) && LIST_GAP.test(text.slice(previousQ.end, q.start))) {
      // "against 270,000 and 254,000 tons in 2024": the period after the list's last tonnage is the whole list's.
      const listed = bases.get(previousQ) ?? periodAfter(text, q, periods) ?? null;
      run.push(q);
      for (const o of run) bases.set(o, listed);
      continue;
    }
    run = [q];
    const own = periods.find(
      (p) => p.end <= q.start && p.relYear === undefined && POSSESSIVE_GAP.test(text.slice(p.end, q.start)),
    );
    const before = text.slice(Math.max(sentence.start, (own?.start ?? q.start) - 30), own?.start ?? q.start);
    // (与2019年全年的13.2万吨…相比: 与 is a comparison only with the period after it, and with 相比 closing it.)
    if (
      COMPARISON_BASE.test(before) ||
      (own !== undefined &&
        ZH_WITH_PERIOD.test(text.slice(Math.max(sentence.start, own.start - 2), q.start)) &&
        ZH_COMPARED_AFTER.test(text.slice(q.end, sentence.end)))
    ) {
      bases.set(q, own ?? periodAfter(text, q, periods) ?? null);
      continue;
    }
    // "这比5月份向美国出口431吨…": 比/较, the period compared, what was shipped, then its tonnage.
    const compared = periods.find(
      (p) =>
        p.comparative &&
        p.end <= q.start &&
        ZH_COMPARED_GAP.test(text.slice(p.end, q.start)) &&
        ZH_COMPARED_BEFORE.test(text.slice(Math.max(sentence.start, p.start - 4), p.start)),
    );
    if (compared) {
      bases.set(q, compared);
      continue;
    }
    // "up 6% on 2023 (52 307 t)", 较2023年（52307吨）: the tonnage in brackets after the period compared with.
    const bracketed = periods.find(
      (p) => p.comparative && p.end <= q.start && OPEN_BRACKET_GAP.test(text.slice(p.end, q.start)),
    );
    if (bracketed) {
      bases.set(q, bracketed);
      continue;
    }
    const when = periods.find((p) => p.comparative && p.end <= q.start && WHEN_GAP.test(text.slice(p.end, q.start)));
    if (when) {
      bases.set(q, when);
      whenRun = when;
      continue;
    }
    // ("since 2024, when it set mining quotas at 270,000 mt and smelting quotas at 254,000 mt": every tonnage of the
    // clause that opens on "when" is of the period before it, until a period of its own or a break.)
    if (
      whenRun &&
      previousQ &&
      WHEN_RUN_GAP.test(text.slice(previousQ.end, q.start)) &&
      !periods.some((p) => p.start >= previousQ.end && p.end <= q.start)
    ) {
      bases.set(q, whenRun);
      continue;
    }
    whenRun = undefined;
    const wider = Math.max(sentence.start, q.start - 60);
    const named = NAMED_BASE.exec(text.slice(wider, q.start));
    if (named) {
      const from = wider + named.index;
      // ("from the full-year allowances of 168,000 tonnes and 162,000 tonnes set in 2021": a whole year with no number
      // of its own gives way to the year written after the list.)
      const inside = periods.filter((p) => p.start >= from && p.end <= q.start);
      const unnumbered = (p: PeriodMention) => p.wholeYear === true && p.year === undefined;
      bases.set(
        q,
        inside.find((p) => !unnumbered(p)) ?? periodAfterList(text, quantities, q, periods) ?? inside[0] ?? null,
      );
    }
  }
  return bases;
}

/**
 * 去年同期/上年同期 just before the tonnage, or "a year earlier" ("shipped a year ago") just after it, with no change in
 * between.
 */
export function sameTimeLastYear(text: string, clause: Span, q: Quantity): boolean {
  const before = text.slice(clause.start, q.start);
  const after = text.slice(q.end, clause.end);
  return (
    /(?:去年同期|上年同期)[^%％\d]{0,12}$/.test(before) ||
    /^\s*(?:of\s+[a-z\s-]{0,30}?\s*|[a-z]+ed\s+)?(?:a year (?:earlier|ago|before)|in the same (?:period|month|quarter|stretch|span|timeframe) (?:of )?last year)/i.test(
      after,
    )
  );
}

/** A month `months` back (2025-01 → 2024-12 for one); null for a period that is not one month. */
export function monthBack(period: string, months: number): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return null;
  const idx = Number(m[1]) * 12 + Number(m[2]) - 1 - months;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/** A period one year back: 2025-06 → 2024-06, 2025-01/2025-05 → 2024-01/2024-05. */
export const yearBack = (period: string): string => period.replace(/\d{4}/g, (y) => String(Number(y) - 1));

// 较2024年同期的4725吨, "4,566 tons in the same month in 2024", "the same period of last year".
const SAME_BEFORE = /(?:((?:19|20)\d{2})\s*年|(去年|上年|前一年))\s*(?:同期|同月)\s*(?:的)?\s*$/;
const SAME_AFTER =
  /^\s*(?:of\s+[a-z\s-]{0,30}?\s*|[a-z]+ed\s+)?(?:in|during|for)\s+the\s+same\s+(?:month|period|quarter|stretch|span|timeframe)\s+(?:of\s+|in\s+)?(?:((?:19|20)\d{2})|(last year|the previous year|a year (?:earlier|ago)))/i;

/**
 * A base stated for "the same period" of a named year: the period the text is on, moved to that year (2025-10 →
 * 2024-10 for 较2024年同期的4725吨). Null when the base does not say so.
 */
export function samePeriodOf(text: string, q: Quantity, reference: string | null | undefined): string | null {
  if (!reference) return null;
  const before = SAME_BEFORE.exec(text.slice(Math.max(0, q.start - 16), q.start));
  const after = before ? null : SAME_AFTER.exec(text.slice(q.end, q.end + 60));
  const m = before ?? after;
  if (!m) return null;
  if (m[2]) return yearBack(reference);
  const shift = Number(m[1]) - Number(reference.slice(0, 4));
  return reference.replace(/\d{4}/g, (y) => String(Number(y) + shift));
}
