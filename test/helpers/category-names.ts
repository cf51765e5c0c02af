/** The categories the shipped rules give one document, sorted by name. */
import { classify } from '../../src/classify/index.js';
import { shippedRules } from './figure-lines.js';

export const categoryNames = (title: string, text: string, date: string): string[] =>
  classify({ title, text, date }, shippedRules)
    .categories.map((c) => c.category)
    .sort();
