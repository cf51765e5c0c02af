import { readFileSync } from 'node:fs';
import { sha256 } from '../hash.js';

/**
 * The shipped config's YAML files, parsed when `npm run build` compiled dist/ (bin/build.js writes
 * shipped-yaml.json beside this module): a text whose SHA-256 is in the table has that value, so the shipped rules
 * are read without the YAML parser. Any other text (edited, the user's own, or a run from the sources, where there is
 * no table) misses and is parsed. Each value is kept as its JSON text: parsing it gives the caller its own copy.
 */
let table: Record<string, string> | undefined;

function load(): Record<string, string> {
  try {
    return JSON.parse(readFileSync(new URL('./shipped-yaml.json', import.meta.url), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** A shipped file as built: the SHA-256 of its text (the table's key) and its parsed value (a fresh copy per call). */
export interface ShippedYaml {
  digest: string;
  value(): unknown;
}

/** `text` as a shipped file as built, else undefined (edited, the user's own, or no table). */
export function shippedYaml(text: string): ShippedYaml | undefined {
  table ??= load();
  const digest = sha256(text);
  if (!Object.hasOwn(table, digest)) return undefined;
  const json = table[digest]!;
  return { digest, value: () => JSON.parse(json) as unknown };
}

/** The parsed value of `text` when it is a shipped file as built, else undefined. */
export function shippedYamlValue(text: string): unknown {
  return shippedYaml(text)?.value();
}
