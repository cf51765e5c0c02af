import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import type * as Yaml from 'yaml';
import type { z } from 'zod';
import {
  isSecretName,
  MIN_NAMED_SECRET_LENGTH,
  readSecret,
  redactSecrets,
  registerSecret,
} from '../security/secrets.js';
import { readPlainYaml } from './plain-yaml.js';
import { shippedYaml } from './shipped-yaml.js';
import { describePath, knownKeysAt, unknownKeyMessage, yamlErrorMessage, zodIssueMessage } from './config-messages.js';

/** One problem in a config file, printed as `file:line:col: message`. */
export interface ConfigIssue {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function formatIssue(issue: ConfigIssue): string {
  return `${issue.file}:${issue.line}:${issue.col}: ${redactSecrets(issue.message)}`;
}

/** Thrown when a config cannot be used; carries every issue found, not just the first. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ConfigError';
  }
}

/** A parsed YAML file that can say where any path of it is. */
export interface YamlFile {
  file: string;
  /** The SHA-256 of the text when it is a shipped file as built (src/config/shipped-yaml.ts), else undefined. */
  shippedDigest?: string;
  /** The file's content as plain JavaScript (what `yaml`'s `toJS` gives). */
  value(): unknown;
  /** Position of the node at `path` (or of its nearest existing parent). */
  at(path: ReadonlyArray<PropertyKey>, useKey?: boolean): { line: number; col: number };
  issue(path: ReadonlyArray<PropertyKey>, message: string, useKey?: boolean): ConfigIssue;
}

/** YAML keys whose values are secrets whatever the variable is called (`url: ${HOOK}` of a webhook channel …). */
const SECRET_KEY = /^(?:url|webhook|secret|token|password|authorization|signingSecret|apiKey|key)$/i;

/**
 * Replace `${VAR}` from the environment, or from the file `VAR_FILE` names (container secrets); a missing variable is
 * an issue that names it. Values that are secrets (by the variable's name, the key they fill, or because they came
 * from a file) are registered so they are redacted from every log line and message.
 */
export function substituteEnv(
  text: string,
  env: NodeJS.ProcessEnv,
  file: string,
): { text: string; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  if (!text.includes('${')) return { text, issues }; // most files, the shipped rules among them
  const lines = text.split('\n');
  const out = lines.map((line, i) =>
    line.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string, offset: number) => {
      // Leave ${VAR} alone inside comments.
      const hash = line.indexOf('#');
      if (hash !== -1 && hash < offset && /(^|\s)#/.test(line.slice(0, offset))) return whole;
      let value: string | undefined;
      try {
        value = readSecret(name, env);
      } catch (error) {
        issues.push({ file, line: i + 1, col: offset + 1, message: (error as Error).message });
        return '';
      }
      if (value === undefined) {
        issues.push({
          file,
          line: i + 1,
          col: offset + 1,
          message: `environment variable ${name} is not set; export it (or ${name}_FILE) or remove \${${name}} from the file`,
        });
        return '';
      }
      const key = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1] ?? '';
      if (isSecretName(name) || SECRET_KEY.test(key)) registerSecret(value, MIN_NAMED_SECRET_LENGTH);
      return value;
    }),
  );
  return { text: out.join('\n'), issues };
}

/** Parse one YAML file (after `${VAR}` substitution), collecting syntax errors and duplicate keys as issues. */
export function readYamlFile(
  path: string,
  env: NodeJS.ProcessEnv,
  displayRoot?: string,
): { yaml?: YamlFile; issues: ConfigIssue[] } {
  const file = displayRoot ? relative(displayRoot, path) || path : path;
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    return { issues: [{ file, line: 1, col: 1, message: `cannot read: ${(error as Error).message}` }] };
  }
  return parseYamlText(raw, file, env);
}

/**
 * Parse one YAML text. Plain YAML (see plain-yaml.ts) is read by the fast reader, and a shipped file as built is looked
 * up (shipped-yaml.ts); the `yaml` package's document, with positions, is only built for other texts or when something
 * asks where a path is (an issue).
 */
export function parseYamlText(
  raw: string,
  file: string,
  env: NodeJS.ProcessEnv,
): { yaml?: YamlFile; issues: ConfigIssue[] } {
  const { text, issues } = substituteEnv(raw, env, file);
  // The table first: a shipped file (the rules, some hundred lines each) is found at once, not read by the plain reader.
  const shipped = shippedYaml(text);
  // A shipped file's value is only parsed from the table when asked for: its validated form may be all a run needs.
  let plain = shipped ? undefined : readPlainYaml(text);
  let parsed: { doc: Document.Parsed; lines: LineCounter } | undefined;
  const full = () => (parsed ??= parseWithPositions(text));
  if (!shipped && plain === undefined) {
    const { doc, lines } = full();
    for (const error of [...doc.errors, ...doc.warnings]) {
      const pos = lines.linePos(error.pos[0]);
      const lineText = text.split('\n')[pos.line - 1] ?? '';
      issues.push({ file, line: pos.line, col: pos.col, message: yamlErrorMessage(error.code, lineText) });
    }
  }
  const at = (path: ReadonlyArray<PropertyKey>, useKey = false): { line: number; col: number } => {
    const { doc, lines } = full();
    const { isNode } = yamlPackage();
    for (let n = path.length; n >= 0; n--) {
      const sub = path.slice(0, n) as unknown[];
      if (useKey && n === path.length && n > 0) {
        const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
        const pair =
          parent && isNode(parent) && 'items' in parent
            ? (parent.items as unknown[]).find(
                (p) =>
                  typeof p === 'object' &&
                  p !== null &&
                  'key' in p &&
                  isNode(p.key) &&
                  String((p as { key: { toJSON(): unknown } }).key.toJSON()) === String(sub.at(-1)),
              )
            : undefined;
        const key = pair ? (pair as { key: { range?: [number, number, number] } }).key : undefined;
        if (key?.range) return lines.linePos(key.range[0]);
      }
      const node = n === 0 ? doc.contents : doc.getIn(sub, true);
      if (node && isNode(node) && node.range) return lines.linePos(node.range[0]);
    }
    return { line: 1, col: 1 };
  };
  const yaml: YamlFile = {
    file,
    ...(shipped ? { shippedDigest: shipped.digest } : {}),
    value: (): unknown => (shipped ? (plain ??= shipped.value()) : plain !== undefined ? plain : full().doc.toJS()),
    at,
    issue: (path, message, useKey) => ({ file, ...at(path, useKey), message }),
  };
  return { yaml, issues };
}

/** The `yaml` package, loaded the first time a text needs it (plain configs never do). */
let yamlModule: typeof Yaml | undefined;
export const yamlPackage = (): typeof Yaml => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

function parseWithPositions(text: string): { doc: Document.Parsed; lines: LineCounter } {
  const { LineCounter, parseDocument } = yamlPackage();
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true }), lines };
}

/** The value at `path` of a plain object (undefined when a step is missing). */
export function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = root;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/**
 * Zod issues as positioned ConfigIssues a person understands: the key, what was expected, an example; an unknown key
 * suggests the nearest known one. `prefix` places the checked value in the file (["watches", 2] for one watch);
 * `ids` names the file's watches or channels by position.
 */
export function zodIssues(
  yaml: YamlFile,
  schema: unknown,
  issues: z.core.$ZodIssue[],
  input: unknown,
  prefix: PropertyKey[] = [],
  ids?: ReadonlyArray<unknown>,
): ConfigIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    const where = describePath(path, ids);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      return issue.keys.map((key) => yaml.issue([...path, key], unknownKeyMessage(key, where, known), true));
    }
    return [yaml.issue(path, zodIssueMessage(issue, where, valueAt(input, issue.path)))];
  });
}

/**
 * How config is validated: without zod's JIT, which compiles a parser function for each object schema on its first use
 * and pays off only after many parses of the same shape; a config file is parsed once per load.
 */
export const ONE_SHOT_PARSE = { jitless: true } as const;

/** Validate a parsed YAML document against a zod schema; every zod issue becomes a positioned ConfigIssue. */
export function validateYaml<T>(yaml: YamlFile, schema: z.ZodType<T>): { value?: T; issues: ConfigIssue[] } {
  const input: unknown = yaml.value();
  const result = schema.safeParse(input, ONE_SHOT_PARSE);
  if (result.success) return { value: result.data, issues: [] };
  const ids = (['watches', 'channels'] as const)
    .map((k) => valueAt(input, [k]))
    .find(Array.isArray)
    ?.map((x: unknown) => valueAt(x, ['id']));
  return { issues: zodIssues(yaml, schema, result.error.issues, input, [], ids) };
}
