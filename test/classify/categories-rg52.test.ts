/**
 * Categories of the ninth round (the blind parts BH6–BH8's remaining misses, test/fixtures/corpus/README.md): each
 * block is one general step, with sentences written for the test — the step's hit and its near-miss.
 */
import { describe, expect, it } from 'vitest';
import { categoryNames as categories } from '../helpers/category-names.js';

describe('a licence requirement named as a curb is a new control', () => {
  const body =
    'The commerce ministry announced both steps in a notice on Monday. Exporters of holmium and erbium oxides will ' +
    'need a permit for every shipment. Separately, the ministry put nine foreign drone makers on its unreliable ' +
    'entity list.';
  it('"slaps licence curbs on two rare earths" in a headline beside a blacklisting', () => {
    expect(
      categories('Beijing slaps licence curbs on two rare earths, blacklists drone makers', body, '2026-03-02'),
    ).toContain('control_list_addition');
  });
  it('licence curbs lifted are no new control', () => {
    expect(
      categories(
        'Beijing lifts licence curbs on two rare earths, blacklists drone makers',
        body.replace('will need a permit for every shipment', 'no longer need a permit'),
        '2026-03-02',
      ),
    ).toEqual(['control_relaxation', 'enforcement']);
  });
});
