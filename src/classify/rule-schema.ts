import * as z from 'zod';
import { CATEGORIES } from '../types.js';
import { expandTerms } from './vocabulary/terms.js';

/**
 * The schemas of `rules/*.yaml`, built on first use: a run whose rules come validated from the build
 * (src/config/shipped-rules.ts) never builds them (zod's schema objects cost start-up time to make).
 */
function buildRuleSchemas() {
  const category = z.enum(CATEGORIES, {
    error: (i) => `unknown category ${JSON.stringify(i.input)}: use one of ${CATEGORIES.join(', ')}`,
  });

  /**
   * A regular expression given as text, with `{name}` vocabulary placeholders ({rare_earth}, {magnet} …); checked when
   * the rules load so a typo is a config error, not a crash.
   */
  const pattern = z
    .string()
    .min(1)
    .superRefine((source, ctx) => {
      try {
        new RegExp(expandTerms(source), 'i');
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `bad regular expression: ${(error as Error).message}` });
      }
    });

  const cueList = z
    .array(
      z
        .string()
        .min(1)
        .superRefine((phrase, ctx) => {
          try {
            expandTerms(phrase.trim().startsWith('{') ? phrase.trim() : '');
          } catch (error) {
            ctx.addIssue({ code: 'custom', message: (error as Error).message });
          }
        }),
    )
    .default([]);

  /**
   * One cue: phrases or patterns that, when found, add `weight` to `category` (a negative weight counts against). A cue
   * that means the same for several categories (a history piece's headline) names them all: one rule, one search.
   */
  const ruleSchema = z
    .strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'rule id: lower-case letters, digits, dot, dash, underscore'),
      category: z.union([category, z.array(category).min(1)], {
        error: (i) => {
          const given = [i.input].flat();
          const unknown = given.find((c) => !(CATEGORIES as readonly unknown[]).includes(c));
          return unknown === undefined && given.length > 0
            ? 'category: one category or a list of them'
            : `unknown category ${JSON.stringify(unknown ?? '')}: use one of ${CATEGORIES.join(', ')}`;
        },
      }),
      weight: z.number().min(-100).max(100),
      /** Literal phrases; English ones match whole words, case-insensitively. */
      phrases: cueList,
      /** Regular expressions (JavaScript syntax, case-insensitive). */
      patterns: z.array(pattern).default([]),
      /** At least one of these must occur in the same `scope` as the match. */
      with: cueList,
      /** None of these may occur in the same `scope` as the match. */
      without: cueList,
      /** `clause`: the clauses the match covers (a promise in another clause of the sentence does not count). */
      scope: z.enum(['clause', 'sentence', 'document']).default('sentence'),
      /** Where the cue counts: the title, the body, or either. */
      in: z.enum(['title', 'body', 'any']).default('any'),
      /** The category is dropped when this rule fires, whatever else matched. */
      veto: z.boolean().default(false),
      /**
       * A rule against categories that says what kind of document this is (a market report, a timeline, a commentary):
       * it does not count against a category whose step the document reports as the day's news (a sentence naming
       * the present or a day of the week before the document's date).
       */
      documentKind: z.boolean().default(false),
      note: z.string().optional(),
    })
    .refine((r) => r.phrases.length + r.patterns.length > 0, { message: 'a rule needs phrases or patterns' });

  const backgroundSchema = z.strictObject({
    /** Cues in a background sentence count this much (0–1). */
    factor: z.number().min(0).max(1).default(0.25),
    /** Markers of a sentence that recalls: 此前, 曾, "had imposed", "back in" … */
    phrases: cueList,
    patterns: z.array(pattern).default([]),
    /** Markers of the present (近日, 昨日, "on Thursday"): a sentence with one is news whatever else it recalls. */
    present: cueList,
    presentPatterns: z.array(pattern).default([]),
    /**
     * Openers of a side clause ("after", "following", "like", "if", 继…后, 受…影响): the clause from the opener to its
     * end (a comma, a colon, a contrastive word, the sentence's end) is background; the rest of the sentence is read
     * on its own.
     */
    clauses: cueList,
    clausePatterns: z.array(pattern).default([]),
    /**
     * Openers of a promise ("will approve", "set to issue", 将予以许可, 拟下达): the clause they open (to the same ends as
     * a side clause) says a step is still to come. For the categories in `promiseCategories`, whose news is a step
     * taken, a cue there counts as background; for the others (a control that takes effect next month) it is news.
     */
    promises: cueList,
    promisePatterns: z.array(pattern).default([]),
    promiseCategories: z.array(category).default([]),
    /**
     * Markers of a further step reported beside the headline's ("in a separate notice", "separately", 同日): in a
     * sentence of the present, a cue of a category the headline is not about counts in full, not `offTopicFactor` times.
     */
    further: cueList,
    furtherPatterns: z.array(pattern).default([]),
    /** A sentence whose latest named date ends this many days or more before the document's date is background. */
    olderDays: z.number().int().min(1).default(45),
  });

  const classifierSettingsSchema = z.strictObject({
    /** A category is assigned when its score reaches this. */
    threshold: z.number().positive().default(3),
    /** Cues in the headline (the title, or the lead sentence of a document without one) count this many times. */
    titleFactor: z.number().min(0).default(2),
    /** Cues in the lead sentence under a title count this many times. */
    leadFactor: z.number().min(0).default(1.5),
    /** When the headline is about some categories, the scores of the others are multiplied by this. */
    offTopicFactor: z.number().min(0).max(1).default(0.6),
    background: backgroundSchema.default(backgroundSchema.parse({})),
    /** Per-category threshold overrides. */
    thresholds: z.partialRecord(category, z.number().positive()).default({}),
  });

  const rulesFileSchema = z.strictObject({
    $schema: z.string().optional(),
    settings: classifierSettingsSchema.optional(),
    rules: z.array(ruleSchema).default([]),
  });
  return { rule: ruleSchema, classifierSettings: classifierSettingsSchema, rulesFile: rulesFileSchema };
}

type RuleSchemas = ReturnType<typeof buildRuleSchemas>;
let built: RuleSchemas | undefined;

/** The rule schemas: `rulesFile` for a whole file, `classifierSettings` for its `settings:`, `rule` for one rule. */
export const ruleSchemas = (): RuleSchemas => (built ??= buildRuleSchemas());

export type RuleConfig = z.output<RuleSchemas['rule']>;
export type ClassifierSettings = z.output<RuleSchemas['classifierSettings']>;
export type RulesFile = z.output<RuleSchemas['rulesFile']>;
