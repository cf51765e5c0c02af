import { describe, expect, it } from 'vitest';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** The lead's steps after the eighth round: general mechanisms behind misses of the blind parts BH6–BH8. */

describe('a later mention past a subordinate word dates that clause, not the tonnage', () => {
  it('keeps the month of the sentence before for a tonnage whose sentence names none of its own', () => {
    const lines = figs(
      'Magnet exports rise in March',
      'China exported 5,100 tons of rare earth magnets in March, customs data showed. Shipments to the United States fell to 420 tons, down 8% from February, as buyers drew on stockpiles built during last year’s truce.',
      '2026-04-20',
    );
    expect(lines).toContain('magnet_exports_to_us|420|2026-03|-|mom|-8');
    expect(lines.some((l) => l.startsWith('magnet_exports_to_us|420|2025|'))).toBe(false);
  });
  it('still takes a later mention with no subordinate word between ("… 420 tons in March")', () => {
    expect(
      figs(
        'Shipments',
        'Shipments of rare earth magnets to the United States came to 420 tons in March 2026.',
        '2026-04-20',
      ),
    ).toContain('magnet_exports_to_us|420|2026-03|-|-|-');
  });
});
