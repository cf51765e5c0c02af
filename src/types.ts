/**
 * The shared vocabulary of regwatch: categories, figures, documents and alerts.
 * Names marked "contract" in ../shared/design.md are relied on by users and scripts; keep them exactly.
 */

/** Alert categories (design §4, contract). */
export const CATEGORIES = [
  'quota_batch',
  'licence_approval',
  'control_list_addition',
  'control_relaxation',
  'export_statistics',
  'enforcement',
  'regulation',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories regwatch raises itself, beyond §4 (design §7, contract): `overdue` — an expected publication did not come (§11). */
export const RAISED_CATEGORIES = ['overdue'] as const;
/** Every category an alert may carry, and a channel's `categories` may name. */
export const ALERT_CATEGORIES = [...CATEGORIES, ...RAISED_CATEGORIES] as const;
export type AlertCategory = (typeof ALERT_CATEGORIES)[number];

/** Where a watch's documents come from (design §3). */
export const SOURCES = ['miit', 'mofcom', 'customs', 'news', 'other'] as const;
export type SourceKind = (typeof SOURCES)[number];

/** Official sources outrank press reports of the same figure. */
export const OFFICIAL_SOURCES: readonly SourceKind[] = ['miit', 'mofcom', 'customs'];

/** One figure stated by a document (design §5, contract). */
export interface Figure {
  metric: string;
  value: number;
  unit: 't';
  /** `2024`, `2024-H1`, `2026-Q1`, `2025-06`, or `2024-01/2024-05`; null when the text gives none. */
  period: string | null;
  batch: number | null;
  change_pct: number | null;
  change_basis: 'yoy' | 'mom' | null;
  /** The phrase the figure was read from. */
  evidence: string;
}

/** One category with the score and the phrases that earned it. */
export interface CategoryMatch {
  category: Category;
  score: number;
  evidence: string[];
}

/** Things named in a document besides figures. */
export interface Entities {
  /** Element symbols, e.g. ['Sm', 'Dy']. */
  elements: string[];
  /** Document numbers as written, normalised brackets: 工信部联原〔2024〕25号, 商务部 海关总署公告2025年第18号. */
  documentNumbers: string[];
  hsCodes: string[];
  /** ISO dates the text says something takes effect. */
  effectiveDates: string[];
}

/** What the classifier returns for one document (design §6 `classify --json`). */
export interface Classification {
  categories: CategoryMatch[];
  figures: Figure[];
  entities: Entities;
}

/** A document to classify: the new announcement's own text. */
export interface DocumentInput {
  title: string;
  text: string;
  /** ISO date of the document (list date, feed date): gives the year when the text only says 6月. */
  date?: string | null;
}

export type Severity = 'high' | 'normal' | 'low';

/** The alert payload (design §7, contract): webhook body and console --json line. */
export interface Alert {
  id: string;
  watch: { id: string; name: string; source: SourceKind };
  title: string;
  url: string;
  publishedAt: string | null;
  detectedAt: string;
  categories: AlertCategory[];
  figures: Figure[];
  summary: string;
  diff?: string;
  severity: Severity;
  /** Why each category was given (rule evidence), for people tuning rules. */
  evidence?: Record<string, string[]>;
  /** Document numbers, elements, HS codes named in the document. */
  entities?: Entities;
  /** `change` for what a watch saw, `ops` for regwatch's own health messages, `digest` for a channel's digest. */
  type?: 'change' | 'ops' | 'digest';
  /** Overdue alerts (design §11): the expectation that was missed, or met late. */
  expectation?: ExpectationRef;
  /** Digest messages: the period's alerts for one channel (see src/digest/). */
  digest?: DigestContent;
  /** Set when the alert waited in the outbox longer than `outbox.lateAfter`. */
  late?: boolean;
  /** Base64 PNG of the watched page or region (fetch: browser with browser.screenshot); channels that take files attach it. */
  screenshot?: string;
}

/** The `expectation` object of an overdue alert (design §11, contract). */
export interface ExpectationRef {
  id: string;
  name: string;
  /** ISO 8601 with the expectation's offset, e.g. 2026-12-15T00:00:00+08:00. */
  windowEnd: string;
  /** The period as resolved, e.g. 2026-11; null when the expectation names no metric and the window has no period. */
  period: string | null;
  /** Set on the second alert, when the publication finally came. */
  late?: boolean;
  /** From the window's end to detection, e.g. "3d 4h". */
  lateBy?: string;
}

/** A digest: one channel's alerts of one period, grouped by category. */
export interface DigestContent {
  every: 'daily' | 'weekly';
  from: string;
  to: string;
  groups: Array<{ category: string; alerts: Array<{ id: string; title: string; url: string; figures: string[] }> }>;
  overdue: string[];
  health: string;
}
