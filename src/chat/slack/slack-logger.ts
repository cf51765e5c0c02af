// Types only: a value import of @slack/bolt would load all of Bolt (and Express) in every process with a Slack channel.
import type { LogLevel, Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from 'pino';

/**
 * Bolt's and web-api's log lines, sent to pino. Debug and info are dropped (web-api's debug lines would list request
 * bodies); the libraries redact tokens themselves, and regwatch never passes a secret into a message.
 */
export function slackLogger(logger: Logger, component: string): SlackLogger {
  const child = logger.child({ component });
  let level = 'warn' as LogLevel;
  let name = component;
  const line = (msg: unknown[]) =>
    msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...msg: unknown[]) => child.warn({ name }, line(msg)),
    error: (...msg: unknown[]) => child.error({ name }, line(msg)),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: (n: string) => void (name = n),
  };
}
