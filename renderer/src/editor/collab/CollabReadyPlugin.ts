import { useCollaborationContext } from '@lexical/react/LexicalCollaborationContext';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { IpcStoryProvider } from './ipc-provider';
import type { StoryLink } from './story-link';

/**
 * Keeps the body read-only until main's document is in it: text typed into the empty editor
 * before then would make the document non-empty, and the story's own body would never be loaded.
 */
export function CollabReadyPlugin({ provider }: { provider: IpcStoryProvider }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const onSync = (synced: boolean) => {
      // After Lexical's own sync listener (registered first) has written or loaded the body.
      if (synced) queueMicrotask(() => editor.setEditable(true));
    };
    if (provider.isSynced) editor.setEditable(true);
    provider.on('sync', onSync);
    return () => provider.off('sync', onSync);
  }, [editor, provider]);
  return null;
}

/**
 * Lexical writes the collaboration context's name into the presence on every focus change, so a
 * window that renumbered itself ("window 2") updates that name too, without re-rendering the editor
 * (a new `username` prop would reconnect the provider).
 */
export function PresenceNamePlugin({ link }: { link: StoryLink }): null {
  const context = useCollaborationContext();
  useEffect(() => {
    const follow = () => {
      context.name = link.name;
    };
    follow();
    return link.onPeople(follow);
  }, [context, link]);
  return null;
}
