// The desk feature's public entry: the connection to a shared desk as the windows show it
// (Preferences › Desk, the status chip, shared and presence marks, sharing, the archive search).
export { DeskArchiveSearch } from './DeskArchiveSearch';
export { DeskChip } from './DeskChip';
export { DeskPane } from './DeskPane';
export { isSignedIn } from './desk-labels';
export { useDeskStatus, useStoryPresence } from './desk-status';
export { onDeskPreferencesRequested, requestDeskPreferences } from './preferences-request';
export { PresenceMarks, SharedMark } from './PresenceMarks';
export { ShareToDeskDialog } from './ShareToDeskDialog';
export { useSharedStories } from './useSharedStories';
export { DeskBoardStrip, useDeskBoardRefresh } from './board/DeskBoardStrip';
