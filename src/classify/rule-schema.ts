import { z } from 'zod';
import { CATEGORIES } from '../types.js';

const category = z.enum(CATEGORIES, {
  error: (i) => `unknown category ${JSON.stringify(i.input)}: use one of ${CATEGORIES.join(', ')}`,
});

/** A regular expression given as text; checked when the rules load so a typo is a config error, not a crash. */
const pattern = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    try {
      new RegExp(source, 'i');
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `bad regular expression: ${(error as Error).message}` });
    }
  });

const cueList = z.array(z.string().min(1)).default([]);

/**
 * One cue: phrases or patterns that, when found, add `weight` to `category` (a negative weight counts against). A cue
 * that means the same for several categories (a history piece's headline) names them all: one rule, one search.
 */
export const ruleSchema = z
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
    scope: z.enum(['sentence', 'document']).default('sentence'),
    /** Where the cue counts: the title, the body, or either. */
    in: z.enum(['title', 'body', 'any']).default('any'),
    /** The category is dropped when this rule fires, whatever else matched. */
    veto: z.boolean().default(false),
    note: z.string().optional(),
  })
  .refine((r) => r.phrases.length + r.patterns.length > 0, { message: 'a rule needs phrases or patterns' });

export const classifierSettingsSchema = z.strictObject({
  /** A category is assigned when its score reaches this. */
  threshold: z.number().positive().default(3),
  /** Cues in the title count this many times. */
  titleFactor: z.number().min(0).default(2),
  background: z
    .strictObject({
      /** Cues in a background sentence count this much (0–1). */
      factor: z.number().min(0).max(1).default(0.25),
      phrases: cueList,
      patterns: z.array(pattern).default([]),
      /** A sentence whose years are all at least this many years before the document's is background. */
      olderYears: z.number().int().min(1).default(2),
    })
    .default({ factor: 0.25, phrases: [], patterns: [], olderYears: 2 }),
  /** Per-category threshold overrides. */
  thresholds: z.partialRecord(category, z.number().positive()).default({}),
});

export const rulesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  settings: classifierSettingsSchema.optional(),
  rules: z.array(ruleSchema).default([]),
});

export type RuleConfig = z.output<typeof ruleSchema>;
export type ClassifierSettings = z.output<typeof classifierSettingsSchema>;
export type RulesFile = z.output<typeof rulesFileSchema>;
