import type { Figure } from '../types.js';

const METRIC_LABELS: Record<string, string> = {
  mining_quota: 'mining quota',
  smelting_quota: 'smelting/separation quota',
  mining_quota_ytd: 'mining quota, year to date',
  smelting_quota_ytd: 'smelting quota, year to date',
  mining_quota_light: 'mining quota, rock (light)',
  mining_quota_ion_adsorption: 'mining quota, ion-adsorption',
  rare_earth_exports: 'rare-earth exports',
  magnet_exports: 'magnet exports',
  rare_earth_exports_to_us: 'rare-earth exports to the US',
  magnet_exports_to_us: 'magnet exports to the US',
  rare_earth_imports: 'rare-earth imports',
};

export function metricLabel(metric: string): string {
  return METRIC_LABELS[metric] ?? metric.replace(/_/g, ' ');
}

/** 135000 → "135,000"; 5864.6 → "5,864.6". */
export function formatTonnes(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** 135000 → "135,000 t". */
export const tonnes = (value: number): string => `${formatTonnes(value)} t`;

/** +157.5% m/m, −38.1% y/y (with a real minus sign). */
export function formatChange(pct: number | null, basis: Figure['change_basis']): string {
  if (pct === null || basis === null) return '';
  const sign = pct > 0 ? '+' : pct < 0 ? '−' : '±';
  return `${sign}${Math.abs(pct).toLocaleString('en-US', { maximumFractionDigits: 1 })}% ${basis === 'yoy' ? 'y/y' : 'm/m'}`;
}

/** "mining quota 2024 batch 1: 135,000 t" / "magnet exports 2025-06: 3,188 t, +157.5% m/m". */
export function formatFigure(f: Figure): string {
  const where = [f.period ?? 'period not stated', f.batch ? `batch ${f.batch}` : ''].filter(Boolean).join(' ');
  const change = formatChange(f.change_pct, f.change_basis);
  return `${metricLabel(f.metric)} ${where}: ${tonnes(f.value)}${change ? `, ${change}` : ''}`;
}
