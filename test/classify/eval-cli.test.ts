import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

/** `npm run eval` as a person runs it: the script under tsx, as package.json's `eval` does. */
const evalCli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'classify', 'eval-cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

describe('npm run eval, asked wrongly or for help', () => {
  it('--help lists every option and exits 0 without scoring', () => {
    const run = evalCli('--help');
    expect(run.status).toBe(0);
    for (const option of ['--part', '--verbose', '--real', '--own']) expect(run.stdout).toContain(option);
    expect(run.stdout).not.toContain('== real corpus');
  });

  it('an unknown option is named, with the usage, and exits 2', () => {
    const run = evalCli('--parts', 'all');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("'--parts'");
    expect(run.stderr).toContain('--part P');
  });

  it('an unknown part names the parts there are and exits 2', () => {
    const run = evalCli('--part', 'holdout');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('heldout');
  });
});
