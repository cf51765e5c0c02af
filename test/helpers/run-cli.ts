import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { needsBuild } from '../../bin/build.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * How a test starts the real CLI: the compiled `dist/` when it is up to date (`npm test` builds it first; a spawn
 * then costs a fraction of compiling the sources on the fly), else the sources through tsx. Set
 * `REGWATCH_TEST_SOURCES=1` to force the sources.
 */
export const CLI: string[] =
  process.env.REGWATCH_TEST_SOURCES !== '1' && !needsBuild()
    ? [join(ROOT, 'dist', 'src', 'cli.js')]
    : ['--import', 'tsx', join(ROOT, 'src', 'cli.ts')];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Start the real CLI (see `CLI`) with warnings-only logs; its standard output and error are pipes. */
function spawnCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin: 'pipe' | 'ignore',
): ChildProcessByStdio<Writable | null, Readable, Readable> {
  return spawn(process.execPath, [...CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, REGWATCH_LOG_LEVEL: 'warn', ...env },
    stdio: [stdin, 'pipe', 'pipe'],
  }) as ChildProcessByStdio<Writable | null, Readable, Readable>;
}

/** Run the real CLI as a child process (see `CLI`). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnCli(args, env, 'pipe');
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin?.end(input ?? '');
  });
}

/** A throw-away directory with a config (files relative to it) and a store path. */
export function tempConfig(files: Record<string, string>): { dir: string; store: string } {
  const dir = mkdtempSync(join(tmpdir(), 'regwatch-test-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return { dir, store: `sqlite://${join(dir, 'state.sqlite')}` };
}

/** Parse `--json` console output: one alert per line. */
export function jsonLines<T = Record<string, unknown>>(stdout: string): T[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as T);
}

/**
 * Run the CLI as `regwatch ARGS | head -1` would: standard output's reader goes away after the first chunk, while the
 * command still has lines to print.
 */
export function runCliClosingStdout(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnCli(args, env, 'ignore');
    let stdout = '';
    let stderr = '';
    child.stdout.once('data', (c: Buffer) => {
      stdout = c.toString();
      child.stdout.destroy();
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** Run the CLI until its standard output matches `until`, then stop it (SIGTERM); resolves with that output. */
export function runCliUntil(args: string[], until: RegExp, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnCli(args, env, 'ignore');
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (until.test(stdout)) child.kill('SIGTERM');
    });
    child.on('error', reject);
    child.on('close', () =>
      until.test(stdout) ? resolvePromise(stdout) : reject(new Error(`never printed ${String(until)}:\n${stdout}`)),
    );
  });
}
