/**
 * Classifier throughput: 5 KB documents per second on one core, with the shipped rules compiled once.
 *
 * It measures the classifier as the build ships it: bundled by esbuild the way `bin/build.js` bundles dist/, not as
 * tsx runs the sources (tsx keeps function names, which costs a call per closure made and read the classifier up to
 * 40 % slower than what runs in production). `BENCH_SOURCES=1` measures the sources under tsx instead.
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readDocument } from '../src/classify/read-document.js';
import type { DocumentInput } from '../src/types.js';
import { cpuMs, fmt, line } from './util.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
type ClassifierModule = typeof import('../src/classify/index.js');

/** The classifier bundled as the build bundles it (same esbuild target and format, no kept names). */
async function builtClassifier(): Promise<ClassifierModule> {
  if (process.env.BENCH_SOURCES === '1') return import('../src/classify/index.js');
  const esbuild = createRequire(join(ROOT, 'package.json'))('esbuild') as typeof import('esbuild');
  const dir = join(ROOT, 'bench', 'work');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'classifier-build.mjs');
  await esbuild.build({
    stdin: { contents: "export * from './src/classify/index.ts';", resolveDir: ROOT, loader: 'ts' },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    logLevel: 'error',
  });
  return (await import(pathToFileURL(outfile).href)) as ClassifierModule;
}

/**
 * The bench's fixed document set (bench/classify-documents.txt): the corpus files it names, so that a stop's figure
 * compares code with code, not one corpus mix with a later, heavier one. `all` takes every document of the corpus.
 */
function corpusTexts(which: 'fixed' | 'all'): string[] {
  let files: string[];
  try {
    files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
  } catch {
    return [];
  }
  if (which === 'fixed') {
    const listed = new Set(
      readFileSync(join(ROOT, 'bench', 'classify-documents.txt'), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('#')),
    );
    files = files.filter((f) => listed.has(f));
  }
  return files.map((f) => readFileSync(join(CORPUS, f), 'utf8'));
}

/** Documents of about 5 KB: corpus documents repeated (or a built-in sample when there is no corpus). */
export function benchDocuments(which: 'fixed' | 'all' = 'fixed'): DocumentInput[] {
  let raw = corpusTexts(which);
  if (raw.length === 0) {
    raw = [
      '2024年稀土出口数据\n\n海关总署数据显示，2024年6月中国出口稀土5,158吨，同比增长12.5%，环比下降3.1%。1-6月累计出口29095.2吨。',
    ];
  }
  return raw.map((r) => {
    const doc = readDocument(r);
    let text = doc.text;
    while (Buffer.byteLength(text) < 5000) text += `\n${doc.text}`;
    const bytesPerChar = Buffer.byteLength(text) / text.length;
    return { ...doc, text: text.slice(0, Math.floor(5000 / bytesPerChar)) };
  });
}

export async function runClassifyBench(): Promise<{ docsPerSecond: number }> {
  const { classify, loadRules } = await builtClassifier();
  const loaded = loadRules([join(ROOT, 'config', 'rules')]);
  if (!loaded.rules) throw new Error('the shipped rules do not load');
  const rules = loaded.rules;
  const sets = [
    { name: 'the fixed set (bench/classify-documents.txt)', docs: benchDocuments('fixed') },
    { name: 'the whole corpus today', docs: benchDocuments('all') },
  ];
  // Warm up the JIT on every distinct document once (a running daemon has long since seen every kind of text).
  for (const { docs } of sets)
    for (let i = 0; i < Math.max(200, docs.length); i++) classify(docs[i % docs.length]!, rules);
  process.stdout.write(
    `classifier (${process.env.BENCH_SOURCES === '1' ? 'sources under tsx' : 'bundled as built'}, ${loaded.rules.rules.length} rules, one thread)\n`,
  );
  let first = 0;
  for (const { name, docs } of sets) {
    const avgBytes = docs.reduce((n, d) => n + Buffer.byteLength(d.title) + Buffer.byteLength(d.text), 0) / docs.length;
    const n = 5000;
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) classify(docs[i % docs.length]!, rules);
    const wall = performance.now() - t0;
    const docsPerSecond = n / (wall / 1000);
    first ||= docsPerSecond;
    const cpuPerDoc = cpuMs(cpu) / n;
    process.stdout.write(`  ${name}: ${docs.length} distinct documents of ~${fmt(avgBytes / 1024)} KB\n`);
    line('documents classified per second', fmt(docsPerSecond, 0), '≥ 1,000/s');
    line('CPU per document', `${fmt(cpuPerDoc, 3)} ms`);
    // On a shared host the wall clock also counts the time other processes held the core; CPU time counts V8's
    // garbage-collection threads too. Pinned to one core (taskset -c 1) the two agree.
    line('documents per CPU second (all threads)', fmt(1000 / cpuPerDoc, 0));
  }
  return { docsPerSecond: first };
}

if (import.meta.url === `file://${process.argv[1]}`) await runClassifyBench();
