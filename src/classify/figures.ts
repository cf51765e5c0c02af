export { extractFigures } from './figures/extract.js';
