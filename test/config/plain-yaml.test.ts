import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readPlainYaml } from '../../src/config/plain-yaml.js';

/** What the full parser makes of a text: its value, or undefined when it reports an error or warning. */
function fullParse(text: string): { ok: boolean; value: unknown } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  return { ok: doc.errors.length === 0 && doc.warnings.length === 0, value: doc.toJS() };
}

/** The fast reader either declines a text or reads exactly what the full parser reads, for a text it accepts. */
function expectAgrees(text: string): boolean {
  const plain = readPlainYaml(text);
  if (plain === undefined) return false;
  const full = fullParse(text);
  expect(full.ok, `the fast reader accepted a text the full parser rejects:\n${text}`).toBe(true);
  expect(plain, text).toStrictEqual(full.value);
  return true;
}

const yamlFilesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));

describe('the fast reader of plain YAML', () => {
  it('reads a config of many page watches exactly as the yaml package does', () => {
    const watches = Array.from(
      { length: 50 },
      (_, i) =>
        `  - id: p${i}\n    kind: page\n    url: http://127.0.0.1:8080/p/${i}?a=1#top\n    select: ul.list > li\n    every: 10m\n`,
    ).join('');
    const text = `# watches\nwatches:\n${watches}`;
    expect(expectAgrees(text)).toBe(true);
    expect((readPlainYaml(text) as { watches: unknown[] }).watches).toHaveLength(50);
  });

  it('reads nesting, defaults, lists under keys at the same indent, quotes, comments, numbers, booleans, nulls', () => {
    const accepted = [
      'defaults:\n  every: 30m\n  enabled: true\nwatches:\n- id: a\n  kind: list\n  ignore:\n  - .ad\n  - "#clock"\n',
      "a: 'it''s'\nb: \"plain\"\nc: 0012\nd: ~\ne:\nf: False\ng: NULL\nh: yes\ni: 12:30\n",
      'top:\n  inner:\n    deeper: x # comment\n    list:\n      - one\n      -\n        k: v\n      - k2: v2\n        k3: 3\n',
      '- a\n- b: 1\n  c: 2\n-   d: 4\n    e: 5\n',
      'url: http://x/y#frag\nsel: "div#main .list"\n',
      '\ufeffkey: value\n',
      'title: 稀土 开采 总量控制指标\n',
    ];
    for (const text of accepted) expect(expectAgrees(text), text).toBe(true);
  });

  it('declines what it cannot read exactly, leaving it to the full parser', () => {
    const declined = [
      'a: [1, 2]\n',
      'a: {b: 1}\n',
      'a: |\n  text\n',
      'a: >-\n  folded\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: "esc\\n"\n',
      'a: 1.5\n',
      'a: 1e3\n',
      'a: 0x1F\n',
      'a: -1\n',
      'a: .inf\n',
      'a: multi\n  line\n',
      'a: 1\na: 2\n',
      'a:\tb\n',
      'a: 1\r\n',
      '---\na: 1\n',
      'a: 1\n---\nb: 2\n',
      '"quoted key": 1\n',
      'true: 1\n',
      '__proto__: 1\n',
      'a: b: c\n',
      "a: 'x # y'\n",
      'just a scalar\n',
      '',
      '  indented: 1\n',
      'a:\n    b: 1\n  c: 2\n',
      '- - nested\n',
      'a: 99999999999999999999\n',
      'a: ? b\n',
      'a: "x" y\n',
      'a: "quoted" # a comment after a quote\n',
      'a: .5\n',
    ];
    for (const text of declined) {
      expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('agrees with the full parser on every YAML file of the shipped config and the tests', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files = [...yamlFilesUnder(join(root, 'config')), ...yamlFilesUnder(join(root, 'test'))];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expectAgrees(readFileSync(file, 'utf8'));
  });
});
