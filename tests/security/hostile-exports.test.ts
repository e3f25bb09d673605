import { BYLINE_LINE_CLASS, bylineLineHtml } from '../../shared/rules/byline-match';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanArticleHtml } from '../../electron/main/services/publishing/export/clean-html';
import { writeHtmlExport } from '../../electron/main/services/publishing/export/html-export';
import { writeNinjsExport } from '../../electron/main/services/publishing/export/ninjs-export';
import type { Article } from '../../shared/model/article';
import { NINJS_VERSIONS, type NinjsVersion } from '../../shared/model/publishing';
import { articleBodyHtml, articleHtml } from '../../shared/rules/article-html';
import { htmlPage } from '../../shared/rules/article-html-page';
import { hostileArticle, hostilePhotos, INLINE_ID } from './hostile-articles';
import { auditHtml, squeeze, visibleText } from './hostile-html-audit';
import { XSS_CORPUS, type XssVector } from './xss-corpus';

// Every vector of the corpus, in every field of an article, through the real export code: the HTML
// page, both ninjs versions and the WordPress post content. Nothing active may come out, plain text
// must come out as the same text, and the ninjs documents must stay valid.

const root = mkdtempSync(join(tmpdir(), 'newsdesk-hostile-exports-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const NOW = new Date('2026-06-01T12:00:00.000Z');
let counter = 0;

/** Every class the writer puts in its markup (shared/rules/article-html.ts). */
const HOUSE_CLASSES = ['dek', 'byline', 'author', 'role', 'lead-photo', 'credit', 'pull-quote', 'alignwide', 'alignfull'];

function workspace(): string {
  counter += 1;
  return mkdtempSync(join(root, `case-${counter}-`));
}

/** Stands in for the library's copy: a few bytes where the picture would go. */
const copyPhoto = async (id: string, destination: string): Promise<void> => writeFileSync(destination, `picture ${id}`);

const validators = new Map<NinjsVersion, ReturnType<Ajv2020['compile']>>();
function validator(version: NinjsVersion): ReturnType<Ajv2020['compile']> {
  let validate = validators.get(version);
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
    validate = ajv.compile(JSON.parse(readFileSync(join(__dirname, `../standards/ninjs/ninjs-schema_${version}.json`), 'utf8')) as object);
    validators.set(version, validate);
  }
  return validate;
}

/** The body's plain text as the first paragraph carries it: the whole payload, as words. */
function expectPayloadAsText(html: string, vector: XssVector): void {
  expect(visibleText(html)).toContain(squeeze(vector.payload));
}

/** The post content publish-wordpress.ts sends (its bodyHtml: the body, then the same sanitizer). */
function wordPressContent(article: Article): string {
  return cleanArticleHtml(articleBodyHtml(article.body, { photoSrc: (id) => `https://cms.example.com/wp-content/uploads/${id.slice(0, 8)}.jpg` }));
}

describe.each(XSS_CORPUS.map((vector) => [vector.id, vector] as const))('hostile article %s', (_id, vector) => {
  const article = hostileArticle(vector);
  const photos = hostilePhotos(vector);

  it('exports an HTML page with nothing active and the words kept', async () => {
    const destination = join(workspace(), 'story.html');
    await writeHtmlExport({ article, photos, copyPhoto, destination });
    const page = readFileSync(destination, 'utf8');
    expect(auditHtml(page, { page: true })).toEqual([]);
    expectPayloadAsText(page, vector);
    // The headline is the page's title and its h1, as text.
    expect(page.match(/<title>/g)).toHaveLength(1);
    expect(visibleText(/<title>[\s\S]*<\/title>/.exec(page)![0])).toBe(squeeze(vector.payload));
    expect(visibleText(/<h1>[\s\S]*?<\/h1>/.exec(page)![0])).toBe(squeeze(vector.payload));
    expect(page).toContain('Closing words');
  });

  it.each(NINJS_VERSIONS)('exports a valid ninjs %s document with an inert body', async (version) => {
    const destination = join(workspace(), 'story.json');
    await writeNinjsExport({ article, version, photos, placement: null, copyPhoto, destination, now: NOW });
    const document = JSON.parse(readFileSync(destination, 'utf8')) as Record<string, unknown>;
    const validate = validator(version);
    validate(document);
    expect(validate.errors ?? []).toEqual([]);
    const bodyHtml = (document.bodies as { value: string }[])[0]!.value;
    expect(auditHtml(bodyHtml)).toEqual([]);
    expectPayloadAsText(bodyHtml, vector);
    expect(bodyHtml).toContain('Closing words');
    // Plain-text fields carry the words exactly (ninjs text fields are text, not markup).
    expect((document.headlines as { value: string }[])[0]!.value).toBe(vector.payload.trim());
    const pictures = document.associations as { descriptions: { role: string; value: string }[]; renditions?: { href: string }[] }[];
    expect(pictures[0]!.descriptions.find((entry) => entry.role === 'caption')?.value).toBe(vector.payload.trim());
    for (const picture of pictures) {
      for (const rendition of picture.renditions ?? []) expect(new URL(rendition.href).protocol).toBe('file:');
    }
  });

  it('is written inert before the last sanitizer runs, with house classes only', () => {
    // Defence in depth: the writer escapes on its own; clean-html.ts is a second gate, not the only one.
    const page = htmlPage(article.headline, articleHtml(article, { photoSrc: (id) => `story_files/${id.slice(0, 8)}.jpg` }));
    expect(auditHtml(page, { page: true })).toEqual([]);
    const classes = new Set([...page.matchAll(/class="([^"]*)"/g)].map((match) => match[1]));
    expect([...classes].filter((name) => !HOUSE_CLASSES.includes(name!))).toEqual([]);
  });

  it('builds WordPress post content with nothing active and the words kept', () => {
    const content = wordPressContent(article);
    expect(auditHtml(content)).toEqual([]);
    expectPayloadAsText(content, vector);
    expect(content).toContain(`src="https://cms.example.com/wp-content/uploads/${INLINE_ID.slice(0, 8)}.jpg"`);
  });

  it('builds the byline line WordPress and Ghost get with nothing active and the names kept', () => {
    // Written straight into the post (not through the sanitizer): its own escaping is the only gate.
    const line = bylineLineHtml(article.byline);
    expect(auditHtml(line)).toEqual([]);
    expect(visibleText(line)).toContain(squeeze(article.byline[0]!.name));
    const classes = new Set([...line.matchAll(/class="([^"]*)"/g)].flatMap((match) => match[1]!.split(' ')));
    expect([...classes].filter((name) => !HOUSE_CLASSES.includes(name) && name !== BYLINE_LINE_CLASS)).toEqual([]);
  });
});

describe('the export sanitizer on raw hostile markup', () => {
  it('has an audit that recognises every vector that is active as written', () => {
    // These three are inert as written (entities in text, markup inside a quoted attribute, an
    // entity in an attribute name); they catch filters that decode where a browser does not.
    const inertAsWritten = ['script-entities', 'script-in-attribute', 'handler-entity-name'];
    const unflagged = XSS_CORPUS.filter((vector) => vector.family !== 'text' && auditHtml(vector.payload).length === 0).map((vector) => vector.id);
    expect(unflagged).toEqual(inertAsWritten);
  });

  // Defence in depth: if the writer ever let markup through, the last gate must still hold.
  it.each(XSS_CORPUS.filter((vector) => vector.family !== 'text').map((vector) => [vector.id, vector] as const))('%s is made inert', (_id, vector) => {
    const cleaned = cleanArticleHtml(`<p>Kept before</p>${vector.payload}<p>Kept after</p>`);
    expect(auditHtml(cleaned)).toEqual([]);
    expect(cleaned).toContain('Kept before');
    if (vector.keeps) expect(visibleText(cleaned)).toContain(squeeze(vector.keeps));
  });
});
