import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireChromium } from '../helpers/requirements.js';
import { ROOT, runCli, runCliUntil } from '../helpers/run-cli.js';

/** An alert block as printed, with what differs between runs (address, detection time, id) made neutral. */
function neutral(block: string): string {
  return block
    .replace(/https?:\/\/[^/\s]+\//g, 'URL/')
    .replace(/detected \S+/, 'detected TIME')
    .replace(/ id [0-9a-f]{32}/, ' id ID')
    .trim();
}

/** The README's sample alert, and the first alert block in `stdout`. */
function readmeSample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## What an alert looks like'));
  return /```\n([\s\S]*?)```/.exec(section)![1]!;
}
function firstAlert(stdout: string): string {
  const start = stdout.indexOf('── [');
  return stdout.slice(start, stdout.indexOf('\n\n', start));
}

/** The story a newcomer sees, checked in what `regwatch demo` prints. */
function expectStory(stdout: string): void {
  const blocks = stdout.split('\n').filter((l) => l.startsWith('── ['));
  // Four alerts (the repost of MOFCOM's announcement is merged into the first one), then the overdue GAC figure.
  expect(blocks).toEqual([
    expect.stringContaining('MIIT 文件发布 — 通知 (miit)'),
    expect.stringContaining('MOFCOM 政策发布 (mofcom)'),
    expect.stringContaining('GAC 统计数据 — 出口主要商品量值表 (customs)'),
    expect.stringContaining('中国新闻网 — 财经 (news)'),
    '── [HIGH] GAC 统计数据 — 出口主要商品量值表 (customs) ────────',
  ]);
  expect(stdout).toContain('Overdue: GAC monthly rare-earth exports (2026-11)');
  expect(stdout).toContain('expected: gac-rare-earth-exports for 2026-11 · window ended 2026-12-15T00:00:00+08:00');
  expect(stdout).toContain('工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知');
  expect(stdout).toContain('• mining quota 2024 batch 1: 135,000 t');
  expect(stdout).toContain('categories: control_list_addition');
  expect(stdout).toMatch(
    /↳ also seen: MOFCOM 安全与管制局 http:\/\/127\.0\.0\.1:\d+\/zhxx\/art\/2025\/art_[0-9a-f]{32}\.html/,
  );
  expect(stdout).toContain('• rare-earth exports 2026-10: 4,821.6 t, +8.6% y/y');
  // The closing figures: official figures first; the customs table outranks the press report of the same month.
  const figures = stdout.slice(stdout.indexOf('regwatch figures (what this run read)'));
  expect(figures).toMatch(/mining quota 2024 batch 1\s+135,000 t\s+official \(miit\)/);
  expect(figures).toMatch(/rare-earth exports 2026-10\s+4,821\.6 t \+8\.6% y\/y\s+official \(customs\)/);
}

describe('regwatch demo', () => {
  it('says up front how long it takes and that REGWATCH_DEMO_FAST=1 skips the pauses', async () => {
    // With its real pauses: read the opening, then leave (the rest would take a minute).
    const opening = await runCliUntil(['demo'], /REGWATCH_DEMO_FAST/, { REGWATCH_DEMO_BROWSER: '0' });
    const firstLines = opening.split('\n').filter(Boolean).slice(0, 2).join('\n');
    expect(firstLines).toMatch(/This takes about \d+ seconds: 5 steps with a 9 s pause before each/);
    expect(firstLines).toContain('REGWATCH_DEMO_FAST=1 skips the pauses');
  }, 60_000);

  it('tells the story over plain HTTP (no browser): quota batch, control list, GAC table, news report, merged repost, figures', async () => {
    const r = await runCli(['demo'], { REGWATCH_DEMO_FAST: '1', REGWATCH_DEMO_BROWSER: '0' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No Chromium here');
    expectStory(r.stdout);
    // The README shows this alert as the console prints it today.
    expect(neutral(readmeSample())).toBe(neutral(firstAlert(r.stdout)));
  }, 60_000);

  it.skipIf(!requireChromium())(
    'passes the GAC 412 challenge in a real browser when Chromium is there',
    async () => {
      const r = await runCli(['demo'], { REGWATCH_DEMO_FAST: '1' });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Chromium found');
      expectStory(r.stdout);
    },
    120_000,
  );
});
