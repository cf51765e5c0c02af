import { describe, expect, it } from 'vitest';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** The eleventh figures round: classes of text the blind parts BH9–BH16 showed the reader missing. */

describe('hard-wrapped wire copy', () => {
  it('keeps a tonnage whose unit is wrapped onto the next line', () => {
    expect(
      figs(
        'Rare earth exports',
        'China exported 3,905 tonnes of rare earths in\nAugust, the customs office said. Across the opening eight months,\nforeign sales amounted to 31,442\ntonnes.',
        '2023-09-08',
      ),
    ).toEqual(['rare_earth_exports|3905|2023-08|-|-|-', 'rare_earth_exports|31442|2023-01/2023-08|-|-|-']);
  });

  it('keeps a change after a name wrapped after "of" with the tonnage it compares', () => {
    expect(
      figs(
        'Rare earth exports',
        'Outbound rare earth cargoes rose 9% in August from July.\nThe nation sold 3,905 tonnes abroad last month, data from the General Administration of\nCustoms showed, against 3,580 tonnes in July.\nThat was 4.4% below August of last year, the data showed.',
        '2023-09-08',
      ),
    ).toEqual([
      'rare_earth_exports|3905|2023-08|-|mom|9',
      'rare_earth_exports|3580|2023-07|-|-|-',
      'rare_earth_exports|3905|2023-08|-|yoy|-4.4',
    ]);
  });

  it('still ends a headline line without a stop', () => {
    expect(
      figs(
        '',
        'Rare earth exports rise in August\nChina exported 3,905 tonnes of rare earths last month.',
        '2023-09-08',
      ),
    ).toEqual(['rare_earth_exports|3905|2023-08|-|-|-']);
  });
});
