/** Looking up cues around a tonnage: the last before it, the first after it, the one that names it. */
import type { Cue, CueType } from '../figure-cues.js';
import type { Quantity } from '../quantities.js';

/** The cue of one of `types` that ends last within [from, to). */
export function last(cues: Cue[], types: readonly CueType[], from: number, to: number): Cue | undefined {
  let best: Cue | undefined;
  for (const c of cues) {
    if (c.start < from || c.end > to || !types.includes(c.type)) continue;
    if (!best || c.end > best.end || (c.end === best.end && c.start < best.start)) best = c;
  }
  return best;
}

/** The first cue of one of `types` within [from, to). */
export const first = (cues: Cue[], types: readonly CueType[], from: number, to: number): Cue | undefined =>
  cues.find((c) => c.start >= from && c.end <= to && types.includes(c.type));

const CJK_WORD = /[\u4e00-\u9fff]/;

// ("57,392 t — rare earth magnet exports in 2025": a value-first list names what the value is after a dash; "127,000
// tonnes REO-equivalent for smelting": the oxide basis of the unit comes between; "15,000 tonnes (mining)": a bracket
// naming it.)
const OF_THE =
  /^\s*(?:[—–]{1,2}\s*|-{1,2}\s+|[(（]\s*)?(?:(?:of\s+)?(?:REO|rare\s+earth\s+oxides?)(?:[\s-]equivalent)?\s+)?(?:(?:are|is|was|were)\s+)?(?:of|for)?\s*(?:the\s+)?(?:rare[\s-]earths?\s+|稀土)?(?:permanent\s+|sintered\s+|NdFeB\s+|ore\s+|mineral\s+)?$/i;

// Between the words of one noun phrase: nothing, or one more adjective ("rare earth everlasting magnets", a spun
// "permanent"), not a joining word or another noun of trade.
const JOINED =
  /^[\s-]*(?:(?!(?:and|or|nor|to|from|with|for|of|in|on|at|by|as|than|exports?|imports?|shipments?)\b)[a-z]+[\s-]+)?$/i;

/**
 * A cue right after a tonnage ("270,000 tons of mining quota", "3,188 tonnes of magnets", "16,000 tons of ore
 * extraction"), which names it.
 */
export function trailing(
  cues: Cue[],
  text: string,
  types: readonly CueType[],
  q: Quantity,
  nextQStart: number,
): Cue | undefined {
  const end = Math.min(q.end + 40, nextQStart);
  let best: Cue | undefined;
  // The whole noun phrase counts: "tonnes of rare earth permanent magnets" is magnets, not rare earths.
  for (const c of cues) {
    if (c.start < q.end || c.end > end || !types.includes(c.type)) continue;
    const gap = text.slice(q.end, c.start);
    // (In Chinese a space after the tonnage ends the headline's clause: "指标14.3万吨 岩矿型占大头".)
    if (gap !== '' && CJK_WORD.test(text[c.start] ?? '') && /^\s+$/.test(gap)) continue;
    if ((OF_THE.test(gap) || (best && JOINED.test(text.slice(best.end, c.start)))) && (!best || c.end > best.end))
      best = c;
  }
  return best;
}
