import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createStoryPresence, type StoryPresence } from '../../../electron/main/services/collab/story-presence';
import type { UpdateSource } from '../../../electron/main/services/collab/story-docs';

// Presence between the windows of one app: what one window says about its person reaches the
// others, a window opening later learns who is there, and a window that closes leaves for everyone.

const key = { id: 'story-0001', part: 'body' };

interface Window {
  session: string;
  awareness: Awareness;
  /** The names this window sees in the story (its own included). */
  names(): string[];
}

const opened: Awareness[] = [];
let presence: StoryPresence | null = null;
afterEach(() => {
  for (const awareness of opened.splice(0)) awareness.destroy();
  presence?.close();
});

function setUp() {
  const windows: Window[] = [];
  const sent: { from: UpdateSource; update: Uint8Array }[] = [];
  presence = createStoryPresence({
    onChange: (_key, update, from) => {
      sent.push({ from, update });
      // What the shell does: every window gets the event, and ignores its own.
      for (const window of windows) if (window.session !== from) applyAwarenessUpdate(window.awareness, update, 'main');
    },
  });
  const join = (session: string, name: string): Window => {
    const awareness = new Awareness(new Y.Doc());
    opened.push(awareness);
    const window: Window = {
      session,
      awareness,
      names: () => [...awareness.getStates().values()].map((state) => String(state.name)).sort(),
    };
    windows.push(window);
    presence!.greet(key);
    awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === 'main') return;
      presence!.apply(key, encodeAwarenessUpdate(awareness, [...added!, ...updated!, ...removed!]), session);
    });
    awareness.setLocalState({ name, color: '#c00' });
    return window;
  };
  const leave = (window: Window) => {
    windows.splice(windows.indexOf(window), 1);
    presence!.leave(key, window.session);
  };
  return { join, leave, sent, presence };
}

describe('presence between windows', () => {
  it('passes what a window says to the others, tagged with its maker', () => {
    const { join, sent } = setUp();
    const a = join('window-a-0001', 'Ann');
    const b = join('window-b-0001', 'Ben');
    expect(a.names()).toEqual(['Ann', 'Ben']);
    expect(b.names()).toEqual(['Ann', 'Ben']);
    expect(sent.some((change) => change.from === 'window-b-0001')).toBe(true);
  });

  it('tells a window opening later who is already there', () => {
    const { join } = setUp();
    join('window-a-0001', 'Ann');
    join('window-b-0001', 'Ben');
    const late = join('window-c-0001', 'Cleo');
    expect(late.names()).toEqual(['Ann', 'Ben', 'Cleo']);
  });

  it('removes the people of a window that closed the story, for everyone', () => {
    const { join, leave, presence } = setUp();
    const a = join('window-a-0001', 'Ann');
    const b = join('window-b-0001', 'Ben');
    leave(b);
    expect(a.names()).toEqual(['Ann']);
    const later = join('window-c-0001', 'Cleo');
    expect(later.names()).toEqual(['Ann', 'Cleo']);
    leave(a);
    leave(later);
    expect(presence.stateOf(key)).toBeNull();
  });

  it('refuses an update it cannot read, and keeps serving the others', () => {
    const { join, presence } = setUp();
    const a = join('window-a-0001', 'Ann');
    expect(() => presence.apply(key, new Uint8Array([200, 1, 2]), 'window-b-0001')).toThrow(/could not be read/);
    const b = join('window-b-0001', 'Ben');
    expect(a.names()).toEqual(['Ann', 'Ben']);
    expect(b.names()).toEqual(['Ann', 'Ben']);
  });
});
