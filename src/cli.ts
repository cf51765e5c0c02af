import { Command, InvalidArgumentError } from 'commander';
import { configDir } from './config/paths.js';
import { loadSecretFiles } from './config/secret-files.js';
import { parseDuration } from './config/duration.js';
import { endQuietlyWhenReaderCloses } from './cli/quiet-pipe.js';

// Each command loads its module when it runs: `classify` never loads the store drivers, `validate` never loads
// Slack or Discord, and start-up stays fast.

const program = new Command()
  .name('regwatch')
  .description(
    'Watches MIIT, MOFCOM, GAC customs and news feeds for rare-earth regulatory changes and alerts chat channels.',
  )
  .showHelpAfterError();

const duration = (value: string) => {
  const ms = parseDuration(value);
  if (ms === undefined) throw new InvalidArgumentError('use e.g. 30s, 2m');
  return ms;
};

program
  .command('run')
  .description('daemon: scheduler, notifiers, chat commands, /healthz, /metrics')
  .option('--config <dir>', 'config directory (default $REGWATCH_CONFIG or ./config)')
  .action(async (o: { config?: string }) => (await import('./cli/run.js')).runCommand(o));

program
  .command('once')
  .description('check every (or one) watch once, deliver alerts, exit (0 ok, 1 a fetch failed, 2 bad config)')
  .option('--config <dir>', 'config directory')
  .option('--watch <id>', 'only this watch')
  .option('--json', 'console channels print one JSON payload per line')
  .option(
    '--deliver-timeout <duration>',
    'how long to keep retrying deliveries before leaving them in the outbox',
    duration,
    30_000,
  )
  .action(async (o: { config?: string; watch?: string; json?: boolean; deliverTimeout: number }) => {
    process.exitCode = await (await import('./cli/once.js')).onceCommand({ ...o, config: configDir(o.config) });
  });

program
  .command('check')
  .argument('<id>', 'watch id')
  .description('dry run: fetch, extract, compare, classify; print; store and send nothing')
  .option('--config <dir>', 'config directory')
  .option('--json', 'print the outcome as JSON')
  .action(async (id: string, o: { config?: string; json?: boolean }) => {
    process.exitCode = await (await import('./cli/check.js')).checkCommand(id, { ...o, config: configDir(o.config) });
  });

program
  .command('validate')
  .description('exit 0, or print file:line:col errors and exit 2')
  .option('--config <dir>', 'config directory')
  .action(async (o: { config?: string }) => {
    process.exitCode = (await import('./cli/validate.js')).validateCommand(configDir(o.config));
  });

program
  .command('classify')
  .argument(
    '[files...]',
    'documents to classify: first line the title, the rest the body (- or nothing for standard input)',
  )
  .option('--json', 'one JSON object per document per line, with "file" when several are given')
  .option('--date <YYYY-MM-DD>', "the documents' date, for periods the text gives without a year")
  .option(
    '--entities',
    'also print elements, document numbers, HS codes and effective dates (with --json: an "entities" key)',
  )
  .option('--config <dir>', 'config directory whose rules/ adds to or tunes the shipped rules')
  .description('classify documents: categories with evidence, and figures')
  .action(async (files: string[], o: { json?: boolean; date?: string; entities?: boolean; config?: string }) => {
    process.exitCode = await (
      await import('./cli/classify.js')
    ).classifyCommand(files, { ...o, config: configDir(o.config) });
  });

program
  .command('figures')
  .argument('[metric]', 'e.g. mining_quota, rare_earth_exports, magnet_exports')
  .option('--json', 'one JSON object per figure per line')
  .option(
    '--csv',
    'CSV with a header line (metric,period,batch,value,unit,change_pct,change_basis,source,url,published)',
  )
  .description('figures from the store, one row per period (official sources outrank press)')
  .action(async (metric: string | undefined, o: { json?: boolean; csv?: boolean }) => {
    process.exitCode = await (await import('./cli/figures.js')).figuresCommand(metric, o);
  });

program
  .command('demo')
  .description(
    'local replay: copies of MIIT, MOFCOM, GAC and a news feed publish; the alerts appear (REGWATCH_DEMO_FAST=1: no pauses)',
  )
  .action(async () => {
    process.exitCode = await (await import('./demo/demo.js')).demoCommand();
  });

const discord = program.command('discord').description('Discord application setup');
discord
  .command('register')
  .description('register the /regwatch command: in one guild with --guild (instant, for testing), else globally')
  .option('--guild <id>', 'server (guild) id to register in')
  .option('--print', 'print the command JSON and register nothing')
  .action(async (o: { guild?: string; print?: boolean }) => {
    // Loaded on demand: discord.js is only needed here and by Discord channels.
    const { discordRegisterCommand } = await import('./cli/discord-register.js');
    process.exitCode = await discordRegisterCommand(o);
  });

endQuietlyWhenReaderCloses();
// NAME_FILE → NAME for secrets mounted as files (Docker/Kubernetes secrets).
for (const problem of loadSecretFiles()) process.stderr.write(`regwatch: ${problem}\n`);
await program.parseAsync(process.argv);
