/**
 * `npx tsx bench/classify-outputs.ts [OUT]`: every document the classifier is measured on (the shared real corpus with
 * each document's published date, the project's own corpus, the bench's 5 KB documents), classified, one JSON line
 * each, `{"doc": …, "result": …}`. Speed work must leave this file byte for byte the same: record it before, diff after.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify, loadRules } from '../src/classify/index.js';
import { hasCorpus, labelledDocument, readLabels } from '../src/classify/evaluate.js';
import { SHIPPED_CONFIG_DIR } from '../src/config/paths.js';
import type { DocumentInput } from '../src/types.js';
import { benchDocuments } from './classify.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const CORPORA = [join(REPO, '..', 'shared', 'corpus-real'), join(REPO, 'test', 'fixtures', 'corpus')];

/** A corpus folder's documents, read as the evaluation reads them; documents without a label are read undated. */
function corpusDocuments(dir: string): Array<[string, DocumentInput]> {
  const labels = new Map(readLabels(dir).map((l) => [l.file, l]));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return files.map((file) => {
    const doc = labelledDocument(readFileSync(join(dir, file), 'utf8'), labels.get(file));
    return [`${basename(dir)}/${file}`, doc];
  });
}

const loaded = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]);
if (!loaded.rules) throw new Error('the shipped rules do not load');
const rules = loaded.rules;
const docs = [
  ...CORPORA.filter(hasCorpus).flatMap(corpusDocuments),
  ...benchDocuments('all').map((d, i): [string, DocumentInput] => [`bench-${i}`, d]),
];
const lines = docs.map(([name, doc]) => JSON.stringify({ doc: name, result: classify(doc, rules) }));
const out = process.argv[2] ?? '/dev/stdout';
writeFileSync(out, `${lines.join('\n')}\n`);
process.stderr.write(`${docs.length} documents classified → ${out}\n`);
