import type { importChannels } from '../../../../../shared/ipc/import-contract';
import { messageOf, UserFacingError } from '../../../../../shared/model/errors';
import type { PublishTarget } from '../../../../../shared/model/publishing';
import type { ImportOutcome } from '../../../../../shared/model/site-import';
import type { Handlers } from '../../../ipc/dispatcher';
import type { DraftStore } from '../../drafts/types';
import type { RemoteImageOptions } from '../../media/remote-image-import';
import type { MediaLibrary } from '../../media/types';
import type { SettingsService } from '../../settings/settings-service';
import type { HttpClient } from '../http/http-client';
import type { RemoteRecords } from '../remote/remote-records';
import type { TargetsStore } from '../targets/targets-store';
import { ghostSource } from './ghost-source';
import { importedPosts, postKey } from './imported-index';
import { importPost } from './import-post';
import type { SiteSource } from './site-source';
import { wordPressSource } from './wordpress-source';

/** "Import from site…": the site's posts listed, and the ones picked brought in as linked articles. */

export type ImportHandlers = Pick<Handlers, keyof typeof importChannels>;

export interface ImportHandlerServices {
  libraryDir: string;
  drafts: Pick<DraftStore, 'save' | 'summaryById'>;
  media: MediaLibrary;
  settings: Pick<SettingsService, 'get'>;
  targets: Pick<TargetsStore, 'get' | 'secretOf'>;
  records: RemoteRecords;
  http: HttpClient;
  /** How pictures are fetched (the pasted-picture rules; tests allow loopback). */
  remoteImages?: RemoteImageOptions;
  now?: () => Date;
}

/** The target, or the sentence the publish panel gives for one removed meanwhile. */
function requireTarget(targets: Pick<TargetsStore, 'get'>, id: string): PublishTarget {
  const target = targets.get(id);
  if (!target) throw new UserFacingError('not-found', 'That publish target no longer exists; choose another one.');
  return target;
}

export function createImportHandlers(services: ImportHandlerServices): ImportHandlers {
  const now = services.now ?? (() => new Date());

  const sourceFor = async (target: PublishTarget): Promise<SiteSource> => {
    if (target.kind === 'ninjs') throw new UserFacingError('invalid-request', `“${target.name}” is a ninjs endpoint: it keeps no posts to bring in. Choose a WordPress or Ghost site.`);
    const secret = await services.targets.secretOf(target.id).catch((error: unknown) => {
      throw new UserFacingError('io', messageOf(error));
    });
    if (!secret) {
      const what = target.kind === 'wordpress' ? 'application password' : 'Admin API key';
      throw new UserFacingError('invalid-request', `“${target.name}” has no ${what} stored; add it in Settings › Publishing first.`);
    }
    return target.kind === 'wordpress' ? wordPressSource(target, secret, services.http) : ghostSource(target, secret, services.http);
  };

  return {
    'siteImport:list': async ({ targetId, search, page, perPage }) => {
      const target = requireTarget(services.targets, targetId);
      const source = await sourceFor(target);
      const signal = new AbortController().signal;
      const listed = await source.list({ search, page, perPage }, signal).catch((error: unknown) => {
        throw new UserFacingError('io', `The posts of “${target.name}” could not be listed: ${messageOf(error)}`);
      });
      const imported = await importedPosts(services.libraryDir, target.id, services.drafts);
      return {
        ...listed,
        posts: listed.posts.map((post) => {
          const known = imported.get(postKey(post.remoteId));
          return { ...post, importedAs: known ? { articleId: known.articleId, headline: known.headline } : null };
        }),
      };
    },

    'siteImport:import': async ({ targetId, postIds }) => {
      const target = requireTarget(services.targets, targetId);
      const source = await sourceFor(target);
      const signal = new AbortController().signal;
      const imported = await importedPosts(services.libraryDir, target.id, services.drafts);
      const deps = {
        drafts: services.drafts,
        records: services.records,
        media: services.media,
        remoteImages: services.remoteImages ?? {},
        maxBytes: services.settings.get().limits.importMaxBytes,
        creditStyle: services.settings.get().photoDesk.credit,
        feedNames: services.settings.get().feeds.map((feed) => feed.name),
        now,
      };
      const results: ImportOutcome[] = [];
      for (const remoteId of postIds) {
        const known = imported.get(postKey(remoteId));
        if (known) {
          const where = known.inTrash ? ' (in the trash)' : '';
          results.push({ remoteId, title: known.headline, outcome: 'skipped', articleId: known.articleId, message: `Already in Newsdesk as “${known.headline || '(no title)'}”${where}; not imported twice.`, leftOut: [] });
          continue;
        }
        try {
          const outcome = await importPost(deps, source, target.id, remoteId, signal);
          results.push(outcome);
          if (outcome.articleId) imported.set(postKey(remoteId), { articleId: outcome.articleId, headline: outcome.title, inTrash: false });
        } catch (error) {
          results.push({ remoteId, title: '', outcome: 'failed', articleId: null, message: `Post ${remoteId} could not be imported: ${messageOf(error)}`, leftOut: [] });
        }
      }
      return { results };
    },
  };
}
