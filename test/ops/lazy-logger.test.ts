import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

// A child of the logger made before anything was logged (a delivery's, one per alert) loads pino only when it logs
// at or above the level, and then logs with its bindings and its parent's level, as pino's own child does.
it('a child logger asked for before the first line loads pino only when it logs, with its bindings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'regwatch-lazy-logger-'));
  try {
    const script = join(dir, 'log.ts');
    writeFileSync(
      script,
      [
        "import { createRequire } from 'node:module';",
        `import { createLogger } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src', 'logger.ts')).href)};`,
        'const pinoLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => /[\\\\/]pino[\\\\/]/.test(k));',
        "const child = createLogger('warn', 'json').child({ destination: 'hook', alert: 'a1' });",
        "child.info('below the level');",
        'const grandchild = child.child({ attempt: 2 });',
        "const levels = ['debug', 'info', 'warn', 'error', 'silent', 'nonsense'];",
        "process.stdout.write(`enabled: ${levels.map((l) => grandchild.isLevelEnabled(l)).join(' ')}\\n`);",
        'process.stdout.write(`before: ${pinoLoaded()}\\n`);',
        "child.warn({ err: 'HTTP 503' }, 'delivery failed');",
        "grandchild.error('again');",
        "grandchild.debug('below the level too');",
        'process.stdout.write(`after: ${pinoLoaded()}\\n`);',
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    // pino's answers for its levels (checked against pino itself at level warn: false false true true true false).
    expect(r.stdout).toBe('enabled: false false true true true false\nbefore: false\nafter: true\n');
    const lines = r.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toMatchObject([
      { level: 40, app: 'regwatch', destination: 'hook', alert: 'a1', err: 'HTTP 503', msg: 'delivery failed' },
      { level: 50, app: 'regwatch', destination: 'hook', alert: 'a1', attempt: 2, msg: 'again' },
    ]);
    expect(lines).toHaveLength(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
