import { join } from 'node:path';
import { z } from 'zod';
import { deskIdSchema, deskSummarySchema, loginResponseSchema } from '../../../../shared/desk/desk-protocol';
import { UserFacingError, messageOf } from '../../../../shared/model/errors';
import type { Quarantine } from '../drafts/quarantine';
import type { SecretBox } from '../publishing/targets/secret-box';
import { readDeskFile, writeDeskFile } from './desk-files';

/**
 * The desk session on disk, <library>/desk/session.json (owner-only): the server's address (kept
 * after sign-out, so signing in again is one password away), who is signed in, the desk they work
 * on and every desk of theirs (a file from before desks could be chosen has the one desk), and the
 * session token encrypted by the OS keychain (the SecretBox, as publishing secrets are). Without a
 * keychain the token is refused, never written in the clear.
 */
export interface DeskSession {
  serverUrl: string;
  token: string;
  expiresAt: string;
  user: z.infer<typeof loginResponseSchema>['user'];
  /** The desk worked on now. */
  desk: z.infer<typeof deskSummarySchema>;
  /** Every desk of the user as the desk last said, the active one included. */
  desks: z.infer<typeof deskSummarySchema>[];
}

/** What is left of a session when no token is (or can be) kept. */
export interface RestoredSession {
  serverUrl: string | null;
  session: DeskSession | null;
  /** Why a stored session could not be restored, for the status line. */
  problem: string | null;
  /** The desk last worked on, kept after sign-out: signing in again goes back to it. */
  lastDeskId: string | null;
}

export interface DeskSessionStore {
  load(): Promise<RestoredSession>;
  /** Refused with a sentence when the OS offers no keychain. */
  save(session: DeskSession): Promise<void>;
  /** Forgets the token (and who), keeps the address and the desk last worked on. */
  forget(serverUrl: string | null, lastDeskId: string | null): Promise<void>;
}

export const NO_KEYCHAIN_FOR_DESK =
  'This computer offers no keychain to keep the desk session safe, so Newsdesk did not sign in. ' +
  'Set up the system keychain (on Linux: GNOME Keyring or KWallet), then sign in again.';

const SessionFile = z
  .object({
    format: z.literal(1),
    serverUrl: z.string().nullable(),
    // Absent from a file written before a user could choose among their desks.
    lastDeskId: deskIdSchema.nullable().optional(),
    signedIn: z
      .object({
        token: z.base64(),
        expiresAt: z.string(),
        user: loginResponseSchema.shape.user,
        desk: deskSummarySchema,
        // Absent from a session written before a user could choose among their desks.
        desks: z.array(deskSummarySchema).optional(),
      })
      .nullable(),
  })
  .strict();

export function openDeskSessionStore(deskDir: string, secretBox: SecretBox, quarantine: Quarantine): DeskSessionStore {
  const path = join(deskDir, 'session.json');
  return {
    async load() {
      const file = await readDeskFile(path, SessionFile, quarantine, 'The desk session');
      const lastDeskId = file?.signedIn?.desk.id ?? file?.lastDeskId ?? null;
      if (!file?.signedIn) return { serverUrl: file?.serverUrl ?? null, session: null, problem: null, lastDeskId };
      const { token: sealed, desks, ...who } = file.signedIn;
      try {
        const { result } = await secretBox.decryptStringAsync(Buffer.from(sealed, 'base64'));
        const known = desks?.some((desk) => desk.id === who.desk.id) ? desks : [who.desk, ...(desks ?? [])];
        return { serverUrl: file.serverUrl, session: { serverUrl: file.serverUrl ?? '', token: result, ...who, desks: known }, problem: null, lastDeskId };
      } catch (error) {
        return {
          serverUrl: file.serverUrl,
          session: null,
          problem: `The desk session could not be read from the keychain (${messageOf(error)}); sign in again under Preferences › Desk.`,
          lastDeskId,
        };
      }
    },
    async save(session) {
      if (!(await secretBox.isAsyncEncryptionAvailable())) throw new UserFacingError('forbidden', NO_KEYCHAIN_FOR_DESK);
      let sealed: Buffer;
      try {
        sealed = await secretBox.encryptStringAsync(session.token);
      } catch {
        throw new UserFacingError('forbidden', NO_KEYCHAIN_FOR_DESK);
      }
      const { serverUrl, token: _clear, ...who } = session;
      try {
        await writeDeskFile(path, { format: 1, serverUrl, lastDeskId: who.desk.id, signedIn: { token: sealed.toString('base64'), ...who } });
      } catch (error) {
        throw new UserFacingError('io', `The desk session could not be saved in the library (${messageOf(error)}), so Newsdesk did not sign in.`);
      }
    },
    async forget(serverUrl, lastDeskId) {
      await writeDeskFile(path, { format: 1, serverUrl, lastDeskId, signedIn: null });
    },
  };
}
