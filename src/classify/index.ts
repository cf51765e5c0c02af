import type { Classification, DocumentInput } from '../types.js';
import { categorize, ruleExpressions } from './categorize.js';
import type { RuleSet } from './compile-rules.js';
import { extractEntities } from './entities.js';
import { extractFigures, FIGURE_EXPRESSIONS } from './figures.js';
import { normalizeText } from './normalize.js';
import { mayStateTonnage } from './quantities.js';
import { wordIndexOf } from './required-words.js';
import { sentences } from './segment.js';
import { isSpun, unspin } from './vocabulary/spun.js';

export type { RuleSet, CompiledRule } from './compile-rules.js';
export { loadRules } from './load-rules.js';
export { normalizeText } from './normalize.js';

function docDateOf(date: string | null | undefined): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})/.exec(date ?? '');
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

/**
 * How much of a document's title and text is read: a hundred times a long ministry notice. A text past it (a table
 * dump, a minified page, a hostile one) is read up to it: parts of the figure reader look at every pair of cues in a
 * sentence, and a megabyte with no sentence end once held the check (and the daemon's event loop) for minutes.
 */
export const MAX_CLASSIFIED_CHARS = 100_000;

const upTo = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/**
 * Classify one document: categories with the phrases that earned them, the figures it states, and the elements,
 * document numbers, HS codes and effective dates it names. Pure: the same input and rules give the same output.
 */
export function classify(doc: DocumentInput, rules: RuleSet): Classification {
  let title = normalizeText(upTo(doc.title ?? '', 2_000));
  let body = normalizeText(upTo(doc.text ?? '', MAX_CLASSIFIED_CHARS));
  // Machine-spun copy reads as its source: a spinner's substitutes (开挖 for 开采, 方针 for 指标) mapped back.
  if (isSpun(body)) {
    title = unspin(title);
    body = unspin(body);
  }
  const date = docDateOf(doc.date);
  const text = `${title}\n${body}`;
  // Categories and figures read the same sentences: split once.
  const split = sentences(text);
  // …and the same words: which of the rules' and the figure reader's expressions may match at all (one pass).
  const words = wordIndexOf(rules, 'classify', () => [...ruleExpressions(rules), ...FIGURE_EXPRESSIONS]).read(text);
  return {
    categories: categorize(title, body, rules, doc.date, split, words),
    // Half the documents a watch brings name no unit of weight at all (a licence, a control list, a regulation): the
    // figure reader, half of the classifier's work, is not run on them.
    figures: mayStateTonnage(text) ? extractFigures(title, body, date, split, words) : [],
    entities: extractEntities(text),
  };
}

/** A classifier bound to one rule set (the rules are compiled once, when loaded). */
export function createClassifier(rules: RuleSet): (doc: DocumentInput) => Classification {
  return (doc) => classify(doc, rules);
}
