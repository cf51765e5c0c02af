import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli, tempConfig } from '../helpers/run-cli.js';

const fromBuild = CLI.some((a) => a.includes(`${join('dist', 'src')}`));

/**
 * The files behind what a process loaded, relative to the repository: a bundled chunk of dist/ stands for the
 * sources its source map names, a package file for `node_modules/<package>`.
 */
function loadedSources(list: string): Set<string> {
  const files = new Set<string>();
  for (const entry of list.split('\n').filter(Boolean)) {
    if (entry.startsWith('node:') || entry.startsWith('data:')) continue;
    const path = entry.startsWith('file:') ? fileURLToPath(entry) : entry;
    const map = `${path}.map`;
    const sources =
      path.includes(`${join(ROOT, 'dist')}`) && existsSync(map)
        ? (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources.map((s) => resolve(dirname(map), s))
        : [path];
    for (const s of sources) {
      const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(s);
      files.add(pkg ? `node_modules/${pkg[1]}` : relative(ROOT, s));
    }
  }
  return files;
}

describe('what `regwatch once` loads on a config without watches', () => {
  it('runs without the classifier, watchers, fetch, metrics, chat, charts, browser, PDF and optional store code', async () => {
    const { dir, store } = tempConfig({});
    mkdirSync(join(dir, 'watches'));
    const out = join(dir, 'modules.txt');
    const result = await runCli(['once', '--config', dir], {
      REGWATCH_STORE: store,
      REGWATCH_MODULES_OUT: out,
      NODE_OPTIONS: `--import ${join(ROOT, 'test', 'helpers', 'record-modules.js')}`,
    });
    expect(result.stderr).toContain('checked 0 watch(es)');
    expect(result.code).toBe(0);
    const loaded = loadedSources(readFileSync(out, 'utf8'));
    // The recording works: the command's own modules and its store driver are there.
    expect(loaded).toContain('src/cli/once.ts');
    expect(loaded).toContain('node_modules/sqlite3');

    const packages = [
      ['@slack/bolt', 'discord.js', 'playwright', 'playwright-core', 'echarts', '@resvg/resvg-js'],
      ['@keyv/redis', '@keyv/postgres', 'pdfjs-dist', 'cheerio', 'rss-parser', 'pino-pretty'],
      // Loaded on first use: a watch's check (HTML parsing, diffs, decoding), a metric, a cron expression, a POST,
      // a log line (a run with nothing to report logs none at the default level).
      ['htmlparser2', 'entities', 'diff', 'iconv-lite', 'prom-client', '@opentelemetry/api', 'node-cron', 'pino'],
      // From dist/, the shipped config is read from the build's table: no YAML parser.
      fromBuild ? ['yaml'] : [],
    ].flat();
    expect(packages.filter((p) => loaded.has(`node_modules/${p}`))).toEqual([]);
    const sources = [
      'src/classify/index.ts',
      'src/classify/categorize.ts',
      'src/classify/figures.ts',
      'src/chat/slack/mount-slack.ts',
      'src/chat/discord/mount-discord.ts',
      'src/fetch/browser-pool.ts',
      'src/dashboard/dashboard.ts',
      'src/demo/demo.ts',
      'src/pipeline/check-watch.ts',
      'watchers/page.ts',
      'watchers/feed.ts',
      'src/fetch/http-fetch.ts',
    ];
    expect(sources.filter((s) => loaded.has(s))).toEqual([]);
  });
});

describe('what `regwatch once` loads on a config with a watch', () => {
  it('checks the page without loading prom-client: a one-off run serves no /metrics', async () => {
    let item = '关于稀土的通知';
    const site = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html><body><ul class="list"><li><a href="/a/1">${item}</a></li></ul></body></html>`);
    });
    await new Promise<void>((ready) => site.listen(0, '127.0.0.1', ready));
    try {
      const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
      const { dir, store } = tempConfig({
        'watches/w.yaml': `watches:\n  - id: page-1\n    name: Page\n    source: other\n    kind: page\n    url: ${url}\n    select: ul.list\n`,
        'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      });
      const out = join(dir, 'modules.txt');
      const result = await runCli(['once', '--config', dir], {
        REGWATCH_STORE: store,
        REGWATCH_MODULES_OUT: out,
        NODE_OPTIONS: `--import ${join(ROOT, 'test', 'helpers', 'record-modules.js')}`,
      });
      expect(result.stderr).toContain('checked 1 watch(es): 0 changed, 0 unchanged, 1 baseline, 0 failed');
      const loaded = loadedSources(readFileSync(out, 'utf8'));
      // The check ran (its code was loaded) …
      expect(loaded).toContain('src/pipeline/check-watch.ts');
      // … and recorded no metric.
      expect(['prom-client', '@opentelemetry/api'].filter((p) => loaded.has(`node_modules/${p}`))).toEqual([]);

      // A change delivered to the console logs nothing at the default level: its delivery's child logger loads no pino.
      item = '关于稀土出口管制的公告';
      const changed = await runCli(['once', '--config', dir], {
        REGWATCH_STORE: store,
        REGWATCH_MODULES_OUT: out,
        NODE_OPTIONS: `--import ${join(ROOT, 'test', 'helpers', 'record-modules.js')}`,
      });
      expect(changed.stderr).toContain('checked 1 watch(es): 1 changed, 0 unchanged, 0 baseline, 0 failed; 1 alert(s)');
      expect(changed.stdout).toContain('关于稀土出口管制的公告');
      const second = loadedSources(readFileSync(out, 'utf8'));
      // … nor iconv-lite for a UTF-8 page.
      expect(['pino', 'iconv-lite'].filter((p) => second.has(`node_modules/${p}`))).toEqual([]);
    } finally {
      site.close();
    }
  });
});
