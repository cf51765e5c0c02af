#!/usr/bin/env -S node --single-threaded-gc
// Runs the compiled CLI in dist/ (built by `prepare` on `npm ci`, or here on the first run). `npm start` and
// `npm run regwatch` rebuild first when a source file is newer than the last build (bin/build.js --if-stale).
//
// `--single-threaded-gc`: V8 collects garbage on the main thread only, without its parallel and concurrent helper
// threads. On a small box a pass's GC helpers compete with the site, the SQLite threads and the main thread for the
// same cores; alone, the main thread does the same collections for less CPU in all (a 1,000-page `once` about 0.3 s
// less, docs/operations.md). GC threads can only be chosen when Node starts (set later, V8 aborts), hence the
// shebang: `regwatch` (npm's link to this file) and `./bin/regwatch.js` start with it; `node bin/regwatch.js` runs
// the same code without it, and the npm scripts pass it themselves.
import { createRequire } from 'node:module';

// Node's own modules through require(): importing a built-in builds an ES-module facade that reads every export (for
// node:process that creates process.stdin, for node:fs its stream classes), work each start would do for nothing.
const require = createRequire(import.meta.url);
const process = require('node:process');
const { existsSync } = require('node:fs');
const module = require('node:module');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = join(import.meta.dirname, '..');
if (!existsSync(join(ROOT, 'dist', '.built'))) {
  const { build } = await import('./build.js');
  process.stderr.write('regwatch: compiling the sources into dist/ …\n');
  if (!(await build())) process.exit(1);
}
// Node ≥ 22.1 keeps V8's compiled code of the modules on disk (NODE_COMPILE_CACHE, else the system temp dir), so a run
// after the first skips compiling them; Node 20 has no such cache and starts as before.
module.enableCompileCache?.();
await import(pathToFileURL(join(ROOT, 'dist', 'src', 'cli.js')).href);
