import { z } from 'zod';
import { PhotoId } from './photo';
import { PhotoUse } from './photo-use';

/** Bumped whenever the stored shape of an article changes; see shared/model/migrations.ts. */
export const ARTICLE_SCHEMA_VERSION = 3;

export const ARTICLE_STATUSES = ['draft', 'ready', 'approved'] as const;
export const ArticleStatus = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  ready: 'Ready for review',
  approved: 'Approved',
};

/** Avatars are small images kept inline so a draft file is self-contained. */
export const AvatarDataUrl = z
  .string()
  .max(400_000, 'Avatar image is too large (keep it under 300 KB)')
  .regex(/^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$/, 'Avatar must be a PNG, JPEG, WebP or GIF image');

export const Author = z.object({
  name: z.string().trim().min(1, 'Author name is empty').max(120),
  role: z.string().max(120).default(''),
  avatar: AvatarDataUrl.nullable().default(null),
});
export type Author = z.infer<typeof Author>;

/** The serialized Lexical editor state. Only the root is checked here; node shapes belong to the editor. */
export const LexicalNodeJson: z.ZodType<{ type: string; [key: string]: unknown }> = z
  .object({ type: z.string() })
  .catchall(z.unknown());
export const LexicalDocument = z.object({
  root: z
    .object({ type: z.literal('root'), children: z.array(LexicalNodeJson) })
    .catchall(z.unknown()),
});
export type LexicalDocument = z.infer<typeof LexicalDocument>;

/** Longest SEO or social text kept (the CMSs cut far earlier; this only bounds a file). */
export const SEO_TEXT_MAX = 2000;

export const ArticleId = z.string().regex(/^[a-z0-9][a-z0-9-]{7,63}$/, 'Not a valid article id');
export const IsoTime = z.iso.datetime({ offset: true });

export const Article = z.object({
  schemaVersion: z.literal(ARTICLE_SCHEMA_VERSION),
  id: ArticleId,
  slug: z.string().max(200),
  /** True once the editor typed a slug; until then it follows the headline. */
  slugEdited: z.boolean(),
  headline: z.string().max(500),
  dek: z.string().max(2000),
  body: LexicalDocument,
  byline: z.array(Author).max(20),
  /** The photo shown above the story, with its caption, credit and alt text for this article. */
  leadPhoto: PhotoUse.nullable(),
  section: z.string().max(120),
  tags: z.array(z.string().trim().min(1).max(80)).max(50),
  status: ArticleStatus,
  // Search and social fields. Optional so files written before them open unchanged; absent means
  // "use the headline, dek and lead photo" (shared/rules/seo.ts fills them in).
  /** The title search engines show, when it should differ from the headline. */
  seoTitle: z.string().max(SEO_TEXT_MAX).optional(),
  /** The meta description search engines show under the title. */
  seoDescription: z.string().max(SEO_TEXT_MAX).optional(),
  /** The title shown when the story is shared (Open Graph, X cards). */
  socialTitle: z.string().max(SEO_TEXT_MAX).optional(),
  /** The text shown when the story is shared. */
  socialDescription: z.string().max(SEO_TEXT_MAX).optional(),
  /** A library photo shown when the story is shared, when it should not be the lead photo. */
  socialImage: PhotoId.nullable().optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Article = z.infer<typeof Article>;

/** What the draft list shows; kept in the index so listing never opens article files. */
export const DraftSummary = z.object({
  id: ArticleId,
  slug: z.string(),
  headline: z.string(),
  dek: z.string(),
  section: z.string(),
  tags: z.array(z.string()),
  status: ArticleStatus,
  authors: z.array(z.string()),
  wordCount: z.number().int().nonnegative(),
  /** The lead photo, so cards (draft list, placement board) show a thumbnail without opening the file. */
  leadPhotoId: PhotoId.nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type DraftSummary = z.infer<typeof DraftSummary>;

export const EMPTY_BODY: LexicalDocument = {
  root: {
    type: 'root',
    version: 1,
    format: '',
    indent: 0,
    direction: null,
    children: [
      { type: 'paragraph', version: 1, format: '', indent: 0, direction: null, children: [], textFormat: 0, textStyle: '' },
    ],
  },
};
