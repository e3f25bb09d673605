import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
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
  destroy(): void;
}

export async function login(baseUrl: string, email: string, password: string): Promise<LoginResponse> {
  const response = await fetch(`${baseUrl}/api/login`, { method: 'POST', body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`login ${response.status}: ${await response.text()}`);
  return loginResponseSchema.parse(await response.json());
}

export function connectClient(webSocketUrl: string, deskId: string, storyId: string, token: string | null, doc = new Y.Doc()): DeskClient {
  const refusals: string[] = [];
  const closes: string[] = [];
  // Reconnects fast, so tests that restart the server do not wait on back-off.
  const socket = new HocuspocusProviderWebsocket({ url: webSocketUrl, WebSocketPolyfill: WebSocket, delay: 100, factor: 1.5, maxDelay: 1000, minDelay: 50 });
  socket.on('close', ({ event }: { event: { code: number; reason: string } }) => closes.push(`${event.code} ${event.reason}`));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: storyDocumentName(deskId, storyId),
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => refusals.push(reason),
  });
  provider.attach();
  return {
    doc, provider, socket, refusals, closes,
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
