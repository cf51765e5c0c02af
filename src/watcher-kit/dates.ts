const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * The first date in a piece of text as YYYY-MM-DD: 2025-10-09, [2025-10-09], 2025年04月04日, 2026/04/20 11:39,
 * 13/10/2025 (D/M/Y), Jun 18 2025, 7. Nov 2025, 18 June 2025, or a millisecond epoch. Null when there is none.
 */
export function parseDate(text: string | number | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  if (typeof text === 'number' || /^\d{12,13}$/.test(String(text).trim())) {
    const d = new Date(Number(text));
    return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
  }
  const s = String(text).replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  let m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS[m[1]!.slice(0, 3).toLowerCase()])
    return iso(Number(m[3]), MONTHS[m[1]!.slice(0, 3).toLowerCase()]!, Number(m[2]));
  m = /\b(\d{1,2})\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS[m[2]!.slice(0, 3).toLowerCase()])
    return iso(Number(m[3]), MONTHS[m[2]!.slice(0, 3).toLowerCase()]!, Number(m[1]));
  const d = Date.parse(s);
  if (!Number.isNaN(d) && /\d{4}/.test(s)) return new Date(d).toISOString().slice(0, 10);
  return null;
}
