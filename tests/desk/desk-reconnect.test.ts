import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createStoryDocs, type StoryDocs } from '../../electron/main/services/collab/story-docs';
import { directDeskNetwork } from '../../electron/main/services/desk/desk-network';
import { startDeskSync, type DeskSync } from '../../electron/main/services/desk/desk-sync';
import { storyDocumentName } from '../../shared/desk/desk-protocol';
import { bodyOf, bodyText, connectDocument, until, type DeskClient } from './support/desk-clients';
import { openTcpCut, type TcpCut } from './support/tcp-cut';

// A desktop's desk connection (main's desk-sync on main's story documents) to a Hocuspocus server
// in this process, through a relay whose line the test cuts and restores. Another editor is a
// headless client connected straight to the server. No accounts: the server takes any token
// (the other editor's names it, so its messages are told apart).

const STORY = { articleId: 'reconnect-story', deskId: 'news', storyId: 'reconnect-story' };
const KEY = { id: STORY.articleId, part: 'body' };
const NAME = storyDocumentName(STORY.deskId, STORY.storyId);
const OFFLINE_EDITS = 300;

/** Hocuspocus message types (0 sync, 1 awareness) and, for sync, its step (0 step 1, 1 step 2, 2 update). */
interface Received {
  type: number;
  step: number | null;
}

let server: Server;
let line: TcpCut;
let dir: string;
let docs: StoryDocs;
let sync: DeskSync;
let other: DeskClient;
let connection: string;
/** Every message of the story the server received from the desktop (through the relay). */
let fromDesktop: Received[];
let otherSocketIds: Set<string>;
/** Notes of edits made here that a concurrent edit from the desk replaced. */
let notes: string[];

beforeEach(async () => {
  fromDesktop = [];
  otherSocketIds = new Set();
  notes = [];
  server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    async onAuthenticate({ token, socketId }) {
      if (token === 'other') otherSocketIds.add(socketId);
    },
    async beforeHandleMessage({ documentName, update, socketId }) {
      if (documentName !== NAME || otherSocketIds.has(socketId)) return;
      const decoder = decoding.createDecoder(update);
      decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder);
      fromDesktop.push({ type, step: type === 0 ? decoding.readVarUint(decoder) : null });
    },
  });
  await server.listen();
  line = await openTcpCut(server.address.port);
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-desk-reconnect-'));
  docs = createStoryDocs({ libraryDir: dir });
  connection = 'connecting';
  sync = startDeskSync({
    serverUrl: line.url,
    token: 'any',
    deskId: STORY.deskId,
    userName: 'Ana',
    host: docs,
    network: directDeskNetwork(),
    onConnection: (state) => (connection = state),
    onUnsynced: () => undefined,
    onRefused: (reason) => { throw new Error(`refused: ${reason}`); },
    onIndex: () => undefined,
    onStorySynced: () => undefined,
    onSuperseded: (note) => notes.push(note),
    onPresence: () => undefined,
    onAwareness: () => undefined,
  });
  sync.sync(STORY);
  other = connectDocument(`ws://127.0.0.1:${server.address.port}`, NAME, 'other');
  await until(() => sync.isSynced(STORY.articleId) && other.provider.isSynced, 'the desktop and the other editor synced');
});

afterEach(async () => {
  sync.stop();
  other.destroy();
  await docs.closeAll();
  await line.close();
  await server.destroy();
  await rm(dir, { recursive: true, force: true });
});

/** Types offline, one transaction per key, each followed by the window's cursor move passed on to the desk. */
function typeOffline(doc: Y.Doc, window: Awareness): string {
  let typed = '';
  for (let i = 0; i < OFFLINE_EDITS; i += 1) {
    const key = String.fromCharCode(97 + (i % 26));
    bodyText(doc).insert(bodyText(doc).length, key);
    typed += key;
    window.setLocalStateField('cursor', { offset: i + 1 });
    sync.relayWindowAwareness(STORY.articleId, encodeAwarenessUpdate(window, [window.clientID]));
  }
  return typed;
}

describe('a desktop reconnecting to the desk after typing offline', () => {
  it('merges every offline keystroke through the sync, in a handful of messages instead of one per key', async () => {
    const doc = docs.get(KEY)!;
    const window = new Awareness(new Y.Doc());
    window.setLocalState({ user: { name: 'Ana (window)' } });

    await line.cut();
    await until(() => connection === 'offline', 'the desktop to see the desk gone');
    const typed = typeOffline(doc, window);
    expect(sync.isSynced(STORY.articleId)).toBe(false);
    expect(sync.unsyncedStories()).toBe(1);

    const before = fromDesktop.length;
    await line.restore();
    await until(() => bodyOf(other.doc) === typed, 'the offline text at the other editor');
    await until(() => sync.isSynced(STORY.articleId), 'the desktop to count itself in step');
    await until(() => [...other.provider.awareness!.getStates().values()].some((state) => (state.cursor as { offset?: number } | undefined)?.offset === OFFLINE_EDITS), 'the window’s last cursor at the other editor');

    expect(Buffer.from(Y.encodeStateVector(other.doc)).equals(Buffer.from(Y.encodeStateVector(doc)))).toBe(true);
    const sent = fromDesktop.slice(before);
    const updates = sent.filter((message) => message.type === 0 && message.step === 2);
    const presence = sent.filter((message) => message.type === 1);
    // The sync (step 1 and the desktop's step 2) carries the whole offline session: no update replayed.
    expect(updates).toHaveLength(0);
    expect(sent.filter((message) => message.type === 0 && message.step === 1)).toHaveLength(1);
    // The desktop's own presence and its window's latest, not one per cursor move.
    expect(presence.length).toBeLessThanOrEqual(2);
    expect(sync.unsyncedStories()).toBe(0);
  });

  it('keeps edits typed while the socket is reconnecting, and goes on sending live edits once back', async () => {
    const doc = docs.get(KEY)!;
    await line.cut();
    await until(() => connection === 'offline', 'the desktop to see the desk gone');
    bodyText(doc).insert(0, 'offline ');
    await line.restore();
    bodyText(doc).insert(bodyText(doc).length, 'reconnecting ');
    await until(() => bodyOf(other.doc) === 'offline reconnecting ', 'the edits at the other editor');
    await until(() => sync.isSynced(STORY.articleId), 'the desktop in step');

    const before = fromDesktop.length;
    bodyText(doc).insert(bodyText(doc).length, 'live');
    await until(() => bodyOf(other.doc) === 'offline reconnecting live', 'the live edit at the other editor');
    expect(fromDesktop.slice(before).filter((message) => message.type === 0 && message.step === 2)).toHaveLength(1);
    bodyText(other.doc).insert(0, '> ');
    await until(() => bodyOf(doc) === '> offline reconnecting live', 'the other editor’s edit on the desktop');
  });

  it('a photo caption changed on both sides while offline keeps one whole caption and, when it is not ours, says so with both texts', async () => {
    const doc = docs.get(KEY)!;
    // Yjs keeps the change of the higher client id: the other editor's, here.
    doc.clientID = 1;
    other.doc.clientID = 4_000_000_000;
    const photo = new Y.XmlElement('newsdesk-photo');
    doc.transact(() => {
      bodyText(doc).insertEmbed(0, photo);
      photo.setAttribute('__type', 'newsdesk-photo');
      photo.setAttribute('__captionJson', captionJson('Harbour at dawn'));
    }, 'window-a');
    await until(() => bodyText(other.doc).length === 1, 'the photo at the other editor');
    const theirs = bodyText(other.doc).toDelta()[0].insert as Y.XmlElement;

    await line.cut();
    await until(() => connection === 'offline', 'the desktop to see the desk gone');
    doc.transact(() => photo.setAttribute('__captionJson', captionJson('Harbour at dawn, Tuesday')), 'window-a');
    theirs.setAttribute('__captionJson', captionJson('The harbour, seen from the bridge'));
    await line.restore();
    await until(() => sync.isSynced(STORY.articleId) && photo.getAttribute('__captionJson') === theirs.getAttribute('__captionJson'), 'both sides in step');

    expect(photo.getAttribute('__captionJson')).toBe(captionJson('The harbour, seen from the bridge'));
    expect(notes).toEqual([
      'Your change to a photo caption in “” (“Harbour at dawn, Tuesday”) was replaced by another editor’s change made at the same time (“The harbour, seen from the bridge”).',
    ]);

    // A later change by someone who saw ours replaces nothing of ours.
    doc.transact(() => photo.setAttribute('__captionJson', captionJson('Dawn')), 'window-a');
    await until(() => theirs.getAttribute('__captionJson') === captionJson('Dawn'), 'our caption at the other editor');
    theirs.setAttribute('__captionJson', captionJson('Dawn over the harbour'));
    await until(() => photo.getAttribute('__captionJson') === captionJson('Dawn over the harbour'), 'their caption here');
    expect(notes).toHaveLength(1);
  });
});

/** A caption editor's state as the photo node mirrors it (one paragraph of text). */
function captionJson(text: string): string {
  return JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } });
}
