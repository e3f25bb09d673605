// The photos feature's public entry: what other features and the app root may use. Everything
// else in this folder is private to it (the renderer's layering lint enforces that).
export { ImportPanel } from './ImportPanel';
export { LibraryView } from './LibraryView';
export { countPhotos } from './photo-display';
export { PhotoPickerDialog } from './PhotoPickerDialog';
export { useImportRuns } from './useImportRuns';
export { usePhotoDeskSettings } from './usePhotoDeskSettings';
