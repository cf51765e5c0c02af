import { categoryLabel } from '../render/labels.js';
import { alertLine, alertSource, CATEGORY_LIST, errorAnswer, parseCategory } from './format.js';
import type { CommandAnswer, CommandSpec } from './types.js';

const SHOWN = 5;

/** `latest [CATEGORY]`: the last alerts, all or of one category. */
export const latestCommand: CommandSpec = {
  name: 'latest',
  description: 'The last alerts, optionally of one category',
  usage: 'latest [CATEGORY]',
  options: [
    { name: 'category', description: 'e.g. quota_batch, export_statistics', type: 'string', autocomplete: true },
  ],
  async run(req, ctx): Promise<CommandAnswer> {
    const word = req.args[0];
    const category = word === undefined ? undefined : parseCategory(word);
    if (word !== undefined && !category) {
      return errorAnswer('/regwatch latest: unknown category', [
        `"${word}" is not a category. Valid categories: ${CATEGORY_LIST}.`,
      ]);
    }
    const alerts = await ctx.store.recentAlerts(
      SHOWN,
      (a) => a.type !== 'ops' && (!category || a.categories.includes(category)),
    );
    const what = category ? `${categoryLabel(category)} alerts` : 'alerts';
    if (alerts.length === 0) {
      return {
        title: `Latest ${what}`,
        sections: [{ lines: [`No ${what} have been seen yet.`] }],
        sources: [],
        ephemeral: true,
      };
    }
    return {
      title: `Latest ${what}`,
      sections: [{ lines: alerts.map(alertLine) }],
      sources: alerts.map(alertSource),
      ephemeral: false,
    };
  },
};
