import type { DigestContent } from '../types.js';
import { categoryLabel } from './labels.js';

/**
 * A digest as plain lines, shared by every channel's renderer (console prints them; Slack and Discord escape and
 * wrap them): categories with their alerts and key figures, what became overdue, watch health.
 */
export function digestLines(d: DigestContent): string[] {
  const lines: string[] = [];
  for (const g of d.groups) {
    lines.push(`${categoryLabel(g.category)} (${g.alerts.length})`);
    for (const a of g.alerts) {
      lines.push(`  • ${a.title}`);
      for (const f of a.figures) lines.push(`      ${f}`);
    }
  }
  if (d.groups.length === 0) lines.push('No alerts in this period.');
  if (d.overdue.length) {
    lines.push(`became overdue (${d.overdue.length})`);
    for (const o of d.overdue) lines.push(`  • ${o}`);
  }
  lines.push(`watch health: ${d.health}`);
  return lines;
}
