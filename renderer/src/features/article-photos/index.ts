// The article-photos feature's public entry: what other features and the app root may use. Everything
// else in this folder is private to it (the renderer's layering lint enforces that).
export { LeadPhotoField } from './LeadPhotoField';
export { PrepublishPanel } from './PrepublishPanel';
export { reportSummary, usePrepublishReport } from './usePrepublishReport';
export type { CheckSummary } from './usePrepublishReport';
