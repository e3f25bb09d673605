import { z } from 'zod';
import { ArticleId } from './article';

/** The desks a window can show. */
export const DESKTOP_VIEWS = ['articles', 'photos', 'feeds', 'outbox', 'budget'] as const;

/** What the focused window shows, so the menu can disable what does not apply. */
export const MenuState = z
  .object({
    view: z.enum(DESKTOP_VIEWS),
    /** The article open in the editor, if any. */
    articleId: ArticleId.nullable(),
    /** How many photos are selected in the library. */
    photoSelection: z.number().int().min(0).max(100_000),
  })
  .strict();
export type MenuState = z.infer<typeof MenuState>;
