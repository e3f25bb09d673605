import { describe, expect, it } from 'vitest';
import { ghostCaption, ghostLexical, markerHtml, type GhostNode } from '../../../electron/main/services/publishing/ghost/ghost-lexical';
import { body, imageNode, paragraph, photoId, text } from '../shared/photo-fixtures';
import { DAWN_PHOTO, RIVER_PHOTO, richEditorBody } from './editor-body-fixtures';

const image = (id: string) => ({ src: `https://cms.example/content/images/${id}.jpg`, width: 1200, height: 800 });
const rootOf = (json: string): GhostNode[] => (JSON.parse(json) as { root: { children: GhostNode[] } }).root.children;
const kids = (node: GhostNode | undefined): GhostNode[] => (node?.children as GhostNode[]) ?? [];
const textOf = (node: GhostNode | undefined): string => kids(node).map((child) => (typeof child.text === 'string' ? child.text : child.type === 'linebreak' ? '\n' : textOf(child))).join('');

describe('the article body as Ghost Lexical', () => {
  const nodes = rootOf(ghostLexical(richEditorBody(), { image, marker: 'abcdef0123456789' }));

  it('writes every block as the node type Ghost’s editor stores', () => {
    expect(nodes.map((node) => node.type)).toEqual(['paragraph', 'extended-heading', 'extended-quote', 'image', 'extended-heading', 'aside', 'list', 'horizontalrule', 'image', 'paragraph', 'html']);
    expect(nodes[1]).toMatchObject({ tag: 'h2' });
    expect(nodes[4]).toMatchObject({ tag: 'h3' });
    expect(textOf(nodes[5])).toBe('Nobody expected this much rain.');
    expect(textOf(nodes[2])).toBe('We lost everything,\nsaid a farmer.');
  });

  it('keeps text formats and links, with the words of each', () => {
    const intro = kids(nodes[0]);
    expect(intro[0]).toEqual({ detail: 0, format: 0, mode: 'normal', style: '', text: 'Water rose ', type: 'extended-text', version: 1 });
    expect(intro.find((node) => node.text === 'overnight')).toMatchObject({ format: 1 });
    expect(intro.find((node) => node.text === 'both')).toMatchObject({ format: 3 });
    const links = intro.filter((node) => node.type === 'link');
    expect(links.map((node) => node.url)).toEqual(['https://example.com/report?a=1&b=2', 'mailto:desk@example.com']);
    expect(textOf(links[1])).toBe('the desk');
  });

  it('makes inline photos image cards with the caption and its credit, alt text and width', () => {
    expect(nodes[3]).toEqual({
      type: 'image',
      version: 1,
      src: `https://cms.example/content/images/${RIVER_PHOTO}.jpg`,
      width: 1200,
      height: 800,
      title: '',
      alt: 'A swollen river under a "grey" sky',
      caption: 'The river at dawn (Yves Herman/REUTERS)',
      cardWidth: 'wide',
      href: '',
    });
    expect(nodes[8]).toMatchObject({ src: `https://cms.example/content/images/${DAWN_PHOTO}.jpg`, caption: '(Ann Lee)', cardWidth: 'regular' });
  });

  it('nests a list inside the item it belongs to and numbers ordered lists', () => {
    const list = nodes[6]!;
    expect(list).toMatchObject({ listType: 'bullet', tag: 'ul' });
    const items = kids(list);
    expect(items.map((item) => item.type)).toEqual(['listitem', 'listitem', 'listitem']);
    const nested = kids(items[1]).find((node) => node.type === 'list');
    expect(nested).toMatchObject({ listType: 'number', tag: 'ol', start: 1 });
    expect(kids(nested).map(textOf)).toEqual(['Boats', 'Pumps']);
  });

  it('ends with the marker as an invisible html card, and leaves it out when there is none', () => {
    expect(nodes.at(-1)).toEqual({ type: 'html', version: 1, html: markerHtml('abcdef0123456789') });
    expect(rootOf(ghostLexical(richEditorBody(), { image, marker: null })).some((node) => node.type === 'html')).toBe(false);
  });

  it('leaves out photos that have no picture on the site and unsafe links, keeping their words', () => {
    const doc = body(
      paragraph(text('See '), { type: 'link', url: 'javascript:alert(1)', version: 1, children: [text('this')] }),
      imageNode(photoId('7')),
    );
    const out = rootOf(ghostLexical(doc, { image: () => null, marker: null }));
    expect(out.map((node) => node.type)).toEqual(['paragraph']);
    expect(kids(out[0]).map((node) => node.type)).toEqual(['extended-text', 'extended-text']);
    expect(textOf(out[0])).toBe('See this');
  });

  it('sends an embed as Ghost\'s embed card, and one off the allow-list as a plain link', () => {
    const doc = body(
      { type: 'embed', version: 1, url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', provider: 'youtube', title: 'Harbour strike' },
      { type: 'embed', version: 1, url: 'https://tracker.example/clip', provider: 'youtube', title: '' },
    );
    const out = rootOf(ghostLexical(doc, { image, marker: null }));
    expect(out[0]).toMatchObject({ type: 'embed', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', embedType: 'video' });
    expect(out[1]?.type).toBe('paragraph');
    expect(kids(out[1])[0]).toMatchObject({ type: 'link', url: 'https://tracker.example/clip' });
  });

  it('escapes captions, which Ghost keeps as HTML', () => {
    expect(ghostCaption('Flood <b>near</b> Lyon & Co', 'AFP')).toBe('Flood &lt;b&gt;near&lt;/b&gt; Lyon &amp; Co (AFP)');
  });

  it('prints a hostile depth of nesting as its text instead of overflowing', () => {
    let deep: Record<string, unknown> = text('deep words');
    for (let i = 0; i < 5000; i += 1) deep = { type: 'quote', version: 1, children: [deep] };
    const out = ghostLexical(body(deep), { image, marker: null });
    expect(out).toContain('deep words');
  });
});
