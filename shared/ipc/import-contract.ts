import { SiteImportListRequest, SiteImportRequest, SiteImportResult, SitePostPage } from '../model/site-import';

/** Bringing posts in from a publish target (contract.ts assembles every domain). */
export const importChannels = {
  /** One page of the site's posts (every status), with the article each was already imported as. */
  'siteImport:list': { request: SiteImportListRequest, response: SitePostPage },
  /** Imports the posts as new articles linked to them (the next push updates the same post). */
  'siteImport:import': { request: SiteImportRequest, response: SiteImportResult },
} as const;
