// Builds dist/: `npm run build`, `prepare` on `npm ci`, bin/regwatch.js when dist/ is missing, and the npm scripts
// that run the CLI when a source file is newer than the last build (`--if-stale`). Plain JavaScript: it must run
// before anything is compiled. Type-checking is `npm run typecheck` (tsc --noEmit); the build itself is esbuild.
import { createHash } from 'node:crypto';
import process from 'node:process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = join(ROOT, 'dist', '.built');
// config/ too: the build keeps a table of the shipped YAML files (dist/src/shipped-yaml.json), which an edit to them
// leaves stale (a stale entry only misses and is parsed, but then every start pays for the YAML parser).
const SOURCE_DIRS = ['src', 'watchers', 'notifiers', 'config'];
/** Where the bundle and its chunks go: every module of the build sits in this one folder. */
const OUT = join(ROOT, 'dist', 'src');
/** The digests of the shipped rules texts the build validated, beside shipped-rules.json (src/config/shipped-rules.ts). */
const SHIPPED_RULES_DIGESTS = 'shipped-rules-digests.json';

/**
 * Packages left out of the bundle and loaded from node_modules when the code imports them: native code, the optional
 * store adapters, the large ones a run loads only when its config asks for them (a browser, Slack, Discord, charts,
 * PDFs, feeds), those that read their own files at run time (iconv-lite's code tables, pino-pretty, opencc-js), and
 * those required on first use so a start without them never compiles them (prom-client when a metric is first
 * recorded, src/ops/metrics.ts; node-cron when a cron expression is met, src/config/node-cron.ts; pino when a line
 * is first logged, src/logger.ts).
 */
const EXTERNAL = [
  '@keyv/*',
  'keyv',
  'sqlite3',
  '@resvg/resvg-js',
  'playwright',
  'playwright-core',
  '@slack/bolt',
  'discord.js',
  'echarts',
  'pdfjs-dist',
  'rss-parser',
  'cheerio',
  'iconv-lite',
  'yaml',
  'pino-pretty',
  'opencc-js',
  'prom-client',
  'node-cron',
  'pino',
];

/**
 * zod's namespace carries every locale's error messages (about 60 files, over half of zod's code), which a bundle
 * cannot drop by itself; regwatch speaks English and phrases its own config messages, so only `en` is bundled.
 */
const englishOnlyZod = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(args.resolveDir, '..', 'locales'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: args.path,
      loader: 'js',
    }));
  },
};

/**
 * commander requires node:child_process (and with it net and dgram) when it loads, for subcommands that are separate
 * executables; regwatch has none, so the build hands it a stand-in that requires the module if it is ever used.
 */
const childProcessOnUse = {
  name: 'child-process-on-use',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.kind === 'require-call' && /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'builtin-on-use' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin-on-use' }, (args) => ({
      contents: `let m;\nmodule.exports = new Proxy({}, { get: (_, key) => (m ??= require(${JSON.stringify(args.path)}))[key] });`,
      loader: 'js',
    }));
  },
};

/**
 * Node's own modules through require() (the banner's), not `import`: importing a built-in builds an ES-module facade
 * that reads every export (node:process creates process.stdin, node:fs its stream classes), about 13 ms of each start
 * for modules whose exports the bundle reads where it uses them anyway.
 */
const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(b) {
    // One stand-in per importing module: a stand-in shared by modules in different chunks would be a chunk (a file to
    // load) of its own.
    b.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === 'import-statement' && args.namespace === 'file'
        ? { path: `${args.path}|${relative(ROOT, args.importer)}`, namespace: 'builtin-require' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path.slice(0, args.path.indexOf('|')))});`,
      loader: 'js',
    }));
  },
};

// The CommonJS packages in the bundle call require() for Node's own modules.
const REQUIRE_BANNER = {
  js: "import { createRequire as __regwatchRequire } from 'node:module';\nconst require = __regwatchRequire(import.meta.url);",
};

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
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
 * Remove the files under `dir` that this build did not write (`written`: absolute paths), and folders left empty:
 * chunks of an earlier build (their names carry a content hash) and the per-module files of the former tsc build
 * would otherwise stay loadable and ship with the package.
 */
export function pruneOrphans(dir, written) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      pruneOrphans(path, written);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
    } else if (!written.has(path)) rmSync(path);
  }
}

/**
 * Bundle src/cli.ts into dist/src/cli.js, with one chunk per command and per module loaded on demand (esbuild, code
 * splitting): Node then resolves and compiles a handful of files instead of several hundred. False (with the reason on
 * stderr) when esbuild is not installed or the bundle fails.
 */
export async function build() {
  let esbuild;
  try {
    esbuild = createRequire(join(ROOT, 'package.json'))('esbuild');
  } catch {
    process.stderr.write(
      'regwatch: dist/ is not built and esbuild is not installed: run `npm ci` (with dev dependencies), then `npm run build`\n',
    );
    return false;
  }
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: { cli: join(ROOT, 'src', 'cli.ts') },
      outdir: OUT,
      chunkNames: '[name]-[hash]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20.19',
      external: EXTERNAL,
      plugins: [englishOnlyZod, childProcessOnUse, builtinsThroughRequire],
      banner: REQUIRE_BANNER,
      sourcemap: true,
      metafile: true,
      logLevel: 'error',
    });
  } catch {
    return false; // esbuild has printed the errors
  }
  const written = new Set(Object.keys(result.metafile.outputs).map((p) => join(ROOT, p)));
  // The dashboard's browser-side files, beside the bundle (src/dashboard/dashboard.ts serves ./assets/).
  const assets = join(ROOT, 'src', 'dashboard', 'assets');
  for (const name of readdirSync(assets)) {
    cpSync(join(assets, name), join(OUT, 'assets', name));
    written.add(join(OUT, 'assets', name));
  }
  written.add(writeShippedYaml()).add(STAMP);
  const rules = await writeShippedRules(esbuild);
  if (rules) written.add(rules).add(join(OUT, SHIPPED_RULES_DIGESTS));
  pruneOrphans(join(ROOT, 'dist'), written);
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return true;
}

/**
 * The shipped config's YAML files as parsed values, each as its JSON text, keyed by the SHA-256 of their text
 * (dist/src/shipped-yaml.json, beside the bundle), so a run reads the shipped rules without the YAML parser
 * (src/config/shipped-yaml.ts). Only files the parser reads without an error or warning, and whose value survives
 * JSON, are kept; a changed file simply misses.
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
        table[createHash('sha256').update(text).digest('hex')] = json;
      }
    }
  };
  walk(join(ROOT, 'config'));
  const path = join(OUT, 'shipped-yaml.json');
  writeFileSync(path, JSON.stringify(table));
  return path;
}

/**
 * The shipped rules as the schemas validate them (dist/src/shipped-rules.json, read by src/config/shipped-rules.ts),
 * so a run neither validates nor compiles them before it classifies something. src/classify/load-rules.ts, bundled
 * on its own into a module beside the bundle for the time it runs, makes it. The path written, or undefined (with the
 * reason on stderr) when the shipped rules do not load: then every run validates them and reports what is wrong.
 */
/** Two short documents that take the classifier through its categories, figures and periods, in both languages. */
const SAMPLE_DOCUMENTS = [
  ['工业和信息化部下达2025年第一批稀土开采总量控制指标', '1至11月出口稀土5.2万吨，同比增长12%。其中11月出口5000吨。'],
  ['China issues first batch of 2025 rare earth quotas', 'Exports of rare earths rose 5% to 5,000 tonnes in November.'],
];

async function writeShippedRules(esbuild) {
  const path = join(OUT, 'shipped-rules.json');
  rmSync(path, { force: true }); // the module below must validate, not find the previous build's values
  rmSync(join(OUT, SHIPPED_RULES_DIGESTS), { force: true });
  const maker = join(OUT, '.shipped-rules-maker.mjs');
  try {
    await esbuild.build({
      absWorkingDir: ROOT,
      // The rules' validated values, and the words each pattern the classifier builds from them needs (read while it
      // classifies two short documents, one in each language): a run neither reads them again.
      stdin: {
        contents: [
          "export { shippedRulesArtefact, loadRules } from './src/classify/load-rules.ts';",
          "export { classify } from './src/classify/index.ts';",
          "export { requiredWordsRead } from './src/classify/required-words.ts';",
        ].join('\n'),
        resolveDir: ROOT,
        sourcefile: 'shipped-rules-maker.ts',
        loader: 'ts',
      },
      outfile: maker,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20.19',
      external: EXTERNAL,
      plugins: [englishOnlyZod],
      banner: REQUIRE_BANNER,
      logLevel: 'error',
    });
    const made = await import(pathToFileURL(maker).href);
    const artefact = made.shippedRulesArtefact(join(ROOT, 'config', 'rules'));
    if (artefact) {
      const { rules } = made.loadRules([join(ROOT, 'config', 'rules')], {});
      for (const [title, text] of SAMPLE_DOCUMENTS) made.classify({ title, text, date: '2025-01-15' }, rules);
      artefact.requiredWords = made.requiredWordsRead();
    }
    if (!artefact) {
      process.stderr.write(
        'regwatch: config/rules/ does not load (`regwatch validate` says why); dist/ has no validated copy\n',
      );
      return undefined;
    }
    writeFileSync(path, JSON.stringify(artefact));
    // The texts it holds, by digest, in a file small enough to read at every start: a config whose rules are all
    // shipped files as built loads them only when it first classifies (src/config/shipped-rules.ts).
    writeFileSync(
      join(OUT, SHIPPED_RULES_DIGESTS),
      JSON.stringify({ v8: artefact.v8, digests: Object.keys(artefact.files) }),
    );
    return path;
  } finally {
    rmSync(maker, { force: true });
  }
}

// `node bin/build.js` builds; `--if-stale` only when needed (the npm scripts that run the CLI in a checkout).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = process.argv.includes('--if-stale') && !needsBuild() ? 0 : (await build()) ? 0 : 1;
}
