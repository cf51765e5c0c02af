/** Classifier throughput: 5 KB documents per second on one core, with the shipped rules compiled once. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify, loadRules } from '../src/classify/index.js';
import { readDocument } from '../src/classify/read-document.js';
import { SHIPPED_CONFIG_DIR } from '../src/config/paths.js';
import type { DocumentInput } from '../src/types.js';
import { cpuMs, fmt, line } from './util.js';

const CORPUS = fileURLToPath(new URL('../test/fixtures/corpus/', import.meta.url));

/** Documents of about 5 KB: corpus documents repeated (or a built-in sample when there is no corpus). */
export function benchDocuments(): DocumentInput[] {
  let raw: string[];
  try {
    raw = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(CORPUS, f), 'utf8'));
  } catch {
    raw = [];
  }
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

export function runClassifyBench(): Promise<{ docsPerSecond: number }> {
  const loaded = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]);
  if (!loaded.rules) throw new Error('the shipped rules do not load');
  const rules = loaded.rules;
  const docs = benchDocuments();
  const avgBytes = docs.reduce((n, d) => n + Buffer.byteLength(d.title) + Buffer.byteLength(d.text), 0) / docs.length;
  // Warm up the JIT on every distinct document once (a running daemon has long since seen every kind of text).
  for (let i = 0; i < Math.max(200, docs.length); i++) classify(docs[i % docs.length]!, rules);
  const n = 5000;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) classify(docs[i % docs.length]!, rules);
  const wall = performance.now() - t0;
  const docsPerSecond = n / (wall / 1000);
  process.stdout.write(
    `classifier (${loaded.rules.rules.length} rules, ${docs.length} distinct documents of ~${fmt(avgBytes / 1024)} KB, one thread)\n`,
  );
  line('documents classified per second', fmt(docsPerSecond, 0), '≥ 1,000/s');
  line('CPU per document', `${fmt(cpuMs(cpu) / n, 3)} ms`);
  return Promise.resolve({ docsPerSecond });
}

if (import.meta.url === `file://${process.argv[1]}`) await runClassifyBench();
