/**
 * Calls `gone` whenever the page a webContents shows goes away without saying so: the webContents
 * is destroyed (its window closed), its renderer process is gone (crashed, killed), or it commits
 * a new document (reloaded, navigated). A page's pagehide is not guaranteed in any of these cases,
 * so main cannot wait for the page to let go of what it holds.
 */

type Listener = (...args: unknown[]) => void;

export interface PageContents {
  readonly id: number;
  on(event: 'destroyed' | 'render-process-gone' | 'did-navigate', listener: Listener): unknown;
}

export function whenPageGone(contents: PageContents, gone: (senderId: number) => void): void {
  // Read now: a destroyed webContents throws on every property read.
  const { id } = contents;
  const report = (): void => gone(id);
  contents.on('destroyed', report);
  contents.on('render-process-gone', report);
  // Only the main frame's new documents: in-page navigations (anchors, pushState) keep the page.
  // 'did-navigate' comes once the new document is committed, so a reload its page refused to
  // unload (beforeunload) never gets here and the page keeps its stories.
  contents.on('did-navigate', report);
}
