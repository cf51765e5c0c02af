/**
 * Config problems in words a person acts on: each message names the key, says what was expected and shows an example.
 * The YAML parser's and zod's own texts ("Nested mappings are not allowed in compact mappings", "Invalid input:
 * expected string, received undefined") are translated here and never reach the user.
 */
import type { z } from 'zod';

/** One example line per key, as it would appear in a config file. */
const EXAMPLES: Record<string, string> = {
  id: 'id: miit-rare-earth',
  name: 'name: MIIT — 稀土',
  source: 'source: miit',
  kind: 'kind: list',
  url: 'url: https://www.miit.gov.cn/jgsj/ycls/wjfb/index.html',
  fetch: 'fetch: browser',
  every: 'every: 10m',
  cron: 'cron: "*/10 8-19 * * 1-5"',
  timezone: 'timezone: Asia/Shanghai',
  enabled: 'enabled: false',
  method: 'method: POST',
  headers: 'headers: { Referer: "https://www.miit.gov.cn/" }',
  query: 'query: { page: 1 }',
  body: 'body: "pageNo=1"',
  userAgent: 'userAgent: "Mozilla/5.0 …"',
  charset: 'charset: gbk',
  timeout: 'timeout: 30s',
  connectTimeout: 'connectTimeout: 10s',
  maxBytes: 'maxBytes: 5000000',
  browser: 'browser: { waitFor: "ul.list li" }',
  waitFor: 'waitFor: "ul.list li"',
  select: 'select: "div.article"',
  ignore: 'ignore: [".counter", ".time"]',
  items: "items: 'ul.zxxx_list li'",
  link: "link: 'a'",
  title: "title: 'a'",
  date: "date: 'span'",
  detail: "detail: 'div.article'",
  json: 'json: { path: data.list, title: title, link: url }',
  path: 'path: data.list',
  eachLink: 'eachLink: true',
  filterOn: 'filterOn: document',
  fallback: 'fallback: { fetch: browser }',
  include: 'include: [稀土]',
  exclude: 'exclude: [招聘]',
  follow: 'follow: false',
  attachments: 'attachments: true',
  allowHosts: 'allowHosts: [intranet.example.com]',
  minText: 'minText: 200',
  baseline: 'baseline: alert',
  categories: 'categories: [quota_batch, licence_approval]',
  sources: 'sources: [miit, mofcom]',
  type: 'type: slack',
  channel: 'channel: C0123ABCD',
  secret: 'secret: ${REGWATCH_WEBHOOK_SECRET}',
  ops: 'ops: true',
  concurrency: 'concurrency: 16',
  perHost: 'perHost: 2',
  hostInterval: 'hostInterval: 1s',
  maxRedirects: 'maxRedirects: 5',
  jitter: 'jitter: 0.5',
  failureThreshold: 'failureThreshold: 3',
  diffTimeout: 'diffTimeout: 200ms',
  watches: 'watches:\n  - id: miit-rare-earth\n    kind: list\n    url: https://…',
  channels: 'channels:\n  - id: desk\n    type: console',
  defaults: 'defaults: { every: 10m }',
};

/** The example for the last named key of `path` ("e.g. every: 10m"), or a pointer to the docs. */
export function exampleFor(path: ReadonlyArray<PropertyKey>): string {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  const example = key ? EXAMPLES[key] : undefined;
  return example ? `e.g. ${example.includes('\n') ? `\n${example}` : example}` : 'see docs/config.md for an example';
}

/** Where a key is, as a person names it: the watch or channel by position (from 1) and id, and the key's path. */
export interface Place {
  owner: string;
  key: string;
}

export function describePath(path: ReadonlyArray<PropertyKey>, ids?: ReadonlyArray<unknown>): Place {
  let owner = '';
  const keys: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    const next = path[i + 1];
    if (i === 0 && (p === 'watches' || p === 'channels') && typeof next === 'number') {
      const id = ids?.[next];
      owner = `${p === 'watches' ? 'watch' : 'channel'} ${next + 1}${typeof id === 'string' ? ` (${id})` : ''}`;
      i++;
    } else if (typeof p === 'number') keys.push(`item ${p + 1}`);
    else keys.push(String(p));
  }
  return { owner, key: keys.join('.').replace(/\.item /g, ' item ') };
}

/** `watch 2 (miit), key items` */
export function placeText(place: Place): string {
  if (!place.owner) return place.key || 'this file';
  return place.key ? `${place.owner}, key ${place.key}` : place.owner;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function received(input: unknown): string {
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping (nested keys)';
  return `${typeof input} ${JSON.stringify(input)}`;
}

/** One zod issue as a sentence: what is wrong with which key, what was expected, an example. */
export function zodIssueMessage(issue: z.core.$ZodIssue, place: Place, input: unknown): string {
  const key = placeText(place);
  const example = exampleFor(issue.path);
  // A message the schema wrote itself (not zod's generic "Invalid input: …") already says what to do.
  if (!/^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(issue.message)) return `${key}: ${issue.message}`;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `${key} is missing: it needs ${article(issue.expected)} value; ${example}`;
      return `${key} should be ${article(issue.expected === 'array' ? 'list' : issue.expected)}, not ${received(input)}; ${example}`;
    case 'invalid_value':
      return `${key} is ${JSON.stringify(input)}; use one of ${issue.values.map((v) => String(v)).join(', ')}; ${example}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `${key} is empty; give at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'item' : 'character'}(s); ${example}`
        : `${key} is ${String(input)}, below the smallest allowed (${String(issue.minimum)}); ${example}`;
    case 'too_big':
      return `${key} is ${String(input)}, above the largest allowed (${String(issue.maximum)}); ${example}`;
    case 'invalid_union':
      return `${key}: ${JSON.stringify(input)} is not a valid value; ${example}`;
    case 'invalid_format':
      return `${key}: ${JSON.stringify(input)} is not in the expected form; ${example}`;
    default:
      return `${key}: ${JSON.stringify(input)} is not a valid value; ${example}`;
  }
}

/** Edit distance (insertions, deletions, substitutions, neighbour swaps), for spelling suggestions. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/** The known key closest to a misspelt one, when it is close enough to be what was meant. */
export function nearestKey(key: string, known: Iterable<string>): string | undefined {
  let best: { key: string; d: number } | undefined;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (!best || d < best.d) best = { key: k, d };
  }
  return best && best.d <= Math.max(1, Math.floor(best.key.length / 3)) ? best.key : undefined;
}

/** `unknown key "evry" in watch 1 (miit): did you mean "every"? …` */
export function unknownKeyMessage(key: string, place: Place, known: Iterable<string>): string {
  const near = nearestKey(key, known);
  const under = place.key ? ` under ${place.key}` : '';
  const owner = place.owner ? ` in ${place.owner}` : '';
  return near
    ? `unknown key "${key}"${under}${owner}: did you mean "${near}"? ${exampleFor([near])}`
    : `unknown key "${key}"${under}${owner}: remove it or check its spelling (docs/config.md lists every key)`;
}

/** A YAML syntax error, by the parser's code, in words; the parser's own text is not shown. */
export function yamlErrorMessage(code: string, lineText = ''): string {
  const key = /^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:/.exec(lineText)?.[1];
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value here contains ": " or a key is indented under a value: quote values with a colon (e.g. title: "通知: 2024"), and give each key its own line, aligned with its neighbours';
    case 'TAB_AS_INDENT':
      return 'a tab indents this line: YAML is indented with spaces only (two per level)';
    case 'BAD_INDENT':
      return 'the indentation does not line up: keys of one mapping start in the same column, and a [ or { list ends with ] or } (e.g. include: [稀土, 配额])';
    case 'MISSING_CHAR':
      return 'a quote or bracket opened here is never closed: close it on the same line (e.g. title: "…")';
    case 'DUPLICATE_KEY':
      return `duplicate key${key ? ` "${key}"` : ''}: this key is given twice in the same mapping; keep one`;
    case 'UNEXPECTED_TOKEN':
      return 'unexpected text: a line here is neither a key ("key: value") nor a list item ("- …") at the right indentation';
    case 'BAD_SCALAR_START':
      return 'a value starts with a character YAML reserves (@, `, %, |, >): quote it (e.g. name: "@desk")';
    case 'TAG_RESOLVE_FAILED':
      return 'a value starts with "!": quote it (e.g. title: "!重要")';
    default:
      return `the YAML here cannot be read (${code.toLowerCase().replace(/_/g, ' ')}): check quotes, colons and indentation`;
  }
}

const CRON_FIELDS: Array<{ name: string; min: number; max: number; names?: string[] }> = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  },
  { name: 'weekday', min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

/**
 * What is wrong with a cron expression, field by field ("minute 61 is out of range 0-59"), or undefined when every
 * field is in range. Five fields, or six with seconds first.
 */
export function cronFieldProblems(expr: string): string[] | undefined {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6)
    return [
      `it has ${parts.length} field(s); a cron expression has five (minute hour day month weekday) or six with seconds first`,
    ];
  const fields = parts.length === 6 ? [{ name: 'second', min: 0, max: 59 }, ...CRON_FIELDS] : CRON_FIELDS;
  const problems: string[] = [];
  parts.forEach((part, i) => {
    const f = fields[i]!;
    const value = (text: string): number | undefined => {
      const named = f.names?.indexOf(text.toLowerCase().slice(0, 3));
      if (named !== undefined && named >= 0 && /^[a-z]+$/i.test(text)) return named + (f.name === 'month' ? 1 : 0);
      return /^\d+$/.test(text) ? Number(text) : undefined;
    };
    for (const piece of part.split(',')) {
      const [range = '', step] = piece.split('/');
      if (step !== undefined) {
        if (!/^\d+$/.test(step) || Number(step) < 1)
          problems.push(`${f.name} step "${step}" is not a whole number ≥ 1`);
        else if (Number(step) > f.max) problems.push(`${f.name} ${step} is out of range ${f.min}-${f.max}`);
      }
      if (range === '*' || range === '?') continue;
      for (const end of range.split('-')) {
        const n = value(end);
        if (n === undefined) problems.push(`${f.name} "${end}" is not a number`);
        else if (n < f.min || n > f.max) problems.push(`${f.name} ${n} is out of range ${f.min}-${f.max}`);
      }
    }
  });
  return problems.length ? problems : undefined;
}

/** The keys a (zod) object schema knows at `path` (through optional, default, array and pipe wrappers). */
export function knownKeysAt(schema: unknown, path: ReadonlyArray<PropertyKey>): string[] {
  let s = schema as { shape?: Record<string, unknown>; def?: Record<string, unknown> } | undefined;
  const unwrap = () => {
    for (let n = 0; s && !s.shape && n < 8; n++) {
      const def = s.def ?? {};
      s = (def.innerType ?? def.in ?? def.schema) as typeof s;
    }
  };
  for (const p of path) {
    unwrap();
    if (typeof p === 'number') s = (s?.def?.element as typeof s) ?? s;
    else s = s?.shape?.[String(p)] as typeof s;
  }
  unwrap();
  return s?.shape ? Object.keys(s.shape) : [];
}
