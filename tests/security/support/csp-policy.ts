/**
 * Reads a Content-Security-Policy the way a browser does (directive names are case-insensitive, the
 * first occurrence of a directive wins) and lists every way it is weaker than Newsdesk's baseline.
 * An empty list means the policy is at least as strict as the baseline.
 */
export type CspDirectives = ReadonlyMap<string, readonly string[]>;

export function parseCsp(policy: string): CspDirectives {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}

/** Fetch directives that fall back to default-src when absent (CSP Level 3). */
const FETCH_DIRECTIVES = [
  'script-src', 'script-src-elem', 'script-src-attr', 'style-src', 'style-src-elem', 'style-src-attr', 'img-src',
  'font-src', 'connect-src', 'media-src', 'object-src', 'frame-src', 'child-src', 'worker-src', 'manifest-src',
];
/** Where data: and blob: may appear: images (avatars, pasted pictures) and fonts; never scripts, frames or workers. */
const DATA_AND_BLOB_ALLOWED = new Set(['img-src', 'font-src', 'media-src']);
const SELF_OR_NONE = new Set(["'self'", "'none'"]);

/** The sources that apply to `directive`: its own, or default-src's when it is absent. */
export function effectiveSources(directives: CspDirectives, directive: string): readonly string[] {
  return directives.get(directive) ?? directives.get('default-src') ?? [];
}

function isWildcardOrRemote(source: string): boolean {
  const lower = source.toLowerCase();
  if (lower.includes('*')) return true;
  // Scheme-only sources ("https:", "http:", "ws:") allow every host of that scheme.
  if (/^[a-z][a-z0-9+.-]*:$/.test(lower)) return !['data:', 'blob:'].includes(lower);
  // Any host source: the renderer talks to main through the preload, never to a server.
  return !lower.startsWith("'") && !['data:', 'blob:'].includes(lower);
}

export function cspWeakenings(policy: string): string[] {
  const directives = parseCsp(policy);
  const problems: string[] = [];
  const defaults = directives.get('default-src');
  if (!defaults) problems.push('default-src is missing');
  else if (defaults.length !== 1 || !SELF_OR_NONE.has(defaults[0]!)) problems.push(`default-src is "${defaults.join(' ')}", not 'self' or 'none'`);

  for (const name of FETCH_DIRECTIVES) {
    for (const source of effectiveSources(directives, name)) {
      const lower = source.toLowerCase();
      if (lower === "'unsafe-eval'" || lower === "'wasm-unsafe-eval'") problems.push(`${name} allows ${source}`);
      if (lower === "'unsafe-inline'" || lower === "'unsafe-hashes'") problems.push(`${name} allows ${source}`);
      if (isWildcardOrRemote(source)) problems.push(`${name} allows the remote or wildcard source ${source}`);
      if ((lower === 'data:' || lower === 'blob:') && !DATA_AND_BLOB_ALLOWED.has(name)) problems.push(`${name} allows ${source}`);
    }
  }
  for (const name of ['script-src', 'script-src-elem', 'script-src-attr']) {
    const sources = effectiveSources(directives, name).map((s) => s.toLowerCase());
    if (sources.some((s) => s.startsWith("'nonce-") || s.startsWith("'sha") || s === "'strict-dynamic'")) {
      problems.push(`${name} trusts inline or dynamically added scripts (${sources.join(' ')})`);
    }
  }
  const exact = (name: string, allowed: ReadonlySet<string>): void => {
    const sources = directives.get(name);
    if (!sources) problems.push(`${name} is missing (it does not fall back to default-src)`);
    else if (sources.length !== 1 || !allowed.has(sources[0]!)) problems.push(`${name} is "${sources.join(' ')}"`);
  };
  const objectSources = effectiveSources(directives, 'object-src');
  if (objectSources.length !== 1 || objectSources[0] !== "'none'") problems.push(`object-src is "${objectSources.join(' ')}", not 'none'`);
  exact('base-uri', SELF_OR_NONE);
  exact('form-action', SELF_OR_NONE);
  exact('frame-ancestors', new Set(["'none'"]));
  for (const name of directives.keys()) {
    if (name === 'report-uri' || name === 'report-to') problems.push(`${name} would send reports off the machine`);
  }
  return problems;
}
