/** Which find bar the menu's Find… (Ctrl/Cmd+F) opens: the open story's, when the story has the focus. */
export type FindMode = 'find' | 'replace';

interface StoryFinder {
  /** Whether the focus on this element means "the story is being worked on" (the body or its find bar). */
  holds(element: HTMLElement): boolean;
  open(mode: FindMode): void;
}

const finders = new Set<StoryFinder>();

/** Registers a story's find bar; returns the function that removes it. */
export function registerStoryFinder(finder: StoryFinder): () => void {
  finders.add(finder);
  return () => finders.delete(finder);
}

/**
 * Opens the find bar of the story that holds the focus, and says whether there was one. The app
 * menu owns Ctrl/Cmd+F; when the focus is in the body (or its find bar) the key means "find in
 * this story", anywhere else it still goes to the drafts search.
 */
export function openFindInFocusedStory(mode: FindMode = 'find'): boolean {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement)) return false;
  for (const finder of finders) {
    if (finder.holds(focused)) {
      finder.open(mode);
      return true;
    }
  }
  return false;
}
