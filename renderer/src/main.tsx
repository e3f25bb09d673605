import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyTheme, systemPrefersDark } from './features/desktop';
import { WindowRoot } from './WindowRoot';
import { ToastProvider } from './ui/components/Toasts';
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/layout.css';
import './ui/styles/list.css';
import './ui/styles/details.css';
import './ui/styles/editor.css';
import './ui/styles/story-tools.css';
import './ui/styles/library.css';
import './ui/styles/photo-editor.css';
import './ui/styles/photo-dialogs.css';
import './ui/styles/credit-style.css';
import './ui/styles/article-photos.css';
import './ui/styles/feeds-board.css';
import './ui/styles/feeds-cards.css';
import './ui/styles/feeds-dialogs.css';
import './ui/styles/feeds-edit-dialogs.css';
import './ui/styles/feed-preview.css';
import './ui/styles/reader-site.css';
import './ui/styles/article-preview.css';
import './ui/styles/publishing-outbox.css';
import './ui/styles/publishing-dialogs.css';
import './ui/styles/publishing-story-life.css';
import './ui/styles/publishing-targets.css';
import './ui/styles/publishing-import.css';
import './ui/styles/desktop.css';
import './ui/styles/desk.css';
import './ui/styles/comments.css';
import './ui/styles/desk-workflow.css';
import './ui/styles/desk-board.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The OS's colours from the first frame; the saved choice follows once settings are read.
applyTheme(systemPrefersDark());

createRoot(root).render(
  <StrictMode>
    <ToastProvider>
      <WindowRoot />
    </ToastProvider>
  </StrictMode>,
);
