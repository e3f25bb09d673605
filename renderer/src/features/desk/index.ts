// The desk feature's public entry: the connection to a shared desk as the windows show it
// (Preferences › Desk, the status chip, shared and presence marks, sharing, the archive search),
// and the comments on a story's text.
export { DeskArchiveSearch } from './DeskArchiveSearch';
export { DeskChip } from './DeskChip';
export { DeskPane } from './DeskPane';
export { DeskPhotosPanel } from './photos/DeskPhotosPanel';
export { DeskStatusControl, DeskStatusView } from './workflow/DeskStatusControl';
export { useDeskStory } from './workflow/useDeskStory';
export { PUBLISHER_ONLY, usePublishRight, usePublisherRight } from './workflow/usePublishRight';
export { DeskAuditLogButton } from './workflow/DeskAuditLog';
export { useBoardTimingGate, BoardTimingGate } from './workflow/board-timing-gate';
export { PhotoRequestField } from './photos/PhotoRequestField';
export { isSignedIn } from './desk-labels';
export { useDeskStatus, useStoryPresence } from './desk-status';
export { onDeskPreferencesRequested, requestDeskPreferences } from './preferences-request';
export { PresenceMarks, SharedMark } from './PresenceMarks';
export { ShareToDeskDialog } from './ShareToDeskDialog';
export { useSharedStories } from './useSharedStories';
export { CommentsPanel } from './comments/CommentsPanel';
export { AssignmentNotices } from './budget/AssignmentNotices';
export { BudgetView } from './budget/BudgetView';
export { DeskNoteMark, DeskPhotoMark } from './budget/desk-notes';
export { DeskBoardStrip, useDeskBoardRefresh } from './board/DeskBoardStrip';
