import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../../src/config/load-config.js';
import { plugins } from '../../src/plugins.js';
import { Runner } from '../../src/pipeline/runner.js';
import { Store } from '../../src/store/store.js';

/** A Runner on the config in `dir` and the store at `storeUrl`, logging nothing and printing nowhere. */
export async function quietRunner(dir: string, storeUrl: string): Promise<{ runner: Runner; store: Store }> {
  const store = await Store.open(storeUrl);
  const runner = new Runner({
    store,
    logger: pino({ level: 'silent' }),
    out: new Writable({ write: (_c, _e, cb) => cb() }),
  });
  await runner.applyConfig(loadConfig(dir, {}, plugins));
  return { runner, store };
}
