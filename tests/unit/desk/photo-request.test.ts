import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBudgetService, type BudgetService } from '../../../electron/main/services/desk/budget-service';
import { openPhotoRequest, readPhotoRequest, storyPhotoLabel, storyPhotoState, writePhotoRequest } from '../../../shared/desk/photo-request';
import { PHOTO_REQUEST_KEY } from '../../../shared/desk/photos';
import { STORY_META_MAP } from '../../../shared/desk/desk-protocol';

// The story's document is the one home of its photo request: every view (metadata panel, budget,
// draft card, the photo desk's open requests) reads it with these rules, so none can disagree.

const metaOf = (): Y.Map<unknown> => new Y.Doc().getMap(STORY_META_MAP);
const MEDIA = 'a'.repeat(64);

describe('a story’s photo request', () => {
  it('is written into the meta map, read back, and withdrawn with an empty text', () => {
    const meta = metaOf();
    expect(readPhotoRequest(meta)).toBeNull();
    expect(writePhotoRequest(meta, '  pickets at gate 4 ')).toEqual({ wanted: 'pickets at gate 4', state: 'wanted', mediaId: null, attachedBy: null });
    expect(readPhotoRequest(meta)?.wanted).toBe('pickets at gate 4');
    expect(writePhotoRequest(meta, '')).toBeNull();
    expect(meta.has(PHOTO_REQUEST_KEY)).toBe(false);
  });

  it('keeps a fulfilled request when the same text is written again (a plan saved twice never reopens it)', () => {
    const meta = metaOf();
    meta.set(PHOTO_REQUEST_KEY, { wanted: 'pickets at gate 4', state: 'ready', mediaId: MEDIA, attachedBy: 'Bo Photo' });
    expect(writePhotoRequest(meta, 'pickets at gate 4')).toMatchObject({ state: 'ready', attachedBy: 'Bo Photo' });
    // A different ask is a new request.
    expect(writePhotoRequest(meta, 'the mayor at the gate')).toMatchObject({ state: 'wanted', mediaId: null });
  });

  it('reads a value of another shape, or an empty ask, as no request', () => {
    const meta = metaOf();
    meta.set(PHOTO_REQUEST_KEY, 'photo wanted: anything');
    expect(readPhotoRequest(meta)).toBeNull();
    meta.set(PHOTO_REQUEST_KEY, { wanted: '', state: 'ready', mediaId: MEDIA, attachedBy: 'Bo Photo' });
    expect(readPhotoRequest(meta)).toBeNull();
    expect(openPhotoRequest('   ')).toBeNull();
  });

  it('shows one state everywhere: a lead photo is ready; a ready request whose photo was taken off is wanted again', () => {
    const wanted = openPhotoRequest('the minister at the lectern');
    const ready = { wanted: 'the minister at the lectern', state: 'ready' as const, mediaId: MEDIA, attachedBy: 'Bo Photo' };
    expect(storyPhotoState(null, false)).toBe('none');
    expect(storyPhotoState(wanted, false)).toBe('wanted');
    expect(storyPhotoState(ready, true)).toBe('ready');
    expect(storyPhotoState(ready, false)).toBe('wanted');
    expect(storyPhotoLabel(wanted, false)).toBe('Photo wanted: the minister at the lectern');
    expect(storyPhotoLabel(ready, true)).toBe('Photo ready (attached by Bo Photo)');
    expect(storyPhotoLabel(ready, false)).toBe('Photo wanted: the minister at the lectern');
    expect(storyPhotoLabel(null, true)).toBeNull();
  });
});

describe('the budget’s planning right on the desktop', () => {
  let budget: BudgetService | null = null;
  let socket: HocuspocusProviderWebsocket | null = null;
  afterEach(() => {
    budget?.close();
    socket?.destroy();
  });

  const signedIn = (user: { role: string; roles?: string[] }) => {
    // Never connected (a socket class that is never made): the snapshot is read from the session alone.
    socket = new HocuspocusProviderWebsocket({ url: 'ws://127.0.0.1:9', autoConnect: false, WebSocketPolyfill: class NeverOpened {} });
    budget = createBudgetService();
    budget.attach({ serverUrl: 'http://127.0.0.1:9', token: 't', deskId: 'news', user: { id: 'u1', name: 'Ana', ...user }, socket });
    return budget.snapshot().canPlan;
  };

  it('follows every role the desk gave, not only the first one', () => {
    expect(signedIn({ role: 'reporter', roles: ['reporter', 'editor'] })).toBe(true);
  });

  it('is closed to a reporter and a photo editor, open to an admin and to an editor of an older desk (role only)', () => {
    expect(signedIn({ role: 'reporter', roles: ['reporter', 'photo-editor'] })).toBe(false);
    budget?.close();
    socket?.destroy();
    expect(signedIn({ role: 'admin', roles: ['admin'] })).toBe(true);
    budget?.close();
    socket?.destroy();
    expect(signedIn({ role: 'editor' })).toBe(true);
  });
});
