import { z } from 'zod';
import { LibraryReadOnly, QuarantinedFile } from '../model/library';
import { Settings, SettingsPatch } from '../model/settings';

/** The app:* channels about the app itself (version, data folder, links out) and settings:*. */

const Empty = z.object({}).strict();

/**
 * An https address to open in the OS browser. URL parsing drops a trailing NUL or other control
 * character without complaint, but the string itself is what the OS is handed, so such characters
 * are refused outright.
 */
export const ExternalUrl = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain })
  .max(2000)
  .regex(/^[^\s\p{Cc}]+$/u, 'The address has spaces or control characters in it');

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  quarantined: z.array(QuarantinedFile),
  /** Null while this process may change the library; every change is refused otherwise. */
  readOnly: LibraryReadOnly.nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appChannels = {
  'app:info': { request: Empty, response: AppInfo },
  'app:openExternal': {
    request: z.object({ url: ExternalUrl }).strict(),
    response: z.null(),
  },
  'settings:get': { request: Empty, response: Settings },
  'settings:update': { request: SettingsPatch, response: Settings },
} as const;
