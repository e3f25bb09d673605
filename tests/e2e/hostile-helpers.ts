import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { NinjsVersion } from '../../shared/model/publishing';
import { isSafeLinkUrl } from '../../shared/rules/html-escape';
import { CANARY_INIT_SCRIPT } from '../security/xss-corpus';

// What the hostile-input specs watch while they work the app: the canary, dialogs, requests that
// leave the app, Content-Security-Policy violations (a blocked handler is a handler that got into
// the page), and markup in the page or in the saved article that could run.

export interface XssWatch {
  /** Everything that went off so far: canary calls, dialogs, CSP violations, foreign requests. */
  alarms(): Promise<string[]>;
}

/**
 * Installs the canary in every document the page loads (call before launching the app) and
 * records dialogs, CSP violations on live elements, and requests to anywhere but `allowed` origins
 * (and data:/blob: the app makes).
 */
export async function watchForXss(page: Page, allowed: () => readonly string[]): Promise<XssWatch> {
  await page.addInitScript(CANARY_INIT_SCRIPT);
  // A blocked handler or style on a live element is one that got into the page. Chromium also
  // reports (and blocks) handlers and styles while the paste sanitizer parses hostile markup into
  // its inert DOMParser documents, which inherit the page's policy; those name no live element and
  // are not counted, nor is the validation library's `new Function('')` probe at start-up.
  await page.addInitScript(() => {
    const fired = (window as unknown as { __xssFired: string[] }).__xssFired;
    window.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const target = event.target;
        const live = target instanceof Element && target.isConnected;
        const fromAppCode = event.sourceFile.startsWith(location.origin + '/assets/');
        if (live || !fromAppCode) fired.push(`csp: ${event.violatedDirective} ${event.blockedURI} at ${live ? `<${target.tagName.toLowerCase()}>` : 'document'}`);
      },
      true,
    );
  });
  const outside: string[] = [];
  page.on('dialog', (dialog) => {
    outside.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  // A vector that ran where the canary is out of reach (a frame of another origin) fails loudly.
  page.on('console', (message) => {
    if (message.text().includes('__xss')) outside.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob):/.test(url)) return;
    if (!allowed().some((origin) => url.startsWith(`${origin}/`))) outside.push(`request: ${url}`);
  });
  return {
    alarms: async () => {
      const inPage = await page.evaluate(() => [...((window as unknown as { __xssFired?: string[] }).__xssFired ?? [])]).catch(() => ['canary record unreadable']);
      return [...inPage, ...outside];
    },
  };
}

/**
 * Markup in the live page that could run, load or submit: elements no story content ever makes,
 * handler and srcdoc attributes, and addresses with a scheme other than the app's own kinds. Runs
 * in the page; self-contained because Playwright ships its source there.
 */
export async function activeMarkupIn(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const problems: string[] = [];
    // The app's own forms are fine (their action and formaction attributes are still checked).
    const never =
      'script, iframe, frame, frameset, object, embed, applet, base, meta, link, style, template, noscript, math, video, audio, ' +
      'source, marquee, isindex, xmp, noembed, portal, details, map, area, svg script, svg foreignObject, svg animate, svg set, svg use, svg image';
    const within = root.ownerDocument.body.contains(root) ? root : root.ownerDocument.body;
    for (const element of Array.from(within.querySelectorAll(never))) problems.push(`<${element.tagName.toLowerCase()}> element`);
    const urlAttributes = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'background', 'srcset', 'ping'];
    for (const element of Array.from(within.querySelectorAll('*'))) {
      const tag = element.tagName.toLowerCase();
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value;
        if (name.startsWith('on')) problems.push(`<${tag} ${name}>`);
        else if (name === 'srcdoc' || name === 'formaction' || name === 'action') problems.push(`<${tag} ${name}>`);
        else if (name === 'style' && /expression\s*\(|javascript:|vbscript:|behavio(u)?r\s*:|-moz-binding|@import|evil\.example/i.test(value)) problems.push(`<${tag} style="${value}">`);
        else if (urlAttributes.includes(name)) {
          const squeezed = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          const scheme = /^([a-z][a-z0-9+.-]*):/.exec(squeezed)?.[1];
          const image = tag === 'img' && /^data:image\/(png|jpeg|gif|webp);/.test(squeezed);
          const own = scheme === undefined ? !squeezed.startsWith('//') : ['http', 'https', 'mailto', 'blob'].includes(scheme) || image;
          if (!own || squeezed.includes('evil.example')) problems.push(`<${tag} ${name}="${value}">`);
        }
      }
    }
    return problems;
  });
}

/** The page's text with all whitespace removed, to find pasted text that was split into blocks. */
export const compact = (text: string): string => text.replace(/\s+/g, '');

/** A paste carrying only the given clipboard formats, on the focused element, as the OS delivers it. */
export async function pasteData(target: Locator, data: Record<string, string>): Promise<void> {
  await target.evaluate((element, formats) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(formats)) transfer.setData(type, value);
    (document.activeElement ?? element).dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

const NODE_TYPES = new Set(['root', 'paragraph', 'heading', 'quote', 'pullquote', 'list', 'listitem', 'link', 'autolink', 'text', 'tab', 'linebreak', 'horizontalrule', 'newsdesk-photo']);

/**
 * The stored article file, read from disk, checked node by node: only the editor's own node types,
 * no styles, and links only to web pages and e-mail addresses. Returns the problems found.
 */
export async function storedArticleProblems(dataDir: string, articleId: string): Promise<{ problems: string[]; text: string }> {
  const entries = await readdir(dataDir, { recursive: true });
  const relative = entries.find((entry) => entry.endsWith(`drafts/${articleId}.json`));
  if (!relative) return { problems: [`no draft file for ${articleId}`], text: '' };
  const article = JSON.parse(await readFile(join(dataDir, relative), 'utf8')) as { body: { root: unknown } };
  const problems: string[] = [];
  const texts: string[] = [];
  const pending: unknown[] = [article.body.root];
  while (pending.length > 0) {
    const node = pending.pop() as Record<string, unknown> | undefined;
    if (typeof node !== 'object' || node === null) continue;
    const type = String(node.type);
    if (!NODE_TYPES.has(type)) problems.push(`node type ${type}`);
    if (typeof node.text === 'string') texts.push(node.text);
    for (const key of ['style', 'textStyle']) if (typeof node[key] === 'string' && node[key] !== '') problems.push(`${type}.${key} = ${String(node[key])}`);
    if ('url' in node && !isSafeLinkUrl(String(node.url))) problems.push(`${type}.url = ${String(node.url)}`);
    if ('html' in node) problems.push(`${type} carries html`);
    if (Array.isArray(node.children)) pending.push(...(node.children as unknown[]));
  }
  return { problems, text: texts.join(' ') };
}

/** IPTC's ninjs schema of `version`, compiled as the unit tests do. */
export function ninjsValidator(version: NinjsVersion): ReturnType<Ajv2020['compile']> {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
  return ajv.compile(JSON.parse(readFileSync(resolve(`tests/standards/ninjs/ninjs-schema_${version}.json`), 'utf8')) as object);
}

/** Joins payloads with a space into pieces no longer than `max` (a field's length limit). */
export function piecesOf(payloads: readonly string[], max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const payload of payloads) {
    if (payload.length > max) continue;
    const next = current ? `${current} ${payload}` : payload;
    if (next.length > max) {
      pieces.push(current);
      current = payload;
    } else current = next;
  }
  if (current) pieces.push(current);
  return pieces;
}
