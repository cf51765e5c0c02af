import type { StoredFigure } from '../figures/figures-store.js';
import { provenance } from '../figures/provenance.js';
import { alertDate, categoryLabel, sourceName } from '../render/labels.js';
import { CATEGORIES, SOURCES, type Alert, type Category, type SourceKind } from '../types.js';
import type { AnswerSource, CommandAnswer } from './types.js';

/** Where a stored figure was read: "MIIT: <title>", marked "press" when the source is not official. */
export function figureSource(f: StoredFigure): AnswerSource {
  return { label: `${figureOrigin(f)}: ${f.title}`, url: f.url, date: f.date };
}

/**
 * "MIIT" for an official text on the ministry's own site, "MIIT, official text, reposted by <host>" for that text
 * read elsewhere, "news, press" for a report of it (the same labels as `regwatch figures`).
 */
export function figureOrigin(f: StoredFigure): string {
  const { label } = provenance(f);
  return label === 'official' ? sourceName(f.source) : `${sourceName(f.source)}, ${label}`;
}

export function alertSource(alert: Alert): AnswerSource {
  return { label: `${sourceName(alert.watch.source)}: ${alert.title}`, url: alert.url, date: alertDate(alert) };
}

/** Sources without repeats (same url and date), in first-seen order. */
export function uniqueSources(sources: AnswerSource[]): AnswerSource[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.url ?? s.label}|${s.date ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Read a category the way people type it: quota_batch, quota-batch, Quota Batch, license_approval. */
export function parseCategory(word: string): Category | undefined {
  const norm = word
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '_')
    .replace(/^license/, 'licence');
  return (CATEGORIES as readonly string[]).includes(norm) ? (norm as Category) : undefined;
}

export function parseSource(word: string): SourceKind | undefined {
  const norm = word.trim().toLowerCase();
  const alias: Record<string, SourceKind> = { gac: 'customs' };
  const value = alias[norm] ?? norm;
  return (SOURCES as readonly string[]).includes(value) ? (value as SourceKind) : undefined;
}

export const CATEGORY_LIST = CATEGORIES.join(', ');
export const SOURCE_LIST = SOURCES.join(', ');

/** A refusal or invalid-input answer only the asker sees. */
export function errorAnswer(title: string, lines: string[]): CommandAnswer {
  return { title, sections: [{ lines }], sources: [], ephemeral: true, error: true };
}

/** "two batches", "one batch". */
export function batchCount(n: number): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five'];
  return `${words[n] ?? String(n)} ${n === 1 ? 'batch' : 'batches'}`;
}

/** One alert as a line: "2025-04-04 · control list addition · MOFCOM: <title> — <summary>". */
export function alertLine(alert: Alert): string {
  const labels = alert.categories.length > 0 ? alert.categories.map(categoryLabel).join(', ') : 'uncategorised';
  const summary = alert.summary && !alert.summary.includes(alert.title) ? ` — ${alert.summary}` : '';
  return `${alertDate(alert)} · ${labels} · ${sourceName(alert.watch.source)}: ${alert.title}${summary}`;
}
