import { useState } from 'react';
import { STATUS_LABELS } from '../../../../shared/model/article';
import { ArticleEditor } from '../../editor/ArticleEditor';
import type { BodyStats } from '../../editor/plugins/ChangePlugin';
import { Icon } from '../../ui/components/Icon';
import { titleOf } from './DraftListItem';
import { StatusBar } from './StatusBar';
import type { DraftSession } from './useDraftSession';

/**
 * The centre pane for the open article. Word count lives here, so its updates re-render the
 * pane's status bar only, not the list or the metadata.
 */
export function EditorPane({ session, onShowHistory }: { session: DraftSession; onShowHistory: () => void }) {
  const [stats, setStats] = useState<BodyStats | null>(null);
  const article = session.article;
  if (!article) return null;
  return (
    <main className="nd-main" aria-label="Editor">
      <header className="nd-main__head">
        <div className="nd-main__title">
          <span className="nd-main__kicker">
            {article.section || 'No section'} · {STATUS_LABELS[article.status]}
          </span>
          <span className="nd-main__headline" data-testid="editor-title">
            {titleOf(article)}
          </span>
        </div>
        <button type="button" className="nd-button" onClick={onShowHistory}>
          <Icon name="history" size={16} /> History
        </button>
      </header>
      <ArticleEditor
        key={session.loadKey}
        initialBody={article.body}
        onEditor={session.attachEditor}
        onChange={session.bodyChanged}
        onStats={setStats}
        footer={<StatusBar stats={stats} saveState={session.saveState} onRetry={() => void session.saveNow()} />}
      />
    </main>
  );
}

export function EmptyEditor({ onNew }: { onNew: () => void }) {
  return (
    <main className="nd-main nd-main--empty" aria-label="Editor">
      <div className="nd-empty">
        <Icon name="inbox" size={40} />
        <h2>No article open</h2>
        <p>Choose a draft on the left, or start a new one.</p>
        <button type="button" className="nd-button nd-button--primary" onClick={onNew}>
          New article
        </button>
      </div>
    </main>
  );
}
