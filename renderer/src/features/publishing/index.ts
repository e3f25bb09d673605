// The publishing feature's public entry: what other features and the app root may use. Everything
// else in this folder is private to it (the renderer's layering lint enforces that).
export { OutboxBadge } from './OutboxBadge';
export { OutboxProvider, useOutbox } from './OutboxContext';
export { OutboxDesk } from './OutboxDesk';
export { ImportFromSiteDialog } from './ImportFromSiteDialog';
export { PublishActions, SEND_PATH } from './PublishActions';
export { PublishPanel } from './PublishPanel';
export { PublishTargetsDialog } from './PublishTargetsDialog';
export { RetractDialog } from './RetractDialog';
export { baseCode, revealArticleField } from './reveal-issue';
export { useOpenArticleForOutbox } from './useOpenArticleForOutbox';
