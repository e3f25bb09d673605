import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// A sandboxed preload gets a minimal `require`: only these modules exist there. Anything else the
// bundle requires (e.g. an externalized npm dependency) throws when the page loads, and the page
// silently ends up without window.newsdesk. Checked on the build output, so it runs after a build.
const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);
const PRELOAD_BUNDLE = resolve(import.meta.dirname, '../../../out/preload/index.cjs');

describe.skipIf(!existsSync(PRELOAD_BUNDLE))('built preload (out/preload/index.cjs)', () => {
  it('requires only what a sandboxed preload can load', () => {
    const source = readFileSync(PRELOAD_BUNDLE, 'utf8');
    const required = [...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
    expect(required).toContain('electron');
    expect(required.filter((name) => !SANDBOX_MODULES.has(name!))).toEqual([]);
  });

  it('is CommonJS, as sandboxed preloads cannot be ES modules', () => {
    const source = readFileSync(PRELOAD_BUNDLE, 'utf8');
    expect(source).not.toMatch(/^\s*import\s.+from\s/m);
    expect(source).not.toMatch(/^\s*export\s/m);
  });
});
