import type { Author } from '../../../../shared/model/article';
import { messageOf } from '../../../../shared/model/errors';
import type { PublishTarget } from '../../../../shared/model/publishing';
import { decideByline } from '../../../../shared/rules/byline-match';
import { createGhostApi } from './ghost/ghost-api';
import { ghostByline } from './ghost/ghost-byline';
import type { HttpClient } from './http/http-client';
import { createWordPressApi } from './wordpress/wordpress-api';
import { wordPressByline } from './wordpress/wordpress-byline';

/**
 * The publish plan's byline sentences: the site's users are read (the same cached read the job
 * uses, so the plan and the post agree) and matched to the byline. Reading them sends nothing; a
 * site that cannot be reached gives a plan that says so instead of failing the check.
 */

export interface BylinePlanDeps {
  secretOf(id: string): Promise<string | null>;
  http: HttpClient;
}

/** A plan is shown while the editor waits: a site slower than this is said to be unreachable. */
const PLAN_REQUEST_TIMEOUT_MS = 8_000;

export async function bylineSentences(target: PublishTarget, byline: readonly Author[], deps: BylinePlanDeps): Promise<string[] | undefined> {
  if (target.kind === 'ninjs') return undefined;
  const unknown = (reason: string): string[] =>
    decideByline(target.kind, byline, { users: null, unknownReason: reason, fallback: null, canSetAuthor: false }).sentences;
  let secret: string | null;
  try {
    secret = await deps.secretOf(target.id);
  } catch (error) {
    return unknown(`the stored secret could not be read: ${messageOf(error)}`);
  }
  if (!secret) return unknown(target.kind === 'wordpress' ? 'no application password is stored' : 'no Admin API key is stored');
  const signal = new AbortController().signal;
  try {
    if (target.kind === 'wordpress') {
      const api = createWordPressApi({ siteUrl: target.siteUrl, user: target.user, password: secret, requestTimeoutMs: PLAN_REQUEST_TIMEOUT_MS, http: deps.http });
      return (await wordPressByline(api, target, byline, signal)).sentences;
    }
    const api = createGhostApi({ siteUrl: target.siteUrl, adminApiKey: secret, requestTimeoutMs: PLAN_REQUEST_TIMEOUT_MS, http: deps.http });
    return (await ghostByline(api, target, byline, signal)).sentences;
  } catch (error) {
    return unknown(messageOf(error));
  }
}
