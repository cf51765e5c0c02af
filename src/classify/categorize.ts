import type { Category, CategoryMatch } from '../types.js';
import type { RuleSet } from './compile-rules.js';
import { sentences, type Span } from './segment.js';

const YEAR = /(?<![\d.,])(?:19|20)\d{2}(?![\d,])/g;

/** Whether a sentence is background: a marker phrase ("此前", "back in"), or only years well before the document's. */
function isBackground(sentence: string, rules: RuleSet, docYear: number | null): boolean {
  if (rules.background?.test(sentence)) return true;
  if (docYear === null) return false;
  const years = [...sentence.matchAll(YEAR)].map((m) => Number(m[0]));
  return years.length > 0 && years.every((y) => y <= docYear - rules.settings.background.olderYears);
}

function sentenceAt(spans: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/**
 * Score every category: each rule adds its weight once, at its strongest occurrence (a title cue counts `titleFactor`
 * times, a cue in a background sentence `background.factor` times). A category is kept when its score reaches the
 * threshold and no veto rule fired.
 */
export function categorize(
  title: string,
  body: string,
  rules: RuleSet,
  docYear: number | null,
  /** The sentences of `${title}\n${body}`, when the caller has split it already. */
  split?: readonly Span[],
): CategoryMatch[] {
  const text = `${title}\n${body}`;
  const titleEnd = title.length;
  const spans = split ?? sentences(text);
  const background = new Map<Span, boolean>();
  const bg = (s: Span) => {
    let v = background.get(s);
    if (v === undefined) background.set(s, (v = s.start >= titleEnd && isBackground(s.text, rules, docYear)));
    return v;
  };
  const scores = new Map<Category, { score: number; evidence: string[] }>();
  const vetoed = new Set<Category>();
  const { titleFactor, background: bgSettings } = rules.settings;

  for (const rule of rules.rules) {
    const re = rule.re;
    re.lastIndex = rule.in === 'body' ? titleEnd : 0;
    const limit = rule.in === 'title' ? titleEnd : text.length;
    // A title rule searches the title only (the title starts the text, so offsets are the same).
    const haystack = rule.in === 'title' ? title : text;
    let best = 0;
    let evidence = '';
    // Document-scope conditions are the same for every occurrence: decide them once.
    if (rule.scope === 'document' && ((rule.withRe && !rule.withRe.test(text)) || rule.withoutRe?.test(text))) continue;
    const sentenceScope = rule.scope === 'sentence';
    for (let m = re.exec(haystack); m && m.index < limit; m = re.exec(haystack)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const sentence = sentenceAt(spans, m.index);
      if (sentenceScope) {
        const scope = sentence ? sentence.text : text;
        if (rule.withRe && !rule.withRe.test(scope)) continue;
        if (rule.withoutRe?.test(scope)) continue;
      }
      const inTitle = m.index < titleEnd;
      const factor = inTitle ? titleFactor : sentence && bg(sentence) ? bgSettings.factor : 1;
      if (factor > best) {
        best = factor;
        evidence = m[0];
      }
      if (best >= titleFactor) break;
    }
    if (best === 0) continue;
    for (const category of rule.categories) {
      if (rule.veto) {
        vetoed.add(category);
        continue;
      }
      const entry = scores.get(category) ?? { score: 0, evidence: [] };
      entry.score += rule.weight * best;
      if (rule.weight > 0 && !entry.evidence.includes(evidence)) entry.evidence.push(evidence);
      scores.set(category, entry);
    }
  }

  const out: CategoryMatch[] = [];
  for (const [category, { score, evidence }] of scores) {
    const threshold = rules.settings.thresholds[category] ?? rules.settings.threshold;
    if (vetoed.has(category) || score < threshold) continue;
    out.push({ category, score: Math.round(score * 100) / 100, evidence: evidence.slice(0, 8) });
  }
  return out.sort((a, b) => b.score - a.score);
}
