import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/classify/entities.js';
import { halfWidth, normalizeText } from '../../src/classify/normalize.js';
import { ELEMENTS, expandTerms } from '../../src/classify/vocabulary/terms.js';

describe('normalising text before it is read', () => {
  it('turns Hong Kong and Taiwan characters into simplified ones, and leaves simplified text as it was', () => {
    expect(normalizeText('磁鐵出口達三萬噸，條例於下月實施')).toBe('磁铁出口达三万吨,条例于下月实施');
    // Taiwan and Hong Kong variant forms of the same characters.
    expect(normalizeText('裡面與裏面')).toBe('里面与里面');
    // 著 is also a simplified character: a simplified text keeps it.
    expect(normalizeText('产量显著增长')).toBe('产量显著增长');
  });

  it('reads full-width digits and letters as ASCII', () => {
    expect(normalizeText('出口１２３４５吨，ＨＳ编码２８０５')).toBe('出口12345吨,HS编码2805');
    // At either end, next to each other, the ideographic space, and the last and first of the range (～, ！).
    expect(halfWidth('Ｘ稀土　出口！！～')).toBe('X稀土 出口!!~');
    // Text with none of them is the same string.
    const plain = 'exports rose 5% in May';
    expect(halfWidth(plain)).toBe(plain);
  });

  it('drops thin and no-break spaces between digit groups and keeps other spaces as one space', () => {
    expect(normalizeText('270\u2009000 tonnes')).toBe('270000 tonnes');
    expect(normalizeText('1\u202f250\u202f000 t')).toBe('1250000 t');
    expect(normalizeText('12\u00a0500 t in\u00a0June')).toBe('12500 t in June');
    expect(normalizeText('rare\u2009earths')).toBe('rare earths');
    // A year and a count are not one number.
    expect(normalizeText('in 2024\u00a012 months')).toBe('in 2024 12 months');
  });
});

describe('the vocabulary', () => {
  const elementsIn = (text: string) => extractEntities(normalizeText(text)).elements;

  it('knows all 17 rare-earth elements in English, simplified and traditional Chinese', () => {
    expect(ELEMENTS).toHaveLength(17);
    const english = ELEMENTS.map((e) => e.en).join(', ');
    expect(elementsIn(english)).toEqual(ELEMENTS.map((e) => e.symbol));
    expect(elementsIn(ELEMENTS.map((e) => e.zh).join('、'))).toEqual(ELEMENTS.map((e) => e.symbol));
    expect(elementsIn(ELEMENTS.map((e) => e.zhTraditional).join('、'))).toEqual(ELEMENTS.map((e) => e.symbol));
  });

  it('matches element names as words: terbium is not erbium, ytterbium is not terbium', () => {
    expect(elementsIn('The list adds terbium.')).toEqual(['Tb']);
    expect(elementsIn('Ytterbium oxide output rose.')).toEqual(['Yb']);
    expect(elementsIn('dysprosium (Dy) and holmium')).toEqual(['Dy', 'Ho']);
  });

  it('names an element by its symbol only in brackets or in an oxide formula, and lists them in table order', () => {
    expect(elementsIn('Magnets use Yb2O3, (lu) and （Tb）.')).toEqual(['Tb', 'Yb', 'Lu']);
    expect(elementsIn('Ho2O3 and HoO3 powders')).toEqual(['Ho']);
    // A symbol inside a word or a bracket, or a bare symbol, is not an element.
    expect(elementsIn('(xY) (Dyes) Tb or Er alone, (YbX)')).toEqual([]);
  });

  it('expands {name} placeholders in rule patterns and names an unknown one', () => {
    const magnet = new RegExp(expandTerms('{magnet}'), 'i');
    for (const w of ['稀土磁鐵', '永磁体', 'NdFeB', 'permanent magnets'])
      expect(magnet.test(normalizeText(w)), w).toBe(true);
    const rareEarth = new RegExp(expandTerms('{rare_earth}'), 'i');
    for (const w of ['the group of 17 minerals', '17种元素', 'graphite', 'holmium'])
      expect(rareEarth.test(w), w).toBe(w !== 'graphite');
    expect(() => expandTerms('{magnets}')).toThrow(/unknown vocabulary word \{magnets\}: use one of .*\{magnet\}/);
  });
});
