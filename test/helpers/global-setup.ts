/**
 * Runs once before the test files: finds out whether Chromium, Redis and PostgreSQL are reachable and hands the
 * answers to the tests (`inject`). Locally a missing one skips its tests with one line saying how to enable them;
 * with CI=true a missing one fails the run, because CI must exercise them.
 */
import net from 'node:net';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../src/fetch/find-chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: string | null;
    redisUrl: string | null;
    postgresUrl: string | null;
  }
}

function probeTcp(url: string, timeoutMs = 800): Promise<boolean> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol.startsWith('redis') ? 6379 : 5432));
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The Chromium the browser pool would use (same lookup: env, system, Playwright's own), or null. */
async function chromiumPath(): Promise<string | null> {
  try {
    return (await findChromium()).path;
  } catch {
    return null;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const redisUrl = process.env.REGWATCH_TEST_REDIS ?? 'redis://127.0.0.1:6379';
  const postgresUrl = process.env.REGWATCH_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
  const [chromium, redisUp, postgresUp] = await Promise.all([
    chromiumPath(),
    probeTcp(redisUrl),
    probeTcp(postgresUrl),
  ]);
  const missing: string[] = [];
  if (!chromium)
    missing.push(
      'Chromium (browser tests): apt-get install -y chromium, or npx playwright install chromium, or set PLAYWRIGHT_CHROMIUM_EXECUTABLE',
    );
  if (!redisUp)
    missing.push(`Redis at ${redisUrl} (shared-store tests): start redis-server, or set REGWATCH_TEST_REDIS`);
  if (!postgresUp)
    missing.push(
      `PostgreSQL at ${postgresUrl} (shared-store tests): start PostgreSQL with trust auth, or set REGWATCH_TEST_POSTGRES`,
    );
  if (missing.length && process.env.CI === 'true') {
    throw new Error(`CI=true, and these are required but missing:\n  ${missing.join('\n  ')}`);
  }
  for (const m of missing) process.stdout.write(`skipping tests that need ${m}\n`);
  project.provide('chromium', chromium);
  project.provide('redisUrl', redisUp ? redisUrl : null);
  project.provide('postgresUrl', postgresUp ? postgresUrl : null);
}
