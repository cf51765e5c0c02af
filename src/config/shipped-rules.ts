import { readFileSync } from 'node:fs';
import type { RulesFile } from '../classify/rule-schema.js';
import { seedRequiredWords } from '../classify/required-words.js';
import { sha256 } from '../hash.js';

/**
 * The shipped rules files as the build validated them (bin/build.js writes shipped-rules.json beside this module,
 * src/classify/load-rules.ts makes it): a shipped file as built (its text's SHA-256, src/config/shipped-yaml.ts) has
 * its validated value here, so a run neither validates nor compiles the shipped rules before it classifies something.
 * The regular expressions were checked by the V8 that built it: another V8 (Node upgraded since) validates again.
 */
export interface ShippedRulesArtefact {
  /** `process.versions.v8` of the build. */
  v8: string;
  /** SHA-256 of a file's text → its validated value as JSON text (parsing it gives the caller its own copy). */
  files: Record<string, string>;
  /**
   * The words each of the classifier's patterns needs (src/classify/required-words.ts), read by the build from the
   * shipped rules: a run's first classification does not read a thousand patterns again.
   */
  requiredWords?: Record<string, string[] | null>;
}

export const SHIPPED_RULES_JSON = 'shipped-rules.json';

let artefact: ShippedRulesArtefact | null | undefined;

function isArtefact(x: unknown): x is ShippedRulesArtefact {
  if (!x || typeof x !== 'object') return false;
  const { v8, files, requiredWords } = x as Partial<ShippedRulesArtefact>;
  return (
    typeof v8 === 'string' &&
    !!files &&
    typeof files === 'object' &&
    Object.values(files).every((v) => typeof v === 'string') &&
    (requiredWords === undefined ||
      (typeof requiredWords === 'object' &&
        requiredWords !== null &&
        Object.values(requiredWords).every(
          (w) => w === null || (Array.isArray(w) && w.every((x) => typeof x === 'string')),
        )))
  );
}

/** The build's artefact, or null when there is none (a run from the sources), it is unusable, or another V8 made it. */
function load(url: URL): ShippedRulesArtefact | null {
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch {
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    parsed = (error as Error).message;
  }
  if (!isArtefact(parsed)) {
    const why = typeof parsed === 'string' ? parsed : 'not the shape the build writes';
    process.stderr.write(
      `regwatch: ignoring ${url.pathname} (${why}); the shipped rules are validated instead (\`npm run build\` rewrites it)\n`,
    );
    return null;
  }
  if (parsed.v8 !== process.versions.v8) return null;
  if (parsed.requiredWords) seedRequiredWords(parsed.requiredWords);
  return parsed;
}

/** The validated value of the shipped rules file whose text has this SHA-256, when the build validated it. */
export function validatedShippedRules(digest: string): RulesFile | undefined {
  artefact ??= load(new URL(`./${SHIPPED_RULES_JSON}`, import.meta.url));
  return artefact && Object.hasOwn(artefact.files, digest)
    ? (JSON.parse(artefact.files[digest]!) as RulesFile)
    : undefined;
}

/** The digests of the shipped rules texts the build validated, and the V8 that checked their regular expressions. */
interface ShippedRulesDigests {
  v8: string;
  digests: string[];
}

let digests: ReadonlySet<string> | null | undefined;

/** The build's digests (bin/build.js writes them beside the artefact), or null: none, unusable, or another V8's. */
function loadDigests(): ReadonlySet<string> | null {
  try {
    const parsed = JSON.parse(
      readFileSync(new URL('./shipped-rules-digests.json', import.meta.url), 'utf8'),
    ) as Partial<ShippedRulesDigests>;
    return parsed.v8 === process.versions.v8 &&
      Array.isArray(parsed.digests) &&
      parsed.digests.every((d) => typeof d === 'string')
      ? new Set(parsed.digests)
      : null;
  } catch {
    return null;
  }
}

/**
 * Whether every file of `paths` (at least one) is a shipped rules file as the build validated it, by this V8: loading
 * them can then find no issue, so a config may load them when it first classifies. Reads the files and a small table
 * of digests, not the artefact.
 */
export function shippedRulesAsBuilt(paths: readonly string[]): boolean {
  digests ??= loadDigests();
  const known = digests;
  return !!known && paths.length > 0 && paths.every((p) => known.has(sha256(readFileSync(p, 'utf8'))));
}
