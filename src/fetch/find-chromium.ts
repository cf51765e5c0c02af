/**
 * Where the Chromium for `fetch: browser` comes from. Order: the configured path (settings.browser.executablePath,
 * else PLAYWRIGHT_CHROMIUM_EXECUTABLE), then a system Chromium or Chrome, then Playwright's own download.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where a browser was found, for logs and `regwatch validate`. */
export interface FoundChromium {
  path: string;
  source: 'settings' | 'env' | 'system' | 'playwright';
}

/** The error text when no browser is there: names both ways to get one and the override. */
export const NO_CHROMIUM_MESSAGE =
  'no Chromium found for fetch: browser. Get one either way: `npx playwright install chromium` (Playwright’s own build), ' +
  'or the distribution’s package (`apt-get install chromium`, `dnf install chromium`); ' +
  'or point PLAYWRIGHT_CHROMIUM_EXECUTABLE (or settings.browser.executablePath) at an installed Chromium or Chrome';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of `names` found on PATH. */
function onPath(names: string[], pathVar = process.env.PATH ?? ''): string | undefined {
  for (const name of names) {
    for (const dir of pathVar.split(delimiter)) {
      if (dir && isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

/** Playwright's downloaded Chromium, when `npx playwright install chromium` has been run. */
async function playwrightDownload(): Promise<string | undefined> {
  try {
    const { chromium } = await import('playwright');
    const path = chromium.executablePath();
    return path && isExecutable(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Find a Chromium. A configured path that does not exist is an error of its own (a typo should not silently fall back
 * to another browser).
 */
export async function findChromium(configured?: string, env: NodeJS.ProcessEnv = process.env): Promise<FoundChromium> {
  const explicit = configured
    ? { path: configured, source: 'settings' as const }
    : env.PLAYWRIGHT_CHROMIUM_EXECUTABLE
      ? { path: env.PLAYWRIGHT_CHROMIUM_EXECUTABLE, source: 'env' as const }
      : undefined;
  if (explicit) {
    if (isExecutable(explicit.path)) return explicit;
    const where = explicit.source === 'settings' ? 'settings.browser.executablePath' : 'PLAYWRIGHT_CHROMIUM_EXECUTABLE';
    throw new Error(
      `${where} is ${explicit.path}, which is not an executable file: fix the path, or unset it to use a system or Playwright Chromium (\`npx playwright install chromium\`, or the distribution’s chromium package)`,
    );
  }
  const system = SYSTEM_PATHS.find(isExecutable) ?? onPath(SYSTEM_NAMES, env.PATH);
  if (system) return { path: system, source: 'system' };
  const downloaded = await playwrightDownload();
  if (downloaded) return { path: downloaded, source: 'playwright' };
  throw new Error(NO_CHROMIUM_MESSAGE);
}
