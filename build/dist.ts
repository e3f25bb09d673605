// `npm run dist`: builds the installers this OS can make (Linux: deb and AppImage, macOS: dmg,
// Windows: nsis) with electron-builder and build/electron-builder.yml, after `npm run build` has
// put the app into out/. Checks first what electron-builder would otherwise fail on late and
// obscurely (no Electron binary, a missing system tool) and says what to do instead.
// `tsx build/dist.ts --preflight` makes only those checks: `npm run dist` runs it before the build,
// so a machine without Electron hears so at once, not after a minute of building.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import {
  findElectron, missingLinuxTools, planTargets, targetNames, withoutTargetsLackingTools, type TargetPlan,
} from './dist-plan';
import { messageOf } from '../shared/model/errors';

const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));
const CONFIG_FILE = 'build/electron-builder.yml';
/** Errors of a download that could not reach its server: electron-builder fetches its tools on first use. */
const OFFLINE_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up/;

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function describe(plan: TargetPlan, arch: string, electronVersion: string): string {
  const lines = [`Newsdesk installers on ${process.platform}-${arch}, Electron ${electronVersion}`];
  lines.push(`  building: ${plan.build.length > 0 ? plan.build.join(', ') : 'nothing'}`);
  for (const { target, reason } of plan.skipped) lines.push(`  skipping ${target}: ${reason}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const config: Configuration = await getConfig(PROJECT_DIR, CONFIG_FILE, null);
  const electronPackage = JSON.parse(readFileSync(join(PROJECT_DIR, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  if (config.electronVersion !== electronPackage.version) {
    fail(`${CONFIG_FILE} pins electronVersion ${String(config.electronVersion)}, but node_modules has Electron ${electronPackage.version}:\n` +
      '  set electronVersion to the version of the electron devDependency.');
  }
  const electronVersion = electronPackage.version;

  const configured = {
    linux: targetNames(config.linux?.target),
    mac: targetNames(config.mac?.target),
    win: targetNames(config.win?.target),
  };
  let plan = planTargets(configured, process.platform);
  if (plan.platform === 'linux') plan = withoutTargetsLackingTools(plan, missingLinuxTools(plan.build, process.env));
  console.log(describe(plan, process.arch, electronVersion));
  if (plan.platform === null) fail(`Newsdesk has no installer for ${process.platform}: build on Linux, macOS or Windows.`);
  if (plan.build.length === 0) fail('Nothing to build on this machine: see the reasons above.');

  const electron = findElectron({
    projectDir: PROJECT_DIR, version: electronVersion, platform: process.platform, arch: process.arch,
    env: process.env, homeDir: homedir(),
  });
  if (electron.kind === 'missing') fail(electron.message);
  console.log(`  Electron from: ${electron.path}`);
  if (process.argv.includes('--preflight')) return;

  if (!existsSync(join(PROJECT_DIR, 'out', 'main', 'index.js'))) {
    fail('The app is not built: out/main/index.js is missing. Run `npm run build` (`npm run dist` does it first).');
  }

  // Loaded only now: nothing of electron-builder runs while the checks above can still stop the build.
  const { build, Platform } = await import('electron-builder');
  const platform = { linux: Platform.LINUX, mac: Platform.MAC, win: Platform.WINDOWS }[plan.platform];
  try {
    const artifacts = await build({
      projectDir: PROJECT_DIR,
      config: { ...config, electronDist: electron.path },
      targets: platform.createTarget(plan.build),
      publish: 'never',
    });
    console.log(`\nInstallers:\n${artifacts.map((file) => `  ${relative(PROJECT_DIR, file)}`).join('\n')}`);
  } catch (error: unknown) {
    const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    if (OFFLINE_ERROR.test(text)) {
      fail('electron-builder could not download a packaging tool (no network?).\n' +
        '  It fetches fpm, the AppImage runtime, 7-Zip and NSIS from GitHub the first time a target needs them,\n' +
        '  and keeps them in ~/.cache/electron-builder (or ELECTRON_BUILDER_CACHE). Run `npm run dist` once with\n' +
        `  network, or copy that cache from a machine that has built installers.\n  Original error: ${messageOf(error)}`);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
