import type { collabChannels } from '../../../../shared/ipc/collab-contract';
import type { Handlers } from '../../ipc/dispatcher';
import type { DeskService } from './desk-service';

type DeskChannel = 'desk:status' | 'desk:signIn' | 'desk:signOut' | 'desk:chooseDesk' | 'desk:share' | 'desk:stories' | 'desk:search';
export type DeskHandlers = Pick<Handlers, DeskChannel & keyof typeof collabChannels>;

/** The desk:* channels over the desk connection (the story:* ones are the story documents' own). */
export function createDeskHandlers(desk: DeskService): DeskHandlers {
  return {
    'desk:status': () => desk.status(),
    'desk:signIn': (input) => desk.signIn(input),
    'desk:signOut': () => desk.signOut(),
    'desk:chooseDesk': ({ deskId }) => desk.chooseDesk(deskId),
    'desk:share': ({ id }) => desk.share(id),
    'desk:stories': async () => ({ stories: await desk.stories() }),
    'desk:search': ({ query }) => desk.search(query),
  };
}
