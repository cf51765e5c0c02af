import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { ConfigError, formatIssue } from './config-issue.js';
import { loadConfig, type LoadedConfig } from './load-config.js';
import type { PluginKinds } from './plugin-kinds.js';

/**
 * Watches a config directory (and its watches/ and rules/ folders) and applies each valid change without a restart.
 * An invalid change is refused and logged with its errors; the last good config keeps running. Only YAML files count:
 * a store, a log or an editor's swap file kept in the same directory changes often and is no reason to reload.
 */
export class ConfigWatcher {
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly plugins: PluginKinds,
    private readonly logger: Logger,
    private readonly apply: (config: LoadedConfig) => Promise<void>,
    private readonly debounceMs = 250,
  ) {}

  start(): void {
    for (const sub of ['', 'watches', 'rules']) {
      try {
        this.watchers.push(watch(join(this.dir, sub), (_event, file) => this.changed(join(sub, file ?? ''), file)));
      } catch {
        // A folder the directory lacks falls back to the shipped one, which is not watched.
      }
    }
  }

  /** A file changed in a watched folder; the platform may not say which (`file` null), and then it may be YAML. */
  private changed(path: string, file: string | null): void {
    if (file !== null && !/\.ya?ml$/i.test(file)) return;
    this.logger.debug({ file: path }, 'config file changed');
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.chain = this.chain.then(async () => {
        await this.reload();
      });
    }, this.debounceMs);
  }

  /** Load and, if valid, apply. Returns the issues when the change was refused. */
  async reload(): Promise<string[]> {
    let config: LoadedConfig;
    try {
      config = loadConfig(this.dir, this.env, this.plugins);
    } catch (error) {
      const lines = error instanceof ConfigError ? error.issues.map(formatIssue) : [(error as Error).message];
      this.logger.error({ errors: lines }, 'config change refused; the last good config keeps running');
      return lines;
    }
    await this.apply(config);
    this.logger.info({ watches: config.watches.length, channels: config.channels.length }, 'config reloaded');
    return [];
  }

  /** Resolves when the reloads triggered so far are done (tests and shutdown). */
  async settled(): Promise<void> {
    await this.chain;
  }

  stop(): void {
    clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }
}
