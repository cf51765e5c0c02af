import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { plugins } from '../plugins.js';
import { SHIPPED_CONFIG_DIR } from '../config/paths.js';
import { allFigures, latestFigures } from '../figures/figures-store.js';
import { createLogger } from '../logger.js';
import { formatChange, metricLabel, tonnes } from '../render/format-figure.js';
import { Runner } from '../pipeline/runner.js';
import { Store } from '../store/store.js';
import { demoChannels } from './chat-channels.js';
import { OVERDUE_BEAT, playOverdueBeat } from './overdue-beat.js';
import { SourceSites } from './sites/index.js';
import { showDashboard } from './demo-dashboard.js';
import { BEATS, setTheScene, STORY_WATCHES } from './story.js';

const out = (s = '') => process.stdout.write(`${s}\n`);
const rule = (title: string) => out(`\n━━ ${title} ${'━'.repeat(Math.max(4, 70 - title.length))}`);

/** Whether a Chromium is there for the GAC watch (else the demo switches the fixture's challenge off and says so). */
async function browserFor(config: LoadedConfig) {
  if (process.env.REGWATCH_DEMO_BROWSER === '0') return undefined;
  try {
    const { findChromium } = await import('../fetch/find-chromium.js');
    await findChromium(config.settings.browser.executablePath);
    const { browserFetchFor } = await import('../cli/browser.js');
    return browserFetchFor(config, createLogger('error'));
  } catch {
    return undefined;
  }
}

/**
 * `regwatch demo`: local imitations of MIIT, MOFCOM, GAC and a news feed, and a regwatch running the shipped watches
 * against them with a throw-away store. Plays a short story (about a minute; REGWATCH_DEMO_FAST=1 skips the pauses)
 * and ends with the figures it read.
 */
export async function demoCommand(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const pause = env.REGWATCH_DEMO_FAST === '1' ? 0 : Number(env.REGWATCH_DEMO_PAUSE_MS ?? 9000);
  const dir = mkdtempSync(join(tmpdir(), 'regwatch-demo-'));
  const sites = await new SourceSites().start();
  process.env.REGWATCH_REWRITE = sites.rewrite;
  const shipped = loadConfig(SHIPPED_CONFIG_DIR, {}, plugins);
  const { channels, notes } = demoChannels(env);
  const base: LoadedConfig = {
    ...shipped,
    channels,
    watches: shipped.watches.filter((w) => STORY_WATCHES.includes(w.id)),
    settings: { ...shipped.settings, hostInterval: 0 },
  };
  const browser = await browserFor(base);
  const config: LoadedConfig = browser
    ? base
    : {
        ...base,
        watches: base.watches.map((w) => (w.id === 'customs-stats-zh' ? { ...w, fetch: 'http' as const } : w)),
      };
  if (!browser) sites.customs.challenge = false;
  const store = await Store.open(`sqlite://${join(dir, 'demo.sqlite')}`);
  const runner = new Runner({
    store,
    logger: createLogger(env.REGWATCH_LOG_LEVEL ?? 'error'),
    env,
    ...(browser ? { browser: browser.fetch } : {}),
  });
  try {
    await runner.applyConfig(config);
    rule('regwatch demo');
    // Said first: how long the reader will wait, and how not to.
    const pausesS = Math.round(((BEATS.length + 0.5) * pause) / 1000);
    out(
      pause
        ? `This takes about ${pausesS + 15} seconds: ${BEATS.length} steps with a ${Math.round(pause / 1000)} s pause before each, to read along. REGWATCH_DEMO_FAST=1 skips the pauses.`
        : 'REGWATCH_DEMO_FAST=1: no pauses; this takes a few seconds.',
    );
    out('Local copies of the MIIT, MOFCOM, GAC customs and 中国新闻网 sites are running on this machine, each');
    out('answering the way the real one does (JSON list APIs, [YYYY-MM-DD] list dates, a 412 challenge, XLS tables).');
    out(
      `regwatch runs ${config.watches.length} of its shipped watches (config/watches) against them, with a throw-away store.`,
    );
    out(
      browser
        ? 'Chromium found: the GAC watch passes the 412 challenge in a real browser.'
        : 'No Chromium here: the GAC copy drops its 412 challenge so the table can be read over plain HTTP.',
    );
    for (const n of notes) out(`Chat: ${n}.`);
    setTheScene(sites);
    out('\nFirst look: regwatch records what every site already shows (the baseline). Nothing is alerted.');
    for (const w of config.watches) {
      const o = await runner.check(w);
      out(`  ${w.id.padEnd(24)} ${o.status}${o.error ? ` (${o.error.kind}: ${o.error.message})` : ''}`);
    }
    for (const [i, beat] of BEATS.entries()) {
      if (pause) await wait(pause);
      rule(`${i + 1}/${BEATS.length + 1} ${beat.headline}`);
      out(beat.explain);
      beat.act(sites);
      out('');
      for (const id of beat.watches) {
        const o = await runner.check(config.watches.find((w) => w.id === id)!);
        if (o.error) out(`  ${id}: ${o.error.kind}: ${o.error.message}`);
      }
      await runner.outbox.drain(Date.now() + 15_000);
    }
    if (pause) await wait(pause);
    rule(`${BEATS.length + 1}/${BEATS.length + 1} ${OVERDUE_BEAT.headline}`);
    out(OVERDUE_BEAT.explain);
    out('');
    await playOverdueBeat(runner, config);
    if (pause) await wait(pause / 2);
    rule('regwatch figures (what this run read)');
    const seen = latestFigures(await allFigures(store)).filter((f) => f.alertId !== null);
    for (const f of seen) {
      out(
        `  ${`${metricLabel(f.metric)} ${f.period ?? ''}${f.batch ? ` batch ${f.batch}` : ''}`.padEnd(42)} ${tonnes(f.value).padStart(11)} ${formatChange(f.change_pct, f.change_basis).padEnd(12)} ${f.official ? 'official' : 'press'} (${f.source})`,
      );
    }
    out('\nOn a real install `regwatch figures` also answers from the shipped history (config/history, 2014 onwards),');
    out('and `regwatch run` checks these sites on their schedules. See docs/sources.md.');
    await showDashboard(store, config, env);
    return 0;
  } finally {
    await runner.close();
    await browser?.close();
    await store.close();
    await sites.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
