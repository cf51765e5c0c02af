/**
 * Lines written all in capitals, as wire services print the bullets of a "BRIEF-" item ("* CHINA JULY RARE EARTH
 * MAGNET EXPORTS AT 5,577 T, UP ABOUT 75% FROM JUNE"): read with their words in title case (months, countries and
 * cue words as the readers know them) and their units in lower case. The length of the text does not change, so the
 * offsets of sentences and cues stay as they are.
 */

// A cheap test first: three words of capitals in a row. Most texts have none and are returned as they are.
const CAPITAL_RUN = /\b[A-Z]{2,}[ ,.'’-]+[A-Z]{2,}[ ,.'’-]+[A-Z]{3,}\b/;
// A line with no lower-case letter and at least a dozen capitals.
const CAPITALS_LINE = /^[^a-z\n]*$/;
const MANY_CAPITALS = /(?:[A-Z][^A-Z\n]*){12}/;
const WORD = /\b[A-Z][A-Z'’]+\b/g;
// Units and number words the quantity reader reads in lower case only.
const LOWER_WORDS = /^(?:TONNES?|TONS?|METRIC|THOUSAND|MILLION|MLN|KILOTONNES?|KILOTONS?|KG|KILOGRAMS?|KT|T)$/;
// Two letters stay as they are: US, EU, UK, Y/Y's letters.
const titleCase = (w: string) =>
  LOWER_WORDS.test(w) ? w.toLowerCase() : w.length < 3 ? w : w[0] + w.slice(1).toLowerCase();

/** `text` with each line written in capitals recased (see above); `text` itself when it has none. */
export function recaseCapitalLines(text: string): string {
  if (!CAPITAL_RUN.test(text)) return text;
  let changed = false;
  const lines = text.split('\n').map((line) => {
    if (!CAPITALS_LINE.test(line) || !MANY_CAPITALS.test(line)) return line;
    changed = true;
    return line.replace(WORD, titleCase);
  });
  return changed ? lines.join('\n') : text;
}
