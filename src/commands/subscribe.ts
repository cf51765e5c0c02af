import { getSubscription, removeSubscription, setSubscription, type Subscription } from '../routing/subscriptions.js';
import { CATEGORIES, SOURCES, type Category, type SourceKind } from '../types.js';
import { sourceName } from '../render/labels.js';
import { CATEGORY_LIST, errorAnswer, parseCategory, parseSource, SOURCE_LIST } from './format.js';
import type { CommandAnswer, CommandContext, CommandRequest, CommandSpec } from './types.js';

/** Categories and sources read from `quota_batch export_statistics source:miit`, or the first word not understood. */
type Parsed = { categories: Category[]; sources: SourceKind[]; all: boolean } | { problem: string[] };

function parseFilter(args: string[]): Parsed {
  const categories: Category[] = [];
  const sources: SourceKind[] = [];
  let all = false;
  for (const arg of args.flatMap((a) => a.split(',')).filter(Boolean)) {
    const sourceWord = /^source[:=](.+)$/i.exec(arg);
    if (sourceWord) {
      const source = parseSource(sourceWord[1] ?? '');
      if (!source) return { problem: [`"${sourceWord[1]}" is not a source. Valid sources: ${SOURCE_LIST}.`] };
      if (!sources.includes(source)) sources.push(source);
      continue;
    }
    if (/^(all|every|everything)$/i.test(arg)) {
      all = true;
      continue;
    }
    const category = parseCategory(arg);
    if (!category) return { problem: [`"${arg}" is not a category. Valid categories: ${CATEGORY_LIST} (or all).`] };
    if (!categories.includes(category)) categories.push(category);
  }
  return { categories: all ? [] : categories, sources, all };
}

function describe(sub: Pick<Subscription, 'categories' | 'sources'>): string {
  const what = sub.categories.length ? sub.categories.join(', ') : 'every category';
  const from = sub.sources.length ? ` from ${sub.sources.map(sourceName).join(', ')}` : ' from every source';
  return `${what}${from}`;
}

function saved(title: string, lines: string[], ctx: CommandContext): CommandAnswer {
  return {
    title,
    sections: [{ lines }],
    sources: [{ label: 'regwatch subscriptions', date: ctx.now().toISOString().slice(0, 10) }],
    ephemeral: false,
  };
}

/** `subscribe CATEGORY… [source:SOURCE]`: this channel gets these alerts from the next one on (replaces its subscription). */
export const subscribeCommand: CommandSpec = {
  name: 'subscribe',
  description: 'Send alerts of these categories to this channel (admins only)',
  usage: 'subscribe CATEGORY… [source:SOURCE]',
  adminOnly: true,
  options: [
    {
      name: 'category',
      description: `One of: ${CATEGORY_LIST}, or all`,
      type: 'string',
      required: true,
      autocomplete: true,
      repeat: 4,
    },
    {
      name: 'source',
      description: `Only from: ${SOURCE_LIST}`,
      type: 'string',
      choices: SOURCES.map((s) => ({ name: s, value: s })),
    },
  ],
  async run(req: CommandRequest, ctx: CommandContext): Promise<CommandAnswer> {
    const parsed = parseFilter(req.args);
    if ('problem' in parsed) return errorAnswer('/regwatch subscribe: not understood', parsed.problem);
    if (parsed.categories.length === 0 && !parsed.all) {
      return errorAnswer('/regwatch subscribe: which categories?', [
        'Name at least one category, e.g. `/regwatch subscribe quota_batch export_statistics`, or `/regwatch subscribe all`.',
        `Valid categories: ${CATEGORY_LIST}. Limit to sources with source:miit (valid: ${SOURCE_LIST}).`,
      ]);
    }
    const previous = await getSubscription(ctx.store, req.platform, req.channelId);
    const sub: Subscription = {
      platform: req.platform,
      channelId: req.channelId,
      categories: parsed.categories,
      sources: parsed.sources,
      by: req.userId,
      at: ctx.now().toISOString(),
    };
    await setSubscription(ctx.store, sub);
    await ctx.refreshDestinations();
    return saved(
      'Subscribed',
      [
        `This channel now gets alerts about ${describe(sub)}, starting with the next alert.`,
        ...(previous ? [`(It replaces the earlier subscription: ${describe(previous)}.)`] : []),
      ],
      ctx,
    );
  },
};

/** `unsubscribe [CATEGORY…]`: stop some categories, or (no words) every alert this channel subscribed to. */
export const unsubscribeCommand: CommandSpec = {
  name: 'unsubscribe',
  description: "Stop this channel's alerts, or only some categories (admins only)",
  usage: 'unsubscribe [CATEGORY…]',
  adminOnly: true,
  options: [
    {
      name: 'category',
      description: 'Only stop these categories (default: all)',
      type: 'string',
      autocomplete: true,
      repeat: 4,
    },
  ],
  async run(req: CommandRequest, ctx: CommandContext): Promise<CommandAnswer> {
    const parsed = parseFilter(req.args);
    if ('problem' in parsed) return errorAnswer('/regwatch unsubscribe: not understood', parsed.problem);
    const current = await getSubscription(ctx.store, req.platform, req.channelId);
    if (!current) {
      return {
        title: 'Not subscribed',
        sections: [
          {
            lines: [
              'This channel has no subscription; nothing changed. (Channels set in notify.yaml are changed there.)',
            ],
          },
        ],
        sources: [],
        ephemeral: true,
      };
    }
    const dropping = parsed.all ? [] : parsed.categories;
    if (dropping.length === 0) {
      await removeSubscription(ctx.store, req.platform, req.channelId);
      await ctx.refreshDestinations();
      return saved('Unsubscribed', [`This channel no longer gets alerts about ${describe(current)}.`], ctx);
    }
    const base = current.categories.length ? current.categories : [...CATEGORIES];
    const left = base.filter((c) => !dropping.includes(c));
    if (left.length === 0) {
      await removeSubscription(ctx.store, req.platform, req.channelId);
      await ctx.refreshDestinations();
      return saved('Unsubscribed', ['No categories are left, so this channel no longer gets alerts.'], ctx);
    }
    const next: Subscription = { ...current, categories: left, by: req.userId, at: ctx.now().toISOString() };
    await setSubscription(ctx.store, next);
    await ctx.refreshDestinations();
    return saved(
      'Subscription changed',
      [`Stopped ${dropping.join(', ')}. This channel now gets alerts about ${describe(next)}.`],
      ctx,
    );
  },
};
