import { parseDocument, DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { LexicalDocument } from '../../../shared/model/article';
import { articleBodyHtml, articleHtmlDocument, bylineHtml, leadFigureHtml } from '../../../shared/rules/article-html';
import { captionWithCredit } from '../../../shared/rules/photo-use';
import { body, imageNode, leadUse, paragraph, photoId, text } from '../shared/photo-fixtures';
import { richEditorBody } from './editor-body-fixtures';
import { fullArticle, inlineOne, inlineTwo, leadPhoto, link } from './publishing-fixtures';

const srcOf = (id: string): string => `https://cdn.example.com/${id.slice(0, 4)}.jpg`;
const options = { photoSrc: srcOf };

/** What a reader sees of an HTML fragment: its text, entities decoded. */
function visibleText(html: string): string {
  return DomUtils.textContent(parseDocument(html));
}

function deepBody(depth: number, wrap: (inner: Record<string, unknown>) => Record<string, unknown>): LexicalDocument {
  let node: Record<string, unknown> = text('bottom <b>');
  for (let level = 0; level < depth; level += 1) node = wrap(node);
  return body(node);
}

describe('articleBodyHtml', () => {
  it('writes every block and format the editor offers as clean semantic HTML', () => {
    expect(articleBodyHtml(richEditorBody(), options)).toBe(
      [
        '<p>Water rose <strong>overnight</strong> in <em>three</em> towns; <u>under</u> <s>struck</s> <code>code()</code> H<sub>2</sub>O and m<sup>2</sup> — <strong><em>both</em></strong><br>Second line with <a href="https://example.com/report?a=1&amp;b=2">the report</a> and <a href="mailto:desk@example.com"><strong>the desk</strong></a>.</p>',
        '<h2>What happened</h2>',
        '<blockquote>We lost everything,<br>said a farmer.</blockquote>',
        '<figure class="alignwide"><img src="https://cdn.example.com/2222.jpg" alt="A swollen river under a &quot;grey&quot; sky"><figcaption>The river at dawn <span class="credit">(Yves Herman/REUTERS)</span></figcaption></figure>',
        '<h3>The response</h3>',
        '<blockquote class="pull-quote">Nobody expected this much rain.</blockquote>',
        '<ul>',
        '<li>Rescuers arrived',
        '<ol>',
        '<li>Boats</li>',
        '<li><em>Pumps</em></li>',
        '</ol></li>',
        '<li>Shelters opened in <a href="https://example.org/">schools</a></li>',
        '</ul>',
        '<hr>',
        '<figure><img src="https://cdn.example.com/3333.jpg" alt="Sandbags"><figcaption><span class="credit">(Ann Lee)</span></figcaption></figure>',
        '<p>More rain is due.</p>',
        '',
      ].join('\n'),
    );
  });

  it('words every figcaption exactly as captionWithCredit does', () => {
    const cases: [caption: string, credit: string][] = [
      ['Protesters march in Paris', 'Gonzalo Fuentes/POOL/AFP via Getty Images'],
      ['Paris..', '(Jane Doe/AFP).'],
      ['Already credited (Jane Doe/AFP)', 'Jane Doe/AFP'],
      ['', 'Ann Lee'],
      ['No credit here', ''],
    ];
    for (const [caption, credit] of cases) {
      const html = articleBodyHtml(body(imageNode(photoId('4'), { captionText: caption, caption: { root: { type: 'root' } }, credit })), options);
      const figcaption = /<figcaption>(.*)<\/figcaption>/u.exec(html)?.[1] ?? '';
      expect(visibleText(figcaption)).toBe(captionWithCredit(caption, credit));
      expect(html.includes('class="credit"')).toBe(captionWithCredit(caption, credit) !== captionWithCredit(caption, ''));
    }
  });

  it('keeps bold, italic and web links in captions, and nothing else', () => {
    const caption = {
      root: {
        type: 'root' as const,
        children: [
          paragraph(
            { ...text('Rescuers'), format: 1 | 8 },
            text(' at '),
            { type: 'link', url: 'https://example.com/', children: [{ ...text('work'), format: 2 }] },
            { type: 'link', url: 'javascript:alert(1)', children: [text(' today')] },
          ),
        ],
      },
    };
    const html = articleBodyHtml(body(imageNode(photoId('4'), { caption, captionText: 'Rescuers at work today' })), options);
    expect(html).toContain('<figcaption><strong>Rescuers</strong> at <a href="https://example.com/"><em>work</em></a> today <span class="credit">(Jane Doe/AFP)</span></figcaption>');
  });

  it('leaves out a photo whose picture is not available, and empty paragraphs', () => {
    const asked: string[] = [];
    const html = articleBodyHtml(body(paragraph(), paragraph(text('Kept')), imageNode(photoId('5'))), {
      photoSrc: (id) => {
        asked.push(id);
        return null;
      },
    });
    expect(html).toBe('<p>Kept</p>\n');
    expect(asked).toEqual([photoId('5')]);
  });

  it('escapes hostile text and attributes and keeps only web and e-mail links', () => {
    const hostile = body(
      paragraph(text('<script>alert(1)</script> & "quotes"')),
      paragraph(link('javascript:alert(1)', 'click me'), link('data:text/html,<b>x</b>', ' data'), link('https://ok.example/"><script>', ' fine')),
      { type: 'heading', version: 1, tag: 'h2 onclick="x"', children: [text('Heading')] },
      { type: 'list', version: 1, listType: 'number', tag: 'ol', start: '1" onclick="x', children: [{ type: 'listitem', children: [text('item')] }] },
      imageNode(photoId('6'), {
        altText: 'He said "no" <img src=x onerror=alert(1)>',
        captionText: '<img src=x onerror=alert(1)> caption',
        caption: { root: { type: 'root', children: [paragraph(text('<img src=x onerror=alert(1)> caption'))] } },
        credit: '<b>AFP</b>',
      }),
      { type: 'raw-html', html: '<script>alert(2)</script>', children: [text('unknown node words')] },
      { type: 'paragraph', children: [null, 42, 'string', { type: 'text', text: 7 }, text('survivor')] } as Record<string, unknown>,
    );
    const html = articleBodyHtml(hostile, { photoSrc: () => 'x" onerror="alert(3)' });
    expect(html).not.toMatch(/<script|<img src=x|onerror="|javascript:|data:text|onclick="|alert\(2\)/u);
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes"</p>');
    expect(html).toContain('<p>click me data<a href="https://ok.example/&quot;&gt;&lt;script&gt;"> fine</a></p>');
    expect(html).toContain('<h2>Heading</h2>');
    expect(html).toContain('<ol>\n<li>item</li>\n</ol>');
    expect(html).toContain('alt="He said &quot;no&quot; &lt;img src=x onerror=alert(1)&gt;"');
    expect(html).toContain('src="x&quot; onerror=&quot;alert(3)"');
    expect(html).toContain('<figcaption>&lt;img src=x onerror=alert(1)&gt; caption <span class="credit">(&lt;b&gt;AFP&lt;/b&gt;)</span></figcaption>');
    expect(html).toContain('unknown node words');
    expect(html).toContain('<p>survivor</p>');
  });

  it('prints the caption text stored beside the caption when the two disagree', () => {
    const node = imageNode(photoId('7'), { captionText: 'The true caption', caption: { root: { type: 'root', children: [paragraph(text('Stale words'))] } } });
    expect(articleBodyHtml(body(node), options)).toContain('<figcaption>The true caption <span class="credit">(Jane Doe/AFP)</span></figcaption>');
  });

  it('survives 10,000-deep nesting of blocks, lists, links and captions, keeping the words', () => {
    const shapes: ((inner: Record<string, unknown>) => Record<string, unknown>)[] = [
      (inner) => ({ type: 'quote', children: [inner] }),
      (inner) => ({ type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [inner] }] }),
      (inner) => ({ type: 'link', url: 'https://example.com/', children: [inner] }),
    ];
    for (const wrap of shapes) {
      const html = articleBodyHtml(deepBody(10_000, wrap), options);
      expect(visibleText(html)).toContain('bottom <b>');
      expect(html).not.toContain('<b>');
    }
    let caption: Record<string, unknown> = text('deep caption');
    for (let level = 0; level < 10_000; level += 1) caption = { type: 'paragraph', children: [caption] };
    const node = imageNode(photoId('8'), { captionText: 'deep caption', caption: { root: { type: 'root', children: [caption] } } });
    expect(articleBodyHtml(body(node), options)).toContain('<figcaption>deep caption <span class="credit">');
  });
});

describe('articleHtmlDocument', () => {
  it('is a complete page: charset, title, headline, dek, byline, lead figure, body, style', () => {
    const article = fullArticle({
      headline: 'Floods & "storms" <in> the north',
      byline: [
        { name: 'Sam Reporter', role: 'Correspondent', avatar: null },
        { name: 'Ann <Lee>', role: '', avatar: null },
      ],
    });
    const page = articleHtmlDocument(article, options);
    expect(page.startsWith('<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(page).toContain('<title>Floods &amp; "storms" &lt;in&gt; the north</title>');
    expect(page).toContain('<h1>Floods &amp; "storms" &lt;in&gt; the north</h1>');
    expect(page).toContain('<p class="dek">Hundreds leave their homes as the river bursts its banks.</p>');
    expect(page).toContain('<p class="byline">By <span class="author">Sam Reporter</span>, <span class="role">Correspondent</span>; <span class="author">Ann &lt;Lee&gt;</span></p>');
    expect(page).toContain(
      `<figure class="lead-photo"><img src="${srcOf(leadPhoto.id)}" alt="A flooded street"><figcaption>Water in the high street <span class="credit">(Jane Doe/AFP)</span></figcaption></figure>`,
    );
    expect(page).toContain(`<img src="${srcOf(inlineOne.id)}" alt="Rescuers in a boat">`);
    expect(page).toContain(`<img src="${srcOf(inlineTwo.id)}" alt="A swollen river">`);
    expect(page).toContain('<style>');
    expect(page.trimEnd().endsWith('</article>\n</body>\n</html>')).toBe(true);
    // The lead comes before the body, the headline before both.
    expect(page.indexOf('<h1>')).toBeLessThan(page.indexOf('lead-photo'));
    expect(page.indexOf('lead-photo')).toBeLessThan(page.indexOf('Water rose overnight'));
  });

  it('takes the lead src given, or leaves the lead out when it is null', () => {
    const article = fullArticle();
    expect(articleHtmlDocument(article, { ...options, leadSrc: 'lead_files/lead.jpg' })).toContain('<img src="lead_files/lead.jpg"');
    expect(articleHtmlDocument(article, { ...options, leadSrc: null })).not.toContain('lead-photo');
    expect(articleHtmlDocument({ ...article, headline: '  ' }, options)).toContain('<title>Untitled article</title>');
  });

  it('writes bylines and lead figures on their own for the CMS', () => {
    expect(bylineHtml([])).toBe('');
    expect(bylineHtml([{ name: 'A', role: '', avatar: null }, { name: 'B', role: '', avatar: null }, { name: 'C', role: ' ', avatar: null }])).toBe(
      '<p class="byline">By <span class="author">A</span>, <span class="author">B</span> and <span class="author">C</span></p>\n',
    );
    expect(leadFigureHtml(leadUse(leadPhoto.id, { caption: '', credit: '' }), 'a.jpg')).toBe('<figure class="lead-photo"><img src="a.jpg" alt="Flooded street"></figure>\n');
  });
});
