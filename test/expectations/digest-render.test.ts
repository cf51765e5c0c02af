import { describe, expect, it } from 'vitest';
import { digestAlert, digestContent } from '../../src/digest/build-digest.js';
import { digestSchema } from '../../src/digest/digest-schema.js';
import { renderConsoleAlert } from '../../notifiers/console.js';
import { alertEmbed } from '../../src/chat/discord/discord-embed.js';
import { renderAlertBlocks } from '../../src/chat/slack/slack-blocks.js';
import { embedProblems } from '../helpers/fake-discord.js';
import { blockProblems } from '../helpers/fake-slack.js';
import { gacAlert } from './harness.js';

const settings = digestSchema.parse({ every: 'weekly', day: 'mon', at: '09:00', timezone: 'Asia/Shanghai' });
const slot = { from: Date.parse('2026-11-30T01:00:00Z'), at: Date.parse('2026-12-07T01:00:00Z') };
const channel = { id: 'desk', type: 'slack', categories: [], sources: [], ops: false, enabled: true };

/** A week of `n` alerts with long titles (and mentions, which must stay inert). */
function week(n: number) {
  const alerts = Array.from({ length: n }, (_, i) => ({
    ...gacAlert(`2026-${String((i % 12) + 1).padStart(2, '0')}`, '2026-12-01T00:00:00Z'),
    id: `a${i}`,
    title: `@everyone <@123> ${'海关总署公布进出口商品量值表 '.repeat(8)}${i}`,
  }));
  return digestAlert(channel, settings, slot, digestContent(channel, settings, slot, alerts, '24 watches: 24 ok'));
}

describe('a digest on every channel', () => {
  it('prints on the console with its groups, figures and health', () => {
    const text = renderConsoleAlert(week(2));
    expect(text.split('\n').slice(0, 3)).toEqual([
      '── [DIGEST] Weekly digest for 30 Nov 2026 – 7 Dec 2026 ────────',
      '   export statistics (2)',
      expect.stringContaining('   • @everyone <@123> 海关总署'),
    ]);
    expect(text).toContain('      rare-earth exports 2026-01: 4,821.6 t, +8.6% y/y');
    expect(text).toContain('   watch health: 24 watches: 24 ok');
  });

  it('fits Slack and Discord limits however long, keeps the health line, and neutralises mentions', () => {
    for (const n of [1, 200]) {
      const alert = week(n);
      const slack = renderAlertBlocks(alert);
      expect(blockProblems(slack.blocks)).toEqual([]);
      const slackText = JSON.stringify(slack.blocks);
      expect(slackText).toContain('watch health: 24 watches: 24 ok');
      expect(slackText).not.toContain('<@123>');
      if (n > 1) expect(slackText).toMatch(/… \d+ more line\(s\)/);
      const embed = alertEmbed(alert);
      expect(embedProblems({ embeds: [embed] })).toEqual([]);
      expect(embed.description).not.toMatch(/@everyone|<@123>/);
      expect(embed.description).toMatch(/\nwatch health: 24 watches: 24 ok$/);
    }
  });
});
