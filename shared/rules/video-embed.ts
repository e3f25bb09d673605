import { VideoSource } from '../model/video';

/**
 * Reading what an editor pastes as a video: a video's https address, or the embed code a video
 * site gives (`<iframe src="https://www.youtube.com/embed/…" …></iframe>`).
 *
 * Why the player is rebuilt rather than the HTML sanitized: nothing of the pasted HTML is ever
 * stored or rendered. Only four facts are read out of the first <iframe> tag (its https `src`,
 * `title`, `width`, `height`); scripts, event handlers, styles, `srcdoc`, nested markup and every
 * other attribute are simply never looked at. The preview then builds its own iframe from those
 * facts with a fixed sandbox (see embedPlayerAttributes). A sanitizer has to know every dangerous
 * construct and fails open on the one it missed; this fails closed: what is not read cannot run.
 *
 * There is no DOM in shared/, so the tag is read by a small linear scanner following the HTML
 * attribute syntax (quoted, single-quoted and bare values), not by one big regex that a hostile
 * paste could make backtrack.
 */

export type EmbedSource = Extract<VideoSource, { kind: 'embed' }>;
export type ParsedVideoSource = { ok: true; source: VideoSource } | { ok: false; message: string };

/** Embed codes are a few hundred characters; anything far longer is not one. */
export const MAX_EMBED_CODE_LENGTH = 20_000;
const MAX_TITLE_LENGTH = 300;

const NOT_HTTPS = 'Only https video players can be embedded; the code’s player address is not https.';

/** Attributes of the first <iframe> tag, names lower-cased, the first occurrence of each winning (as in HTML). */
function firstIframeAttributes(code: string): Map<string, string> | 'no-iframe' | 'unclosed' {
  const start = code.search(/<iframe(?=[\s/>])/i);
  if (start < 0) return 'no-iframe';
  const attributes = new Map<string, string>();
  let at = start + '<iframe'.length;
  const length = code.length;
  const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '/';
  while (at < length) {
    while (at < length && isSpace(code[at])) at += 1;
    if (at >= length) break;
    if (code[at] === '>') return attributes;
    const nameStart = at;
    while (at < length && !isSpace(code[at]) && code[at] !== '>' && code[at] !== '=') at += 1;
    const name = code.slice(nameStart, at).toLowerCase();
    while (at < length && isSpace(code[at]) && code[at] !== '/') at += 1;
    let value = '';
    if (code[at] === '=') {
      at += 1;
      while (at < length && isSpace(code[at]) && code[at] !== '/') at += 1;
      const quote = code[at];
      if (quote === '"' || quote === "'") {
        const end = code.indexOf(quote, at + 1);
        if (end < 0) return 'unclosed';
        value = code.slice(at + 1, end);
        at = end + 1;
      } else {
        const valueStart = at;
        while (at < length && !/[\s>]/.test(code[at]!)) at += 1;
        value = code.slice(valueStart, at);
      }
    }
    if (name !== '' && !attributes.has(name)) attributes.set(name, decodeEntities(value));
  }
  return 'unclosed';
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** The character references embed codes use (`&amp;` in query strings above all). */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Control and invisible characters are dropped: a browser ignores them in a URL scheme, so "java\tscript:" works there. */
function cleanUrlText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, '').trim();
}

/** The https address from a pasted address; refuses every other scheme with a sentence saying why. */
function httpsAddress(raw: string, what: 'player' | 'video'): { ok: true; url: string } | { ok: false; message: string } {
  let text = cleanUrlText(raw);
  if (text === '') return { ok: false, message: what === 'player' ? 'The embed code’s <iframe> has no player address (src).' : 'Paste the video’s address or its embed code.' };
  // Old embed codes write "//player.example.com/…", meaning "same scheme as the page": the site is https.
  if (text.startsWith('//')) text = `https:${text}`;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    // "www.youtube.com/watch?v=…" as copied from some address bars.
    if (what === 'video' && /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(text)) text = `https://${text}`;
    else return { ok: false, message: what === 'player' ? NOT_HTTPS : 'That is not a video address. Paste an https address or the site’s embed code.' };
  } else if (scheme === 'http') {
    return { ok: false, message: 'Use the video’s https address: plain http players are blocked by browsers and readers’ networks.' };
  } else if (scheme !== 'https') {
    return { ok: false, message: `Only https video addresses are accepted, not “${scheme.slice(0, 20)}:” addresses.` };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: what === 'player' ? 'The embed code’s player address is not a valid web address.' : 'That is not a valid web address.' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, message: 'The video address must not carry a user name or password.' };
  return { ok: true, url: url.href };
}

function dimension(value: string | undefined): number | null {
  if (value === undefined || !/^\s*\d{1,5}\s*(px)?\s*$/i.test(value)) return null; // "100%" and the like: the page decides
  const n = Number.parseInt(value, 10);
  return n >= 1 && n <= 4000 ? n : null;
}

function cleanTitle(value: string | undefined): string {
  const text = (value ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  return text.slice(0, MAX_TITLE_LENGTH);
}

/** Reads an embed code: only the first iframe's https src, title, width and height are kept. */
export function parseVideoEmbed(code: string): { ok: true; source: EmbedSource } | { ok: false; message: string } {
  if (code.length > MAX_EMBED_CODE_LENGTH) {
    return { ok: false, message: 'That is too long to be an embed code. Paste only the <iframe …></iframe> the video site gives.' };
  }
  const attributes = firstIframeAttributes(code);
  if (attributes === 'no-iframe') {
    return { ok: false, message: 'The embed code has no <iframe> player. Paste the code the video site gives under “Embed”, or the video’s https address.' };
  }
  if (attributes === 'unclosed') return { ok: false, message: 'The embed code’s <iframe> tag is cut off; copy the whole code again.' };
  const src = attributes.get('src');
  if (src === undefined) return { ok: false, message: 'The embed code’s <iframe> has no player address (src).' };
  const address = httpsAddress(src, 'player');
  if (!address.ok) return address;
  const parsed = VideoSource.safeParse({
    kind: 'embed',
    src: address.url,
    title: cleanTitle(attributes.get('title')),
    width: dimension(attributes.get('width')),
    height: dimension(attributes.get('height')),
  });
  if (!parsed.success || parsed.data.kind !== 'embed') {
    return { ok: false, message: 'The embed code’s player address is not an https address on a named site.' };
  }
  return { ok: true, source: parsed.data };
}

/** Whether pasted text is meant as embed code rather than an address. */
export function looksLikeEmbedCode(text: string): boolean {
  return text.trimStart().startsWith('<') || /<iframe/i.test(text);
}

/** Reads what was pasted in the video field: embed code, or an https video address. */
export function parseVideoSource(text: string): ParsedVideoSource {
  if (looksLikeEmbedCode(text)) return parseVideoEmbed(text);
  if (text.length > 2000) return { ok: false, message: 'That address is too long (at most 2,000 characters).' };
  const address = httpsAddress(text, 'video');
  if (!address.ok) return address;
  const parsed = VideoSource.safeParse({ kind: 'url', url: address.url });
  if (!parsed.success) return { ok: false, message: 'The video address must be an https address on a named site.' };
  return { ok: true, source: parsed.data };
}

/** The attributes of the iframe the app builds for an embedded player (names as React spells them). */
export interface EmbedPlayerAttributes {
  src: string;
  title: string;
  width?: number;
  height?: number;
  sandbox: string;
  allow: string;
  referrerPolicy: 'strict-origin-when-cross-origin';
  loading: 'lazy';
}

/**
 * The player's iframe, rebuilt from the stored facts. The sandbox lets the player run its own
 * scripts on its own origin and go full screen, and nothing else: no popups, no top navigation,
 * no forms. The referrer policy sends only the app's origin, which some players require.
 */
export function embedPlayerAttributes(source: EmbedSource): EmbedPlayerAttributes {
  return {
    src: source.src,
    title: source.title.trim() === '' ? 'Video player' : source.title,
    ...(source.width !== null ? { width: source.width } : {}),
    ...(source.height !== null ? { height: source.height } : {}),
    sandbox: 'allow-scripts allow-same-origin allow-presentation',
    allow: 'fullscreen; picture-in-picture',
    referrerPolicy: 'strict-origin-when-cross-origin',
    loading: 'lazy',
  };
}
