import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { needsBuild, ROOT } from '../../bin/build.js';

// The table is written by the build next to the compiled module; from the sources every text misses it.
describe.skipIf(needsBuild())('the shipped YAML table of dist/', () => {
  it('gives every shipped config file the value the YAML parser gives it, and misses an edited text', async () => {
    const { shippedYamlValue } = (await import(
      pathToFileURL(join(ROOT, 'dist', 'src', 'config', 'shipped-yaml.js')).href
    )) as { shippedYamlValue: (text: string) => unknown };
    const rules = join(ROOT, 'config', 'rules');
    const files = readdirSync(rules).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const text = readFileSync(join(rules, name), 'utf8');
      expect(shippedYamlValue(text), name).toStrictEqual(parseDocument(text).toJS());
      expect(shippedYamlValue(`${text}\n# edited\n`), name).toBeUndefined();
    }
  });
});
