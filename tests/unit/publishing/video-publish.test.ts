import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NINJS_VERSIONS, type NinjsVersion } from '../../../shared/model/publishing';
import type { VideoItem } from '../../../shared/model/video';
import { articleBodyHtml } from '../../../shared/rules/article-html';
import { wordpressEmbedBlocks } from '../../../shared/rules/embed-output';
import { ninjsPicturesOf, toNinjs } from '../../../shared/rules/ninjs';
import { checkVideoForPublishing, ninjsVideoOf, videoAsArticle, videoPageUrl, WATCH_LINK_TEXT } from '../../../shared/rules/video-publish';
import { cleanArticleHtml } from '../../../electron/main/services/publishing/export/clean-html';
import { ghostLexical } from '../../../electron/main/services/publishing/ghost/ghost-lexical';
import { leadUse, makePhoto, photoMap } from '../shared/photo-fixtures';
import { NOW } from './publishing-fixtures';

const poster = makePhoto('7', { creator: 'Ann Lee', creditLine: 'AFP' }, 'poster.jpg');
const YOUTUBE_PAGE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

function makeVideo(fields: Partial<VideoItem> = {}): VideoItem {
  return {
    schemaVersion: 1,
    id: '5b0c6a1e-8f9d-4c1a-9b7e-2f4d6c8a0b1c',
    headline: 'Flood waters reach the old town',
    blurb: 'The river rose two metres overnight.',
    poster: leadUse(poster.id, { caption: 'The old town at dawn', credit: 'Ann Lee/AFP', altText: 'Water up to the doors' }),
    source: { kind: 'embed', src: 'https://www.youtube.com/embed/dQw4w9WgXcQ', title: 'Flood in the old town', width: 560, height: 315 },
    durationSeconds: 95,
    createdAt: '2026-06-01T08:00:00.000Z',
    updatedAt: '2026-06-01T09:00:00.000Z',
    ...fields,
  };
}

const htmlOf = (video: VideoItem) => cleanArticleHtml(articleBodyHtml(videoAsArticle(video).body, { photoSrc: () => null }));

describe('the player address a CMS can embed', () => {
  it('rewrites YouTube embed-code addresses to the watch page, and keeps every other one', () => {
    expect(videoPageUrl({ kind: 'embed', src: 'https://www.youtube.com/embed/dQw4w9WgXcQ', title: '', width: null, height: null })).toBe(YOUTUBE_PAGE);
    expect(videoPageUrl({ kind: 'embed', src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', title: '', width: null, height: null })).toBe(YOUTUBE_PAGE);
    expect(videoPageUrl({ kind: 'embed', src: 'https://player.vimeo.com/video/76979871', title: '', width: null, height: null })).toBe('https://player.vimeo.com/video/76979871');
    expect(videoPageUrl({ kind: 'url', url: 'https://youtu.be/dQw4w9WgXcQ' })).toBe('https://youtu.be/dQw4w9WgXcQ');
  });
});

describe('a video item as the post it makes', () => {
  it('has the headline, the blurb as dek and first paragraph, the poster as lead photo, and the player after the blurb', () => {
    const video = makeVideo();
    const article = videoAsArticle(video);
    expect(article).toMatchObject({ id: video.id, headline: video.headline, dek: video.blurb, leadPhoto: video.poster, byline: [], section: '' });
    expect(htmlOf(video)).toBe(
      '<p>The river rose two metres overnight.</p>\n' +
        `<figure class="embed embed-youtube"><a href="${YOUTUBE_PAGE}">YouTube: Flood in the old town</a></figure>\n`,
    );
  });

  it('WordPress: a core embed block typed video, with the figure markup WordPress writes', () => {
    const content = wordpressEmbedBlocks(htmlOf(makeVideo()));
    expect(content).toContain(
      `<!-- wp:embed {"url":"${YOUTUBE_PAGE}","type":"video","providerNameSlug":"youtube"} -->\n` +
        `<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\n${YOUTUBE_PAGE}\n</div></figure>\n` +
        '<!-- /wp:embed -->',
    );
    expect(content.startsWith('<p>The river rose two metres overnight.</p>')).toBe(true);
  });

  it('Ghost: an embed card of type video after the blurb paragraph', () => {
    const nodes = (JSON.parse(ghostLexical(videoAsArticle(makeVideo()).body, { image: () => null, marker: null })) as { root: { children: Record<string, unknown>[] } }).root.children;
    expect(nodes.map((node) => node.type)).toEqual(['paragraph', 'embed']);
    expect(nodes[1]).toMatchObject({ type: 'embed', url: YOUTUBE_PAGE, embedType: 'video', metadata: { provider_name: 'YouTube', title: 'Flood in the old town' } });
  });

  it('a player no CMS can embed goes as a "Watch the video" link, and a video without a blurb starts with its player', () => {
    const own = makeVideo({ blurb: '', source: { kind: 'url', url: 'https://video.example-news.com/clips/4411' } });
    expect(htmlOf(own)).toBe(`<p><a href="https://video.example-news.com/clips/4411">${WATCH_LINK_TEXT}</a></p>\n`);
    expect(wordpressEmbedBlocks(htmlOf(own))).not.toContain('wp:embed');
  });
});

describe('notes on a published video', () => {
  it('follow the player in the house format, oldest first, in every output of the post', () => {
    const video = makeVideo({
      notes: [
        { kind: 'correction', at: '2026-12-07T10:00:00.000Z', label: 'Correction, 7 Dec 2026:', text: 'The river rose two metres, not three.' },
        { kind: 'update', at: '2026-12-08T10:00:00.000Z', label: 'Update, 8 Dec 2026:', text: 'The water is going down.' },
      ],
    });
    const html = htmlOf(video);
    const correction = html.indexOf('<strong>Correction, 7 Dec 2026:</strong> The river rose two metres, not three.');
    expect(correction).toBeGreaterThan(html.indexOf('youtube'));
    expect(html.indexOf('<strong>Update, 8 Dec 2026:</strong> The water is going down.')).toBeGreaterThan(correction);
    const nodes = (JSON.parse(ghostLexical(videoAsArticle(video).body, { image: () => null, marker: null })) as { root: { children: Record<string, unknown>[] } }).root.children;
    expect(nodes.map((node) => node.type)).toEqual(['paragraph', 'embed', 'paragraph', 'paragraph']);
  });

  it('a video written before notes existed reads as it did', () => {
    expect(videoAsArticle(makeVideo()).body.root.children).toHaveLength(2);
  });
});

describe('the pre-publish check of a video', () => {
  const input = { photos: photoMap(poster), placement: null, now: NOW, mode: 'publish' as const };

  it('refuses a poster without a credit, like an uncredited photo in a story', () => {
    const video = makeVideo({ poster: leadUse(poster.id, { credit: '  ' }) });
    const found = checkVideoForPublishing(video, input);
    expect(found.blocking.map((issue) => issue.code)).toEqual(['photo-missing-credit@lead-0']);
    expect(found.blocking[0]?.message).toMatch(/^Poster “.*” has no credit/);
  });

  it('asks nothing a video has no field for (byline, section, review status), and passes a complete video', () => {
    expect(checkVideoForPublishing(makeVideo(), input)).toEqual({ blocking: [], warnings: [] });
  });

  it('refuses a video without a player or headline, and warns without a poster or blurb', () => {
    const found = checkVideoForPublishing(makeVideo({ source: null, headline: ' ', poster: null, blurb: '' }), input);
    expect(found.blocking.map((issue) => issue.code)).toEqual(['video-player-missing', 'headline-missing']);
    expect(found.blocking[1]?.message).toBe('The video has no headline.');
    expect(found.warnings.map((issue) => issue.code).sort()).toEqual(['dek-missing', 'video-poster-missing']);
  });
});

const SCHEMA_FOLDER = join(__dirname, '../../standards/ninjs');
function validatorFor(version: NinjsVersion): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMA_FOLDER, `ninjs-schema_${version}.json`), 'utf8')));
}

describe('a video item in ninjs', () => {
  it.each(NINJS_VERSIONS)('ninjs %s: type video, the player as a rendition with size and duration, the poster as a picture; valid against IPTC’s schema', (version) => {
    const video = makeVideo();
    const article = videoAsArticle(video);
    const document = toNinjs(version, {
      article,
      bodyHtml: htmlOf(video),
      pictures: ninjsPicturesOf(article, photoMap(poster), (id) => `https://cdn.example.com/${id}.jpg`),
      placement: null,
      uri: `urn:newsdesk:video:${video.id}`,
      now: NOW,
      mode: 'publish',
      video: ninjsVideoOf(video)!,
    });
    const validate = validatorFor(version);
    const valid = validate(document);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(document.type).toBe('video');
    const contentType = version === '3.1' ? 'contentType' : 'contenttype';
    expect(document.renditions).toEqual([{ name: 'player', href: 'https://www.youtube.com/embed/dQw4w9WgXcQ', [contentType]: 'text/html', width: 560, height: 315, duration: 95 }]);
    const associations = document.associations as { type: string; descriptions: { role: string; value: string }[] }[];
    expect(associations[0]?.type).toBe('picture');
    expect(associations[0]?.descriptions).toContainEqual({ role: 'creditline', value: 'Ann Lee/AFP' });
    expect(JSON.stringify(document.bodies)).toContain('embed-youtube');
  });
});
