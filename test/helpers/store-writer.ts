/**
 * A second process writing the store (test/store/two-writers.test.ts): `node --import tsx store-writer.ts URL NAME N`
 * appends NAME-0 … NAME-(N-1) to one list with read-modify-write updates, and counts N failures of one watch's health
 * (batched writes), as `regwatch once` and `regwatch run` do on one SQLite file.
 */
import { Store } from '../../src/store/store.js';

const [url, name, count] = process.argv.slice(2);
const store = await Store.open(url);
// Start together: say ready, wait for the test's go (a line on standard input).
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
for (let i = 0; i < Number(count); i++) {
  await store.update<string[]>('shared:list', (old) => [...(old ?? []), `${name}-${i}`]);
  await store.updateHealth('shared-watch', (h) => ({ ...h, consecutiveFailures: h.consecutiveFailures + 1 }));
  if (i % 10 === 0) await store.flush();
}
await store.close();
process.stdin.destroy();
