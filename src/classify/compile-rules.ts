import type { Category } from '../types.js';
import type { ClassifierSettings, RuleConfig } from './rule-schema.js';
import { ruleSchemas } from './rule-schema.js';
import { expandTerms } from './vocabulary/terms.js';

export interface CompiledRule extends RuleConfig {
  /** `category` as a list, whether the rule named one or several. */
  categories: Category[];
  /** Global regex over the normalised text: every phrase and pattern of the rule. */
  re: RegExp;
  withRe: RegExp | null;
  withoutRe: RegExp | null;
  /** Where the rule came from, for `validate` and evidence. */
  file: string;
  /** Its categories' news is a step taken: a cue in a promise clause is not it (settings.background.promiseCategories). */
  taken: boolean;
}

/** The rules the classifier runs with, compiled once. */
export interface RuleSet {
  rules: CompiledRule[];
  settings: ClassifierSettings;
  /** Markers of a sentence that recalls. */
  background: RegExp | null;
  /** Markers of a sentence about the present. */
  present: RegExp | null;
  /** Openers of a recalled or side clause (global: run over each sentence). */
  clauses: RegExp | null;
  /** Openers of a promise clause (global), read for rules of `settings.background.promiseCategories`. */
  promises: RegExp | null;
  /** Markers of a further step reported beside the headline's ("in a separate notice"). */
  further: RegExp | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordy = /[A-Za-z0-9]/;

/**
 * A literal phrase as a regex: English words match whole words with common endings (suspend → suspends, suspended),
 * spaces and hyphens are interchangeable, and Chinese matches as written. A phrase `{name}` is a vocabulary word.
 */
export function phraseSource(phrase: string): string {
  const p = phrase.trim();
  // A phrase that is only a vocabulary word ("{rare_earth}") stands for every form of it.
  if (/^\{[a-z_]+\}$/.test(p)) return expandTerms(p);
  let src = p
    .split(/[\s-]+/)
    .map(escape)
    .join('[\\s-]+');
  if (wordy.test(p[0] ?? '')) src = `\\b${src}`;
  if (wordy.test(p[p.length - 1] ?? '')) src = `${src}(?:s|es|d|ed|ing)?\\b`;
  return src;
}

export function cueRegex(phrases: readonly string[], patterns: readonly string[] = [], flags = 'gi'): RegExp | null {
  const parts = [...phrases.map(phraseSource), ...patterns.map((p) => `(?:${expandTerms(p)})`)];
  return parts.length ? new RegExp(parts.join('|'), flags) : null;
}

/**
 * Compile one rule. `shared` hands out one RegExp per source, so rules with the same `with`/`without` list (most name
 * `{rare_earth}`) share it and a document is tested for it once (the classifier caches each test per document).
 */
export function compileRule(
  rule: RuleConfig,
  file: string,
  shared = new Map<string, RegExp>(),
  taken: readonly Category[] = [],
): CompiledRule {
  const once = (re: RegExp | null) => {
    if (!re) return null;
    const key = `${re.flags}/${re.source}`;
    const seen = shared.get(key);
    if (seen) return seen;
    shared.set(key, re);
    return re;
  };
  return {
    ...rule,
    categories: [rule.category].flat(),
    re: cueRegex(rule.phrases, rule.patterns)!,
    withRe: once(cueRegex(rule.with, [], 'i')),
    withoutRe: once(cueRegex(rule.without, [], 'i')),
    file,
    taken: [rule.category].flat().some((c) => taken.includes(c)),
  };
}

export function compileRuleSet(
  rules: Array<{ rule: RuleConfig; file: string }>,
  settings?: ClassifierSettings,
): RuleSet {
  const s = settings ?? ruleSchemas().classifierSettings.parse({});
  const shared = new Map<string, RegExp>();
  return {
    rules: rules.map((r) => compileRule(r.rule, r.file, shared, s.background.promiseCategories)),
    settings: s,
    background: cueRegex(s.background.phrases, s.background.patterns, 'i'),
    present: cueRegex(s.background.present, s.background.presentPatterns, 'i'),
    clauses: cueRegex(s.background.clauses, s.background.clausePatterns, 'gi'),
    promises: cueRegex(s.background.promises, s.background.promisePatterns, 'gi'),
    further: cueRegex(s.background.further, s.background.furtherPatterns, 'i'),
  };
}
