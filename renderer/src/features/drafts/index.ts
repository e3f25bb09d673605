// The drafts feature's public entry: what other features and the app root may use. Everything
// else in this folder is private to it (the renderer's layering lint enforces that).
export { DraftList } from './DraftList';
export { titleOf } from './DraftListItem';
export { EditorPane, EmptyEditor } from './EditorPane';
export { MetadataPanel } from './MetadataPanel';
export { QuarantineBanner } from './QuarantineBanner';
export { RevisionsDialog } from './RevisionsDialog';
export { useDraftSession } from './useDraftSession';
export type { DraftSession } from './useDraftSession';
export { useDeskKeys } from './useDeskKeys';
export { useDeskStart } from './useDeskStart';
export { useDraftActions } from './useDraftActions';
export type { DraftActions } from './useDraftActions';
export { useDraftsChanged } from './useDraftsChanged';
export { useSaveOnClose } from './useSaveOnClose';
