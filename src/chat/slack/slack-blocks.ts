/**
 * Pure rendering for Slack: an alert or a command answer becomes Block Kit blocks plus a plain fallback `text`, always
 * within Block Kit's limits. Text from watched pages is hostile: `&`, `<`, `>` are escaped (so `<!channel>` or
 * `<@U123>` cannot ping or fake a link), `@everyone`/`@channel`/`@here` get a zero-width space, mrkdwn is sent with
 * `verbatim: true` (no auto-linking of names), and nothing can break out of a code block.
 */
import type { types } from '@slack/bolt';
import { categoryLabel, sourceName } from '../../render/labels.js';
import type { CommandAnswer } from '../../commands/types.js';
import { formatChange, metricLabel, tonnes } from '../../render/format-figure.js';
import { digestLines } from '../../render/digest-lines.js';
import type { Alert, DigestContent, Figure } from '../../types.js';

type Block = types.KnownBlock;

/** https://docs.slack.dev/reference/block-kit/blocks and @slack/types block-kit/blocks.d.ts */
export const SLACK_LIMITS = {
  blocks: 50,
  header: 150,
  section: 3000,
  contextElements: 10,
  /** Top-level text is cut by Slack above 40,000; keep the fallback short. */
  fallback: 3000,
  /** msg_blocks_too_long has been seen from ≈ 12k characters of block text (bolt-js #2509): stay under it. */
  blockText: 11_000,
} as const;

const ZWSP = '\u200b';
const FIGURE_ROWS = 20;
const SEVERITY_MARK = { high: ':rotating_light:', normal: ':large_orange_diamond:', low: ':white_circle:' } as const;

/** `@everyone`, `@channel`, `@here` become inert look-alikes. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|channel|here)\b/gi, `@${ZWSP}$1`);
}

/** Watched text made safe for a mrkdwn field: escaped control characters, neutral mentions. */
export function escapeText(text: string): string {
  return neutraliseMentions(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/**
 * plain_text is shown as written (no entities), so mention syntax is broken with a zero-width space instead of
 * escaped: `<!channel>` becomes `<\u200b!channel>`. Newlines are not allowed in headers.
 */
function plain(text: string, max: number): types.PlainTextElement {
  const inert = neutraliseMentions(text.replace(/\s+/g, ' ').trim()).replace(/<([!@#])/g, `<${ZWSP}$1`);
  return { type: 'plain_text', text: cut(inert || '(untitled)', max), emoji: false };
}

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

/** Cut to `max` characters, ending in `…` and the note; never splits an entity like `&amp;` or a surrogate pair. */
export function cut(text: string, max: number, note = ''): string {
  if (text.length <= max) return text;
  const tail = `…${note ? ` ${note}` : ''}`;
  let head = text.slice(0, Math.max(0, max - tail.length));
  head = head.replace(/&[a-z]{0,4}$/, '');
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return `${head}${tail}`;
}

/** A link Slack cannot be tricked by: `<`, `>`, `|` in the URL are percent-encoded; the label is escaped. */
export function slackLink(url: string, label: string): string {
  const safeUrl = url.replace(/[<>| ]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;');
  const safeLabel = escapeText(label).replace(/\|/g, '¦');
  return `<${safeUrl}|${safeLabel}>`;
}

/**
 * A code block of (not yet escaped) text lines, cut at a line boundary so the block fits `max` characters; a last
 * line says how many lines were left out. Backticks get a zero-width space so the body cannot close the fence.
 */
export function codeBlock(lines: string[], max: number): string {
  const open = '```\n';
  const close = '\n```';
  const room = max - open.length - close.length;
  const noteRoom = 45;
  const longest = Math.max(40, Math.min(600, room - noteRoom));
  const safe = lines.map((l) => cut(escapeText(l).replace(/`/g, `\`${ZWSP}`), longest));
  const kept: string[] = [];
  let size = 0;
  for (const [i, line] of safe.entries()) {
    const add = (kept.length > 0 ? 1 : 0) + line.length;
    const last = i === safe.length - 1;
    if (size + add + (last ? 0 : noteRoom) > room) {
      kept.push(`… ${safe.length - i} more line(s) cut`);
      break;
    }
    kept.push(line);
    size += add;
  }
  return `${open}${kept.join('\n')}${close}`;
}

/** Pad cells to column widths: a compact monospace table. */
export function tableLines(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function figureRow(f: Figure): string[] {
  return [
    metricLabel(f.metric),
    f.period ?? '—',
    f.batch ? String(f.batch) : '—',
    tonnes(f.value),
    formatChange(f.change_pct, f.change_basis) || '—',
  ];
}

/** What a notification preview shows: "[MIIT] title — quota batch — summary". */
export function alertFallback(alert: Alert): string {
  const tag = alert.type === 'ops' ? 'regwatch' : sourceName(alert.watch.source);
  const parts = [`[${tag}] ${alert.title}`];
  if (alert.categories.length) parts.push(alert.categories.map(categoryLabel).join(', '));
  if (alert.summary && alert.summary !== alert.title) parts.push(alert.summary);
  return cut(escapeText(parts.join(' — ')), SLACK_LIMITS.fallback);
}

/** Block text Slack counts toward its (undocumented) per-message budget. */
function blockTextLength(blocks: Block[]): number {
  return JSON.stringify(blocks).length;
}

/**
 * An alert as Block Kit: header (source and title), category line, summary, figures table, link, diff excerpt (page
 * watches), context (detection time, watch id). Long parts are cut with a note; the message is never rejected.
 */
export function renderAlertBlocks(alert: Alert): { text: string; blocks: Block[] } {
  if (alert.digest) return renderDigestBlocks(alert, alert.digest);
  const blocks: Block[] = [];
  const source = alert.type === 'ops' ? 'regwatch' : sourceName(alert.watch.source);
  blocks.push({ type: 'header', text: plain(`${source} · ${alert.title}`, SLACK_LIMITS.header) });

  const labels =
    alert.type === 'ops'
      ? ['ops']
      : alert.categories.length
        ? alert.categories.map(categoryLabel)
        : ['uncategorised change'];
  const mark = alert.type === 'ops' ? ':gear:' : SEVERITY_MARK[alert.severity];
  blocks.push({
    type: 'context',
    elements: [
      mrkdwn(
        `${mark} *${alert.severity}* · ${labels.map((l) => `\`${l}\``).join(' ')}${alert.late ? ' · _late delivery_' : ''}`,
      ),
    ],
  });

  if (alert.summary && alert.summary !== alert.title) {
    blocks.push({ type: 'section', text: mrkdwn(cut(escapeText(alert.summary), 1500)) });
  }

  if (alert.figures.length > 0) {
    const shown = alert.figures.slice(0, FIGURE_ROWS);
    const lines = tableLines(['Metric', 'Period', 'Batch', 'Value', 'Change'], shown.map(figureRow));
    if (alert.figures.length > shown.length) lines.push(`… and ${alert.figures.length - shown.length} more figure(s)`);
    blocks.push({ type: 'section', text: mrkdwn(`*Figures*\n${codeBlock(lines, SLACK_LIMITS.section - 20)}`) });
  }

  if (alert.url) {
    const published = alert.publishedAt ? ` · published ${alert.publishedAt}` : '';
    blocks.push({ type: 'section', text: mrkdwn(`${slackLink(alert.url, 'Open the document')}${published}`) });
  }

  if (alert.diff) {
    const budget = Math.min(SLACK_LIMITS.section, SLACK_LIMITS.blockText - blockTextLength(blocks) - 600);
    if (budget > 200)
      blocks.push({ type: 'section', text: mrkdwn(`*Changes*\n${codeBlock(alert.diff.split('\n'), budget - 20)}`) });
  }

  blocks.push({
    type: 'context',
    elements: [
      mrkdwn(
        `Detected ${alert.detectedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')} · watch \`${escapeText(alert.watch.id)}\` · ${escapeText(alert.watch.name)}`,
      ),
    ],
  });
  return { text: alertFallback(alert), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

/** A digest: a header, then its lines (escaped: they quote watched titles) in sections that fit Slack's limits. */
function renderDigestBlocks(alert: Alert, digest: DigestContent): { text: string; blocks: Block[] } {
  const blocks: Block[] = [{ type: 'header', text: plain(`regwatch · ${alert.title}`, SLACK_LIMITS.header) }];
  const lines = digestLines(digest);
  // The health line always shows; the rest fills the message up to Slack's budget, then says how much was left out.
  const health = lines.pop()!;
  let chunk: string[] = [];
  let left = lines.length;
  const flush = () => {
    if (chunk.length) blocks.push({ type: 'section', text: mrkdwn(cut(escapeText(chunk.join('\n')), 2900)) });
    chunk = [];
  };
  for (const line of lines) {
    if (chunk.join('\n').length + line.length > 2800) flush();
    if (blockTextLength(blocks) + chunk.join('\n').length + line.length > SLACK_LIMITS.blockText - 1500) break;
    chunk.push(line);
    left--;
  }
  if (left > 0) chunk.push(`… ${left} more line(s): the webhook and console digests have them all`);
  chunk.push(health);
  flush();
  return {
    text: cut(escapeText(`[regwatch] ${alert.title} — ${alert.summary}`), SLACK_LIMITS.fallback),
    blocks: blocks.slice(0, SLACK_LIMITS.blocks),
  };
}

/** Our own answer text: `code spans` stay as written (inside them nothing is parsed), the rest is escaped. */
export function answerText(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) =>
      i % 2 === 1 ? part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : escapeText(part),
    )
    .join('');
}

/** Split lines into section texts of at most `max` characters each. */
function chunkLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = cut(raw, max);
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** A command answer as Block Kit: title, sections, a monospace table, and the sources with their dates. */
export function renderAnswerBlocks(answer: CommandAnswer): { text: string; blocks: Block[] } {
  const blocks: Block[] = [{ type: 'header', text: plain(answer.title, SLACK_LIMITS.header) }];
  for (const section of answer.sections) {
    const lines = [...(section.heading ? [`*${escapeText(section.heading)}*`] : []), ...section.lines.map(answerText)];
    for (const chunk of chunkLines(lines, SLACK_LIMITS.section)) blocks.push({ type: 'section', text: mrkdwn(chunk) });
  }
  if (answer.table && answer.table.rows.length > 0) {
    const budget = Math.max(
      600,
      Math.min(SLACK_LIMITS.section, SLACK_LIMITS.blockText - blockTextLength(blocks) - 1500),
    );
    blocks.push({
      type: 'section',
      text: mrkdwn(codeBlock(tableLines(answer.table.header, answer.table.rows), budget)),
    });
  }
  if (answer.sources.length > 0) {
    const lines = answer.sources.map((s) => {
      const label = s.url ? slackLink(s.url, s.label) : escapeText(s.label);
      return `• ${label}${s.date ? ` — ${escapeText(s.date)}` : ''}`;
    });
    const [first] = chunkLines(['*Sources*', ...lines], SLACK_LIMITS.section);
    if (first) blocks.push({ type: 'context', elements: [mrkdwn(first)] });
  }
  const firstLine = answer.sections[0]?.lines[0];
  const text = cut(escapeText(firstLine ? `${answer.title}: ${firstLine}` : answer.title), SLACK_LIMITS.fallback);
  return { text, blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}
