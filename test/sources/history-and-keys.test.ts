import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAttachment, UnreadableAttachment } from '../../src/attachments/read-attachment.js';
import { runCommand } from '../../src/commands/index.js';
import type { CommandContext } from '../../src/commands/types.js';
import { writeXls } from '../../src/demo/sites/xls-writer.js';
import { loadHistory, readHistory } from '../../src/figures/history.js';
import { eventKeyOf, ownDocumentNumber } from '../../src/pipeline/event-key.js';
import { rewriteUrl } from '../../src/pipeline/url-rewrite.js';
import { Store } from '../../src/store/store.js';
import { runCli } from '../helpers/run-cli.js';

const tempStore = () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'regwatch-history-')), 'state.sqlite')}`;

describe('figures history (config/history)', () => {
  it('`regwatch figures mining_quota` answers from day one; an official text reposted elsewhere says so, press is press', async () => {
    const r = await runCli(['figures', 'mining_quota'], { REGWATCH_STORE: tempStore() });
    expect(r.code).toBe(0);
    // The history's official notices are linked to reposts, not the ministry's own site: never plain "official".
    expect(r.stdout).toMatch(/2021\s+168,000 t\s+official text, reposted by news\.chinatungsten\.com · 2021-09-30/);
    expect(r.stdout).toMatch(/2024\s+batch 1\s+135,000 t\s+official text, reposted by sh-re\.com · 2024-02-06/);
    expect(r.stdout).toMatch(/2022\s+batch 1\s+100,800 t\s+press · 2022-01-28/);
    expect(r.stdout).not.toMatch(/\sofficial ·/);
    expect(r.stdout).toMatch(/2024\s+batch 2\s+135,000 t\s+press/);
    expect(r.stdout).toMatch(/2014\s+105,000 t\s+press/);
  });

  it('/regwatch quota 2021 and 2023 answer from the history', async () => {
    const store = await Store.open(tempStore());
    try {
      expect(await loadHistory(store)).toBeGreaterThan(100);
      const ctx: CommandContext = {
        store,
        watches: () => [],
        destinations: () => Promise.resolve([]),
        refreshDestinations: () => Promise.resolve(),
        now: () => new Date('2026-11-25T00:00:00Z'),
      };
      const ask = async (year: string) => {
        const a = await runCommand(
          { name: 'quota', args: [year], platform: 'slack', channelId: 'C1', userId: 'U1', isAdmin: false },
          ctx,
        );
        return [a.title, ...a.sections.flatMap((s) => [s.heading ?? '', ...s.lines])].join('\n');
      };
      const y2021 = await ask('2021');
      expect(y2021).toContain('168,000 t');
      expect(y2021).toContain('162,000 t');
      const y2023 = await ask('2023');
      expect(y2023).toContain('255,000 t');
      expect(y2023).toContain('243,850 t');
    } finally {
      await store.close();
    }
  });

  it("an edited history file of the user's config is loaded again, an unchanged one counted from the store", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regwatch-history-cfg-'));
    mkdirSync(join(dir, 'history'));
    const row = (value: number) =>
      `figures:\n  - { metric: mining_quota, period: 2031, value: ${value}, status: press }\n`;
    writeFileSync(join(dir, 'history', 'own.yaml'), row(1000));
    const store = await Store.open(tempStore());
    const quota2031 = async () =>
      ((await store.get<Array<{ metric: string; period: string; value: number }>>('figures:list')) ?? [])
        .filter((f) => f.metric === 'mining_quota' && f.period === '2031')
        .map((f) => f.value);
    try {
      const count = await loadHistory(store, dir);
      expect(await quota2031()).toEqual([1000]);
      expect(await loadHistory(store, dir)).toBe(count);
      writeFileSync(join(dir, 'history', 'own.yaml'), row(2000));
      expect(await loadHistory(store, dir)).toBe(count);
      expect(await quota2031()).toContain(2000);
    } finally {
      await store.close();
    }
  });

  it('loading twice stores nothing new; a row with both changes is two figures', async () => {
    const store = await Store.open(tempStore());
    try {
      await loadHistory(store);
      const before = ((await store.get<unknown[]>('figures:list')) ?? []).length;
      await loadHistory(store);
      expect(((await store.get<unknown[]>('figures:list')) ?? []).length).toBe(before);
      const may = readHistory().filter((f) => f.metric === 'rare_earth_exports' && f.period === '2024-05');
      expect(may.map((f) => [f.change_basis, f.change_pct]).sort()).toEqual([
        ['mom', 36.2],
        ['yoy', 35.9],
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('event keys', () => {
  it('a document’s own number, not the one it suspends or cites', () => {
    expect(
      ownDocumentNumber(
        '工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知',
        '工信部联原〔2024〕25号\n各省…',
      ),
    ).toBe('工信部联原〔2024〕25号');
    expect(ownDocumentNumber('商务部公告2025年第70号 关于暂停实施商务部公告2025年第61号的公告', '')).toBe(
      '商务部公告2025年第70号',
    );
    expect(
      ownDocumentNumber('关于暂停实施商务部公告2025年第61号的公告', '经研究，商务部公告2025年第61号自即日起暂停实施。'),
    ).toBeNull();
    expect(ownDocumentNumber('某通知', '工信部联原﹝2022﹞90号')).toBe('工信部联原〔2022〕90号');
    expect(
      ownDocumentNumber('关于做好稀土行业管理工作的通知', '根据工信部联原〔2024〕25号要求，现将有关事项通知如下。'),
    ).toBeNull();
  });

  it('titles: site suffixes and punctuation do not matter; generic titles give no key', () => {
    expect(eventKeyOf('China raises 2024 rare earths mining quota by 12.5% y/y - Reuters', '')).toBe(
      eventKeyOf('China raises 2024 rare earths mining quota by 12.5% y/y', ''),
    );
    expect(eventKeyOf('稀土管理条例_国务院文件_中国政府网', '')).toBe(null);
    expect(eventKeyOf('3月', '')).toBeNull();
  });
});

describe('attachments', () => {
  it('reads a legacy .xls table and its 稀土 row; a damaged PDF is a clear error', async () => {
    const xls = writeXls('Sheet1', [
      ['（14）2025年1-2月进口主要商品量值表（人民币值）'],
      ['商品名称', '计量单位', '1-2月', null, '比去年同期±%', null],
      [null, null, '数量', '金额', '数量', '金额'],
      ['稀土永磁', '吨', 10, 100, 1, 1],
      ['稀土', '吨', 16922.2, 123456, -24.1, -10],
    ]);
    const read = await readAttachment(xls);
    expect(read.format).toBe('xls');
    expect(read.text).toContain('稀土\t吨\t16922.2');
    expect(read.figures).toEqual([
      expect.objectContaining({
        metric: 'rare_earth_imports',
        value: 16922.2,
        period: '2025-01/2025-02',
        change_pct: -24.1,
        change_basis: 'yoy',
      }),
    ]);
    await expect(readAttachment(Buffer.from('%PDF-1.7\n…'))).rejects.toThrow(UnreadableAttachment);
  });
});

describe('REGWATCH_REWRITE', () => {
  it('sends a host’s requests to another origin, keeping path and query', () => {
    const spec = 'www.miit.gov.cn=http://127.0.0.1:4001 news.google.com=http://127.0.0.1:4002/';
    expect(rewriteUrl('https://www.miit.gov.cn/zwgk/a.html?x=1', spec)).toBe('http://127.0.0.1:4001/zwgk/a.html?x=1');
    expect(rewriteUrl('https://www.mofcom.gov.cn/a.html', spec)).toBe('https://www.mofcom.gov.cn/a.html');
    expect(() => rewriteUrl('https://x/', 'nonsense')).toThrow(/HOST=http/);
  });
});
