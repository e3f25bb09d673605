import { z } from 'zod';
import { ArticleId } from '../model/article';
import { MenuState } from '../model/desktop';

/** The channels that talk to the desktop shell (menus, windows, recent articles). */

export const WindowContext = z.object({
  /** Set when this window was opened for one article (Article › Open in New Window). */
  articleId: ArticleId.nullable(),
  /** Whether the app is showing dark colours now (OS or the setting). */
  dark: z.boolean(),
});
export type WindowContext = z.infer<typeof WindowContext>;

/**
 * A window's answer to 'app:saveBeforeClose': everything pending was saved, or why it could not be
 * (shown to the person in the dialog that asks what to do).
 */
export const SavedBeforeClose = z.discriminatedUnion('saved', [
  z.object({ requestId: z.number().int().min(1), saved: z.literal(true) }).strict(),
  z.object({ requestId: z.number().int().min(1), saved: z.literal(false), reason: z.string().min(1).max(1000) }).strict(),
]);
export type SavedBeforeClose = z.infer<typeof SavedBeforeClose>;

export const desktopChannels = {
  'app:windowContext': { request: z.object({}).strict(), response: WindowContext },
  'app:menuState': { request: MenuState, response: z.null() },
  'app:openArticleWindow': { request: z.object({ articleId: ArticleId }).strict(), response: z.null() },
  /** The editor opened an article: it joins File › Open Recent (and the OS list where there is one). */
  'app:articleOpened': {
    request: z.object({ articleId: ArticleId, headline: z.string().max(500) }).strict(),
    response: z.null(),
  },
  /** The window's answer to the 'app:saveBeforeClose' event (main is closing it or quitting). */
  'app:savedBeforeClose': { request: SavedBeforeClose, response: z.null() },
} as const;
