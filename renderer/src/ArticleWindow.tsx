import { useEffect } from 'react';
import { App } from './App';
import { onAppEvent } from './api/newsdesk';
import { runAppCommand } from './ui/app-commands';
import { OutboxProvider } from './features/publishing';
import { PreferencesHost } from './features/desktop';

/**
 * A window opened for one article (Article › Open in New Window): its editor and details under a
 * compact title bar, no desks. Menu commands reach the same drafting-desk actions as in the main
 * window; those of the other desks find nobody here and do nothing.
 */
export function ArticleWindow({ articleId }: { articleId: string }) {
  useEffect(() => onAppEvent('menu:command', ({ command }) => runAppCommand(command)), []);
  return (
    // The outbox's "show" has no desk to go to here; its other parts (conflicts) still work.
    <OutboxProvider onShowOutbox={() => undefined}>
      <div className="nd-article-window" data-testid="article-window">
        <App windowArticleId={articleId} />
        <PreferencesHost />
      </div>
    </OutboxProvider>
  );
}
