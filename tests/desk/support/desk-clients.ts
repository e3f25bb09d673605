import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { loginResponseSchema, STORY_BODY_ROOT, storyDocumentName, type LoginResponse } from '../../../shared/desk/desk-protocol';

/** Headless Yjs clients of the desk, the way the desktop's main process will connect. */
export interface DeskClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Why the server refused this client, if it did. */
  refusals: string[];
  /** The close reasons the socket saw. */
  closes: string[];
  /** Hocuspocus message types the server sent for this story (0 sync, 1 awareness, 2 auth…). */
  received: number[];
  /** Sends raw bytes on the socket, as a misbehaving client would. */
  sendRaw(bytes: Uint8Array): void;
  destroy(): void;
}

export async function login(baseUrl: string, email: string, password: string): Promise<LoginResponse> {
  const response = await fetch(`${baseUrl}/api/login`, { method: 'POST', body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`login ${response.status}: ${await response.text()}`);
  return loginResponseSchema.parse(await response.json());
}

export function connectClient(webSocketUrl: string, deskId: string, storyId: string, token: string | null, doc = new Y.Doc()): DeskClient {
  return connectDocument(webSocketUrl, storyDocumentName(deskId, storyId), token, doc);
}

/** `Provider`: Hocuspocus's own by default; the desktop's (DeskStoryProvider) to test or time what main does. */
export function connectDocument(webSocketUrl: string, name: string, token: string | null, doc = new Y.Doc(), Provider = HocuspocusProvider): DeskClient {
  const refusals: string[] = [];
  const closes: string[] = [];
  const received: number[] = [];
  // Reconnects fast, so tests that restart the server do not wait on back-off.
  const socket = new HocuspocusProviderWebsocket({ url: webSocketUrl, WebSocketPolyfill: WebSocket, delay: 100, factor: 1.5, maxDelay: 1000, minDelay: 50 });
  socket.on('close', ({ event }: { event: { code: number; reason: string } }) => closes.push(`${event.code} ${event.reason}`));
  socket.on('message', (event: { data: ArrayBuffer | Uint8Array }) => {
    const decoder = decoding.createDecoder(new Uint8Array(event.data));
    if (decoding.readVarString(decoder) === name) received.push(decoding.readVarUint(decoder));
  });
  const provider = new Provider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => refusals.push(reason),
  });
  provider.attach();
  return {
    doc, provider, socket, refusals, closes, received,
    sendRaw(bytes) {
      const raw = socket.webSocket as unknown as WebSocket | null;
      if (!raw) throw new Error('The client is not connected.');
      raw.send(bytes);
    },
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Polls until `check` holds; the test's own timeout is the limit, so no timing is asserted. */
export async function until(check: () => boolean | Promise<boolean>, what: string, limitMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limitMs) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The story body: Lexical's Yjs root (text typed straight into it, as a test needs no paragraphs). */
export function bodyText(doc: Y.Doc): Y.XmlText {
  return doc.get(STORY_BODY_ROOT, Y.XmlText) as Y.XmlText;
}

export function bodyOf(doc: Y.Doc): string {
  return bodyText(doc).toString();
}

/** Types `text` at a random place, as one transaction, the way a keystroke arrives. */
export function typeInto(doc: Y.Doc, text: string): void {
  const body = bodyText(doc);
  body.insert(Math.floor(Math.random() * (body.length + 1)), text);
}

export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) && bodyOf(a) === bodyOf(b);
}

/** A Hocuspocus sync message for `name` carrying `update` (sync step 2 = 1, update = 2). */
export function syncMessage(name: string, update: Uint8Array, step = 2): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
