/**
 * The magnet series written as 稀土 / "rare earths": a rewrite of a wire story (Taiwanese and Hong Kong press above all)
 * may call GAC's permanent-magnet figures "rare-earth exports". Its words cannot tell, its numbers can: the figures
 * history (`config/history/trade.yaml`) knows both series for many months. A national "rare-earth" figure that is the
 * magnet series' value for its period, or whose month-on-month change is the one from the magnet series' month
 * before, while it is not the rare-earth series' value, says the text's 稀土 is magnets; then every rare-earth export
 * figure of the text (its destinations too) is the magnet series, as corpus-real labels such copy (zh-022).
 * Nothing moves without such evidence, or when any figure of the text is the rare-earth series' own value.
 */
import { readHistory } from '../../figures/history.js';
import { monthBack } from './bases.js';
import type { Stated } from './stated.js';

type Series = Map<string, number>;
let shipped: { rare: Series; magnet: Series } | undefined;

/** The history's national rare-earth and magnet export values by period, read once. */
function history(): { rare: Series; magnet: Series } {
  if (shipped) return shipped;
  const rare: Series = new Map();
  const magnet: Series = new Map();
  for (const f of readHistory()) {
    if (!f.period) continue;
    const into = f.metric === 'rare_earth_exports' ? rare : f.metric === 'magnet_exports' ? magnet : undefined;
    if (into && !into.has(f.period)) into.set(f.period, f.value);
  }
  shipped = { rare, magnet };
  return shipped;
}

/** Within half a percent, as the corpus matches figures: the text gives the rare-earth series' value. */
const same = (a: number, b: number) => Math.abs(a - b) <= 0.005 * Math.max(a, b);
/** The same to the tonne or so: evidence of the other series, which a round number near it is not (40,000 t). */
const exactly = (a: number, b: number) => Math.abs(a - b) <= Math.max(1, 0.0005 * Math.max(a, b));
/** Whether `value` is `change` percent (as written, to a tenth) from `from`. */
const changedBy = (value: number, from: number, change: number) => Math.abs((value / from - 1) * 100 - change) <= 0.1;

const isRareEarthExport = (f: Stated) =>
  f.metric.kind === 'trade' && f.metric.product === 'rare_earth' && f.metric.flow === 'export';

/** Which series a national rare-earth export figure is by its numbers: 'magnet', 'rare_earth', or undefined. */
function seriesOf(f: Stated, h: { rare: Series; magnet: Series }): 'magnet' | 'rare_earth' | undefined {
  if (!f.period) return undefined;
  const rare = h.rare.get(f.period);
  if (rare !== undefined && same(rare, f.value)) return 'rare_earth';
  const magnet = h.magnet.get(f.period);
  if (magnet !== undefined && exactly(magnet, f.value)) return 'magnet';
  // (Its change from the month before, when the history has that month of both series and only the magnets' fits.)
  if (f.change_basis === 'mom' && f.change_pct !== null) {
    const before = monthBack(f.period, 1);
    const m = before ? h.magnet.get(before) : undefined;
    const r = before ? h.rare.get(before) : undefined;
    if (
      m !== undefined &&
      r !== undefined &&
      changedBy(f.value, m, f.change_pct) &&
      !changedBy(f.value, r, f.change_pct)
    )
      return 'magnet';
  }
  return undefined;
}

/** The figures with the text's rare-earth exports read as the magnet series when its numbers say so. */
export function magnetSeriesNamedRareEarths(figures: Stated[]): Stated[] {
  const national = figures.filter((f) => isRareEarthExport(f) && !(f.metric.kind === 'trade' && f.metric.destination));
  if (national.length === 0) return figures;
  const h = history();
  let magnet = false;
  for (const f of national) {
    const s = seriesOf(f, h);
    if (s === 'rare_earth') return figures;
    if (s === 'magnet') magnet = true;
  }
  if (!magnet) return figures;
  return figures.map((f) =>
    isRareEarthExport(f) && f.metric.kind === 'trade' ? { ...f, metric: { ...f.metric, product: 'magnet' } } : f,
  );
}
