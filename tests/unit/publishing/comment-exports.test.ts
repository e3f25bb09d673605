import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ghostLexical } from '../../../electron/main/services/publishing/ghost/ghost-lexical';
import { writeHtmlExport } from '../../../electron/main/services/publishing/export/html-export';
import { writeNinjsExport } from '../../../electron/main/services/publishing/export/ninjs-export';
import { NINJS_VERSIONS } from '../../../shared/model/publishing';
import { articleBodyHtml, flatText } from '../../../shared/rules/article-html';
import { readThreads } from '../../../shared/desk/comments';
import { commentedStory, commentLeaks, COMMENT_TEXT } from '../desk/comment-fixtures';
import { fullArticle, NOW } from './publishing-fixtures';

/**
 * Comments live in the story document beside the body; the body only holds the marks around the
 * commented words. Every way a story leaves the app must print those words and nothing of the
 * comments: not their text, not their ids, not the mark element.
 */

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-comment-exports-'));
  folders.push(dir);
  return dir;
};

function commentedArticle() {
  const story = commentedStory();
  // The comments are really in the document the body came from.
  expect(readThreads(story.doc).map((thread) => thread.comments[0]!.text)).toEqual([`${COMMENT_TEXT} @Bo Chen`, `${COMMENT_TEXT} @Bo Chen`]);
  return fullArticle({ body: story.body, leadPhoto: null });
}

describe('a story with comments leaves the app without them', () => {
  it('the CMS body HTML (WordPress content, ninjs body) keeps the commented words and their formats and link, nothing of the comments', () => {
    const html = articleBodyHtml(commentedArticle().body, { photoSrc: () => null });
    expect(commentLeaks(html)).toEqual([]);
    expect(html).toBe('<p>The <strong>bridge reopens</strong> on Monday, says <a href="https://example.com/release">the city press release</a>.</p>\n');
  });

  it('the HTML export page', async () => {
    const destination = join(scratch(), 'story.html');
    await writeHtmlExport({ article: commentedArticle(), photos: new Map(), copyPhoto: async () => undefined, destination });
    const page = readFileSync(destination, 'utf8');
    expect(commentLeaks(page)).toEqual([]);
    expect(page).toContain('<strong>bridge reopens</strong>');
  });

  it.each(NINJS_VERSIONS)('the ninjs %s export', async (version) => {
    const destination = join(scratch(), 'story.json');
    await writeNinjsExport({ article: commentedArticle(), version, photos: new Map(), placement: null, copyPhoto: async () => undefined, destination, now: NOW });
    const document = readFileSync(destination, 'utf8');
    expect(commentLeaks(document)).toEqual([]);
    expect(document).toContain('<strong>bridge reopens</strong>');
  });

  it('the Ghost post (its Lexical JSON) has the words as text and link, no mark node', () => {
    const json = ghostLexical(commentedArticle().body, { image: () => null, marker: null });
    expect(commentLeaks(json)).toEqual([]);
    const paragraph = (JSON.parse(json) as { root: { children: { children: Record<string, unknown>[] }[] } }).root.children[0]!;
    expect(paragraph.children.map((node) => node.type)).toEqual(['extended-text', 'extended-text', 'extended-text', 'link', 'extended-text']);
    expect(paragraph.children[1]).toMatchObject({ text: 'bridge reopens', format: 1 });
    expect(flatText(paragraph)).toBe('The bridge reopens on Monday, says the city press release.');
  });
});
