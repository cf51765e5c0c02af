import * as z from 'zod';
import { channelBase } from '../src/config/channel-schema.js';
import type { NotifierFactory } from '../src/notify/notifier.js';
import { formatFigure } from '../src/render/format-figure.js';
import { digestLines } from '../src/render/digest-lines.js';
import type { Alert } from '../src/types.js';

const schema = z.strictObject({ ...channelBase, type: z.literal('console') });

/** A readable block per alert for people watching a terminal. */
export function renderConsoleAlert(alert: Alert): string {
  const lines: string[] = [];
  if (alert.digest) {
    lines.push(`── [DIGEST] ${alert.title} ${'─'.repeat(8)}`);
    lines.push(...digestLines(alert.digest).map((l) => `   ${l}`));
    return `${lines.join('\n')}\n`;
  }
  const tag = alert.type === 'ops' ? 'OPS' : alert.severity.toUpperCase();
  lines.push(`── [${tag}] ${alert.watch.name} (${alert.watch.source}) ${'─'.repeat(8)}`);
  lines.push(`   ${alert.title}`);
  if (alert.categories.length) lines.push(`   categories: ${alert.categories.join(', ')}`);
  for (const f of alert.figures) lines.push(`   • ${formatFigure(f)}`);
  if (alert.summary && alert.summary !== alert.title) lines.push(`   ${alert.summary}`);
  if (alert.expectation) {
    const e = alert.expectation;
    lines.push(
      `   expected: ${e.id}${e.period ? ` for ${e.period}` : ''} · window ended ${e.windowEnd}${e.late ? ` · ${e.lateBy} late` : ''}`,
    );
  }
  if (alert.url) lines.push(`   ${alert.url}`);
  const when = [
    alert.publishedAt ? `published ${alert.publishedAt}` : '',
    `detected ${alert.detectedAt}`,
    alert.late ? 'LATE' : '',
  ]
    .filter(Boolean)
    .join(' · ');
  lines.push(`   ${when} · watch ${alert.watch.id} · id ${alert.id}`);
  if (alert.diff) lines.push(...alert.diff.split('\n').map((l) => `   │ ${l}`));
  return `${lines.join('\n')}\n`;
}

/** Console output: a readable block per alert, or one JSON payload per line with --json. */
export const consoleNotifier: NotifierFactory<z.output<typeof schema>> = {
  type: 'console',
  schema,
  create(config, ctx) {
    const out = ctx.out ?? process.stdout;
    return {
      id: config.id,
      type: 'console',
      send(alert) {
        out.write(ctx.json ? `${JSON.stringify(alert)}\n` : renderConsoleAlert(alert));
        return Promise.resolve();
      },
      update(alert, extra) {
        // --json lines stay one alert payload each; people watching a terminal see the new source.
        if (!ctx.json) out.write(`   ↳ also seen: ${extra.source} ${extra.url} (same event as "${alert.title}")\n`);
        return Promise.resolve();
      },
    };
  },
};
