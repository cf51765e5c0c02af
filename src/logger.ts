import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
import { redactSecrets, registerEnvSecrets } from './security/secrets.js';

export { secretValues } from './security/secrets.js';

export type LogFormat = 'pretty' | 'json';

/**
 * Readable lines for a person at a terminal, JSON lines for everything else (a log collector, a pipe, a file):
 * `REGWATCH_LOG_FORMAT=pretty|json` overrides what standard error being a terminal suggests.
 */
export function logFormat(env: NodeJS.ProcessEnv = process.env, isTTY = process.stderr.isTTY === true): LogFormat {
  const asked = env.REGWATCH_LOG_FORMAT?.trim().toLowerCase();
  if (asked === 'json' || asked === 'pretty') return asked;
  return isTTY ? 'pretty' : 'json';
}

/** Where log lines go: stderr (stdout stays for alerts and --json output), readable or as JSON. */
function destination(format: LogFormat): DestinationStream {
  if (format === 'json') return pino.destination({ fd: 2, sync: true });
  // Loaded only for a person at a terminal: a cron job or a service writing JSON never pays for it.
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
  return pretty({
    destination: 2,
    sync: true,
    colorize: process.stderr.isTTY === true,
    translateTime: 'SYS:HH:MM:ss',
    // The watch a line is about leads it, and the error and what it usually means read as part of the sentence:
    // "broken: check failed (network): <err> — <hint>".
    ignore: 'pid,hostname,app,err,hint,watch',
    messageFormat: (log, messageKey) => {
      const msg = log[messageKey];
      const parts = [typeof msg === 'string' ? msg : JSON.stringify(msg ?? '')];
      if (log.watch !== undefined)
        parts.unshift(`${typeof log.watch === 'string' ? log.watch : JSON.stringify(log.watch)}: `);
      if (log.err !== undefined) parts.push(`: ${typeof log.err === 'string' ? log.err : JSON.stringify(log.err)}`);
      if (typeof log.hint === 'string' && log.hint) parts.push(` — ${log.hint}`);
      return parts.join('');
    },
    singleLine: true,
  });
}

/**
 * Logs to stderr. Secrets never reach a log in either format: tokens, signing secrets, authorization headers and
 * webhook URLs are redacted wherever they appear in a logged object, before the line is formatted.
 */
export function createLogger(
  level = process.env.REGWATCH_LOG_LEVEL ?? 'info',
  format: LogFormat = logFormat(),
): Logger {
  registerEnvSecrets(process.env);
  return pino(
    {
      level,
      base: { app: 'regwatch' },
      // Whatever field or message a secret ends up in (an error message quoting a URL, a library's debug line), its
      // value is replaced before the line is written (and before the readable format is made from it).
      hooks: {
        // The registry also holds values registered later (config `${VAR}` substitutions, `NAME_FILE` contents).
        streamWrite: (line: string) => redactSecrets(line),
      },
      redact: {
        paths: [
          'token',
          '*.token',
          'secret',
          '*.secret',
          'signingSecret',
          '*.signingSecret',
          'url',
          'webhook',
          '*.webhook',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination(format),
  );
}
