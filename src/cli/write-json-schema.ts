/**
 * `npm run schema`: regenerate the JSON Schemas shipped in config/schema/ (a test fails when they are stale). A script
 * entry point beside the CLI's, so it — not the config modules — hands the plug-in registries over.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../config/json-schema.js';
import { SHIPPED_CONFIG_DIR } from '../config/paths.js';
import { plugins } from '../plugins.js';

const dir = join(SHIPPED_CONFIG_DIR, 'schema');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas(plugins))) {
  writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote config/schema/${name}\n`);
}
