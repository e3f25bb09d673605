import { ARTICLE_SCHEMA_VERSION, type Article, type LexicalDocument } from '../model/article';
import { checkForPublishing, type PublishCheckInput, type PublishCheckResult } from './publish-check';
import type { CheckIssueView } from '../model/publish-check';
import type { VideoItem, VideoSource } from '../model/video';
import { noteParagraph } from './corrections';
import { EMBED_NODE_TYPE, parseEmbedUrl, type ParsedEmbed } from './embed-providers';
import type { NinjsVideo } from './ninjs';

/**
 * A video item on its way out. Every CMS publisher, the outbox and the exports speak "article", so
 * a video is handed to them as the story a video post is: its headline, its blurb as the dek and
 * first paragraph, the player as an embed after it, and the credited poster as the lead photo.
 * The sites then get what they would for an article with an embed (a `wp:embed` block, a Ghost
 * embed card, a featured image with its credit) through the same exactly-once code, and nothing of
 * the article path had to be copied for videos.
 */

/** The words of the link a player no CMS can embed becomes. */
export const WATCH_LINK_TEXT = 'Watch the video';

/**
 * The player's page address, the one CMSs know how to embed (their oEmbed patterns): YouTube's
 * embed-code address (`/embed/<id>`) is rewritten to its watch page, which WordPress's oEmbed
 * list matches and `/embed/` is not in; every other address is kept as it is.
 */
export function videoPageUrl(source: VideoSource): string {
  const raw = source.kind === 'url' ? source.url : source.src;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  const host = url.hostname.toLowerCase();
  const youtubeEmbed = /^\/embed\/([\w-]{11})$/.exec(url.pathname);
  if (youtubeEmbed && (host === 'www.youtube.com' || host === 'youtube.com' || host === 'www.youtube-nocookie.com' || host === 'youtube-nocookie.com')) {
    return `https://www.youtube.com/watch?v=${youtubeEmbed[1]}`;
  }
  return url.href;
}

/** The player as an embed a CMS knows (a provider on the allow-list), or null: it then goes as a link. */
export function videoEmbedOf(video: Pick<VideoItem, 'source'>): ParsedEmbed | null {
  return video.source ? parseEmbedUrl(videoPageUrl(video.source)) : null;
}

const paragraph = (children: LexicalDocument['root']['children']) => ({
  type: 'paragraph',
  version: 1,
  format: '',
  indent: 0,
  direction: null,
  textFormat: 0,
  textStyle: '',
  children,
});
const textNode = (text: string) => ({ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' });

/** The body of the video's post: the blurb, then the player (an embed, or a link when no CMS can embed it), then the notes. */
function videoBody(video: VideoItem): LexicalDocument {
  const children: LexicalDocument['root']['children'] = [];
  const blurb = video.blurb.trim();
  if (blurb) children.push(paragraph([textNode(blurb)]));
  if (video.source) {
    const embed = videoEmbedOf(video);
    const title = video.source.kind === 'embed' ? video.source.title.trim() : '';
    if (embed) children.push({ type: EMBED_NODE_TYPE, version: 1, url: embed.url, provider: embed.provider, title: title || video.headline.trim() });
    else {
      const url = videoPageUrl(video.source);
      children.push(paragraph([{ type: 'link', version: 1, url, rel: null, target: null, title: null, format: '', indent: 0, direction: null, children: [textNode(WATCH_LINK_TEXT)] }]));
    }
  }
  for (const note of video.notes ?? []) children.push(noteParagraph(note.label, note.text));
  return { root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children } };
}

/**
 * The video as the article its post is. Status "approved": a video has no review workflow, so the
 * article check's "still marked Draft" warning would be noise; byline and section are empty
 * (the video check leaves those findings out).
 */
export function videoAsArticle(video: VideoItem): Article {
  return {
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id: video.id,
    slug: '',
    slugEdited: false,
    headline: video.headline,
    dek: video.blurb,
    body: videoBody(video),
    byline: [],
    leadPhoto: video.poster,
    section: '',
    tags: [],
    status: 'approved',
    createdAt: video.createdAt,
    updatedAt: video.updatedAt,
  };
}

/** Article findings that a video has no field for. */
const NOT_FOR_VIDEOS = new Set(['byline-missing', 'section-missing', 'status-draft']);

/** The article check's words for what a video calls otherwise. */
const VIDEO_WORDS: Record<string, string> = {
  'headline-missing': 'The video has no headline.',
  'dek-missing': 'The video has no blurb; feeds and search results will show only its headline.',
};

/**
 * The pre-publish check of a video: the article check of the post it becomes (headline, the
 * poster's credit, alt text, rights and embargo, the placement's timing), without the findings about
 * fields a video does not have, and with the player required. An uncredited poster is refused
 * exactly like an uncredited photo in a story.
 */
export function checkVideoForPublishing(video: VideoItem, input: Omit<PublishCheckInput, 'article'>): PublishCheckResult {
  const found = checkForPublishing({ ...input, article: videoAsArticle(video) });
  const reword = (issue: CheckIssueView): CheckIssueView => {
    const words = VIDEO_WORDS[issue.code];
    if (words) return { ...issue, message: words };
    // The photo checks name the lead photo; on a video it is the poster.
    return issue.where === 'lead' ? { ...issue, message: issue.message.replace(/^Lead photo\b/, 'Poster') } : issue;
  };
  const blocking = found.blocking.filter((issue) => !NOT_FOR_VIDEOS.has(issue.code)).map(reword);
  const warnings = found.warnings.filter((issue) => !NOT_FOR_VIDEOS.has(issue.code)).map(reword);
  if (!video.source) {
    blocking.unshift({ severity: 'blocking', code: 'video-player-missing', message: 'The video has no player. Paste its address or embed code.', where: 'article', photoId: '', index: 0 });
  }
  if (!video.poster) {
    warnings.push({ severity: 'warning', code: 'video-poster-missing', message: 'The video has no poster: the site shows the post without a featured image.', where: 'article', photoId: '', index: 0 });
  }
  return { blocking, warnings };
}

/** The player as a ninjs rendition (null without one): the address pasted, with the embed code's size. */
export function ninjsVideoOf(video: VideoItem): NinjsVideo | null {
  if (!video.source) return null;
  const href = video.source.kind === 'url' ? video.source.url : video.source.src;
  const sized = video.source.kind === 'embed' ? video.source : null;
  return { href, width: sized?.width ?? null, height: sized?.height ?? null, durationSeconds: video.durationSeconds };
}
