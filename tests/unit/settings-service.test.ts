import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsService } from '../../electron/main/services/settings/settings-service';
import { DEFAULT_SETTINGS } from '../../shared/model/settings';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('settings service on a real conf store', () => {
  it('starts from defaults, persists updates, and keeps valid fields of a damaged file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-settings-'));
    const open = () => new Conf({ cwd: dir, configName: 'settings', projectName: 'newsdesk' });
    expect(createSettingsService(open()).get()).toEqual(DEFAULT_SETTINGS);

    createSettingsService(open()).update({ sections: ['News Feed', 'Video'] });
    expect(createSettingsService(open()).get().sections).toEqual(['News Feed', 'Video']);

    open().set('settings', { sections: 'not a list', autosaveDelayMs: 1000 });
    expect(createSettingsService(open()).get()).toEqual({ ...DEFAULT_SETTINGS, sections: DEFAULT_SETTINGS.sections, autosaveDelayMs: 1000 });
    expect(() => createSettingsService(open()).update({ autosaveDelayMs: -5 })).toThrow();
  });

  it('gives a settings file from before the photo desk the default credit style, and keeps a saved one', async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-settings-'));
    const open = () => new Conf({ cwd: dir, configName: 'settings', projectName: 'newsdesk' });
    open().set('settings', { sections: ['News'], autosaveDelayMs: 800 });
    expect(createSettingsService(open()).get().photoDesk).toEqual(DEFAULT_SETTINGS.photoDesk);

    const credit = { ...DEFAULT_SETTINGS.photoDesk.credit, pattern: '{agency}: {creator}' };
    createSettingsService(open()).update({ photoDesk: { credit, writeXmpOnExport: false } });
    expect(createSettingsService(open()).get().photoDesk).toEqual({ credit, writeXmpOnExport: false });
  });
});
