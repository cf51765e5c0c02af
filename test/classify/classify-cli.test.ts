import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli, tempConfig } from '../helpers/run-cli.js';

const NOTICE =
  '工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知\n\n2024年第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨。\n2024年2月6日\n';
const NEWS =
  'China magnet exports rebound\n\nCustoms data showed exports of rare earth magnets rose to 3,188 tonnes in June, down 38.1% year-on-year.\n';

describe('regwatch classify', () => {
  it('--json prints the §6 shape for standard input, with the date read from the notice’s signature line', async () => {
    const r = await runCli(['classify', '--json'], {}, NOTICE);
    expect(r.code).toBe(0);
    const [doc] = jsonLines<{
      categories: Array<{ category: string; score: number; evidence: string[] }>;
      figures: unknown[];
    }>(r.stdout);
    expect(Object.keys(doc!)).toEqual(['categories', 'figures']);
    expect(doc!.categories[0]).toMatchObject({ category: 'quota_batch' });
    expect(doc!.categories[0]!.evidence.length).toBeGreaterThan(0);
    expect(doc!.figures).toContainEqual(
      expect.objectContaining({ metric: 'mining_quota', value: 135000, unit: 't', period: '2024', batch: 1 }),
    );
  });

  it('names each file when several are given, and fails with a clear message on one it cannot read', async () => {
    const cfg = tempConfig({ 'a.txt': NOTICE, 'b.txt': NEWS });
    const r = await runCli([
      'classify',
      '--json',
      '--date',
      '2025-07-20',
      join(cfg.dir, 'a.txt'),
      join(cfg.dir, 'b.txt'),
      join(cfg.dir, 'missing.txt'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot read ${join(cfg.dir, 'missing.txt')}: ENOENT`);
    const lines = jsonLines<{
      file: string;
      categories: Array<{ category: string }>;
      figures: Array<{ metric: string; period: string }>;
    }>(r.stdout);
    expect(lines.map((l) => l.file)).toEqual([join(cfg.dir, 'a.txt'), join(cfg.dir, 'b.txt')]);
    expect(lines[1]!.categories.map((c) => c.category)).toEqual(['export_statistics']);
    expect(lines[1]!.figures).toContainEqual(
      expect.objectContaining({ metric: 'magnet_exports', period: '2025-06', change_pct: -38.1, change_basis: 'yoy' }),
    );
  });

  it('prints a readable block without --json', async () => {
    const r = await runCli(['classify'], {}, NOTICE);
    expect(r.stdout).toContain('quota_batch');
    expect(r.stdout).toContain('135,000 t');
  });

  it('uses the config directory’s own rules, and refuses broken ones with file:line:col', async () => {
    const cfg = tempConfig({
      'rules/desk.yaml':
        'rules:\n  - id: desk.escalation\n    category: enforcement\n    weight: 5\n    phrases: [desk escalation]\n',
    });
    const ok = await runCli(
      ['classify', '--json', '--config', cfg.dir],
      {},
      'Desk memo\n\nA desk escalation was filed.\n',
    );
    expect(
      jsonLines<{ categories: Array<{ category: string }> }>(ok.stdout)[0]!.categories.map((c) => c.category),
    ).toEqual(['enforcement']);
    writeFileSync(
      join(cfg.dir, 'rules', 'desk.yaml'),
      'rules:\n  - id: desk.escalation\n    category: control_additions\n    weight: 5\n    phrases: ["("]\n    patterns: ["("]\n',
    );
    const bad = await runCli(['classify', '--config', cfg.dir], {}, 'x\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/desk\.yaml:3:15: .*unknown category "control_additions"/);
    expect(bad.stderr).toMatch(/desk\.yaml:6:\d+: .*bad regular expression/);
  });
});
