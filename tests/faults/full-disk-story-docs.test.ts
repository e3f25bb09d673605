import { afterEach, describe, expect, it } from 'vitest';
import { attachWindow, bodyKey, bodyText, storyDocsIn } from '../unit/collab/story-helpers';
import { mountSmallDisk, smallDiskUnavailable } from '../support/small-disk';

/**
 * Story documents on a really full disk (a small tmpfs): a change the disk refuses is refused to
 * the window with "the disk is full", never acknowledged; the log is never left with a half record
 * in the middle (the next write replaces it whole), and after space is freed the story opens with
 * exactly every acknowledged change and takes new ones again.
 */
const skipReason = smallDiskUnavailable();
if (skipReason) console.warn(`Skipped the full-disk story document test: ${skipReason}`);

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

describe.skipIf(skipReason !== null)('story documents on a full disk', () => {
  it('acknowledge only what is on disk and recover once space is freed', async () => {
    const disk = mountSmallDisk(1024);
    cleanups.push(() => disk.unmount());
    const { docs } = storyDocsIn(disk.dir, { compactAfterBytes: 64 * 1024 });
    const window = await attachWindow(docs, bodyKey, 'window-a-0001');
    const acknowledged: string[] = [];
    const word = (n: number) => `w${n}-${'x'.repeat(200)};`;
    for (let n = 0; n < 20; n += 1) {
      await window.type(word(n));
      acknowledged.push(word(n));
    }
    disk.fill();
    const refusals: string[] = [];
    for (let n = 20; n < 40; n += 1) {
      try {
        await window.type(word(n));
        acknowledged.push(word(n));
      } catch (error) {
        refusals.push((error as Error).message);
      }
    }
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals[0]).toMatch(/^The change to the story could not be saved\. The disk is full: free some space and try again\.$/);

    disk.free();
    // Typing goes on: the next write puts the whole document down again (refused changes included).
    await window.type('after;');
    acknowledged.push('after;');
    await docs.closeAll();

    const reopened = storyDocsIn(disk.dir);
    const text = bodyText(await reopened.docs.hold(bodyKey, 'check'));
    for (const token of acknowledged) expect(text).toContain(token);
    expect(reopened.docs.quarantined()).toEqual([]);
    await reopened.docs.closeAll();
  });
});
