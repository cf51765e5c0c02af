import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The config shipped with regwatch (watches, rules, notify.yaml, history); a user directory falls back to it. */
export const SHIPPED_CONFIG_DIR = packageRootConfig();

/** `<package>/config/`, from src/config/ in a checkout or dist/src/config/ in a build. */
function packageRootConfig(): string {
  const fromSources = fileURLToPath(new URL('../../config/', import.meta.url));
  const fromBuild = fileURLToPath(new URL('../../../config/', import.meta.url));
  return existsSync(join(fromSources, 'notify.yaml')) || !existsSync(join(fromBuild, 'notify.yaml'))
    ? fromSources
    : fromBuild;
}

/** The config directory: --config, else REGWATCH_CONFIG, else ./config. */
export function configDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(option ?? env.REGWATCH_CONFIG ?? './config');
}

/** YAML files directly inside a folder, sorted; empty when the folder does not exist. */
export function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** The folder `name` in the user's directory if it exists there, else the shipped one. */
export function layered(dir: string, name: string): string {
  const own = join(dir, name);
  return existsSync(own) ? own : join(SHIPPED_CONFIG_DIR, name);
}
