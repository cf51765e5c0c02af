import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/classify/read-document.js';
import { labelledDocument } from '../../src/classify/evaluate.js';

describe('reading a document file', () => {
  it('takes the first line as the title and the rest as the body', () => {
    expect(readDocument('China issues first quota batch\n\nThe ministry said …\n')).toMatchObject({
      title: 'China issues first quota batch',
      text: 'The ministry said …',
    });
  });

  it('reads an empty first line as no title: the body starts after it (a stored copy without its headline)', () => {
    const doc = readDocument('\nWorkers load ore at a port. Photo: archive\n\nBEIJING, May 20 - China exported …\n');
    expect(doc.title).toBe('');
    expect(doc.text.startsWith('Workers load ore at a port.')).toBe(true);
  });

  it('reads a file as `npm run eval` reads the real corpus, so `regwatch classify FILE` scores what the eval scores', () => {
    for (const raw of [
      '\n中国江西一处稀土矿场，工人正进行挖掘作业。资料照片\n\n中国海关总署今日公布数据显示，去年12月出口稀土4100吨。\n',
      'Title line\n\nBody line.\n',
    ]) {
      const evaluated = labelledDocument(raw, { date: '2026-01-20' });
      expect(readDocument(raw, '2026-01-20')).toEqual(evaluated);
    }
  });
});
