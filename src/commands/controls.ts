import type { Alert } from '../types.js';
import { alertLine, alertSource } from './format.js';
import type { CommandAnswer, CommandSpec } from './types.js';

const SHOWN = 8;
const isControlChange = (a: Alert) =>
  a.type !== 'ops' && (a.categories.includes('control_list_addition') || a.categories.includes('control_relaxation'));

/** `controls`: the latest export-control additions and relaxations seen. */
export const controlsCommand: CommandSpec = {
  name: 'controls',
  description: 'Latest export-control list additions and relaxations',
  usage: 'controls',
  options: [],
  async run(_req, ctx): Promise<CommandAnswer> {
    const alerts = await ctx.store.recentAlerts(SHOWN, isControlChange);
    if (alerts.length === 0) {
      return {
        title: 'Export controls',
        sections: [{ lines: ['No control-list additions or relaxations have been seen yet.'] }],
        sources: [],
        ephemeral: true,
      };
    }
    const added = alerts.filter((a) => a.categories.includes('control_list_addition'));
    const relaxed = alerts.filter(
      (a) => a.categories.includes('control_relaxation') && !a.categories.includes('control_list_addition'),
    );
    return {
      title: 'Export controls: latest changes',
      sections: [
        ...(added.length ? [{ heading: 'Added to controls', lines: added.map(alertLine) }] : []),
        ...(relaxed.length ? [{ heading: 'Relaxed, suspended or lifted', lines: relaxed.map(alertLine) }] : []),
      ],
      sources: alerts.map(alertSource),
      ephemeral: false,
    };
  },
};
