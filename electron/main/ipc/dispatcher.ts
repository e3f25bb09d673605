import { contract, isChannel, type Channel, type ParsedRequestOf, type ResponseOf } from '../../../shared/ipc/contract';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import { UserFacingError } from '../../../shared/model/errors';
import { isSameOrigin } from '../protocol/app-origin';
import { describeIoError } from '../services/fs/io-errors';

type Handler<C extends Channel> = (request: ParsedRequestOf<C>, caller?: CallerFrame) => Promise<ResponseOf<C>> | ResponseOf<C>;

/**
 * Channels the Electron shell answers itself (index.ts adds their handlers to the services'): a
 * window's answer when main asked it to save before closing. Outside the app (tests, the browser
 * harness) main never asks, so nothing answers them there.
 */
export const SHELL_CHANNELS = ['app:savedBeforeClose'] as const satisfies readonly Channel[];
export type ShellChannel = (typeof SHELL_CHANNELS)[number];

/** One service function per channel; services know nothing of IPC (the window's id aside, for the desktop channels). */
export type Handlers = { [C in Exclude<Channel, ShellChannel>]: Handler<C> } & { [C in ShellChannel]?: Handler<C> };

/** Who is calling: the URL of the calling frame, whether it is the window's main frame, and its window. */
export interface CallerFrame {
  url: string;
  isMainFrame: boolean;
  /** The sending webContents' id (0 when unknown), so a window's menu state is kept per window. */
  senderId?: number;
}

export interface DispatcherOptions {
  /** Origins the app's own pages are served from, e.g. "app://newsdesk". */
  trustedOrigins: readonly string[];
  /** Where unexpected failures are reported (never shown raw to the user). */
  onInternalError?: (channel: string, error: unknown) => void;
}

export type Dispatch = (channel: unknown, payload: unknown, caller: CallerFrame) => Promise<Result<unknown>>;

/** Longest a key in a field path, an issue's message and a whole error message may be. */
export const MESSAGE_LIMITS = { pathSegment: 40, issue: 160, message: 600 } as const;

/**
 * Text from the request (a channel name, a key zod quotes as unrecognised, a record key in a path)
 * made safe to show: clipped, so a megabyte key is not echoed back; control and direction
 * characters replaced, so it cannot break or reorder the sentence; never a lone surrogate half.
 */
export function readable(text: string, max: number): string {
  const clipped = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return clipped
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '?')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const first = issues.slice(0, 3).map((issue) => {
    const message = readable(issue.message, MESSAGE_LIMITS.issue);
    if (issue.path.length === 0) return message;
    const path = issue.path.map((segment) => readable(String(segment), MESSAGE_LIMITS.pathSegment)).join('.');
    return `${readable(path, MESSAGE_LIMITS.issue)}: ${message}`;
  });
  return first.join('; ') + (issues.length > 3 ? ` (and ${issues.length - 3} more)` : '');
}

/**
 * The single wrapper every IPC call goes through: checks the calling frame, validates the payload
 * against the contract, runs the service and turns every outcome into a Result. It never throws.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatch {
  return async (channel, payload, caller) => {
    // A hostile caller may send anything as the channel; never call its toString.
    const name = typeof channel === 'string' ? readable(channel, 60) : `(${typeof channel})`;
    try {
      if (!isChannel(channel)) return fail('invalid-request', `Unknown request "${name}".`);
      if (!caller || caller.isMainFrame !== true || typeof caller.url !== 'string' || !isSameOrigin(caller.url, options.trustedOrigins)) {
        return fail('forbidden', 'This request came from a page Newsdesk does not trust and was refused.');
      }
      const spec = contract[channel];
      const parsed = spec.request.safeParse(payload);
      if (!parsed.success) {
        const issues = readable(describeIssues(parsed.error.issues), MESSAGE_LIMITS.message);
        return fail('invalid-request', `The request "${channel}" was malformed: ${issues}.`);
      }
      const handler = handlers[channel] as ((request: unknown, caller: CallerFrame) => Promise<unknown> | unknown) | undefined;
      if (!handler) return fail('invalid-request', `Nothing here answers "${channel}".`);
      const value = await handler(parsed.data, caller);
      return ok(value);
    } catch (error) {
      if (error instanceof UserFacingError) return fail(error.code, error.message);
      options.onInternalError?.(name, error);
      // A disk failure a service did not word itself still reads as one, never as a temp file's path.
      if (isFileSystemError(error)) return fail('io', `Newsdesk could not complete "${name}". ${describeIoError(error)}`);
      const detail = error instanceof Error ? readable(String(error.message), MESSAGE_LIMITS.message) : 'unknown error';
      return fail('internal', `Newsdesk could not complete "${name}": ${detail}`);
    }
  };
}

/** An error of a Node file operation (it names the system call), whose code the shared wording knows. */
function isFileSystemError(error: unknown): boolean {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  return typeof code === 'string' && typeof syscall === 'string' && /^E[A-Z]+$/.test(code);
}
