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

describe('a span from January before the tonnage and a relative month after it', () => {
  it('dates the tonnage by the span; "last month" dates the report', () => {
    expect(
      figs(
        'Magnet exports',
        'Magnet exports reached 6,020 tons in September. The customs office had published aggregate January-August shipments of 41,380 tons last month.',
        '2025-10-20',
      ),
    ).toEqual(['magnet_exports|6020|2025-09|-|-|-', 'magnet_exports|41380|2025-01/2025-08|-|-|-']);
  });

  it('still reads "last month" alone as the month before', () => {
    expect(figs('Magnet exports', 'China shipped 6,020 tons of magnets abroad last month.', '2025-10-20')).toEqual([
      'magnet_exports|6020|2025-09|-|-|-',
    ]);
  });
});

describe('a year in a subordinate clause', () => {
  it('does not give its year to the month of the tonnage', () => {
    expect(
      figs(
        'Magnet exports',
        'Shipments of magnets to US customers amounted to 512 tonnes in February, 12% less than a year before, when buyers were stocking up ahead of the October 2025 controls.',
        '2026-03-20',
      ),
    ).toEqual(['magnet_exports_to_us|512|2026-02|-|yoy|-12']);
  });

  it('still takes the year a main clause names', () => {
    expect(
      figs(
        'Magnet exports',
        'Shipments of magnets to US customers amounted to 512 tonnes in February 2025.',
        '2026-03-20',
      ),
    ).toEqual(['magnet_exports_to_us|512|2025-02|-|-|-']);
  });
});
