/** The figure metrics regwatch reads (design §5), in the order tables list them. */
export const KNOWN_METRICS = [
  'mining_quota',
  'smelting_quota',
  'mining_quota_ytd',
  'smelting_quota_ytd',
  'mining_quota_light',
  'mining_quota_ion_adsorption',
  'smelting_quota_light',
  'smelting_quota_ion_adsorption',
  'rare_earth_exports',
  'rare_earth_exports_to_us',
  'magnet_exports',
  'magnet_exports_to_us',
  'rare_earth_imports',
] as const;

/** Known metrics plus any other the store holds (a rule may add its own). */
export function metricsKnown(stored: Iterable<string>): string[] {
  const extra = [...new Set(stored)].filter((m) => !(KNOWN_METRICS as readonly string[]).includes(m)).sort();
  return [...KNOWN_METRICS, ...extra];
}
