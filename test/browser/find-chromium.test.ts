import { describe, expect, it } from 'vitest';
import { findChromium, NO_CHROMIUM_MESSAGE } from '../../src/fetch/find-chromium.js';

// Any executable file stands in for a browser here: the lookup only decides which path to launch.
const anExecutable = process.execPath;

describe('finding a Chromium for fetch: browser', () => {
  it('settings.browser.executablePath comes first, then PLAYWRIGHT_CHROMIUM_EXECUTABLE', async () => {
    const env = { PATH: '', PLAYWRIGHT_CHROMIUM_EXECUTABLE: '/bin/sh' };
    expect(await findChromium(anExecutable, env)).toEqual({ path: anExecutable, source: 'settings' });
    expect(await findChromium(undefined, { ...env, PLAYWRIGHT_CHROMIUM_EXECUTABLE: anExecutable })).toEqual({
      path: anExecutable,
      source: 'env',
    });
  });

  it('a configured path that is not there is an error naming it and the ways to get a browser, not a silent fallback', async () => {
    await expect(
      findChromium(undefined, { PATH: '', PLAYWRIGHT_CHROMIUM_EXECUTABLE: '/nowhere/chrome' }),
    ).rejects.toThrow(
      /PLAYWRIGHT_CHROMIUM_EXECUTABLE is \/nowhere\/chrome.*npx playwright install chromium.*chromium package/,
    );
    await expect(findChromium('/nowhere/chrome', {})).rejects.toThrow(/settings\.browser\.executablePath/);
  });

  it('the no-browser message names both ways to get one and the override', () => {
    expect(NO_CHROMIUM_MESSAGE).toContain('npx playwright install chromium');
    expect(NO_CHROMIUM_MESSAGE).toContain('apt-get install chromium');
    expect(NO_CHROMIUM_MESSAGE).toContain('PLAYWRIGHT_CHROMIUM_EXECUTABLE');
  });
});
