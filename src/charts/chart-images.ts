import type { Logger } from 'pino';
import { allFigures, type StoredFigure } from '../figures/figures-store.js';
import type { Store } from '../store/store.js';
import type { Alert } from '../types.js';
import { exportsChartData, pointCount, quotaChartData, type ChartData } from './chart-data.js';
import { chartOption } from './chart-option.js';
import { renderPng } from './render-chart.js';

/** A PNG ready to attach to a chat message. */
export interface ChartImage {
  filename: string;
  /** Alt text / title: what the chart shows. */
  title: string;
  png: Buffer;
}

const SIZE = { width: 900, height: 460 };
const SMALL = { width: 640, height: 320 };

async function image(
  data: ChartData,
  filename: string,
  size = SIZE,
  logger?: Pick<Logger, 'warn'>,
): Promise<ChartImage | null> {
  if (pointCount(data) === 0) return null;
  return {
    filename,
    title: data.title,
    png: await renderPng(chartOption(data, 'png'), size.width, size.height, logger),
  };
}

/** Quotas of the last `years` years (mining vs smelting/separation, stacked by batch). */
export function quotaImage(
  figures: StoredFigure[],
  years = 10,
  logger?: Pick<Logger, 'warn'>,
): Promise<ChartImage | null> {
  return image(quotaChartData(figures, { lastYears: years }), 'regwatch-quota.png', SIZE, logger);
}

/** Monthly exports of `metric` over the last `months` months, destinations as their own series. */
export function exportsImage(
  figures: StoredFigure[],
  metric: string,
  months = 24,
  endMonth?: string,
  logger?: Pick<Logger, 'warn'>,
): Promise<ChartImage | null> {
  const data = exportsChartData(figures, metric, { months, ...(endMonth ? { endMonth } : {}) });
  return image(data, `regwatch-${metric.replace(/_/g, '-')}.png`, SIZE, logger);
}

/**
 * The small chart an alert may carry: the last 13 months of the first monthly figure's metric, up to that month —
 * or null when the alert has no monthly figure.
 */
export async function alertChartImage(
  store: Store,
  alert: Alert,
  logger?: Pick<Logger, 'warn'>,
): Promise<ChartImage | null> {
  const monthly = alert.figures.find((f) => f.period && /^\d{4}-\d{2}$/.test(f.period) && !/_to_/.test(f.metric));
  if (!monthly?.period) return null;
  const figures = await allFigures(store);
  const data = exportsChartData(figures, monthly.metric, { months: 13, endMonth: monthly.period });
  return image(data, `regwatch-${monthly.metric.replace(/_/g, '-')}-${monthly.period}.png`, SMALL, logger);
}
