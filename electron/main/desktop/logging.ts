import { join } from 'node:path';
import { inspect } from 'node:util';
import log from 'electron-log/node';
import { redactSecrets } from './redact';

/**
 * The main process's log file, through electron-log's file transport. Its Node build is used on
 * purpose: the Electron build registers an IPC channel of its own and can mirror log lines to every
 * window, and the renderer's surface must stay exactly the contract.
 *
 * What goes in: events and ids (article, job, target ids), never article text (headlines, bodies)
 * and never credentials; a hook redacts anything credential-shaped on the way to every transport.
 */

/** Rotation: past this size the file is renamed main.old.log (replacing the previous one). */
export const LOG_MAX_BYTES = 1024 * 1024;
/** One entry longer than this is cut: a stack trace fits, a whole article does not. */
export const MAX_ENTRY_CHARS = 4000;
export const LOG_FILE_NAME = 'main.log';

export interface AppLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** The current log file (Help › Show Logs). */
  readonly filePath: string;
}

export interface AppLogOptions {
  /** Where the files go: app.getPath('logs') in the app. */
  dir: string;
  maxSize?: number;
  /** Also to stderr (development). */
  console?: boolean;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  return inspect(value, { depth: 3, breakLength: Infinity });
}

/** Redacted and bounded: what any transport receives for one argument. */
export function cleanLogText(value: unknown): string {
  const text = redactSecrets(textOf(value));
  return text.length > MAX_ENTRY_CHARS ? `${text.slice(0, MAX_ENTRY_CHARS)}… [${text.length - MAX_ENTRY_CHARS} more characters cut]` : text;
}

let created = 0;

export function createAppLog(options: AppLogOptions): AppLog {
  created += 1;
  const logger = log.create({ logId: `newsdesk-main-${created}` });
  const filePath = join(options.dir, LOG_FILE_NAME);
  const file = logger.transports.file;
  file.level = 'info';
  file.maxSize = options.maxSize ?? LOG_MAX_BYTES;
  file.resolvePathFn = () => filePath;
  // electron-log's own rotation (archiveLogFn: main.log → main.old.log) is kept as it is.
  logger.transports.console.level = options.console ? 'info' : false;
  // Nothing leaves the file: no copies to windows over IPC (absent outside Electron), none to a server.
  for (const name of ['ipc', 'remote'] as const) {
    const transport = logger.transports[name] as { level: unknown } | undefined;
    if (transport) transport.level = false;
  }
  logger.hooks.push((message) => ({ ...message, data: message.data.map(cleanLogText) }));
  return {
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message) => logger.error(message),
    filePath,
  };
}
