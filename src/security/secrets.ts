/**
 * Secrets: where they come from (the environment, or a file named by `NAME_FILE`, as container secrets are mounted)
 * and a process-wide registry of their values, so any text about to leave the process — a log line, a failure
 * message, `check` output, a config error — can have them replaced by `[redacted]`.
 */
import { readFileSync } from 'node:fs';

export const REDACTED = '[redacted]';

/**
 * Values registered without knowing where they come from need this length: redacting "abc" everywhere would mangle
 * output and protect nothing.
 */
const MIN_SECRET_LENGTH = 6;
/**
 * A variable whose name says it is a secret is redacted from this length on: a short token is still a token. One or
 * two characters would replace parts of every line (JSON punctuation included) and protect nothing.
 */
export const MIN_NAMED_SECRET_LENGTH = 3;

/** Names whose values are secrets wherever they are used. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE|API_KEY|WEBHOOK|CREDENTIAL/i;

const registry = new Set<string>();
let ordered: string[] = [];

/** The forms a value can take in output: as is, JSON-escaped (log lines are JSON), percent-encoded (in URLs). */
function formsOf(value: string): string[] {
  return [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)];
}

/** Remember `value` as a secret (and its escaped forms); empty and very short values are ignored. */
export function registerSecret(value: string | undefined, minLength = MIN_SECRET_LENGTH): void {
  if (!value || value.length < minLength) return;
  let added = false;
  for (const form of formsOf(value)) {
    if (!registry.has(form)) {
      registry.add(form);
      added = true;
    }
  }
  // Longest first, so a secret that contains another is replaced whole.
  if (added) ordered = [...registry].sort((a, b) => b.length - a.length);
}

/**
 * Query parameters whose value is a credential whatever it is (typed into a watch URL rather than coming from a
 * variable): `?access_token=…`, `&api_key=…`, `?signature=…` and the like.
 */
const SECRET_QUERY_PARAM =
  /([?&;](?:[\w.-]*?(?:token|secret|password|passwd|api[_-]?key|apikey|access[_-]?key|signature|credential)s?)=)[^&#\s"'<>\\]+/gi;

/** Replace every registered secret value in `text`, and the value of every secret-named query parameter. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of ordered) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  if (out.includes('=')) out = out.replace(SECRET_QUERY_PARAM, (_, name: string) => `${name}${REDACTED}`);
  return out;
}

/**
 * The one redaction of everything that leaves the process as structured data (alerts of every kind, chat answers,
 * /healthz): every string in it, keys and values, through `redactSecrets`.
 */
export function redactDeep<T>(value: T): T {
  return JSON.parse(redactSecrets(JSON.stringify(value))) as T;
}

/** Whether `name` is a variable whose value is a secret by its name alone. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !/_FILE$/.test(name);
}

/** Values of the environment that are secrets: by their variable's name, and passwords inside URLs (store URLs). */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (!value || value.length < MIN_NAMED_SECRET_LENGTH) continue;
    if (isSecretName(name)) values.add(value);
    const password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:([^@/]+)@/i.exec(value)?.[1];
    if (password && password.length >= 4) values.add(password);
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/** Register every secret value of the environment. */
export function registerEnvSecrets(env: NodeJS.ProcessEnv = process.env): void {
  // secretValues already chose them (secret-named values from 3 characters, store passwords from 4).
  for (const value of secretValues(env)) registerSecret(value, MIN_NAMED_SECRET_LENGTH);
}

/**
 * The value of `name`: the variable itself, else the contents of the file `NAME_FILE` names (one trailing newline
 * removed). A value read from a file is registered as a secret. Throws when `NAME_FILE` names an unreadable file.
 */
export function readSecret(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const direct = env[name];
  if (direct !== undefined) return direct;
  const path = env[`${name}_FILE`];
  if (!path) return undefined;
  let value: string;
  try {
    value = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`${name}_FILE: cannot read ${path} (${code})`, { cause: error });
  }
  registerSecret(value, MIN_NAMED_SECRET_LENGTH);
  return value;
}
