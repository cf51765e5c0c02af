import type { Alert, SourceKind } from '../types.js';

const SOURCE_NAMES: Record<SourceKind, string> = {
  miit: 'MIIT',
  mofcom: 'MOFCOM',
  customs: 'GAC (customs)',
  news: 'news',
  other: 'other',
};

/** A watch source as people name it: MIIT, MOFCOM, GAC (customs). */
export const sourceName = (source: SourceKind): string => SOURCE_NAMES[source];

/** Human label of a category (an AlertCategory, or a digest group's): quota_batch → "quota batch". */
export const categoryLabel = (category: string): string => category.replace(/_/g, ' ');

/** The date an alert's document carries (published, else detected). */
export const alertDate = (alert: Pick<Alert, 'publishedAt' | 'detectedAt'>): string =>
  (alert.publishedAt ?? alert.detectedAt).slice(0, 10);
