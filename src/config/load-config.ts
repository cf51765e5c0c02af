import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { loadRules, type RuleSet } from '../classify/index.js';
import type { Expectation } from '../expectations/expectation-schema.js';
import { loadExpectations } from '../expectations/load-expectations.js';
import type { ChannelBase } from './channel-schema.js';
import type { PluginKinds } from './plugin-kinds.js';
import { ConfigError, readYamlFile, validateYaml, type ConfigIssue, type YamlFile } from './config-issue.js';
import { layered, SHIPPED_CONFIG_DIR, yamlFiles } from './paths.js';
import { settingsSchema, type Settings } from './settings-schema.js';
import { watchFileSchema, watchSchema, type WatchConfig } from './watch-schema.js';

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

function loadWatchFile(yaml: YamlFile, issues: ConfigIssue[], kinds: readonly string[]): Watch[] {
  const top = validateYaml(yaml, watchFileSchema);
  issues.push(...top.issues);
  if (!top.value) return [];
  const out: Watch[] = [];
  top.value.watches.forEach((raw, i) => {
    const merged = top.value?.defaults && raw && typeof raw === 'object' ? { ...top.value.defaults, ...raw } : raw;
    const kind = merged && typeof merged === 'object' ? (merged as { kind?: unknown }).kind : undefined;
    if (typeof kind === 'string' && !kinds.includes(kind)) {
      issues.push(
        yaml.issue(
          ['watches', i, 'kind'],
          `watches[${i}].kind: unknown kind ${JSON.stringify(kind)}: use one of ${kinds.join(', ')}`,
        ),
      );
      return;
    }
    const result = watchSchema.safeParse(merged);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = ['watches', i, ...issue.path];
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys)
            issues.push(
              yaml.issue(
                [...path, key],
                `unknown key "${key}" in watch ${i + 1}: remove it or check its spelling (see docs/config.md)`,
                true,
              ),
            );
        } else {
          issues.push(yaml.issue(path, `watches[${i}].${issue.path.join('.')}: ${issue.message}`));
        }
      }
      return;
    }
    out.push({ ...result.data, name: result.data.name ?? result.data.id, file: yaml.file });
  });
  return out;
}

function loadChannels(yaml: YamlFile, issues: ConfigIssue[], notifiers: PluginKinds['channelTypes']): ChannelConfig[] {
  const top = validateYaml(yaml, notifySchema);
  issues.push(...top.issues);
  const channels: ChannelConfig[] = [];
  top.value?.channels.forEach((raw, i) => {
    const type = raw && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined;
    const factory = typeof type === 'string' ? notifiers[type] : undefined;
    if (!factory) {
      issues.push(
        yaml.issue(
          ['channels', i, 'type'],
          `channels[${i}].type: unknown channel type ${JSON.stringify(type)}; use one of ${Object.keys(notifiers).join(', ')}`,
        ),
      );
      return;
    }
    const result = factory.schema.safeParse(raw) as z.ZodSafeParseResult<ChannelConfig>;
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = ['channels', i, ...issue.path];
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys)
            issues.push(
              yaml.issue(
                [...path, key],
                `unknown key "${key}" for a ${String(type)} channel: remove it or check its spelling`,
                true,
              ),
            );
        } else issues.push(yaml.issue(path, `channels[${i}].${issue.path.join('.')}: ${issue.message}`));
      }
      return;
    }
    channels.push(result.data);
  });
  return channels;
}

function checkDuplicates<T extends { id: string }>(
  items: Array<{ item: T; yaml: YamlFile; path: PropertyKey[] }>,
  what: string,
  issues: ConfigIssue[],
): void {
  const seen = new Map<string, string>();
  for (const { item, yaml, path } of items) {
    const first = seen.get(item.id);
    if (first)
      issues.push(
        yaml.issue(
          [...path, 'id'],
          `duplicate ${what} id "${item.id}" (first defined in ${first}): ids must be unique`,
        ),
      );
    else seen.set(item.id, `${yaml.file}:${yaml.at([...path, 'id']).line}`);
  }
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
    const watches = loadWatchFile(yaml, issues, plugins.watcherKinds);
    const ids = (yaml.doc.toJS() as { watches?: Array<{ id?: unknown }> } | null)?.watches ?? [];
    for (const w of watches)
      watchEntries.push({ item: w, yaml, path: ['watches', ids.findIndex((x) => x?.id === w.id)] });
  }
  checkDuplicates(watchEntries, 'watch', issues);

  const notifyPath = existsSync(join(dir, 'notify.yaml'))
    ? join(dir, 'notify.yaml')
    : join(SHIPPED_CONFIG_DIR, 'notify.yaml');
  const notifyYaml = read(notifyPath);
  const channels = notifyYaml ? loadChannels(notifyYaml, issues, plugins.channelTypes) : [];
  if (notifyYaml) {
    const rawChannels = (notifyYaml.doc.toJS() as { channels?: Array<{ id?: unknown }> } | null)?.channels ?? [];
    checkDuplicates(
      channels.map((c) => ({
        item: c,
        yaml: notifyYaml,
        path: ['channels', rawChannels.findIndex((x) => x?.id === c.id)],
      })),
      'channel',
      issues,
    );
  }

  let settings = settingsSchema.parse({});
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
  for (const d of ruleDirs) files.push(...yamlFiles(d));
  const rulesResult = loadRules(ruleDirs, env);
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
