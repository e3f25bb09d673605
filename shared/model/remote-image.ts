import { z } from 'zod';
import { Photo } from './photo';

/** A pasted web picture: in the library now, or why not and whether trying again may help (offline, a busy server). */
export const RemoteImageImport = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), photo: Photo }),
  z.object({ ok: z.literal(false), retry: z.boolean(), reason: z.string() }),
]);
export type RemoteImageImport = z.infer<typeof RemoteImageImport>;
