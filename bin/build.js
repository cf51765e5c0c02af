// Compiles the TypeScript sources into dist/: `npm run build`, `prepare` on `npm ci`, bin/regwatch.js when dist/ is
// missing, and the npm scripts that run the CLI when a source file is newer than the last build (`--if-stale`).
// Plain JavaScript: it must run before anything is compiled.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import process from 'node:process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = join(ROOT, 'dist', '.built');
const SOURCE_DIRS = ['src', 'watchers', 'notifiers'];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/ must be (re)built: missing, or, in a checkout with sources, older than the newest source file. */
export function needsBuild() {
  if (!existsSync(STAMP)) return true;
  if (!existsSync(join(ROOT, 'src', 'cli.ts'))) return false;
  const built = statSync(STAMP).mtimeMs;
  return SOURCE_DIRS.some((d) => existsSync(join(ROOT, d)) && newestMtime(join(ROOT, d)) > built);
}

/**
 * Remove compiled files whose source is gone (a module moved or deleted): an incremental build never does, and they
 * would otherwise stay loadable and ship with the package.
 */
export function pruneOrphans(dir, sourceDir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) pruneOrphans(path, join(sourceDir, entry.name));
    else if (/\.js(\.map)?$/.test(entry.name)) {
      const source = join(sourceDir, entry.name.replace(/\.js(\.map)?$/, '.ts'));
      if (!existsSync(source)) rmSync(path);
    }
  }
}

/** Run tsc with tsconfig.build.json; false (with the reason on stderr) when TypeScript is not installed or fails. */
export function build() {
  let tsc;
  try {
    tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    process.stderr.write(
      'regwatch: dist/ is not built and TypeScript is not installed: run `npm ci` (with dev dependencies), then `npm run build`\n',
    );
    return false;
  }
  const run = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) return false;
  for (const d of SOURCE_DIRS) pruneOrphans(join(ROOT, 'dist', d), join(ROOT, d));
  writeShippedYaml();
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return true;
}

/**
 * The shipped config's YAML files as parsed values keyed by the SHA-256 of their text (dist/src/config/shipped-yaml.json),
 * so a run reads the shipped rules without the YAML parser (src/config/shipped-yaml.ts). Only files the parser reads
 * without an error or warning, and whose value survives JSON, are kept; a changed file simply misses the table.
 */
function writeShippedYaml() {
  const { parseDocument } = createRequire(join(ROOT, 'package.json'))('yaml');
  const table = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
        if (doc.errors.length || doc.warnings.length) continue;
        const json = JSON.stringify(doc.toJS());
        if (json === undefined || !isDeepStrictEqual(JSON.parse(json), doc.toJS())) continue;
        table[createHash('sha256').update(text).digest('hex')] = JSON.parse(json);
      }
    }
  };
  walk(join(ROOT, 'config'));
  writeFileSync(join(ROOT, 'dist', 'src', 'config', 'shipped-yaml.json'), JSON.stringify(table));
}

// `node bin/build.js` builds; `--if-stale` only when needed (the npm scripts that run the CLI in a checkout).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = process.argv.includes('--if-stale') && !needsBuild() ? 0 : build() ? 0 : 1;
}
