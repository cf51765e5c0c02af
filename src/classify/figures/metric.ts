/**
 * What a figure measures, as a structured value: the snake_case name of design §5 is rendered from it once, at the
 * end, and never parsed back.
 */

/** `export`: the export quota MOFCOM set until 2014 (`export_quota`), not a production quota. */
export type QuotaKind = 'mining' | 'smelting' | 'export';
import type { CueType } from '../figure-cues.js';

/** `rare_earth_processed_products`: the wider customs series of processed rare-earth products, not the headline one. */
export type Product = 'rare_earth' | 'magnet' | 'rare_earth_processed_products';

/** The product a product cue names. */
export const productOf = (type: CueType): Product | undefined =>
  type === 'processed'
    ? 'rare_earth_processed_products'
    : type === 'magnet' || type === 'rare_earth'
      ? type
      : undefined;
export type Flow = 'export' | 'import';

export type Metric =
  | {
      kind: 'quota';
      quota: QuotaKind;
      /** The 岩矿型 (light) / 离子型 (ion-adsorption) split of the quota. */
      split?: 'light' | 'ion_adsorption';
      /** A sum of the batches so far (前两批合计), when more may follow. */
      ytd?: boolean;
    }
  | {
      kind: 'trade';
      product: Product;
      flow: Flow;
      /** The country a flow goes to (snake_case, e.g. `us`, `japan`, `south_korea`); none for the national total. */
      destination?: string;
    };

/** The design §5 name: `mining_quota_light`, `smelting_quota_ytd`, `magnet_exports_to_japan`, `rare_earth_imports`. */
export function metricName(m: Metric): string {
  if (m.kind === 'quota') return `${m.quota}_quota${m.split ? `_${m.split}` : ''}${m.ytd ? '_ytd' : ''}`;
  return `${m.product}_${m.flow}s${m.destination ? `_to_${m.destination}` : ''}`;
}

export const isQuota = (m: Metric): m is Extract<Metric, { kind: 'quota' }> => m.kind === 'quota';

export const sameMetric = (a: Metric, b: Metric): boolean => metricName(a) === metricName(b);
