// `npm start` and `npm run dev` run this first: without the Electron binary electron-vite would stop
// with "Electron uninstall" (or a stack trace), so the one missing step is named here instead, in
// one sentence, and the script exits 1 before anything is built.
// Usage: tsx build/require-electron.ts "<what cannot be done without it>", from the project root.
import { findElectronBinary, missingElectronSentence } from './electron-binary';
import { messageOf } from '../shared/model/errors';

const doing = process.argv[2] ?? 'start Newsdesk';
try {
  const electron = findElectronBinary(process.cwd(), process.env);
  if (electron.kind === 'missing') {
    console.error(missingElectronSentence(electron, doing));
    process.exit(1);
  }
} catch (error: unknown) {
  // A broken node_modules/electron (unreadable package.json…): still one sentence, never a trace.
  console.error(`Cannot ${doing}: node_modules/electron could not be read (${messageOf(error)}); run \`npm install\`, then try again.`);
  process.exit(1);
}
