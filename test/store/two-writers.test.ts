/**
 * `regwatch once` beside `regwatch run` on one SQLite file (issue 18, point 6): two processes doing read-modify-write
 * updates of the same keys at the same time lose none of them — each update is a `BEGIN IMMEDIATE` transaction, and the
 * batched health changes are re-applied to the value read inside their transaction.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { ROOT, tempConfig } from '../helpers/run-cli.js';

const PER_PROCESS = 200;

function writer(store: string, name: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test', 'helpers', 'store-writer.ts'), store, name, String(PER_PROCESS)],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const ready = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { ready, done, go: () => child.stdin.write('go\n') };
}

it('two processes updating the same SQLite keys at once lose no update', { timeout: 120_000 }, async () => {
  const { store: url } = tempConfig({});
  const writers = [writer(url, 'once'), writer(url, 'run')];
  await Promise.all(writers.map((w) => w.ready));
  for (const w of writers) w.go();
  expect(await Promise.all(writers.map((w) => w.done))).toEqual([0, 0]);
  const store = await Store.open(url);
  try {
    const list = (await store.get<string[]>('shared:list')) ?? [];
    expect(list).toHaveLength(2 * PER_PROCESS);
    for (const name of ['once', 'run']) {
      // Each process's own appends arrive in order, whatever the interleaving.
      const own = list.filter((x) => x.startsWith(`${name}-`));
      expect(own).toEqual(Array.from({ length: PER_PROCESS }, (_, i) => `${name}-${i}`));
    }
    expect((await store.getHealth('shared-watch')).consecutiveFailures).toBe(2 * PER_PROCESS);
  } finally {
    await store.close();
  }
});
