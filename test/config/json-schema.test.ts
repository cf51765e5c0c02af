import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/config/json-schema.js';
import { plugins } from '../../src/plugins.js';
import { SHIPPED_CONFIG_DIR } from '../../src/config/paths.js';

describe('the JSON Schemas shipped for editors', () => {
  it('match the schemas the config is validated with (run `npm run schema` after changing one)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas(plugins))) {
      const shipped = JSON.parse(readFileSync(join(SHIPPED_CONFIG_DIR, 'schema', name), 'utf8')) as unknown;
      expect(shipped, `config/schema/${name} is stale: run npm run schema`).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it('are referenced from every shipped YAML file so editors complete and check it', () => {
    const files = [
      ['notify.yaml', 'notify.schema.json'],
      ['expectations.yaml', 'expectations.schema.json'],
      ...readdirSync(join(SHIPPED_CONFIG_DIR, 'watches')).map((f) => [`watches/${f}`, 'watches.schema.json']),
      ...readdirSync(join(SHIPPED_CONFIG_DIR, 'rules')).map((f) => [`rules/${f}`, 'rules.schema.json']),
    ];
    for (const [file, schema] of files) {
      const first = readFileSync(join(SHIPPED_CONFIG_DIR, file!), 'utf8').split('\n')[0];
      expect(first, file).toMatch(
        new RegExp(`^# yaml-language-server: \\$schema=\\.\\.?/(?:\\.\\./)?schema/${schema!.replace('.', '\\.')}$`),
      );
    }
  });
});
