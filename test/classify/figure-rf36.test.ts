import { describe, expect, it } from 'vitest';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** The ninth figures round: the mechanisms behind the figure misses of the blind parts BH6–BH8. */

describe('a destination paragraph after a month and its total from January', () => {
  it('is on the month the paragraph before led with, not on the total added after it', () => {
    const text =
      'Magnet exports climbed 8% from a year earlier to 4,900 tons in May. In the first five months, shipments totalled 21,300 tons.\n\nShipments to Japan slipped to 300 tons.';
    expect(figs('Magnets', text, '2025-06-20')).toContain('magnet_exports_to_japan|300|2025-05|-|-|-');
  });
  it('stays on the total within its own paragraph', () => {
    const text =
      'Magnet exports climbed 8% from a year earlier to 4,900 tons in May. In the first five months, shipments totalled 21,300 tons, of which shipments to Japan were 1,500 tons.';
    expect(figs('Magnets', text, '2025-06-20')).toContain('magnet_exports_to_japan|1500|2025-01/2025-05|-|-|-');
  });
});

describe('a sentence with no figure recalling an earlier month', () => {
  it('does not move the text off the month it leads with', () => {
    const text =
      'Magnet exports rose to 4,900 tons in May.\n\nBeijing said in February that it would tighten checks on exports.\n\nExports to the United States fell to 520 tons.';
    expect(figs('Magnets', text, '2025-06-20')).toContain('magnet_exports_to_us|520|2025-05|-|-|-');
  });
});
