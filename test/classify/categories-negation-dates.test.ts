/**
 * Two cue spans that read past what they should not, or stopped where they should not (the thirteenth round's misses
 * BH20-021 and BH21-008, by class): a listing word after a negation, and a full stop inside a date or a number.
 */
import { describe, expect, it } from 'vitest';
import { categoryNames as categories } from '../helpers/category-names.js';

describe('a listing verb after a negation lists nothing', () => {
  it('a headline saying rare earths are "not yet listed" beside another mineral’s controls adds nothing', () => {
    const body = '商務部週三公告，即日起對銻、鎵相關物項實施出口管制，出口商須申請許可。分析師認為北京保留了籌碼。';
    expect(categories('銻鎵管制再升級 稀土暫未入列', body, '2027-02-05')).toEqual([]);
    expect(categories('锑镓管制升级，稀土尚未入列', body, '2027-02-05')).toEqual([]);
  });
  it('near-miss: rare-earth equipment listed for the first time is an addition', () => {
    const body = '商务部昨日发布公告，稀土设备与相关技术首次入列出口管制清单，自公布之日起施行。';
    expect(categories('商务部：稀土设备与技术首次入列管制清单', body, '2027-02-05')).toContain('control_list_addition');
  });
});

describe('a full stop inside a date or a number does not end a suspension’s reach', () => {
  it('"suspend until Nov. 10, 2027 the … controls" suspends the controls', () => {
    const body =
      'BEIJING, Nov 6 - China’s commerce ministry said on Thursday it would suspend until Nov. 10, 2027 the export ' +
      'controls on rare earth technologies it announced in October, a week after the two presidents met.';
    expect(categories('', body, '2026-11-06')).toContain('control_relaxation');
  });
  it('near-miss: a full stop that ends the sentence still ends it', () => {
    const body =
      'BEIJING, Nov 6 - China’s commerce ministry said it would suspend its review of a merger. ' +
      'Separately, traders said rare earth export controls announced in October were still being applied.';
    expect(categories('', body, '2026-11-06')).not.toContain('control_relaxation');
  });
});
