import { GHOST_ADMIN_KEY_PATTERN, type ConnectionReport } from '../../../../../shared/model/publishing';
import { complaintOf } from '../http/http-errors';
import { isSuccess, type HttpClient, type HttpResponse } from '../http/http-client';
import { adminApiBase, ghostAdminToken } from './ghost-api';

/**
 * "Test connection" for a Ghost site, step by step as a publish will need it: reach the site, find
 * the Admin API, the Admin API key accepted, and the rights to read drafts and tags (a custom
 * integration may then create posts and upload images). Stops at the first failing step with a
 * sentence saying what is wrong; the key goes only to the site, as a short-lived token.
 */

type Step = ConnectionReport['steps'][number];

export interface GhostTestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  http: HttpClient;
}

function ghostMessage(response: HttpResponse): string {
  const body = response.json<{ errors?: { message?: string; context?: string | null }[] }>();
  const first = body?.errors?.[0];
  if (first?.message) return `${first.message}${first.context ? ` ${first.context}` : ''}`.trim();
  return complaintOf(body).message || `HTTP ${response.status}`;
}

export async function testGhost(target: { siteUrl: string }, secret: string | null, options: GhostTestOptions): Promise<ConnectionReport> {
  const steps: Step[] = [];
  const pass = (label: string, detail: string) => steps.push({ label, ok: true, detail });
  const fail = (label: string, detail: string): ConnectionReport => {
    steps.push({ label, ok: false, detail });
    return { ok: false, message: detail, steps };
  };
  const common = { signal: options.signal, timeoutMs: options.timeoutMs ?? 15_000 };
  let host: string;
  try {
    host = new URL(target.siteUrl).host;
  } catch {
    return fail('Reach the site', `“${target.siteUrl}” is not a web address.`);
  }
  const base = adminApiBase(target.siteUrl.trim());

  // 1. Reach the site, 2. find the Admin API (its /site/ answers without a key).
  const site = await options.http.attempt({ method: 'GET', url: `${base}/site/`, ...common });
  if (typeof site === 'string') return fail('Reach the site', site);
  pass('Reach the site', `${host} answered.`);
  const info = isSuccess(site) ? site.json<{ site?: { title?: string; version?: string } }>()?.site : undefined;
  if (!info) return fail('Find the Admin API', `The site answered, but not as Ghost: /ghost/api/admin/site/ gave HTTP ${site.status}. Check the address (the site's, not its admin page).`);
  pass('Find the Admin API', `Ghost ${info.version ?? ''} answers for “${info.title ?? host}”.`.replace('  ', ' '));

  // 3. The key: its shape here, then Ghost's verdict on a token signed with it.
  const key = secret?.trim() ?? '';
  if (!key) return fail('Admin API key', 'No Admin API key is entered: paste the one of a custom integration (Ghost Admin › Settings › Integrations).');
  if (!GHOST_ADMIN_KEY_PATTERN.test(key)) return fail('Admin API key', 'This is not an Admin API key: it has two hex parts joined by a colon (the Content API key will not do).');
  const headers = { Authorization: `Ghost ${await ghostAdminToken(key)}`, 'Accept-Version': 'v5.0' };
  const posts = await options.http.attempt({ method: 'GET', url: `${base}/posts/?limit=1&fields=id&filter=status:draft`, headers, ...common });
  if (typeof posts === 'string') return fail('Admin API key', posts);
  if (posts.status === 401) return fail('Admin API key', `Ghost refused the key: ${ghostMessage(posts)}. The integration may have been deleted or its key regenerated.`);
  if (posts.status !== 403 && !isSuccess(posts)) return fail('Admin API key', `Ghost answered HTTP ${posts.status}: ${ghostMessage(posts)}.`);
  pass('Admin API key', 'Ghost accepted the key.');

  // 4. Rights: reading drafts and tags is what a custom integration can do when it can write posts.
  const tags = await options.http.attempt({ method: 'GET', url: `${base}/tags/?limit=1&fields=id`, headers, ...common });
  if (posts.status === 403 || typeof tags === 'string' || !isSuccess(tags)) {
    const detail = typeof tags === 'string' ? tags : ghostMessage(posts.status === 403 ? posts : tags);
    return fail('Rights', `The key may not manage posts and tags: ${detail}. Use a custom integration's Admin API key.`);
  }
  pass('Rights', 'The integration may read drafts and tags, create and edit posts and upload images.');
  return { ok: true, message: `Ready to publish to “${info.title ?? host}”.`, steps };
}
