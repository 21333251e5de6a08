import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequest } from './request-context';
import { prettyLine } from './pretty';

/**
 * Keys whose values never reach the log, should a line ever carry one. The request log writes named
 * fields only (never a body, header or query string); top-level keys only, since wildcard paths cost
 * more than the rest of a line (7 µs against 6).
 */
const SECRET_KEYS = ['password', 'token', 'authorization', 'cookie', 'secret', 'card', 'cardNumber', 'cvc', 'iban'];

function pretty(): boolean {
  const format = process.env.LOG_FORMAT;
  return format ? format === 'pretty' : process.env.NODE_ENV === 'development';
}

/**
 * The process's logger: one JSON object a line on stdout, with the request id of the request being
 * served (AsyncLocalStorage) on every line written while serving it. `LOG_LEVEL` (default info);
 * `LOG_FORMAT=pretty|json` (pretty under `next dev`, JSON otherwise). JSON lines are written
 * asynchronously: under load, the lines of several requests go out in one write instead of a system call
 * each on the request's path; pino writes what is left when the process exits.
 */
export function createLogger(destination: DestinationStream = pretty() ? { write: (line) => process.stdout.write(prettyLine(line)) } : pino.destination({ dest: 1, sync: false })): Logger {
  return pino({
    level: process.env.LOG_LEVEL || 'info',
    formatters: { level: (label) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: SECRET_KEYS, censor: '[redacted]' },
    mixin() {
      const request = currentRequest();
      return request ? { requestId: request.id } : {};
    },
  }, destination);
}

const holder = globalThis as typeof globalThis & { __pannelloLogger?: Logger };

export function logger(): Logger {
  return (holder.__pannelloLogger ??= createLogger());
}
