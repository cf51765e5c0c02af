import { describe, expect, it } from 'vitest';
import { ConfigError, formatIssue } from '../../src/config/config-issue.js';
import { loadConfig } from '../../src/config/load-config.js';
import { runCli, tempConfig } from '../helpers/run-cli.js';
import { WATCHES } from './harness.js';
import { plugins } from '../../src/plugins.js';

const NOTIFY = 'channels:\n  - id: out\n    type: console\n';

/** The issues `validate` would print for this expectations.yaml (and channel keys), file paths relative. */
function issuesOf(expectations: string, notify = NOTIFY): string[] {
  const { dir } = tempConfig({ 'watches/w.yaml': WATCHES, 'notify.yaml': notify, 'expectations.yaml': expectations });
  try {
    loadConfig(dir, {}, plugins);
  } catch (error) {
    if (error instanceof ConfigError)
      return error.issues.map((i) => formatIssue({ ...i, file: i.file.replace(/^.*regwatch-test-[^/]+\//, '') }));
    throw error;
  }
  return [];
}

const entry = (lines: string) => `expectations:\n  - id: e\n    category: export_statistics\n${lines}`;

describe('validate checks expectations.yaml and the digest/quiet channel keys with file:line:col', () => {
  it.each([
    [
      'an unknown key',
      entry('    window: { by: 2026-12-31T18:00 }\n    windw: x\n'),
      /^expectations\.yaml:5:5: unknown key "windw"/,
    ],
    [
      'two kinds of window',
      entry('    window: { by: 2026-12-31T18:00, monthly: { to: 14 } }\n'),
      /^expectations\.yaml:4:13: .*exactly one of monthly, yearly, weekly or by/,
    ],
    [
      'a day after the end',
      entry('    window: { monthly: { from: 20, to: 14 } }\n'),
      /^expectations\.yaml:4:24: .*monthly\.from must not be after monthly\.to/,
    ],
    [
      'an unquoted literal period',
      entry("    metric: rare_earth_exports\n    period: 2026\n    window: { yearly: { by: '03-31' } }\n"),
      /^expectations\.yaml:5:13: .*write literal periods quoted/,
    ],
    ['a bad date-time', entry('    window: { by: 31/12/2026 }\n'), /^expectations\.yaml:4:19: .*ISO 8601 date-time/],
    [
      'an unknown time zone',
      entry('    window: { weekly: { from: thu, to: fri } }\n    timezone: Asia/Beijing\n'),
      /^expectations\.yaml:5:15: .*unknown time zone/,
    ],
    [
      'a watch that does not exist',
      entry('    watches: [customs-stats-zh, customs-stats-xx]\n    window: { monthly: { to: 14 } }\n'),
      /^expectations\.yaml:4:33: .*no watch with id "customs-stats-xx"/,
    ],
    [
      'neither category nor watches',
      'expectations:\n  - id: e\n    window: { monthly: { to: 14 } }\n',
      /^expectations\.yaml:2:5: .*give a category, or the watches/,
    ],
  ])('%s', (_what, yaml, pattern) => {
    const issues = issuesOf(yaml);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(pattern);
  });

  it('a duplicate expectation id', () => {
    const one = '  - id: e\n    category: export_statistics\n    window: { monthly: { to: 14 } }\n';
    expect(issuesOf(`expectations:\n${one}${one}`)).toEqual([
      'expectations.yaml:5:9: duplicate expectation id "e" (first at line 2): ids must be unique',
    ]);
  });

  it('bad quiet hours and digest settings on a channel', () => {
    const notify = `${NOTIFY}    quiet: "22:00-7:00 Europe/London"\n    digest: { every: hourly, at: "8am" }\n`;
    expect(issuesOf('expectations: []\n', notify)).toEqual([
      'notify.yaml:5:22: channels[0].digest.every: use daily or weekly',
      'notify.yaml:5:34: channels[0].digest.at: write a time as "HH:MM", e.g. "08:00"',
      'notify.yaml:4:12: channels[0].quiet: write "HH:MM-HH:MM Zone", e.g. "22:00-07:00 Europe/London"',
    ]);
  });

  it('`regwatch validate` prints them and exits 2; the shipped expectations are valid', async () => {
    const { dir } = tempConfig({
      'watches/w.yaml': WATCHES,
      'notify.yaml': NOTIFY,
      'expectations.yaml': entry('    window: { monthly: { from: 7, to: 14 } }\n    timezone: Mars/Olympus\n'),
    });
    const bad = await runCli(['validate', '--config', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stdout + bad.stderr).toMatch(/expectations\.yaml:5:15: .*unknown time zone/);
    expect(loadConfig('config', {}, plugins).expectations.map((e) => e.id)).toEqual([
      'gac-rare-earth-exports',
      'gac-magnet-exports',
      'miit-first-quota-batch',
      'mofcom-weekly-press-conference',
    ]);
  });
});
