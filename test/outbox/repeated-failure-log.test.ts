import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { REPEAT_LOG_MS, RepeatedFailureLog } from '../../src/outbox/repeated-failure-log.js';

/** A logger whose lines the test reads, and a clock it moves. */
function setup() {
  type Line = { level: number; msg: string; failures?: number; since?: string; destination?: string };
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()) as Line);
      cb();
    },
  });
  let now = Date.parse('2026-12-06T03:00:00Z');
  const log = new RepeatedFailureLog(
    pino({ level: 'info' }, stream),
    { failing: 'store failing', stillFailing: 'store still failing', recovered: 'store back' },
    () => now,
  );
  return { lines, log, advance: (ms: number) => (now += ms) };
}

describe('a failure retried every few seconds is logged as one outage', () => {
  it('logs the first failure, a reminder every few minutes with the count, and the recovery once', () => {
    const { lines, log, advance } = setup();
    // An hour of retries every 5 s: 720 failures.
    for (let i = 0; i < 720; i++) {
      log.failed('slack', { destination: 'slack', err: 'connect ECONNREFUSED' });
      advance(5_000);
    }
    const errors = lines.filter((l) => l.level === 50);
    expect(errors[0]).toMatchObject({ msg: 'store failing', destination: 'slack' });
    expect(errors.slice(1).every((l) => l.msg === 'store still failing')).toBe(true);
    expect(errors).toHaveLength(1 + Math.floor((720 * 5_000 - 5_000) / REPEAT_LOG_MS));
    expect(errors[1]).toMatchObject({ failures: REPEAT_LOG_MS / 5_000 + 1, since: '2026-12-06T03:00:00.000Z' });
    log.succeeded('slack', { destination: 'slack' });
    log.succeeded('slack', { destination: 'slack' });
    const recovered = lines.filter((l) => l.msg === 'store back');
    expect(recovered).toEqual([expect.objectContaining({ level: 30, failures: 720, destination: 'slack' })]);
  });

  it('keeps each key apart, and says nothing for a success without a failure', () => {
    const { lines, log, advance } = setup();
    log.succeeded('discord');
    log.failed('slack', { destination: 'slack' });
    advance(1_000);
    log.failed('discord', { destination: 'discord' });
    log.failed('slack', { destination: 'slack' });
    expect(lines.map((l) => [l.msg, l.destination])).toEqual([
      ['store failing', 'slack'],
      ['store failing', 'discord'],
    ]);
    // After a recovery, a new failure is a new outage, logged at once.
    log.succeeded('slack');
    log.failed('slack', { destination: 'slack' });
    expect(lines.at(-1)).toMatchObject({ msg: 'store failing', destination: 'slack' });
  });
});
