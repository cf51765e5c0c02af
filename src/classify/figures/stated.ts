/** A figure as the reader keeps it until the end: the design §5 figure with its metric still structured. */
import type { Figure } from '../../types.js';
import { metricName, type Metric } from './metric.js';

export type Stated = Omit<Figure, 'metric'> & { metric: Metric };

export const toFigure = (s: Stated): Figure => ({ ...s, metric: metricName(s.metric) });

/** The same figure apart from its change: metric, value, period and batch. */
export const sameFigure = (a: Stated, b: Stated): boolean =>
  metricName(a.metric) === metricName(b.metric) && a.value === b.value && a.period === b.period && a.batch === b.batch;
