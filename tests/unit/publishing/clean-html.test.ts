import type { ChildNode } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { cleanArticleHtml } from '../../../electron/main/services/publishing/export/clean-html';
import { articleHtml } from '../../../shared/rules/article-html';
import { richEditorBody } from './editor-body-fixtures';
import { fullArticle } from './publishing-fixtures';

/** The allow-list, restated: every element and attribute left after cleaning must be in it. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  article: [], header: [], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], p: ['class'], br: [], hr: [], blockquote: ['class'],
  ul: [], ol: ['start'], li: [], a: ['href'], strong: [], em: [], u: [], s: [], code: [], sub: [], sup: [],
  figure: ['class'], img: ['src', 'alt', 'width', 'height'], figcaption: [], span: ['class'],
  table: [], thead: [], tbody: [], tr: [], th: [], td: [],
};

function everyElement(html: string): { name: string; attribs: Record<string, string> }[] {
  const found: { name: string; attribs: Record<string, string> }[] = [];
  const pending: ChildNode[] = [...parseDocument(html).children];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (!DomUtils.isTag(node)) continue;
    found.push({ name: node.name, attribs: node.attribs });
    pending.push(...node.children);
  }
  return found;
}

function expectOnlyAllowedMarkup(html: string): void {
  for (const { name, attribs } of everyElement(html)) {
    expect(Object.keys(ALLOWED), `<${name}>`).toContain(name);
    for (const attribute of Object.keys(attribs)) expect(ALLOWED[name], `<${name} ${attribute}>`).toContain(attribute);
    if (attribs.href !== undefined) expect(attribs.href).toMatch(/^(https?:\/\/|mailto:)/iu);
    // Pictures load over http(s) or from a path next to the page; never another scheme or "//host".
    if (name === 'img') expect(attribs.src ?? '').toMatch(/^(https?:\/\/|[^:/][^:]*$)/iu);
  }
}

const HOSTILE = [
  '<p onclick="steal()" style="color:red" class="dek evil">Hi <script>alert(1)</script><b>bold</b> <i>it</i></p>',
  '<a href="javascript:alert(1)">js</a> <a href=" JaVa&#x09;Script:alert(1)">tabbed</a> <a href="vbscript:x">vb</a> <a href="data:text/html;base64,PHNjcmlwdD4=">data</a>',
  '<a href="https://ok.example/a?b=1&c=2" target="_blank" onmouseover="x()">ok</a> <a href="mailto:desk@example.com">mail</a> <a href="//evil.example/">proto</a>',
  '<img src="x.jpg" onerror="alert(1)" alt="a &quot;b&quot;"><img src="javascript:alert(1)"><img src="//evil.example/x.png"><img src="data:image/png;base64,AAAA"><img src="https://ok.example/x.jpg" srcdoc="<script>1</script>" srcset="javascript:1 1x">',
  '<figure class="alignwide foo" style="x"><img src="story_files/x.jpg" alt=""><figcaption>cap <span class="credit evil" onclick="x">(AFP)</span><img src=x onerror=alert(1)></figcaption></figure>',
  '<iframe srcdoc="<script>alert(1)</script>" src="https://evil.example/">frame text</iframe><svg onload="alert(1)"><script>alert(2)</script><text>svg text</text></svg>',
  '<style>p { color: red }</style><math><mi>x</mi></math><object data="x.swf">obj</object><embed src="x"><form action="https://evil.example/"><input name="q"><button>go</button></form>',
  '<blockquote class="pull-quote" cite="x">q</blockquote><ol start="3" type="a" reversed><li value="9">x</li></ol><table><tr><td>cell</td></tr></table>',
  '<div><section><article><header><h1 id="x">Head</h1></header></article></section></div><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<a href="https://ok.example/"><img src="https://ok.example/p.jpg"></a><noscript><p>no script</p></noscript><template><p>template</p></template>',
];

describe('cleanArticleHtml', () => {
  it('keeps the markup the article writer produces', () => {
    const article = { ...fullArticle(), body: richEditorBody() };
    const written = articleHtml(article, { photoSrc: (id) => `story_files/${id.slice(0, 4)}.jpg` });
    const cleaned = cleanArticleHtml(written);
    // Same elements, attributes and text: only the serialization of void elements differs.
    expect(everyElement(cleaned)).toEqual(everyElement(written));
    expect(DomUtils.textContent(parseDocument(cleaned))).toBe(DomUtils.textContent(parseDocument(written)));
    for (const kept of ['<blockquote class="pull-quote">', '<figure class="alignwide">', '<span class="credit">', '<figure class="lead-photo">', '<p class="dek">', '<p class="byline">']) {
      expect(cleaned).toContain(kept);
    }
    expectOnlyAllowedMarkup(cleaned);
  });

  it('removes scripts, styles, frames, event handlers, foreign classes and unsafe URLs', () => {
    const cleaned = HOSTILE.map(cleanArticleHtml);
    for (const html of cleaned) expectOnlyAllowedMarkup(html);
    const all = cleaned.join('\n');
    expect(all).not.toMatch(/script|alert|onerror|onclick|onload|style|srcdoc|srcset|iframe|svg|evil|data:|vbscript|<form|<input|<base|<meta/iu);
    expect(all).not.toMatch(/frame text|svg text|color: red|template|no script/u);
    expect(cleaned[0]).toBe('<p class="dek">Hi <strong>bold</strong> <em>it</em></p>');
    expect(cleaned[1]).toBe('<span>js</span> <span>tabbed</span> <span>vb</span> <span>data</span>');
    expect(cleaned[2]).toBe('<a href="https://ok.example/a?b=1&amp;c=2">ok</a> <a href="mailto:desk@example.com">mail</a> <span>proto</span>');
    expect(cleaned[3]).toBe('<img src="x.jpg" alt="a &quot;b&quot;" /><img src="https://ok.example/x.jpg" />');
    expect(cleaned[4]).toBe('<figure class="alignwide"><img src="story_files/x.jpg" alt="" /><figcaption>cap <span class="credit">(AFP)</span><img src="x" /></figcaption></figure>');
    // Tables are article markup now (the editor has them); their attributes still go.
    expect(cleaned[7]).toBe('<blockquote class="pull-quote">q</blockquote><ol start="3"><li>x</li></ol><table><tr><td>cell</td></tr></table>');
    expect(cleaned[8]).toBe('<article><header><h1>Head</h1></header></article>');
  });

  it('is stable: cleaning clean HTML changes nothing', () => {
    for (const html of HOSTILE) {
      const once = cleanArticleHtml(html);
      expect(cleanArticleHtml(once)).toBe(once);
    }
  });

  it('copes with 10,000-deep nesting', () => {
    const deep = `${'<div><blockquote><b>'.repeat(10_000)}bottom${'</b></blockquote></div>'.repeat(10_000)}`;
    const cleaned = cleanArticleHtml(deep);
    expect(cleaned).toContain('bottom');
    expect(cleaned).not.toContain('<div>');
  });
});
