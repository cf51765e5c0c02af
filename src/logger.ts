import pino, { type Logger } from 'pino';
import { redactSecrets, registerEnvSecrets } from './security/secrets.js';

export { secretValues } from './security/secrets.js';

/**
 * JSON logs to stderr (stdout stays for alerts and --json output). Secrets never reach a log: tokens, signing secrets,
 * authorization headers and webhook URLs are redacted wherever they appear in a logged object.
 */
export function createLogger(level = process.env.REGWATCH_LOG_LEVEL ?? 'info'): Logger {
  registerEnvSecrets(process.env);
  return pino(
    {
      level,
      base: { app: 'regwatch' },
      // Whatever field or message a secret ends up in (an error message quoting a URL, a library's debug line), its
      // value is replaced before the line is written.
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
    pino.destination({ fd: 2, sync: true }),
  );
}
