import { all, classOf, hasText, removeComments, styleOf, unwrap } from './dom';

/**
 * Microsoft Word's HTML: conditional comments, <o:p> paragraph marks, comments written inline,
 * and lists that are not lists but paragraphs with `mso-list` styles and a typed bullet. This
 * pass turns that into plain HTML while the styles that carry the meaning are still there.
 */
export function cleanWordHtml(body: HTMLElement): void {
  removeComments(body);
  // Office namespace elements (<o:p>, <w:…>, <v:…>) hold only layout or empty paragraph marks.
  for (const element of all(body, '*')) {
    if (element.tagName.includes(':')) element.remove();
  }
  // Reviewer comments: the reference marks in the text and the comment list at the end.
  for (const element of all(body, '[class], [style], a[href]')) {
    const cls = classOf(element);
    const style = styleOf(element);
    const href = element.getAttribute('href') ?? '';
    if (
      /^MsoComment/i.test(cls) ||
      /mso-element:\s*comment/.test(style) ||
      /mso-comment-reference|mso-special-character:\s*comment/.test(style) ||
      href.startsWith('#_msocom_') ||
      /mso-hide:\s*all|display:\s*none/.test(style)
    ) {
      element.remove();
    }
  }
  convertWordLists(body);
}

const ORDERED_MARKER = /^\(?([0-9]+|[a-z]|[ivxlcdm]+)[.)]$/i;

function listInfo(element: Element): { level: number; ordered: boolean } | null {
  const style = styleOf(element);
  const match = /mso-list:\s*l\d+\s+level(\d+)/.exec(style);
  if (!match || element.tagName !== 'P') return null;
  // The bullet or number Word typed in front of the text, in a span marked mso-list:Ignore.
  const marker = element.querySelector('[style*="mso-list"]');
  const markerText = (marker?.textContent ?? '').replace(/[\s\u00a0]+/g, '');
  marker?.remove();
  return { level: Math.max(1, Number(match[1])), ordered: ORDERED_MARKER.test(markerText) };
}

/** Consecutive `mso-list` paragraphs become <ul>/<ol> with <li>, nested by their level. */
function convertWordLists(body: HTMLElement): void {
  const doc = body.ownerDocument;
  for (const paragraph of all(body, 'p')) {
    if (!paragraph.isConnected) continue;
    const first = listInfo(paragraph);
    if (!first) continue;
    // Collect the run of list paragraphs that starts here.
    const run: { element: Element; level: number; ordered: boolean }[] = [{ element: paragraph, ...first }];
    let next = paragraph.nextElementSibling;
    while (next) {
      const info = listInfo(next);
      if (!info) break;
      run.push({ element: next, ...info });
      next = next.nextElementSibling;
    }
    const root = doc.createElement(first.ordered ? 'ol' : 'ul');
    paragraph.before(root);
    const stack: Element[] = [root];
    for (const item of run) {
      while (stack.length > item.level) stack.pop();
      while (stack.length < item.level) {
        // A deeper level nests in the last item of the current list (or a new one if none).
        const parentList = stack[stack.length - 1]!;
        const host = parentList.lastElementChild ?? parentList.appendChild(doc.createElement('li'));
        const nested = host.appendChild(doc.createElement(item.ordered ? 'ol' : 'ul'));
        stack.push(nested);
      }
      const li = doc.createElement('li');
      while (item.element.firstChild) li.appendChild(item.element.firstChild);
      item.element.remove();
      stack[stack.length - 1]!.appendChild(li);
    }
  }
  // A Word paragraph that held only a paragraph mark is an empty line, not content.
  for (const p of all(body, 'p')) if (!hasText(p) && !p.querySelector('br, hr')) p.remove();
}

/** Word wraps the document in <div class=WordSection1>; the div means nothing. */
export function unwrapWordSections(body: HTMLElement): void {
  for (const div of all(body, 'div')) if (/^WordSection/i.test(classOf(div))) unwrap(div);
}

export function looksLikeWord(html: string): boolean {
  return /urn:schemas-microsoft-com:office|class=["']?Mso|mso-[a-z-]+\s*:/i.test(html);
}
