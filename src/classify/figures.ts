import { CUE_EXPRESSIONS } from './figure-cues.js';
import { PERIOD_EXPRESSIONS } from './periods.js';

export { extractFigures } from './figures/extract.js';

/** The expressions the figure reader runs over whole documents, for the classifier's index of required words. */
export const FIGURE_EXPRESSIONS: readonly RegExp[] = [...CUE_EXPRESSIONS, ...PERIOD_EXPRESSIONS];
