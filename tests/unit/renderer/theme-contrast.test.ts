import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The palette in renderer/src/ui/styles/tokens.css, read as the browser reads it, and every pair
// of text and background colour the screens use checked against WCAG 2.x: 4.5:1 for body text,
// 3:1 for large/bold labels and for marks that are not text.

const css = readFileSync(resolve('renderer/src/ui/styles/tokens.css'), 'utf8');

/** The custom properties declared in the block that starts with `selector {`. */
function tokensOf(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`tokens.css has no block for ${selector}`);
  const block = css.slice(start, css.indexOf('\n}', start));
  return new Map([...block.matchAll(/(--nd-[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const light = tokensOf(':root');
const dark = new Map([...light, ...tokensOf(":root[data-theme='dark']")]);
const paper = new Map([...dark, ...tokensOf('.nd-paper,\n.nd-reader-page')]);

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** [text, background, minimum ratio]: the pairs the stylesheets put together. */
const BODY = 4.5;
const LARGE = 3;
const PAIRS: [string, string, number][] = [
  ...['--nd-bg', '--nd-surface', '--nd-surface-sunken', '--nd-surface-raised', '--nd-hover', '--nd-chrome', '--nd-placeholder'].map((bg): [string, string, number] => ['--nd-text', bg, BODY]),
  ...['--nd-bg', '--nd-surface', '--nd-surface-sunken', '--nd-surface-raised', '--nd-chrome', '--nd-hover'].map((bg): [string, string, number] => ['--nd-text-muted', bg, BODY]),
  ['--nd-text-body', '--nd-surface', BODY],
  ['--nd-text-quote', '--nd-surface', BODY],
  ['--nd-accent', '--nd-surface', BODY],
  ['--nd-accent', '--nd-bg', BODY],
  ['--nd-accent', '--nd-accent-soft', BODY],
  ['--nd-text', '--nd-accent-soft', BODY],
  ['--nd-accent-text', '--nd-accent', BODY],
  ['--nd-accent-text', '--nd-accent-hover', BODY],
  ['--nd-danger', '--nd-surface', BODY],
  ['--nd-danger', '--nd-danger-soft', BODY],
  ['--nd-on-strong', '--nd-danger-strong', BODY],
  ['--nd-on-strong', '--nd-danger-strong-hover', BODY],
  ['--nd-warning-text', '--nd-warning-soft', BODY],
  ['--nd-warning-text', '--nd-warning-faint', BODY],
  ['--nd-warning-text', '--nd-surface', BODY],
  ['--nd-warning-text-strong', '--nd-warning-soft', BODY],
  // A desk archive snippet's matched words.
  ['--nd-text', '--nd-warning-soft', BODY],
  // "Not on this machine yet" under a desk archive result, in the draft list.
  ['--nd-warning-text', '--nd-surface-sunken', BODY],
  ['--nd-warning-text-soft', '--nd-warning-soft', BODY],
  ['--nd-warning-text-soft', '--nd-surface', BODY],
  ['--nd-success', '--nd-surface', BODY],
  ['--nd-success-text', '--nd-success-soft', BODY],
  ['--nd-success-text', '--nd-surface', BODY],
  ['--nd-info-text', '--nd-info-soft', BODY],
  ['--nd-purple-text', '--nd-purple-soft', BODY],
  ['--nd-toast-text', '--nd-toast-bg', BODY],
  ['--nd-toast-action', '--nd-toast-bg', BODY],
  // The pin's 10.5px bold label on a conflicted card, and the marks (borders, dots) on surfaces.
  ['--nd-on-warning', '--nd-warning', LARGE],
  ['--nd-warning', '--nd-surface', LARGE],
  ['--nd-border-strong', '--nd-surface', 1.5],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s palette', (_name, tokens) => {
  it.each(PAIRS)('%s on %s reads at %s:1 or more', (text, background, minimum) => {
    const fg = tokens.get(text);
    const bg = tokens.get(background);
    expect(fg, `${text} is a hex colour in tokens.css`).toMatch(/^#[0-9a-f]{6}$/);
    expect(bg, `${background} is a hex colour in tokens.css`).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrast(fg!, bg!)).toBeGreaterThanOrEqual(minimum);
  });
});

describe('the reader preview page', () => {
  it.each([
    ['--nd-text', '--nd-surface'],
    ['--nd-text-body', '--nd-surface'],
    ['--nd-text-muted', '--nd-surface'],
    ['--nd-text-quote', '--nd-surface'],
    ['--nd-accent', '--nd-surface'],
  ])('stays paper white in dark, with %s on %s at 4.5:1', (text, background) => {
    expect(paper.get(background)).toBe('#ffffff');
    expect(contrast(paper.get(text)!, paper.get(background)!)).toBeGreaterThanOrEqual(BODY);
  });
});

describe('the contrast formula', () => {
  it('gives the known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });
});
