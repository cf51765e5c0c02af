import { ConfigError, formatIssue } from '../config/config-issue.js';
import { loadConfig } from '../config/load-config.js';
import { plugins } from '../plugins.js';
import { describeSchedule } from '../scheduler.js';
import { EXIT } from './load-or-exit.js';

/** `regwatch validate`: exit 0 with a summary, or print every issue as file:line:col and exit 2. */
export function validateCommand(dir: string): number {
  try {
    const config = loadConfig(dir, process.env, plugins);
    process.stdout.write(
      `config ok: ${config.dir}\n  ${config.watches.length} watch(es), ${config.channels.length} channel(s), ${config.rules.rules.length} rule(s), ${config.expectations.length} expectation(s)\n`,
    );
    for (const w of config.watches) {
      process.stdout.write(
        `  ${w.enabled ? ' ' : '-'} ${w.id.padEnd(32)} ${w.source.padEnd(8)} ${w.kind.padEnd(5)} ${w.fetch.padEnd(8)} ${describeSchedule(w)}\n`,
      );
    }
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
    process.stderr.write(`${error.issues.length} error(s)\n`);
    return EXIT.badConfig;
  }
}
