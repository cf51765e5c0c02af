/** Sentences and clauses with their offsets, for cues that must occur together. */

export interface Span {
  start: number;
  end: number;
  text: string;
}

// A sentence ends at 。！？；, a line break, or an English full stop followed by a capital or a digit (not "U.S.
// exports", and not after an abbreviation: "Aug. 15", "No. 61", "Mr. Wang"). A line break inside an English sentence
// (hard-wrapped wire copy: "an export quota of 30,000 tonnes this⏎year") does not end it: a word or comma before it and
// a word, a number or a comma after it; nor does one between a number and a word ("outbound volumes reached 24,827⏎tons"), or after a comma or a word that
// cannot end a sentence (a preposition, an article, a conjunction: "the General Administration of⏎Customs", "in⏎May").
//
// Past the stops: a line break that ends a sentence, or an English full stop before a capital or a digit.
const BREAK_OR_STOP = String.raw`\n(?:(?<![a-z,]\n)(?:(?<![\d%]\n)|(?![a-z]))\n*|(?<!,\n|\b(?:of|the|to|and|or|in|a|an|by|from|for|at|with|on|than|as|into|between|over|its|their)\n)\n*(?![a-z\d,]))|\.(?<=[a-z0-9%)"”’\]]\.)(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Mr|Mrs|Ms|Dr|St|Inc|Corp|Co|Ltd|vs|approx|Gov|Sen|Rep)\.)(?=\s+["“]?[A-Z\d])`;
const SENTENCE_END = new RegExp(String.raw`[。！？!?；;]+\n*|` + BREAK_OR_STOP, 'g');
// For categories, a semicolon before a short label, a colon and a number does not end a sentence: it separates the
// items of a run of figures ("Aug: 5,791.8t; Sep: 4,000.3t; Oct: 4,343t"), one report whose dates are read together.
const DATA_ITEM = String.raw`[ \t]*[A-Za-z\u3400-\u9fff][^\n;；:：。]{0,12}[:：][ \t]*[+−-]?\d`;
const DATA_RUN = new RegExp(String.raw`[；;](?=${DATA_ITEM})`);
const RUN_SENTENCE_END = new RegExp(String.raw`[。！？!?]+\n*|[；;]+(?!${DATA_ITEM})\n*|` + BREAK_OR_STOP, 'g');

// A clause ends at a comma that is not a thousands separator, a colon, a bracket, or a contrastive word.
const CLAUSE_END = /[，:：（）()【】]|,(?!\d{3}(?!\d))|\s(?:while|whereas|but|although|compared with|versus)\s|[而但]/g;

function split(text: string, offset: number, re: RegExp): Span[] {
  const out: Span[] = [];
  let start = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > start) out.push({ start: offset + start, end: offset + m.index, text: text.slice(start, m.index) });
    start = m.index + Math.max(1, m[0].length);
    if (m[0].length === 0) re.lastIndex++;
  }
  if (start < text.length) out.push({ start: offset + start, end: offset + text.length, text: text.slice(start) });
  return out.filter((s) => s.text.trim().length > 0);
}

/** The sentences of `text` (callers read them, never change them). */
export function sentences(text: string): readonly Span[] {
  return split(text, 0, SENTENCE_END);
}

/**
 * The sentences as the categories read them: a run of figures separated by semicolons is one (`DATA_RUN`); `split`,
 * the text's `sentences` when the caller has them, is returned as it is when the text has no such run.
 */
export function reportSentences(text: string, split_?: readonly Span[]): readonly Span[] {
  if (!DATA_RUN.test(text)) return split_ ?? sentences(text);
  return split(text, 0, RUN_SENTENCE_END);
}

export function clauses(sentence: Span): Span[] {
  return split(sentence.text, sentence.start, CLAUSE_END);
}
