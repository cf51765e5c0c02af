import { createRequire } from 'node:module';
import type Pino from 'pino';
import type { DestinationStream, Logger } from 'pino';
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

/** pino, required when the first line is logged (left out of the bundle by bin/build.js). */
const loadPino = (): typeof Pino => createRequire(import.meta.url)('pino') as typeof Pino;

/** Where log lines go: stderr (stdout stays for alerts and --json output), readable or as JSON. */
function destination(pino: typeof Pino, format: LogFormat): DestinationStream {
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

/** pino's levels: a call below the logger's level writes nothing, so it needs no logger. */
const LEVELS: Record<string, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};

/**
 * Logs to stderr. Secrets never reach a log in either format: tokens, signing secrets, authorization headers and
 * webhook URLs are redacted wherever they appear in a logged object, before the line is formatted.
 */
export function createLogger(
  level = process.env.REGWATCH_LOG_LEVEL ?? 'info',
  format: LogFormat = logFormat(),
): Logger {
  registerEnvSecrets(process.env);
  // An unknown level is refused now, as pino refuses it, not at the first line logged.
  const threshold = Object.hasOwn(LEVELS, level) ? LEVELS[level] : undefined;
  if (threshold === undefined) return pinoLogger(level, format);
  return lazyLogger(threshold, () => pinoLogger(level, format));
}

/**
 * A logger that makes the pino one when something is first logged at or above `threshold`, or anything else of it is
 * used (its level, its bindings …): pino and its streams are a good part of what a start loads and compiles, and a run
 * that logs nothing (`once` with nothing wrong, at the default level `warn`) never needs them. Whether a level is
 * enabled is answered without it, and a child asked of it before then (with bindings only: it has the parent's level)
 * is such a logger too, made from the parent's pino child when it first logs: a pass whose checks and deliveries log
 * nothing does not load pino for a changed page or a delivery's child logger.
 */
function lazyLogger(threshold: number, make: () => Logger): Logger {
  let real: Logger | undefined;
  const logger = (): Logger => (real ??= make());
  const quiet = () => undefined;
  // pino copies a child's bindings when it makes the child: so does this, for one made later.
  const lazyChild = (bindings: Pino.Bindings, options?: Pino.ChildLoggerOptions): Logger => {
    if (real || options !== undefined || !bindings) return logger().child(bindings, options);
    const copy = { ...bindings };
    return lazyLogger(threshold, () => logger().child(copy));
  };
  // pino's answer for its own levels (a check asks it of every changed page), given without making it.
  const isLevelEnabled = (level: string): boolean => Object.hasOwn(LEVELS, level) && LEVELS[level]! >= threshold;
  // Methods bound once per method (pino swaps its level methods when the level changes: a new one is bound again),
  // so a call on the hot path does not allocate a bound function.
  const bound = new Map<PropertyKey, { of: unknown; fn: unknown }>();
  return new Proxy({} as Logger, {
    get(_, key) {
      const rank = typeof key === 'string' && Object.hasOwn(LEVELS, key) ? LEVELS[key]! : Infinity;
      if (!real && rank < threshold) return quiet;
      if (!real && key === 'child') return lazyChild;
      if (!real && key === 'isLevelEnabled') return isLevelEnabled;
      const target = logger();
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      const known = bound.get(key);
      if (known?.of === value) return known.fn;
      const fn = (value as (...a: unknown[]) => unknown).bind(target);
      bound.set(key, { of: value, fn });
      return fn;
    },
    set(_, key, value) {
      return Reflect.set(logger(), key, value);
    },
    has(_, key) {
      return Reflect.has(logger(), key);
    },
  });
}

function pinoLogger(level: string, format: LogFormat): Logger {
  const pino = loadPino();
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
    destination(pino, format),
  );
}
