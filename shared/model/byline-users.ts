import { z } from 'zod';

/**
 * One line of a target's byline mapping: a byline name and the site user who signs it (WordPress:
 * login, slug or display name; Ghost: staff email or slug), for names the site spells otherwise.
 */
export const BylineUserLink = z
  .object({
    name: z.string().trim().min(1, 'Give the byline name before “=”').max(120),
    user: z.string().trim().min(1, 'Give the site user after “=”').max(191),
  })
  .strict();
export type BylineUserLink = z.infer<typeof BylineUserLink>;
export const BylineUsers = z.array(BylineUserLink).max(200, 'Keep the byline mapping under 200 lines');
