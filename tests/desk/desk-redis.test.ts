import { describe, expect, it } from 'vitest';
import type { RunningDeskServer } from '../../server/desk-server';
import { bodyOf, connectClient, sameState, typeInto, until } from './support/desk-clients';
import { signIn } from './support/desk-fixture';
import { twoInstanceDesk } from './support/two-instances';

// One desk, two server instances behind (say) a load balancer: one PostgreSQL, one Redis.
const { skipReason, instances, clients } = twoInstanceDesk('desk-redis');

describe.skipIf(skipReason !== null)('two desk server instances with Redis', () => {
  it('editors on different instances converge, and the stored story holds both', async () => {
    const [first, second] = instances as [RunningDeskServer, RunningDeskServer];
    // A token from one instance is good on the other: the signing key lives in the database.
    const tokens = await signIn(first.url);
    const ana = connectClient(first.webSocketUrl, 'news', 'two-instances', tokens.ana);
    const bo = connectClient(second.webSocketUrl, 'news', 'two-instances', tokens.bo);
    clients.push(ana, bo);
    await until(() => ana.provider.isSynced && bo.provider.isSynced, 'both synced');
    for (let i = 0; i < 50; i += 1) {
      typeInto(ana.doc, 'a');
      typeInto(bo.doc, 'b');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await until(() => sameState(ana.doc, bo.doc), 'the editors on two instances to converge');
    expect(bodyOf(ana.doc)).toHaveLength(100);
    await until(() => ana.provider.unsyncedChanges === 0 && bo.provider.unsyncedChanges === 0, 'acknowledged');

    // A third editor, on the second instance after the first two left, gets the whole story.
    ana.destroy();
    bo.destroy();
    const late = connectClient(second.webSocketUrl, 'news', 'two-instances', tokens.ana);
    clients.push(late);
    await until(() => bodyOf(late.doc).length === 100, 'the whole story for a late editor');
    expect(bodyOf(late.doc)).toBe(bodyOf(ana.doc));
  }, 120_000);
});
