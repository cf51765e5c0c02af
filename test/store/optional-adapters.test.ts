/**
 * The Redis and PostgreSQL adapters are optional dependencies: a store URL asking for a missing one fails with the
 * package to install, and a present one loads.
 */
import { expect, it } from 'vitest';
import { importAdapter } from '../../src/store/open-keyv.js';

const missing = (name: string) =>
  Promise.reject(Object.assign(new Error(`Cannot find package '${name}'`), { code: 'ERR_MODULE_NOT_FOUND' }));

it('a missing optional adapter is named with the command that installs it', async () => {
  await expect(importAdapter('@keyv/postgres', missing)).rejects.toThrow(
    'REGWATCH_STORE asks for PostgreSQL, but its adapter @keyv/postgres is not installed: run `npm install @keyv/postgres`',
  );
  await expect(importAdapter('@keyv/redis', missing)).rejects.toThrow(/Redis.*npm install @keyv\/redis/);
});

it('another failure while loading an adapter is not mistaken for a missing package', async () => {
  await expect(importAdapter('@keyv/redis', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
});

it('an installed adapter loads', async () => {
  expect(typeof (await importAdapter('@keyv/sqlite'))).toBe('function');
});
