/**
 * `npm run bench [-- NAME…]`: every benchmark, or the named ones (pipeline, classify, startup, browser, scale, urlwatch), printing
 * figures. Targets are printed beside the figures; benchmarks never fail the test suite.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Bench = () => Promise<unknown>;

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const benches: Record<string, Bench> = {
  pipeline: async () => (await import('./pipeline.js')).runPipelineBench(500),
  classify: async () => (await import('./classify.js')).runClassifyBench(),
  // `once` on an empty config: what every command pays before any work.
  startup: async () => (await import('./startup.js')).runStartupBench(),
};
// Benchmarks that live in their own file and need something this machine may lack (Chromium, Redis, PostgreSQL).
const optional: Record<string, [string, string]> = {
  browser: ['./browser.ts', 'runBrowserBench'],
  scale: ['./scale.ts', 'runScaleBench'],
  // regwatch beside urlwatch 2.25 on ../shared/bench by its protocol, then latency, idle daemon and classification.
  urlwatch: ['./urlwatch.ts', 'runUrlwatchBench'],
};
for (const [name, [file, fn]] of Object.entries(optional)) {
  if (!existsSync(here(file))) continue;
  benches[name] = async () => {
    const mod = (await import(file.replace(/\.ts$/, '.js'))) as Record<string, Bench>;
    return mod[fn]!();
  };
}

const args = process.argv.slice(2);
// Benchmark names; `--name value` options are for the benchmarks themselves.
const wanted = args.filter((a, i) => !a.startsWith('-') && !args[i - 1]?.startsWith('--'));
const names = wanted.length ? wanted : Object.keys(benches);
for (const name of names) {
  const bench = benches[name];
  if (!bench) {
    process.stderr.write(`no benchmark "${name}": choose from ${Object.keys(benches).join(', ')}\n`);
    process.exitCode = 2;
    continue;
  }
  try {
    await bench();
  } catch (error) {
    process.stdout.write(`${name}: not run — ${(error as Error).message}\n`);
  }
  process.stdout.write('\n');
}
