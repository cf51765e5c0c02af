import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import type { RuleSet } from '../classify/compile-rules.js';
import { loadRules } from '../classify/load-rules.js';
import type { Expectation } from '../expectations/expectation-schema.js';
import { loadExpectations } from '../expectations/load-expectations.js';
import type { ChannelBase } from './channel-schema.js';
import type { PluginKinds } from './plugin-kinds.js';
import {
  ConfigError,
  ONE_SHOT_PARSE,
  readYamlFile,
  validateYaml,
  zodIssues,
  type ConfigIssue,
  type YamlFile,
} from './config-issue.js';
import { layered, SHIPPED_CONFIG_DIR, yamlFiles } from './paths.js';
import { shippedRulesAsBuilt } from './shipped-rules.js';
import { settingsSchema, type Settings } from './settings-schema.js';
import { watchSchemas, type WatchConfig } from './watch-schema.js';

/** A watch as loaded, with the file it came from (for messages). */
export type Watch = WatchConfig & { name: string; file: string };
export type ChannelConfig = ChannelBase & Record<string, unknown>;

/** A complete, valid configuration. */
export interface LoadedConfig {
  dir: string;
  watches: Watch[];
  channels: ChannelConfig[];
  settings: Settings;
  rules: RuleSet;
  /** `expectations.yaml` (design §11): publications that should appear by a time. */
  expectations: Expectation[];
  /** Every file read, for hot reload. */
  files: string[];
}

const notifySchema = z.strictObject({
  $schema: z.string().optional(),
  channels: z.array(z.unknown()).default([]),
});

/** Schedule keys: a watch's own `every` or `cron` replaces the file's default schedule, whichever the default is. */
const SCHEDULE_KEYS = ['every', 'cron'];

/** The file's `defaults:` under a watch's own keys (its own keys win; its own schedule replaces the default one). */
function withDefaults(defaults: Record<string, unknown> | undefined, raw: unknown): unknown {
  if (!defaults || !raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const own = raw as Record<string, unknown>;
  const base = SCHEDULE_KEYS.some((k) => own[k] !== undefined)
    ? Object.fromEntries(Object.entries(defaults).filter(([k]) => !SCHEDULE_KEYS.includes(k)))
    : defaults;
  return { ...base, ...own };
}

/** `watch 2 (miit-quota)`: positions count from 1 in every message. */
const ownerName = (what: 'watch' | 'channel', i: number, id: unknown) =>
  `${what} ${i + 1}${typeof id === 'string' ? ` (${id})` : ''}`;

/** The watches of one file, each with its position in the file's list (0-based; messages count from 1). */
function loadWatchFile(
  yaml: YamlFile,
  issues: ConfigIssue[],
  kinds: readonly string[],
): Array<{ watch: Watch; index: number }> {
  const top = validateYaml(yaml, watchSchemas().file);
  issues.push(...top.issues);
  if (!top.value) return [];
  const ids = top.value.watches.map((w) => (w && typeof w === 'object' ? (w as { id?: unknown }).id : undefined));
  const out: Array<{ watch: Watch; index: number }> = [];
  top.value.watches.forEach((raw, index) => {
    const merged = withDefaults(top.value?.defaults, raw);
    const kind = merged && typeof merged === 'object' ? (merged as { kind?: unknown }).kind : undefined;
    if (typeof kind === 'string' && !kinds.includes(kind)) {
      issues.push(
        yaml.issue(
          ['watches', index, 'kind'],
          `${ownerName('watch', index, ids[index])}, key kind: unknown kind ${JSON.stringify(kind)}: use one of ${kinds.join(', ')}, e.g. kind: list`,
        ),
      );
      return;
    }
    const result = watchSchemas().watch.safeParse(merged, ONE_SHOT_PARSE);
    if (!result.success) {
      issues.push(...zodIssues(yaml, watchSchemas().watch, result.error.issues, merged, ['watches', index], ids));
      return;
    }
    out.push({ watch: { ...result.data, name: result.data.name ?? result.data.id, file: yaml.file }, index });
  });
  return out;
}

function loadChannels(
  yaml: YamlFile,
  issues: ConfigIssue[],
  notifiers: PluginKinds['channelTypes'],
): Array<ChannelConfig & { index: number }> {
  const top = validateYaml(yaml, notifySchema);
  issues.push(...top.issues);
  const channels: Array<ChannelConfig & { index: number }> = [];
  const ids = top.value?.channels.map((c) => (c && typeof c === 'object' ? (c as { id?: unknown }).id : undefined));
  top.value?.channels.forEach((raw, i) => {
    const type = raw && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined;
    const factory = typeof type === 'string' ? notifiers[type] : undefined;
    if (!factory) {
      issues.push(
        yaml.issue(
          ['channels', i, 'type'],
          `${ownerName('channel', i, ids?.[i])}, key type: ` +
            (type === undefined ? 'missing' : `unknown channel type ${JSON.stringify(type)}`) +
            `; use one of ${Object.keys(notifiers).join(', ')}, e.g. type: console`,
        ),
      );
      return;
    }
    const result = factory.schema.safeParse(raw, ONE_SHOT_PARSE) as z.ZodSafeParseResult<ChannelConfig>;
    if (!result.success) {
      issues.push(...zodIssues(yaml, factory.schema, result.error.issues, raw, ['channels', i], ids));
      return;
    }
    channels.push({ ...result.data, index: i });
  });
  return channels;
}

function checkDuplicates<T extends { id: string }>(
  items: Array<{ item: T; yaml: YamlFile; path: PropertyKey[] }>,
  what: string,
  issues: ConfigIssue[],
): void {
  // Positions are only looked up for a duplicate: finding them needs the full YAML parse.
  const seen = new Map<string, { yaml: YamlFile; path: PropertyKey[] }>();
  for (const { item, yaml, path } of items) {
    const first = seen.get(item.id);
    if (first)
      issues.push(
        yaml.issue(
          [...path, 'id'],
          `duplicate ${what} id "${item.id}" (first defined at ${first.yaml.file}:${first.yaml.at([...first.path, 'id']).line}): ids must be unique; rename this one, e.g. id: ${item.id}-2`,
        ),
      );
    else seen.set(item.id, { yaml, path });
  }
}

/**
 * A RuleSet loaded when one of its keys is first read. Loading files the build validated finds no issue; should one
 * have been edited since this config was loaded, its issues are thrown then, as a ConfigError.
 */
function loadedOnFirstUse(load: () => { rules?: RuleSet; issues: ConfigIssue[] }): RuleSet {
  let loaded: RuleSet | undefined;
  const rules = (): RuleSet => {
    if (loaded) return loaded;
    const result = load();
    if (!result.rules) throw new ConfigError(result.issues);
    return (loaded = result.rules);
  };
  return new Proxy({} as RuleSet, {
    get: (_, key): unknown => Reflect.get(rules(), key) as unknown,
    has: (_, key) => Reflect.has(rules(), key),
    ownKeys: () => Reflect.ownKeys(rules()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(rules(), key);
      return d && { ...d, configurable: true };
    },
  });
}

/**
 * Load and validate a config directory. Whatever it lacks (watches/, notify.yaml, rules/, settings.yaml) comes from
 * the shipped config. Watch kinds and channel types are the ones `plugins` names (the entry points pass the
 * registries). Throws ConfigError with every issue found.
 */
export function loadConfig(dirOption: string, env: NodeJS.ProcessEnv, plugins: PluginKinds): LoadedConfig {
  const dir = resolve(dirOption);
  const issues: ConfigIssue[] = [];
  if (!existsSync(dir)) {
    throw new ConfigError([
      {
        file: dir,
        line: 1,
        col: 1,
        message: 'config directory does not exist; pass --config DIR or set REGWATCH_CONFIG',
      },
    ]);
  }
  const display = process.cwd();
  const files: string[] = [];
  const read = (path: string): YamlFile | undefined => {
    files.push(path);
    const { yaml, issues: found } = readYamlFile(path, env, display);
    issues.push(...found);
    return found.length === 0 ? yaml : undefined;
  };

  const watchEntries: Array<{ item: Watch; yaml: YamlFile; path: PropertyKey[] }> = [];
  for (const path of yamlFiles(layered(dir, 'watches'))) {
    const yaml = read(path);
    if (!yaml) continue;
    for (const { watch, index } of loadWatchFile(yaml, issues, plugins.watcherKinds))
      watchEntries.push({ item: watch, yaml, path: ['watches', index] });
  }
  checkDuplicates(watchEntries, 'watch', issues);

  const notifyPath = existsSync(join(dir, 'notify.yaml'))
    ? join(dir, 'notify.yaml')
    : join(SHIPPED_CONFIG_DIR, 'notify.yaml');
  const notifyYaml = read(notifyPath);
  const indexed = notifyYaml ? loadChannels(notifyYaml, issues, plugins.channelTypes) : [];
  if (notifyYaml)
    checkDuplicates(
      indexed.map((c) => ({ item: c, yaml: notifyYaml, path: ['channels', c.index] })),
      'channel',
      issues,
    );
  const channels: ChannelConfig[] = indexed.map(({ index: _index, ...c }) => c);

  let settings = settingsSchema.parse({}, ONE_SHOT_PARSE);
  const settingsPath = join(dir, 'settings.yaml');
  if (existsSync(settingsPath)) {
    const yaml = read(settingsPath);
    const result = yaml ? validateYaml(yaml, settingsSchema) : undefined;
    if (result) issues.push(...result.issues);
    if (result?.value) settings = result.value;
  }

  const ruleDirs = [join(SHIPPED_CONFIG_DIR, 'rules')];
  if (existsSync(join(dir, 'rules')) && resolve(dir, 'rules') !== resolve(SHIPPED_CONFIG_DIR, 'rules'))
    ruleDirs.push(join(dir, 'rules'));
  const ruleFiles = ruleDirs.flatMap((d) => yamlFiles(d));
  files.push(...ruleFiles);
  // Shipped rules files as the build validated them cannot have an issue: they are loaded when first classified with,
  // so a run that classifies nothing (a config without watches, `validate` aside) neither reads nor parses them.
  const rulesResult =
    ruleDirs.length === 1 && shippedRulesAsBuilt(ruleFiles)
      ? { rules: loadedOnFirstUse(() => loadRules(ruleDirs, env)), issues: [] }
      : loadRules(ruleDirs, env);
  issues.push(...rulesResult.issues);

  const watchIds = new Set(watchEntries.map((e) => e.item.id));
  const expectations = loadExpectations(dir, read, watchIds, issues);

  if (issues.length > 0 || !rulesResult.rules) throw new ConfigError(issues);
  return {
    dir,
    watches: watchEntries.map((e) => e.item),
    channels,
    settings,
    rules: rulesResult.rules,
    expectations,
    files,
  };
}
