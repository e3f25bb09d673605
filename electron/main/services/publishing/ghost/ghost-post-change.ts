import type { GhostTarget } from '../../../../../shared/model/publishing';
import type { PostChangeInput } from '../remote/site-job';
import { createGhostApi, type GhostApi } from './ghost-api';

/** A retract or a kill on Ghost: the same attempt, with the site and its Admin API key. */
export interface GhostPostChangeInput extends PostChangeInput {
  target: GhostTarget;
  adminApiKey: string;
  /** For tests: the API to talk to instead of the site's. */
  api?: GhostApi;
}

/** The site's Admin API for one attempt (or the one a test gave). */
export function ghostApiFor(input: GhostPostChangeInput): GhostApi {
  return input.api ?? createGhostApi({ siteUrl: input.target.siteUrl, adminApiKey: input.adminApiKey, requestTimeoutMs: input.requestTimeoutMs, http: input.http });
}
