import type { ExpectationStatus } from '../expectations/expectation-service.js';
import { expectationName, wanted } from '../expectations/overdue-alert.js';
import { describeWindow } from '../expectations/windows.js';
import { dayText, lastDayText } from '../expectations/zoned-time.js';
import type { CommandAnswer, CommandSpec } from './types.js';

/** One expectation's lines: what is overdue, due (window open or next), and met (on time or late). */
export function expectationLines(s: ExpectationStatus): Record<'overdue' | 'due' | 'met' | 'unwatched', string[]> {
  const exp = s.expectation;
  const tz = exp.timezone;
  const name = expectationName(exp);
  const out = { overdue: [] as string[], due: [] as string[], met: [] as string[], unwatched: [] as string[] };
  if (s.last) {
    const w = s.last.window;
    const what = wanted(exp, w.period);
    if (s.last.state === 'overdue') out.overdue.push(`${name}: no ${what} by ${lastDayText(w.end, tz)}`);
    else if (s.last.state === 'unwatched')
      out.unwatched.push(`${name}: ${what} by ${lastDayText(w.end, tz)} (before regwatch watched it)`);
    else out.met.push(`${name}: ${what} on ${dayText(s.last.at!, tz)}${s.last.state === 'late' ? ' (late)' : ''}`);
  }
  if (s.next) {
    const w = s.next.window;
    const what = wanted(exp, w.period);
    if (s.next.metAt !== undefined) out.met.push(`${name}: ${what} on ${dayText(s.next.metAt, tz)} (early)`);
    else
      out.due.push(
        `${name}: ${what} by ${lastDayText(w.end, tz)}${s.next.open ? ' (window open)' : ` (opens ${dayText(w.start, tz)})`} · usually ${describeWindow(exp)}`,
      );
  }
  return out;
}

/** `expected`: publications regwatch is waiting for — overdue, due, and met (design §11). */
export const expectedCommand: CommandSpec = {
  name: 'expected',
  description: 'What should be published: overdue, due and met',
  usage: 'expected',
  options: [],
  async run(_req, ctx): Promise<CommandAnswer> {
    const statuses = (await ctx.expectations?.()) ?? [];
    if (statuses.length === 0)
      return {
        title: 'Expected publications',
        sections: [{ lines: ['No expectations are configured (expectations.yaml in the config directory).'] }],
        sources: [],
        ephemeral: true,
      };
    const all = statuses.filter((s) => s.expectation.enabled).map(expectationLines);
    const section = (heading: string, lines: string[]) => (lines.length ? [{ heading, lines }] : []);
    return {
      title: 'Expected publications',
      sections: [
        ...section(
          'Overdue',
          all.flatMap((x) => x.overdue),
        ),
        ...section(
          'Due',
          all.flatMap((x) => x.due),
        ),
        ...section(
          'Met',
          all.flatMap((x) => x.met),
        ),
      ],
      sources: [],
      ephemeral: false,
    };
  },
};
