/**
 * Pure rendering for Discord: an alert or a command answer becomes one embed that always fits Discord's limits.
 * Text from watched pages is treated as hostile: mentions are neutralised and Markdown is escaped, so nothing a
 * ministry or news site writes can ping a channel, fake a link or break out of the diff code block.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { CommandAnswer } from '../../commands/types.js';
import { formatChange, metricLabel, tonnes } from '../../render/format-figure.js';
import { digestLines } from '../../render/digest-lines.js';
import { sourceName } from '../../render/labels.js';
import type { Alert, Figure, Severity } from '../../types.js';

/** https://discord.com/developers/docs/resources/message#embed-object-embed-limits */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
} as const;

export const SEVERITY_COLOURS: Record<Severity, number> = { high: 0xd83c3e, normal: 0xe8a33d, low: 0x7f8c8d };
const OPS_COLOUR = 0x8e44ad;
const ANSWER_COLOUR = 0x5865f2;
const ERROR_COLOUR = 0xd83c3e;

/** Figures shown as fields; past this a field says how many more the document states. */
const MAX_FIGURE_EVIDENCE = 160;
/** Below this many characters for the description, figure fields give way (from the last) so the text stays readable. */
const MIN_DESCRIPTION = 300;
const ZWSP = '\u200b';

/** `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&role>`, `<#channel>` become inert look-alikes (a zero-width space inside). */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<([@#][!&]?)/g, `<${ZWSP}$1`);
}

/** Backslash-escape Discord Markdown so scraped text renders as written (no bold, masked links, headings, quotes). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|[\]]/g, '\\$&').replace(/^(\s*)([#>-])/gm, '$1\\$2');
}

/** Scraped text made safe for any Markdown-rendering embed slot. */
export function plainText(text: string): string {
  return escapeMarkdown(neutraliseMentions(text));
}

/**
 * A command-answer line: our own `code spans` are kept (Slack and Discord share them); everything else, which may
 * quote watched text, is made plain.
 */
export function answerText(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? neutraliseMentions(part) : plainText(part)))
    .join('');
}

/** Cut to at most `max` characters ending in `…` (plus an optional note), never splitting an escape or a surrogate pair. */
export function cut(text: string, max: number, note = ''): string {
  if (text.length <= max) return text;
  const tail = `…${note ? ` ${note}` : ''}`;
  let head = text.slice(0, Math.max(0, max - tail.length));
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  const backslashes = /\\+$/.exec(head)?.[0].length ?? 0;
  if (backslashes % 2 === 1) head = head.slice(0, -1);
  return `${head}${tail}`.slice(0, max);
}

/** A fenced code block holding `body`, cut at a line boundary to fit `max` characters in all; '' when nothing fits. */
export function codeBlock(body: string, max: number, language = ''): string {
  const open = `\`\`\`${language}\n`;
  const close = '\n```';
  // A backtick followed by a zero-width space can never form the closing fence.
  const safe = neutraliseMentions(body).replace(/`/g, `\`${ZWSP}`);
  const room = max - open.length - close.length;
  if (room < 40) return '';
  if (safe.length <= room) return `${open}${safe}${close}`;
  const lines = safe.split('\n');
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const note = `… ${lines.length - kept.length} more lines`;
    if (used + line.length + 1 + note.length > room) {
      kept.push(note);
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  if (kept.length === 1) kept[0] = cut(safe, room);
  return `${open}${kept.join('\n')}${close}`;
}

/** Characters Discord counts against the 6,000 total. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

function figureField(f: Figure): APIEmbedField {
  const where = [f.period ?? 'period not stated', f.batch ? `batch ${f.batch}` : ''].filter(Boolean).join(' · ');
  const change = formatChange(f.change_pct, f.change_basis);
  const value = `**${tonnes(f.value)}**${change ? ` (${change})` : ''}`;
  const evidence = f.evidence ? `\n> ${cut(plainText(f.evidence.replace(/\s+/g, ' ')), MAX_FIGURE_EVIDENCE)}` : '';
  return {
    name: cut(plainText(`${metricLabel(f.metric)}, ${where}`), EMBED_LIMITS.fieldName),
    value: cut(`${value}${evidence}`, EMBED_LIMITS.fieldValue),
    inline: true,
  };
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}

/** Build the description from the summary, a lateness note and the diff, within `budget` characters. */
function alertDescription(alert: Alert, budget: number): string {
  const parts: string[] = [];
  if (alert.summary && alert.summary !== alert.title) parts.push(plainText(alert.summary));
  if (alert.late) parts.push('_Delivered late: this alert waited in the outbox while the channel was unreachable._');
  const head = cut(
    parts.join('\n\n'),
    Math.min(budget, alert.diff ? Math.floor(budget / 3) : budget),
    '(cut to fit Discord)',
  );
  if (!alert.diff) return head;
  const room = budget - head.length - (head ? 2 : 0);
  const block = codeBlock(alert.diff, room - 1, 'diff');
  const diff = block || (room > 60 ? '_The diff is too long for Discord: see the document._' : '');
  return [head, diff].filter(Boolean).join('\n\n');
}

/**
 * One embed per alert: the title links to the document, the author line names the source, categories and figures are
 * fields, the diff excerpt sits in a code block, colour by severity. Too much text is cut with a note, never rejected.
 */
export function alertEmbed(alert: Alert): APIEmbed {
  if (alert.digest) {
    // The health line always shows; the rest is cut to fit.
    const lines = digestLines(alert.digest);
    const health = plainText(lines.pop()!);
    return {
      title: cut(plainText(alert.title), EMBED_LIMITS.title),
      description: `${cut(plainText(lines.join('\n')), EMBED_LIMITS.description - health.length - 1, '(cut)')}\n${health}`,
      color: SEVERITY_COLOURS.low,
      timestamp: alert.detectedAt,
      footer: { text: 'regwatch digest' },
    };
  }
  const title = cut(plainText(alert.title || alert.watch.name), EMBED_LIMITS.title);
  const author = {
    name: cut(neutraliseMentions(`${sourceName(alert.watch.source)} · ${alert.watch.name}`), EMBED_LIMITS.author),
  };
  const footerParts = [
    alert.publishedAt ? `published ${alert.publishedAt}` : '',
    `watch ${alert.watch.id}`,
    `alert ${alert.id}`,
  ];
  const footer = { text: cut(neutraliseMentions(footerParts.filter(Boolean).join(' · ')), EMBED_LIMITS.footer) };
  const categoryField: APIEmbedField[] = alert.categories.length
    ? [{ name: 'Categories', value: alert.categories.map((c) => `\`${c}\``).join(' · '), inline: false }]
    : [];
  let figures = alert.figures.map(figureField);
  const maxFigures = EMBED_LIMITS.fields - categoryField.length;
  let hidden = 0;
  if (figures.length > maxFigures) {
    hidden = figures.length - (maxFigures - 1);
    figures = figures.slice(0, maxFigures - 1);
  }
  const moreField = (): APIEmbedField[] =>
    hidden > 0
      ? [
          {
            name: 'More figures',
            value: `${hidden} more figure${hidden === 1 ? '' : 's'} in the document: open the title link.`,
            inline: false,
          },
        ]
      : [];
  const base: APIEmbed = {
    title,
    author,
    footer,
    timestamp: alert.detectedAt,
    color: alert.type === 'ops' ? OPS_COLOUR : SEVERITY_COLOURS[alert.severity],
  };
  if (isHttpUrl(alert.url)) base.url = alert.url;
  for (;;) {
    const fields = [...categoryField, ...figures, ...moreField()];
    const budget = Math.min(EMBED_LIMITS.description, EMBED_LIMITS.total - embedLength({ ...base, fields }));
    if (budget >= MIN_DESCRIPTION || figures.length === 0) {
      const description = alertDescription(alert, Math.max(0, budget));
      const embed: APIEmbed = {
        ...base,
        ...(description ? { description } : {}),
        ...(fields.length ? { fields } : {}),
      };
      return embedLength(embed) <= EMBED_LIMITS.total
        ? embed
        : { ...embed, title: cut(title, Math.max(1, title.length - (embedLength(embed) - EMBED_LIMITS.total))) };
    }
    figures = figures.slice(0, -1);
    hidden++;
  }
}

/** A Discord-safe label for a masked link: no brackets, no mentions, no Markdown. */
function linkLabel(label: string): string {
  return plainText(label.replace(/[[\]]/g, ''));
}

function answerTable(table: NonNullable<CommandAnswer['table']>): string {
  const rows = [table.header, ...table.rows];
  const widths = table.header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(table.header), widths.map((w) => '─'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}

/** The answer to a `/regwatch` command as one embed: sections in the description, a table in a code block, sources as a field. */
export function answerEmbed(answer: CommandAnswer): APIEmbed {
  const sections = answer.sections.map((s) =>
    [s.heading ? `**${answerText(s.heading)}**` : '', ...s.lines.map(answerText)].filter(Boolean).join('\n'),
  );
  const sources = answer.sources.map((s) => {
    const label = linkLabel(s.label);
    const linked = s.url && isHttpUrl(s.url) ? `[${label}](${s.url.replace(/\)/g, '%29')})` : label;
    return s.date ? `${linked} · ${s.date}` : linked;
  });
  const fields: APIEmbedField[] = sources.length
    ? [{ name: 'Sources', value: cut(sources.join('\n'), EMBED_LIMITS.fieldValue, '(more sources)'), inline: false }]
    : [];
  const title = cut(plainText(answer.title), EMBED_LIMITS.title);
  const budget = Math.min(
    EMBED_LIMITS.description,
    EMBED_LIMITS.total - title.length - (fields[0] ? fields[0].name.length + fields[0].value.length : 0),
  );
  const text = cut(sections.join('\n\n'), answer.table ? Math.floor(budget / 2) : budget, '(cut to fit Discord)');
  const table = answer.table ? codeBlock(answerTable(answer.table), budget - text.length - 2) : '';
  const description = [text, table].filter(Boolean).join('\n\n');
  return {
    title,
    color: answer.error ? ERROR_COLOUR : ANSWER_COLOUR,
    ...(description ? { description } : {}),
    ...(fields.length ? { fields } : {}),
  };
}

/**
 * A message body with a PNG as a file part (multipart, discord.js builds it from `files`), shown as the first embed's
 * image: https://discord.com/developers/docs/reference#uploading-files
 */
export function withAttachedImage<B extends { embeds?: readonly object[] }>(
  body: B,
  file: { filename: string; title: string; contentType: string; data: Buffer },
): {
  body: B & { attachments: Array<{ id: number; filename: string; description: string }> };
  files: Array<{ name: string; data: Buffer; contentType: string }>;
} {
  const [first, ...rest] = body.embeds ?? [];
  const embeds = first ? [{ ...first, image: { url: `attachment://${file.filename}` } }, ...rest] : body.embeds;
  return {
    body: {
      ...body,
      ...(embeds ? { embeds } : {}),
      attachments: [{ id: 0, filename: file.filename, description: file.title.slice(0, 1024) }],
    },
    files: [{ name: file.filename, data: file.data, contentType: file.contentType }],
  };
}
