import { z } from 'zod';
import { DEFAULT_FEEDS, FeedList } from './feed';

export const DEFAULT_SECTIONS = ['News', 'Politics', 'Business', 'Culture', 'Sport', 'Opinion'];

/** One agency whose credits follow their own pattern, e.g. AP → "AP Photo/{creator}". */
export const AgencyCreditRule = z.object({
  /** Compared case-insensitively with the agency name (after aliases). */
  agency: z.string().trim().min(1).max(120),
  pattern: z.string().trim().min(1).max(200),
});
export type AgencyCreditRule = z.infer<typeof AgencyCreditRule>;

/** Rewrites an agency name as found in files ("Agence France-Presse") into house style ("AFP"). */
export const AgencyAlias = z.object({
  from: z.string().trim().min(1).max(200),
  to: z.string().trim().min(1).max(200),
});
export type AgencyAlias = z.infer<typeof AgencyAlias>;

/**
 * How the desk writes credit lines. Patterns use {creator} and {agency}; when a part is missing the
 * pattern's other part stands alone (see shared/rules/credit.ts).
 */
export const CreditStyle = z.object({
  pattern: z.string().trim().min(1).max(200),
  handoutPattern: z.string().trim().min(1).max(200),
  /**
   * 'pattern' builds handout credits with handoutPattern ("{creator}/Handout via {agency}");
   * 'agency' keeps the handout credit line as the agency wrote it. Absent in older settings: 'pattern'.
   */
  handoutForm: z.enum(['pattern', 'agency']).optional(),
  agencyRules: z.array(AgencyCreditRule).max(200),
  aliases: z.array(AgencyAlias).max(500),
});
export type CreditStyle = z.infer<typeof CreditStyle>;

export const DEFAULT_CREDIT_STYLE: CreditStyle = {
  pattern: '{creator}/{agency}',
  handoutPattern: 'Handout/{agency}',
  agencyRules: [{ agency: 'AP', pattern: 'AP Photo/{creator}' }],
  aliases: [
    { from: 'Associated Press', to: 'AP' },
    { from: 'The Associated Press', to: 'AP' },
    { from: 'Agence France-Presse', to: 'AFP' },
    { from: 'REUTERS', to: 'Reuters' },
  ],
};

export const PhotoDeskSettings = z.object({
  credit: CreditStyle,
  /** Write credit, creator and copyright into the XMP of exported and published copies. */
  writeXmpOnExport: z.boolean(),
});
export type PhotoDeskSettings = z.infer<typeof PhotoDeskSettings>;

/** A spelling dictionary's language tag as Chromium names them: "en-GB", "fr", "pt-BR". */
export const SpellcheckLanguage = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Not a language tag such as en-GB');

/** How the desktop app looks and checks spelling. */
export const DesktopSettings = z.object({
  /** 'system' follows the OS; the others override it. */
  theme: z.enum(['system', 'light', 'dark']),
  /** Dictionaries the editor's spelling check uses, in order; empty means the OS language. */
  spellcheckLanguages: z.array(SpellcheckLanguage).max(5),
});
export type DesktopSettings = z.infer<typeof DesktopSettings>;

/**
 * Sizes past which input is refused with a message, so that one file can never freeze the app.
 * The defaults are far beyond real work; a desk that needs more raises them in Preferences › Limits.
 * Each refusal names its setting (see limitSettingName).
 */
export const LIMIT_FIELDS = {
  /** A story as saved (text, captions, byline, avatars): a 10,000-word long read takes ~150 KB. */
  storyMaxBytes: z.number().int().min(256 * 1024).max(512 * 1024 * 1024),
  /**
   * A caption in characters: a photo's own caption in the library and a photo's caption in a story.
   * Agency captions run to a few hundred; the ceiling is what a photo record can hold.
   */
  captionMaxChars: z.number().int().min(200).max(10_000),
  /** One photo record file (metadata as read and as edited); Newsdesk's own stay well under 1 MB. */
  photoRecordMaxBytes: z.number().int().min(1024 * 1024).max(64 * 1024 * 1024),
  /** One imported picture file: a 100-megapixel TIFF is ~300 MB. */
  importMaxBytes: z.number().int().min(1024 * 1024).max(2 * 1024 * 1024 * 1024),
};

export const DEFAULT_LIMITS = {
  storyMaxBytes: 16 * 1024 * 1024,
  captionMaxChars: 10_000,
  photoRecordMaxBytes: 8 * 1024 * 1024,
  importMaxBytes: 300 * 1024 * 1024,
} as const satisfies Record<keyof typeof LIMIT_FIELDS, number>;

/** Limits added after the first are optional when read, so an older settings file keeps its own story limit. */
export const Limits = z.object({
  storyMaxBytes: LIMIT_FIELDS.storyMaxBytes,
  captionMaxChars: LIMIT_FIELDS.captionMaxChars.default(DEFAULT_LIMITS.captionMaxChars),
  photoRecordMaxBytes: LIMIT_FIELDS.photoRecordMaxBytes.default(DEFAULT_LIMITS.photoRecordMaxBytes),
  importMaxBytes: LIMIT_FIELDS.importMaxBytes.default(DEFAULT_LIMITS.importMaxBytes),
});
export type Limits = z.infer<typeof Limits>;

/** A change to some limits; the others keep their values (no defaults filled in, which would reset them). */
export const LimitsPatch = z.object(LIMIT_FIELDS).partial().strict();
export type LimitsPatch = z.infer<typeof LimitsPatch>;

/** "300 MB", "1.5 MB": sizes as limit messages print them. */
export function megabytesText(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0).replace(/\.0$/, '')} MB`;
}

/** Each limit's name in Preferences › Limits. */
export const LIMIT_LABELS: Record<keyof Limits, string> = {
  storyMaxBytes: 'Largest story',
  captionMaxChars: 'Longest caption',
  photoRecordMaxBytes: 'Largest photo details',
  importMaxBytes: 'Largest imported picture',
};

/** How a refusal names where its limit is changed: "Preferences › Limits › “Largest imported picture”". */
export function limitSettingName(limit: keyof Limits): string {
  return `Preferences › Limits › “${LIMIT_LABELS[limit]}”`;
}

export const Settings = z.object({
  sections: z.array(z.string().trim().min(1).max(120)).max(200),
  autosaveDelayMs: z.number().int().min(200).max(5000),
  photoDesk: PhotoDeskSettings,
  /** The site's feeds, in board order. */
  feeds: FeedList,
  desktop: DesktopSettings,
  limits: Limits,
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  sections: DEFAULT_SECTIONS,
  autosaveDelayMs: 800,
  photoDesk: { credit: DEFAULT_CREDIT_STYLE, writeXmpOnExport: true },
  feeds: DEFAULT_FEEDS,
  desktop: { theme: 'system', spellcheckLanguages: [] },
  limits: DEFAULT_LIMITS,
};

export const SettingsPatch = Settings.partial().extend({ limits: LimitsPatch.optional() }).strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
