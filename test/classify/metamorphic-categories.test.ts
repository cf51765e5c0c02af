/**
 * Metamorphic tests for categories: one document written for this test, changed in a way whose effect on the answer is
 * known (an element for another, a country for another, simplified for traditional characters, Arabic for Chinese
 * digits), must give the correspondingly changed answer.
 */
import { join } from 'node:path';
import * as openccModule from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { classify, loadRules } from '../../src/classify/index.js';
import { ELEMENTS } from '../../src/classify/vocabulary/terms.js';
import { SHIPPED_CONFIG_DIR } from '../../src/config/paths.js';

const rules = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]).rules!;
const run = (title: string, text: string, date: string) => classify({ title, text, date }, rules);
const categories = (title: string, text: string, date: string) =>
  run(title, text, date)
    .categories.map((c) => c.category)
    .sort();

const opencc = openccModule as unknown as {
  Converter(o: { from: string; to: string }): (s: string) => string;
};
const toHongKong = opencc.Converter({ from: 'cn', to: 'hk' });
const toTaiwan = opencc.Converter({ from: 'cn', to: 'tw' });

/** Every Arabic numeral written with Chinese digits: 2025 → 二〇二五, 12 → 十二 (before 月/日), 3000 → 三〇〇〇. */
const CN = '〇一二三四五六七八九';
function chineseDigits(s: string): string {
  return s
    .replace(/(\d{1,2})(?=[月日])/g, (n) => {
      const v = Number(n);
      return v < 10 ? CN[v]! : `${v >= 20 ? CN[Math.floor(v / 10)] : ''}十${v % 10 ? CN[v % 10] : ''}`;
    })
    .replace(/\d/g, (d) => CN[Number(d)]!);
}

// Documents written for these tests (a notice, a wire story, a customs story with a recalled control, a suspension).
const ZH_CONTROL = {
  title: '商务部 海关总署公告 关于对钬相关物项实施出口管制的决定',
  text: '根据有关法律规定，商务部和海关总署决定对钬及其氧化物、合金等相关物项实施出口管制。本公告自2025年12月1日起正式实施。',
  date: '2025-10-20',
};
const EN_STATS = {
  title: 'Magnet shipments to the United States fall 12% in May',
  text:
    'Customs data published on Tuesday showed that exports of rare earth magnets to the United States were 410 tonnes ' +
    'in May, down 12% from April. Total magnet exports rose 3% to 5,100 tonnes.',
  date: '2025-06-20',
};
const ZH_STATS_WITH_HISTORY = {
  title: '6月稀土磁体出口回升',
  text: '海关总署数据显示，6月稀土磁体出口量为3000吨，环比增长20%。商务部曾于2025年4月4日对7种中重稀土实施出口管制。',
  date: '2025-07-20',
};
const ZH_SUSPENSION = {
  title: '商务部宣布暂停实施部分稀土出口管制措施',
  text: '商务部今日发布公告，决定暂停实施2025年第61号公告中的管制措施，暂停期至2026年11月10日。',
  date: '2025-11-07',
};

describe('categories under changes whose effect is known', () => {
  it('another rare-earth element for holmium gives the same answer, with that element named', () => {
    expect(categories(ZH_CONTROL.title, ZH_CONTROL.text, ZH_CONTROL.date)).toEqual(['control_list_addition']);
    for (const e of ELEMENTS) {
      const swap = (s: string) => s.replaceAll('钬', e.zh);
      const result = run(swap(ZH_CONTROL.title), swap(ZH_CONTROL.text), ZH_CONTROL.date);
      expect(
        result.categories.map((c) => c.category),
        e.en,
      ).toEqual(['control_list_addition']);
      expect(result.entities.elements, e.en).toEqual([e.symbol]);
    }
  });

  it('a metal that is not a rare earth in place of holmium is not a rare-earth control', () => {
    for (const metal of ['镓', '锑', '钨', '石墨']) {
      const swap = (s: string) => s.replaceAll('钬', metal);
      expect(categories(swap(ZH_CONTROL.title), swap(ZH_CONTROL.text), ZH_CONTROL.date), metal).toEqual([]);
    }
  });

  it('another destination country leaves a statistics story a statistics story', () => {
    expect(categories(EN_STATS.title, EN_STATS.text, EN_STATS.date)).toEqual(['export_statistics']);
    for (const country of ['Japan', 'Germany', 'South Korea', 'India']) {
      const swap = (s: string) => s.replaceAll('the United States', country);
      expect(categories(swap(EN_STATS.title), swap(EN_STATS.text), EN_STATS.date), country).toEqual([
        'export_statistics',
      ]);
    }
  });

  it('traditional characters (Hong Kong and Taiwan forms) give the same answer as simplified ones', () => {
    for (const doc of [ZH_CONTROL, ZH_STATS_WITH_HISTORY, ZH_SUSPENSION]) {
      const expected = categories(doc.title, doc.text, doc.date);
      expect(expected.length).toBeGreaterThan(0);
      for (const convert of [toHongKong, toTaiwan]) {
        expect(convert(doc.text)).not.toBe(doc.text);
        expect(categories(convert(doc.title), convert(doc.text), doc.date)).toEqual(expected);
      }
    }
  });

  it('Chinese digits give the same answer as Arabic ones, dates of recalled steps included', () => {
    const doc = ZH_STATS_WITH_HISTORY;
    // The April control is recalled in a July story: statistics only.
    expect(categories(doc.title, doc.text, doc.date)).toEqual(['export_statistics']);
    expect(chineseDigits(doc.text)).toContain('二〇二五年四月四日');
    expect(categories(chineseDigits(doc.title), chineseDigits(doc.text), doc.date)).toEqual(['export_statistics']);
    for (const d of [ZH_CONTROL, ZH_SUSPENSION])
      expect(categories(chineseDigits(d.title), chineseDigits(d.text), d.date)).toEqual(
        categories(d.title, d.text, d.date),
      );
  });

  it('a dated step is news in a story of that week and background months later, in either digits', () => {
    const text = '商务部于2025年4月4日发布公告，对7种中重稀土相关物项实施出口管制。';
    for (const t of [text, chineseDigits(text)]) {
      expect(categories('', t, '2025-04-06'), t).toEqual(['control_list_addition']);
      expect(categories('', t, '2025-07-20'), t).toEqual([]);
    }
  });

  it('a suspension stays a relaxation, never a new control, in either script', () => {
    expect(categories(ZH_SUSPENSION.title, ZH_SUSPENSION.text, ZH_SUSPENSION.date)).toEqual(['control_relaxation']);
  });
});
