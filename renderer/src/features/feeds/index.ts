// The feeds feature's public entry: what other features and the app root may use. Everything
// else in this folder is private to it (the renderer's layering lint enforces that).
export { FeedsDesk } from './FeedsDesk';
export { PublishTimeSection } from './PublishTimeSection';
