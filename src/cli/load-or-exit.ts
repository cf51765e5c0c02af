import { ConfigError, formatIssue } from '../config/config-issue.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { plugins } from '../plugins.js';
import { Store } from '../store/store.js';

/** Exit codes of design §6. */
export const EXIT = { ok: 0, fetchFailed: 1, badConfig: 2 } as const;

/** Load the config, or print every issue as file:line:col and exit 2. */
export function loadOrExit(dir: string, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  try {
    return loadConfig(dir, env, plugins);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
      process.stderr.write(`${error.issues.length} config error(s); nothing was checked\n`);
      process.exit(EXIT.badConfig);
    }
    throw error;
  }
}

/** Open the store named by REGWATCH_STORE, or print why it cannot be used (password hidden) and exit 1. */
export async function openStoreOrExit(url: string | undefined = process.env.REGWATCH_STORE): Promise<Store> {
  try {
    return await Store.open(url);
  } catch (error) {
    process.stderr.write(
      `regwatch: ${(error as Error).message}\n  → check REGWATCH_STORE and that the server is running; nothing was checked\n`,
    );
    process.exit(EXIT.fetchFailed);
  }
}
