import { acquireLibraryLock } from '../../../../electron/main/services/library/library-lock';

// Takes and lets go of the library lock as fast as it can until it is killed, so a kill lands
// anywhere in taking it: creating the file, writing who holds it, taking over a dead holder's.
const dir = process.argv[2]!;
process.stdout.write('ready\n');
for (;;) {
  const outcome = await acquireLibraryLock(dir, { heartbeatMs: 60_000 });
  if (outcome.kind === 'held') await outcome.lock.release();
}
