// The project's `postinstall`: fetches the Electron binary as part of `npm install` / `npm ci` with
// the electron package's own installer (its `install-electron` bin), because since Electron 45 the
// package no longer does it at install time and electron-vite never triggers the download.
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips it (CI, machines without network). The download can fail
// (no network, a proxy): that must not fail the whole install, so it ends with one sentence saying
// what failed and the command that fetches the binary later, and exit code 0.
// It is the project's own script on purpose: npm 11 reviews dependencies' install scripts
// (allowScripts) but always runs the root package's, in `npm install` and `npm ci` alike.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  INSTALL_ELECTRON_COMMAND, downloadSkipped, electronPackageDir, findElectronBinary, readElectronManifest,
} from './electron-binary';
import { messageOf } from '../shared/model/errors';

/** The line of the installer's output that says what went wrong (it prints a whole stack trace). */
function firstErrorLine(output: string): string {
  const lines = output.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /^[A-Za-z]*Error\b/.test(line)) ?? lines[0] ?? 'no output';
}

function main(): void {
  const projectDir = process.cwd();
  const packageDir = electronPackageDir(projectDir);
  // `npm install --omit=dev` leaves out electron (a devDependency): nothing to fetch for.
  if (packageDir === null) return;
  const { version, bin } = readElectronManifest(packageDir);
  if (downloadSkipped(process.env)) {
    console.log(`Electron ${version} binary not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set); run \`${INSTALL_ELECTRON_COMMAND}\` to get it before \`npm start\`.`);
    return;
  }
  if (findElectronBinary(projectDir, process.env).kind === 'installed') return;

  const installer = bin?.['install-electron'];
  let failure: string;
  if (installer === undefined) {
    failure = `node_modules/electron ${version} has no install-electron installer`;
  } else {
    console.log(`Downloading the Electron ${version} binary (set ELECTRON_SKIP_BINARY_DOWNLOAD=1 to skip)…`);
    const run = spawnSync(process.execPath, [join(packageDir, installer)], { cwd: projectDir, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
    const after = findElectronBinary(projectDir, process.env);
    if (run.status === 0 && after.kind === 'installed') {
      console.log(`Electron ${version} installed: ${after.path}`);
      return;
    }
    if (run.error) failure = run.error.message;
    else if (run.status !== 0) failure = firstErrorLine(run.stderr);
    else failure = `the installer finished, but ${after.kind === 'missing' ? after.what : 'no binary was found'}`;
  }
  console.warn(`Could not download the Electron ${version} binary (${failure}), so npm install finished without it; run \`${INSTALL_ELECTRON_COMMAND}\` once the network allows, before \`npm start\`.`);
}

try {
  main();
} catch (error: unknown) {
  // Whatever happens here, the rest of the install is complete and usable for tests: never fail it.
  console.warn(`Could not check the Electron binary (${messageOf(error)}); run \`${INSTALL_ELECTRON_COMMAND}\` before \`npm start\`.`);
}
