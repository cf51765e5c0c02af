#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `prepare` on `npm ci`, or here on the first run). `npm start` and
// `npm run regwatch` rebuild first when a source file is newer than the last build (bin/build.js --if-stale).
import { existsSync } from 'node:fs';
import process from 'node:process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(ROOT, 'dist', '.built'))) {
  const { build } = await import('./build.js');
  process.stderr.write('regwatch: compiling the sources into dist/ …\n');
  if (!build()) process.exit(1);
}
await import(pathToFileURL(join(ROOT, 'dist', 'src', 'cli.js')).href);
