import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { needsBuild, ROOT } from '../../bin/build.js';

// The table is written by the build beside the bundle (src/config/shipped-yaml.ts reads it there); from the sources
// every text misses it. That a run finds it is shown by test/build/loaded-modules.test.ts (no YAML parser loaded).
describe.skipIf(needsBuild())('the shipped YAML table of dist/', () => {
  it('gives every shipped rules file the value the YAML parser gives it, and has no entry for an edited text', () => {
    const table = JSON.parse(readFileSync(join(ROOT, 'dist', 'src', 'shipped-yaml.json'), 'utf8')) as Record<
      string,
      string
    >;
    const key = (text: string) => createHash('sha256').update(text).digest('hex');
    const rules = join(ROOT, 'config', 'rules');
    const files = readdirSync(rules).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const text = readFileSync(join(rules, name), 'utf8');
      expect(JSON.parse(table[key(text)] ?? 'null'), name).toStrictEqual(parseDocument(text).toJS());
      expect(table[key(`${text}\n# edited\n`)], name).toBeUndefined();
    }
  });
});
