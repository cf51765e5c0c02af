import { describe, expect, it } from 'vitest';
import { ConfigError, formatIssue } from '../../src/config/config-issue.js';
import { loadConfig } from '../../src/config/load-config.js';
import { plugins } from '../../src/plugins.js';
import { runCli, tempConfig } from '../helpers/run-cli.js';

const GOOD_WATCH = `  - id: good
    kind: page
    url: http://127.0.0.1:9/page.html
`;

/** Load a config made of these files and return its issues as printed lines. */
function issuesOf(files: Record<string, string>, env: NodeJS.ProcessEnv = {}): string[] {
  const { dir } = tempConfig({ 'notify.yaml': 'channels:\n  - id: out\n    type: console\n', ...files });
  try {
    loadConfig(dir, env, plugins);
  } catch (error) {
    if (error instanceof ConfigError)
      return error.issues.map((i) => formatIssue({ ...i, file: i.file.replace(/^.*regwatch-test-[^/]+\//, '') }));
    throw error;
  }
  return [];
}

const mistakes: Array<[string, Record<string, string>, RegExp]> = [
  [
    'a duplicate watch id across files',
    { 'watches/a.yaml': `watches:\n${GOOD_WATCH}`, 'watches/b.yaml': `watches:\n${GOOD_WATCH}` },
    /^watches\/b\.yaml:2:9: duplicate watch id "good" \(first defined in .*watches\/a\.yaml:2\)/,
  ],
  [
    'an unknown key (typo)',
    { 'watches/a.yaml': `watches:\n${GOOD_WATCH}    shedule: 10m\n` },
    /^watches\/a\.yaml:5:5: unknown key "shedule"/,
  ],
  [
    'a bad cron expression',
    { 'watches/a.yaml': `watches:\n${GOOD_WATCH}    cron: "61 * * * *"\n` },
    /^watches\/a\.yaml:5:11: .*bad cron expression "61 \* \* \* \*"/,
  ],
  [
    'a bad CSS selector',
    { 'watches/a.yaml': `watches:\n${GOOD_WATCH}    select: "div[["\n` },
    /^watches\/a\.yaml:5:13: .*bad CSS selector "div\[\["/,
  ],
  [
    'a bad URL',
    { 'watches/a.yaml': 'watches:\n  - id: x\n    kind: page\n    url: not a url\n' },
    /^watches\/a\.yaml:4:10: .*bad URL "not a url"/,
  ],
  [
    'an ftp URL',
    { 'watches/a.yaml': 'watches:\n  - id: x\n    kind: page\n    url: ftp://example.org/x\n' },
    /^watches\/a\.yaml:4:10: .*only http:\/\/ and https:\/\//,
  ],
  [
    'an unknown category in a channel',
    {
      'watches/a.yaml': `watches:\n${GOOD_WATCH}`,
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n    categories: [quota_batch, quota]\n',
    },
    /^notify\.yaml:4:31: channels\[0\]\.categories\.1: Invalid option/,
  ],
  [
    'an unknown source',
    { 'watches/a.yaml': `watches:\n${GOOD_WATCH}    source: reuters\n` },
    /^watches\/a\.yaml:5:13: .*source: Invalid option/,
  ],
  [
    'an unknown kind',
    { 'watches/a.yaml': 'watches:\n  - id: x\n    kind: rss\n    url: http://127.0.0.1:9/\n' },
    /^watches\/a\.yaml:3:11: .*unknown kind "rss": use one of page, list, feed/,
  ],
  [
    'a missing environment variable',
    {
      'watches/a.yaml': `watches:\n${GOOD_WATCH}`,
      'notify.yaml':
        'channels:\n  - id: hook\n    type: webhook\n    url: http://127.0.0.1:9/x\n    secret: ${HOOK_SECRET_MISSING}\n',
    },
    /^notify\.yaml:5:13: environment variable HOOK_SECRET_MISSING is not set/,
  ],
  [
    'a YAML syntax error',
    { 'watches/a.yaml': 'watches:\n  - id: x\n    kind: page\n   url: [unclosed\n' },
    /^watches\/a\.yaml:\d+:\d+: /,
  ],
  [
    'a duplicate key in one mapping',
    { 'watches/a.yaml': `watches:\n${GOOD_WATCH}    kind: list\n` },
    /^watches\/a\.yaml:5:5: duplicate key/,
  ],
  [
    'a list watch without items',
    { 'watches/a.yaml': 'watches:\n  - id: x\n    kind: list\n    url: http://127.0.0.1:9/\n' },
    /^watches\/a\.yaml:2:\d+: .*a list watch needs items/,
  ],
  [
    'an unknown channel type',
    { 'watches/a.yaml': `watches:\n${GOOD_WATCH}`, 'notify.yaml': 'channels:\n  - id: out\n    type: telegram\n' },
    /^notify\.yaml:3:11: channels\[0\]\.type: unknown channel type "telegram"; use one of console, discord, slack, webhook/,
  ],
  [
    'a bad interval',
    { 'watches/a.yaml': `watches:\n${GOOD_WATCH}    every: ten minutes\n` },
    /^watches\/a\.yaml:5:12: .*bad interval "ten minutes"/,
  ],
  [
    'a bad watch id',
    { 'watches/a.yaml': 'watches:\n  - id: MIIT Quotas\n    kind: page\n    url: http://127.0.0.1:9/\n' },
    /^watches\/a\.yaml:2:9: .*lower-case letters, digits and dashes/,
  ],
  [
    'an unknown settings key',
    { 'watches/a.yaml': `watches:\n${GOOD_WATCH}`, 'settings.yaml': 'concurency: 4\n' },
    /^settings\.yaml:1:1: unknown key "concurency"/,
  ],
];

describe('config validation names the file, line, column and the fix', () => {
  for (const [what, files, expected] of mistakes) {
    it(what, () => {
      const lines = issuesOf(files);
      expect(
        lines.some((l) => expected.test(l)),
        `got:\n${lines.join('\n')}`,
      ).toBe(true);
    });
  }

  it('reports every mistake of a file at once, not just the first', () => {
    const lines = issuesOf({
      'watches/a.yaml':
        'watches:\n  - id: x\n    kind: page\n    url: nope\n    shedule: 1m\n  - id: y\n    kind: feed\n    url: http://127.0.0.1:9/\n    cron: "bad"\n',
    });
    expect(lines.length).toBeGreaterThanOrEqual(3);
  });

  it('`regwatch validate` exits 2 and prints file:line:col lines; a good config exits 0', async () => {
    const bad = tempConfig({
      'watches/a.yaml': `watches:\n${GOOD_WATCH}    shedule: 10m\n`,
      'notify.yaml': 'channels: []\n',
    });
    const r = await runCli(['validate', '--config', bad.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/watches\/a\.yaml:5:5: unknown key "shedule"/);
    const good = tempConfig({ 'watches/a.yaml': `watches:\n${GOOD_WATCH}`, 'notify.yaml': 'channels: []\n' });
    const ok = await runCli(['validate', '--config', good.dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('config ok');
  });

  it('`once` refuses a bad config with exit 2 and checks nothing', async () => {
    const bad = tempConfig({
      'watches/a.yaml': 'watches:\n  - id: x\n    kind: page\n    url: nope\n',
      'notify.yaml': 'channels: []\n',
    });
    const r = await runCli(['once', '--config', bad.dir], { REGWATCH_STORE: bad.store });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing was checked');
  });

  it('a directory with only watches/ falls back to the shipped notify.yaml and rules', () => {
    const { dir } = tempConfig({ 'watches/a.yaml': `watches:\n${GOOD_WATCH}` });
    const config = loadConfig(dir, {}, plugins);
    expect(config.watches.map((w) => w.id)).toEqual(['good']);
    expect(config.channels.map((c) => c.type)).toContain('console');
  });

  it('the shipped config validates', async () => {
    const r = await runCli(['validate']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
