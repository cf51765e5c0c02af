import type { StoredFigure } from './figures-store.js';
import { provenance } from './provenance.js';

/** The CSV header of `regwatch figures --csv` and the dashboard's download (design §12, contract). */
export const CSV_HEADER = 'metric,period,batch,value,unit,change_pct,change_basis,source,url,published';

/** RFC 4180 quoting: only fields with a comma, quote or line break are quoted. Null is an empty field. */
function field(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 without BOM, LF line ends, one line per figure (a value with y/y and m/m is two lines). */
export function figuresCsv(figures: StoredFigure[]): string {
  const lines = figures.map((f) =>
    [
      f.metric,
      f.period,
      f.batch,
      f.value,
      f.unit,
      f.change_pct,
      f.change_basis,
      provenance(f).source,
      f.url || null,
      f.date || null,
    ]
      .map(field)
      .join(','),
  );
  return `${[CSV_HEADER, ...lines].join('\n')}\n`;
}
