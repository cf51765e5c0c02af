import { nodeCron } from './node-cron.js';
import * as z from 'zod';
import { CATEGORIES, SOURCES } from '../types.js';
import { cronFieldProblems } from './config-messages.js';
import { builtOnce } from './built-once.js';
import { parseDuration } from './duration.js';
import { selectorError } from '../extract/selector-check.js';

/**
 * The schemas of a watch and of a watches/*.yaml file, built when first asked for: a config without watch files
 * builds none of them (zod builds a schema's every part when it is declared).
 */
function buildWatchSchemas() {
  const selector = z
    .string()
    .min(1)
    .superRefine((value, ctx) => {
      // Checked without building a DOM when the streaming extractor reads the selector (cheerio loads only otherwise).
      const error = selectorError(value);
      if (error) ctx.addIssue({ code: 'custom', message: `bad CSS selector "${value}": ${error}` });
    });

  const duration = z.union([z.string(), z.number()]).transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `bad duration "${value}": use e.g. 500ms, 30s, 10m, 2h, 1d` });
      return z.NEVER;
    }
    return ms;
  });

  const every = z.string().transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined || ms < 1000) {
      ctx.addIssue({ code: 'custom', message: `bad interval "${value}": use e.g. 30s, 10m, 2h, 1d (at least 1s)` });
      return z.NEVER;
    }
    return ms;
  });

  const cronExpr = z.string().superRefine((value, ctx) => {
    const problems = cronFieldProblems(value);
    if (problems || !nodeCron().validate(value)) {
      ctx.addIssue({
        code: 'custom',
        message:
          `bad cron expression "${value}": ${problems ? problems.join('; ') : 'a field is not valid'}. Five fields: ` +
          'minute (0-59) hour (0-23) day (1-31) month (1-12) weekday (0-7, 0 and 7 are Sunday), e.g. ' +
          'cron: "*/10 8-19 * * 1-5" (every 10 minutes from 08:00 to 19:59, Monday to Friday)',
      });
    }
  });

  const httpUrl = z.string().superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `bad URL "${value}": write an absolute http:// or https:// address` });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: `bad URL "${value}": only http:// and https:// are supported` });
    }
  });

  /** Where list items come from when the answer is JSON (an API) instead of HTML. */
  const jsonItems = z.strictObject({
    /** Dotted path to the array of items (`data.list`), or to an HTML fragment (`data.html`) with `html: true`. */
    path: z.string().min(1),
    /** The value at `path` is an HTML fragment: `items`/`link`/`date` selectors then apply to it. */
    html: z.boolean().default(false),
    title: z.string().default('title'),
    link: z.string().default('url'),
    date: z.string().optional(),
  });

  const browserOptions = z.strictObject({
    waitFor: z.string().optional(),
    timeout: duration.optional(),
    blockResources: z.array(z.enum(['image', 'font', 'media', 'stylesheet'])).optional(),
    viewport: z.strictObject({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
    locale: z.string().optional(),
    userAgent: z.string().optional(),
    keepCookies: z.boolean().optional(),
    screenshot: z.union([z.boolean(), z.string()]).optional(),
  });

  /**
   * A second way to get the same list, tried when the first fails or comes back empty (a JS-rendered index page, a
   * 412 challenge): the keys given here replace the watch's own for that attempt (e.g. the CMS's JSON API, or
   * fetch: browser). Items keep their canonical-link keys, so either way finds the same items.
   */
  const fallbackSchema = z.strictObject({
    url: httpUrl.optional(),
    fetch: z.enum(['http', 'browser']).optional(),
    method: z.enum(['GET', 'POST']).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    query: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    body: z.string().optional(),
    browser: browserOptions.optional(),
    items: selector.optional(),
    link: selector.optional(),
    title: selector.optional(),
    date: selector.optional(),
    json: jsonItems.optional(),
  });

  /** One watch (design §3, contract keys plus extensions documented in docs/config.md). */
  const watch = z
    .strictObject({
      id: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/, 'watch id must be lower-case letters, digits and dashes ([a-z0-9-]+)'),
      name: z.string().min(1).optional(),
      source: z.enum(SOURCES).default('other'),
      /** page, list, feed … — checked against the watcher registry when the config is loaded (load-config.ts). */
      kind: z.string().min(1),
      url: httpUrl,
      fetch: z.enum(['http', 'browser']).default('http'),
      every: every.optional(),
      /** One cron expression, or a list (the watch is checked when any of them fires). */
      cron: z.union([cronExpr, z.array(cronExpr).min(1)]).optional(),
      timezone: z.string().default('Asia/Shanghai'),
      enabled: z.boolean().default(true),
      // request
      method: z.enum(['GET', 'POST']).default('GET'),
      headers: z.record(z.string(), z.string()).default({}),
      query: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
      body: z.string().optional(),
      userAgent: z.string().optional(),
      charset: z.string().optional(),
      timeout: duration.optional(),
      maxBytes: z.number().int().positive().optional(),
      browser: browserOptions.optional(),
      // extraction
      select: selector.optional(),
      ignore: z.array(selector).default([]),
      items: selector.optional(),
      link: selector.optional(),
      title: selector.optional(),
      date: selector.optional(),
      detail: selector.optional(),
      json: jsonItems.optional(),
      /** list: every link of an item is an item of its own, titled "<item title> <link text>" (GAC's year table). */
      eachLink: z.boolean().default(false),
      /** Where include/exclude look: the list entry's title (default), or the followed document's own text. */
      filterOn: z.enum(['title', 'document']).default('title'),
      /** list: another way to the same list when the first fails or is empty. */
      fallback: fallbackSchema.optional(),
      include: z.array(z.string().min(1)).default([]),
      exclude: z.array(z.string().min(1)).default([]),
      /** list/feed: fetch each new item's page for the document (default true for list, false for feeds with content). */
      follow: z.boolean().optional(),
      attachments: z.boolean().default(false),
      /** Hosts besides the watch's own whose links may be followed even if they resolve to private addresses. */
      allowHosts: z
        .array(
          z
            .string()
            .regex(
              /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[?[0-9A-Fa-f:.]+\]?)$/,
              'a host name or IP address only, without scheme, port or path (e.g. intranet.example.com)',
            ),
        )
        .default([]),
      /** A page with fewer characters of text than this is a failure (an error shell), not content. */
      minText: z.number().int().nonnegative().default(1),
      /** First check: record a baseline silently (default), or alert every item found. */
      baseline: z.enum(['silent', 'alert']).default('silent'),
      /** list/feed: more new items than this in one check give one summary alert (the list was likely re-arranged). */
      maxNewItems: z.number().int().min(1).default(10),
      /** Add these categories to every alert of this watch. */
      categories: z.array(z.enum(CATEGORIES)).default([]),
    })
    .superRefine((w, ctx) => {
      if (w.every !== undefined && w.cron !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['cron'],
          message: 'give either every or cron, not both, e.g. every: 10m or cron: "*/10 8-19 * * 1-5"',
        });
      }
      if (w.kind === 'list' && !w.items && !w.json) {
        ctx.addIssue({
          code: 'custom',
          path: ['items'],
          message: 'a list watch needs items: a CSS selector with one element per announcement (or json:)',
        });
      }
      if (w.kind !== 'list' && (w.items || w.json)) {
        ctx.addIssue({
          code: 'custom',
          path: [w.items ? 'items' : 'json'],
          message: `items/json only apply to kind: list (this watch is kind: ${w.kind})`,
        });
      }
      if (w.kind !== 'page' && w.select) {
        ctx.addIssue({
          code: 'custom',
          path: ['select'],
          message: `select only applies to kind: page; a ${w.kind} watch uses items/detail`,
        });
      }
      for (const [key, list] of [
        ['include', w.include],
        ['exclude', w.exclude],
      ] as const) {
        list.forEach((pattern, i) => {
          if (pattern.startsWith('/') && pattern.endsWith('/') && pattern.length > 2) {
            try {
              new RegExp(pattern.slice(1, -1), 'i');
            } catch (error) {
              ctx.addIssue({
                code: 'custom',
                path: [key, i],
                message: `bad regular expression ${pattern}: ${(error as Error).message}`,
              });
            }
          }
        });
      }
    });

  /** A watches/*.yaml file: a list of watches, optionally with defaults merged into each. */
  const file = z.strictObject({
    $schema: z.string().optional(),
    defaults: z.record(z.string(), z.unknown()).optional(),
    watches: z.array(z.unknown()).default([]),
  });
  return { watch, file };
}

/** `watch`: one watch; `file`: a watches/*.yaml file (its watches unparsed, each parsed with `watch`). */
export const watchSchemas = builtOnce(buildWatchSchemas);

export type WatchConfig = z.output<ReturnType<typeof watchSchemas>['watch']>;
