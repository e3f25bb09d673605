import { useEffect, useState } from 'react';
import { call } from './api/newsdesk';
import { ArticleWindow } from './ArticleWindow';
import { AppearanceContext, useAppearance } from './features/desktop';
import { ReadOnlyBanner } from './features/library';
import { Shell } from './Shell';

/**
 * Asks main what this window is for, then shows it: the desks, or one article's editor. Without
 * an answer (no desktop shell, an error) it is the main window. The desks mount at once, unseen
 * until the answer comes, so their shortcuts work from the first keystroke in the main window,
 * and a window for one article never shows the desks.
 */
export function WindowRoot() {
  const appearance = useAppearance();
  const [context, setContext] = useState<{ articleId: string | null } | null>(null);
  useEffect(() => {
    void call('app:windowContext', {}).then((result) => setContext({ articleId: result.ok ? result.value.articleId : null }));
  }, []);
  return (
    <AppearanceContext.Provider value={appearance}>
      <div className="nd-library-frame">
        <ReadOnlyBanner />
        {context?.articleId ? (
          <ArticleWindow articleId={context.articleId} />
        ) : (
          <div className={`nd-window${context ? '' : ' nd-window--pending'}`}>
            <Shell />
          </div>
        )}
      </div>
    </AppearanceContext.Provider>
  );
}
