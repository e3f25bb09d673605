import type { ConnectionReport } from '../../../../shared/model/publishing';
import { complaintOf } from './http/http-errors';
import { errorFromResponse, isSuccess, type HttpClient, type HttpResponse } from './http/http-client';
import { testGhost } from './ghost/ghost-connection-test';

/**
 * "Test connection": runs the same steps a publish will need, in order, and stops at the first one
 * that fails with a sentence saying exactly what is wrong (DNS, refused, TLS, not WordPress,
 * application passwords off, WordPress's own 401 message, missing rights). Never sends the secret
 * anywhere but the site, never puts it in a message.
 */

/** A saved target or what the settings form holds: only the fields the test needs. */
export type ConnectionTarget = { kind: 'wordpress'; siteUrl: string; user: string } | { kind: 'ninjs'; url: string } | { kind: 'ghost'; siteUrl: string };

export interface ConnectionTestOptions {
  signal?: AbortSignal;
  /** Per request; 15 s unless set. */
  timeoutMs?: number;
  http: HttpClient;
}

type Step = ConnectionReport['steps'][number];

const DEFAULT_TIMEOUT_MS = 15_000;

class Steps {
  readonly list: Step[] = [];
  pass(label: string, detail: string): void {
    this.list.push({ label, ok: true, detail });
  }
  fail(label: string, detail: string): ConnectionReport {
    this.list.push({ label, ok: false, detail });
    return { ok: false, message: detail, steps: this.list };
  }
}

export async function testConnection(target: ConnectionTarget, secret: string | null, options: ConnectionTestOptions): Promise<ConnectionReport> {
  if (target.kind === 'ghost') return testGhost(target, secret, options);
  return target.kind === 'wordpress' ? testWordPress(target, secret, options) : testNinjsEndpoint(target.url, secret, options);
}

// ---------------------------------------------------------------------------------------------
// WordPress

/** How this site's REST routes are addressed: /wp-json/… (pretty permalinks) or ?rest_route=/… */
interface RestBase {
  url(route: string, query?: Record<string, string>): string;
}

function prettyBase(site: string): RestBase {
  return { url: (route, query) => `${site}/wp-json${route}${query ? `?${new URLSearchParams(query)}` : ''}` };
}

function plainBase(site: string): RestBase {
  return { url: (route, query) => `${site}/?${new URLSearchParams({ rest_route: route, ...query })}` };
}

interface RestIndex {
  namespaces?: unknown;
  authentication?: unknown;
  name?: unknown;
}

function asIndex(response: HttpResponse): RestIndex | null {
  const body = response.json<RestIndex>();
  return body && typeof body === 'object' && Array.isArray(body.namespaces) ? body : null;
}

function describeAnswer(response: HttpResponse): string {
  const type = (response.headers.get('content-type') ?? 'no content type').split(';')[0]!.trim();
  return `HTTP ${response.status} (${type})`;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

async function testWordPress(target: { siteUrl: string; user: string }, secret: string | null, options: ConnectionTestOptions): Promise<ConnectionReport> {
  const steps = new Steps();
  const site = target.siteUrl.trim().replace(/\/+$/, '');
  const common = { signal: options.signal, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  let host: string;
  try {
    host = new URL(site).host;
  } catch {
    return steps.fail('Reach the site', `“${target.siteUrl}” is not a web address.`);
  }

  // 1. Reach the site, and 2. find the REST API (pretty permalinks first, then ?rest_route=).
  const pretty = await options.http.attempt({ method: 'GET', url: prettyBase(site).url('/'), ...common });
  if (typeof pretty === 'string') return steps.fail('Reach the site', pretty);
  steps.pass('Reach the site', `${host} answered.`);
  if (!sameOrigin(pretty.url, site)) {
    return steps.fail('Find the REST API', `The site redirects to ${new URL(pretty.url).origin}: enter that address as the site address.`);
  }
  let base = prettyBase(site);
  let index = isSuccess(pretty) ? asIndex(pretty) : null;
  if (!index) {
    const plain = await options.http.attempt({ method: 'GET', url: plainBase(site).url('/'), ...common });
    if (typeof plain === 'string') return steps.fail('Find the REST API', plain);
    index = isSuccess(plain) ? asIndex(plain) : null;
    base = plainBase(site);
    if (!index) {
      const complaint = complaintOf(pretty.json() ?? plain.json());
      if (complaint.wordpress) {
        return steps.fail('Find the REST API', `The site's REST API is switched off or blocked: ${complaint.message} (${complaint.code}).`);
      }
      return steps.fail(
        'Find the REST API',
        `The site answered, but not with WordPress's REST API: /wp-json/ gave ${describeAnswer(pretty)} and ?rest_route=/ gave ${describeAnswer(plain)}.`,
      );
    }
  }
  const namespaces = (index.namespaces as unknown[]).filter((name): name is string => typeof name === 'string');
  if (!namespaces.includes('wp/v2')) {
    return steps.fail('Find the REST API', "The site's REST API does not offer wp/v2 (posts and media): a plugin may be hiding it.");
  }
  const siteName = typeof index.name === 'string' && index.name ? `“${index.name}”` : 'the site';
  steps.pass('Find the REST API', `WordPress's REST API answers for ${siteName}.`);

  // 3. Application passwords: WordPress lists them in the index when they are on.
  const authentication = index.authentication && typeof index.authentication === 'object' ? (index.authentication as Record<string, unknown>) : {};
  if (!('application-passwords' in authentication)) {
    return steps.fail(
      'Application passwords',
      'Application passwords are disabled on this site (WordPress turns them off for sites not served over https, and plugins can too).',
    );
  }
  steps.pass('Application passwords', 'Application passwords are available.');

  // 4. Sign in.
  if (!secret) return steps.fail('Sign in', 'No application password is stored for this target: enter one.');
  const auth = `Basic ${Buffer.from(`${target.user}:${secret}`).toString('base64')}`;
  const me = await options.http.attempt({ method: 'GET', url: base.url('/wp/v2/users/me', { context: 'edit' }), headers: { authorization: auth }, ...common });
  if (typeof me === 'string') return steps.fail('Sign in', me);
  if (!isSuccess(me)) {
    const error = errorFromResponse(me, `sign in as “${target.user}”`);
    const hint =
      complaintOf(me.json()).code === 'rest_not_logged_in'
        ? // Some WordPress versions answer a wrong application password this way; so does a server
          // that drops the Authorization header before WordPress sees it.
          ' Check the user name and application password; if they are right, the server may be dropping the Authorization header.'
        : '';
    return steps.fail('Sign in', `${error.message}${hint}`);
  }
  const user = me.json<{ name?: string; slug?: string; capabilities?: Record<string, unknown> }>() ?? {};
  steps.pass('Sign in', `Signed in as ${user.name ?? target.user}.`);

  // 5. Rights: publish and upload are needed; creating categories is needed only for new sections.
  const can = (capability: string): boolean => user.capabilities?.[capability] === true;
  const lacking = ['publish_posts', 'upload_files'].filter((capability) => !can(capability));
  if (lacking.length > 0) {
    const what = lacking.map((capability) => (capability === 'publish_posts' ? 'publish posts' : 'upload files')).join(' or ');
    return steps.fail('Rights', `“${target.user}” cannot ${what} on this site (missing ${lacking.join(', ')}): ask for an Author, Editor or Administrator role.`);
  }
  if (!can('manage_categories')) {
    const note = `“${target.user}” can publish and upload, but cannot create categories (missing manage_categories): sections that do not exist on the site yet cannot be created.`;
    steps.pass('Rights', note);
    return { ok: true, message: `Connected to ${siteName}. ${note}`, steps: steps.list };
  }
  steps.pass('Rights', `“${target.user}” can publish, upload photos and create categories.`);
  return { ok: true, message: `Connected to ${siteName} as ${user.name ?? target.user}: ready to publish.`, steps: steps.list };
}

// ---------------------------------------------------------------------------------------------
// ninjs endpoint

async function testNinjsEndpoint(url: string, token: string | null, options: ConnectionTestOptions): Promise<ConnectionReport> {
  const steps = new Steps();
  const common = { signal: options.signal, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return steps.fail('Reach the endpoint', `“${url}” is not a web address.`);
  }

  // Any HTTP answer means the endpoint is there. OPTIONS changes nothing; HEAD when OPTIONS is not allowed.
  let answer = await options.http.attempt({ method: 'OPTIONS', url, headers, ...common });
  if (typeof answer === 'string') return steps.fail('Reach the endpoint', answer);
  if (answer.status === 405 || answer.status === 501) {
    const head = await options.http.attempt({ method: 'HEAD', url, headers, ...common });
    if (typeof head === 'string') return steps.fail('Reach the endpoint', head);
    answer = head;
  }
  steps.pass('Reach the endpoint', `${host} answered (HTTP ${answer.status}).`);

  if (answer.status === 401 || answer.status === 403) {
    return steps.fail(
      'Token',
      token ? `The endpoint refused the token (HTTP ${answer.status}): check it.` : `The endpoint needs a token (HTTP ${answer.status}): enter one.`,
    );
  }
  if (answer.status >= 500) {
    steps.pass('Token', `Not refused, but the endpoint had an error (HTTP ${answer.status}).`);
    return { ok: true, message: `The endpoint is reachable but answered with an error (HTTP ${answer.status}); stories will be retried if it still does.`, steps: steps.list };
  }
  steps.pass('Token', token ? 'The token was not refused.' : 'No token is stored, and the endpoint did not ask for one.');
  return { ok: true, message: `The endpoint at ${host} is reachable and did not refuse ${token ? 'the token' : 'the request'}.`, steps: steps.list };
}
