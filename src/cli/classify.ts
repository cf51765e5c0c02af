import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../config/config-issue.js';
import { SHIPPED_CONFIG_DIR } from '../config/paths.js';
import { classify, loadRules, type RuleSet } from '../classify/index.js';
import { readDocument } from '../classify/read-document.js';
import { formatChange, metricLabel, tonnes } from '../render/format-figure.js';
import type { Classification } from '../types.js';

export interface ClassifyOptions {
  json?: boolean;
  date?: string;
  entities?: boolean;
  config: string;
}

async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFileSync(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function human(file: string | undefined, title: string, c: Classification, showEntities: boolean): string {
  const out: string[] = [];
  out.push(`${file ? `${file}: ` : ''}${title || '(no title)'}`);
  if (c.categories.length === 0) out.push('  categories: none');
  for (const m of c.categories)
    out.push(
      `  ${m.category.padEnd(22)} score ${String(m.score).padEnd(6)} ← ${m.evidence.map((e) => `“${e}”`).join(', ')}`,
    );
  if (c.figures.length === 0) out.push('  figures: none');
  for (const f of c.figures) {
    const batch = f.batch ? ` batch ${f.batch}` : '';
    out.push(
      `  ${metricLabel(f.metric)} ${f.period ?? '(no period)'}${batch}: ${tonnes(f.value)} ${formatChange(f.change_pct, f.change_basis)}`.trimEnd(),
    );
  }
  if (showEntities) {
    const e = c.entities;
    if (e.elements.length) out.push(`  elements: ${e.elements.join(', ')}`);
    if (e.documentNumbers.length) out.push(`  documents: ${e.documentNumbers.join('; ')}`);
    if (e.hsCodes.length) out.push(`  HS codes: ${e.hsCodes.join(', ')}`);
    if (e.effectiveDates.length) out.push(`  effective: ${e.effectiveDates.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * `regwatch classify [FILE…|-] [--json]`: categories with evidence and figures for each document (design §6). The
 * rules are the shipped ones plus the config directory's own `rules/`.
 */
export async function classifyCommand(files: string[], opts: ClassifyOptions): Promise<number> {
  const dirs = [join(SHIPPED_CONFIG_DIR, 'rules'), join(opts.config, 'rules')].filter(
    (d, i, all) => all.indexOf(d) === i,
  );
  const loaded = loadRules(dirs, process.env);
  if (!loaded.rules) {
    for (const issue of loaded.issues) process.stderr.write(`${formatIssue(issue)}\n`);
    return 2;
  }
  const rules: RuleSet = loaded.rules;
  const inputs = files.length ? files : ['-'];
  let failed = 0;
  for (const file of inputs) {
    let raw: string;
    try {
      raw = await readInput(file);
    } catch (error) {
      process.stderr.write(
        `classify: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
      );
      failed++;
      continue;
    }
    const doc = readDocument(raw, opts.date);
    const result = classify(doc, rules);
    const name = inputs.length > 1 ? file : undefined;
    if (opts.json) {
      const line = {
        ...(name ? { file: name } : {}),
        categories: result.categories,
        figures: result.figures,
        ...(opts.entities ? { entities: result.entities } : {}),
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    } else {
      process.stdout.write(human(name, doc.title, result, true));
    }
  }
  return failed > 0 ? 1 : 0;
}
