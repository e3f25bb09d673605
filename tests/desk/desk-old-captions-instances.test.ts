import { describe, expect, it } from 'vitest';
import type { RunningDeskServer } from '../../server/desk-server';
import { captionRootName } from '../../shared/desk/lexical-yjs-layout';
import { connectClient, until } from './support/desk-clients';
import { signIn } from './support/desk-fixture';
import { twoInstanceDesk } from './support/two-instances';
import { captionIdOf, captionJson, captionRoots, captionTextOf, seedOldStory, typeInCaption } from './support/old-captions';

// One desk, two server instances (one PostgreSQL, one Redis) loading the same story with a photo
// caption from before captions were shared texts, at the same time: the photo is given one caption
// id, by one of them, never two.
const { skipReason, instances, clients } = twoInstanceDesk('desk-old-captions-instances');

describe.skipIf(skipReason !== null)('old photo captions on two desk server instances', () => {
  it('are converted once when both instances load the story at once, and editors on each keep both texts', async () => {
    const [first, second] = instances as [RunningDeskServer, RunningDeskServer];
    await seedOldStory(first.db, 'quay', captionJson('Quay'));
    const tokens = await signIn(first.url);
    const ana = connectClient(first.webSocketUrl, 'news', 'quay', tokens.ana);
    const bo = connectClient(second.webSocketUrl, 'news', 'quay', tokens.bo);
    clients.push(ana, bo);
    await until(() => ana.provider.isSynced && bo.provider.isSynced, 'both synced');
    await until(() => captionIdOf(ana.doc) !== '' && captionIdOf(ana.doc) === captionIdOf(bo.doc), 'one caption id at both editors');
    // Whatever arrives later through Redis: still one caption text, the one the photo names.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const { doc } of [ana, bo]) {
      expect(captionRoots(doc)).toEqual([captionRootName(captionIdOf(ana.doc))]);
      expect(captionTextOf(doc)).toBe('Quay');
    }

    typeInCaption(ana.doc, 'end', ' at dusk');
    typeInCaption(bo.doc, 'start', 'The ');
    await until(() => captionTextOf(ana.doc) === 'The Quay at dusk' && captionTextOf(bo.doc) === 'The Quay at dusk', 'both letters at both editors');
  }, 120_000);
});
