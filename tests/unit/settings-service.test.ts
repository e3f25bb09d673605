import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsService } from '../../electron/main/services/settings/settings-service';
import { DEFAULT_FEEDS } from '../../shared/model/feed';
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

  it('gives a settings file from before the feeds the default feeds, keeps edited ones, and ignores broken ones', async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-settings-'));
    const open = () => new Conf({ cwd: dir, configName: 'settings', projectName: 'newsdesk' });
    open().set('settings', { sections: ['News'], autosaveDelayMs: 800 });
    expect(createSettingsService(open()).get().feeds).toEqual(DEFAULT_FEEDS);

    const edited = [{ ...DEFAULT_FEEDS[2]!, name: 'Comment', archived: true }, DEFAULT_FEEDS[0]!];
    createSettingsService(open()).update({ feeds: edited });
    expect(createSettingsService(open()).get().feeds).toEqual(edited);
    expect(() => createSettingsService(open()).update({ feeds: [DEFAULT_FEEDS[0]!, DEFAULT_FEEDS[0]!] })).toThrow();
    expect(() => createSettingsService(open()).update({ feeds: [] })).toThrow();
    expect(createSettingsService(open()).get().feeds).toEqual(edited);

    open().set('settings', { sections: ['News'], feeds: [{ id: 'Bad Id', name: '' }] });
    expect(createSettingsService(open()).get()).toMatchObject({ sections: ['News'], feeds: DEFAULT_FEEDS });
  });

  it('ignores settings keys named after Object.prototype members instead of throwing on every read', async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-settings-'));
    const open = () => new Conf({ cwd: dir, configName: 'settings', projectName: 'newsdesk' });
    // Written as raw text: JSON.parse makes "__proto__" an own key, as a hand-edited file would.
    await writeFile(
      join(dir, 'settings.json'),
      '{"settings":{"constructor":{"x":1},"toString":"no","__proto__":{"sections":["Evil"]},"hasOwnProperty":3,"sections":["Kept"]}}',
    );
    const settings = createSettingsService(open());
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, sections: ['Kept'] });
    expect(settings.update({ autosaveDelayMs: 1000 })).toEqual({ ...DEFAULT_SETTINGS, sections: ['Kept'], autosaveDelayMs: 1000 });
  });

  it('falls back to the defaults when the settings file turns unreadable while the app runs', async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-settings-'));
    const settings = createSettingsService(new Conf({ cwd: dir, configName: 'settings', projectName: 'newsdesk' }));
    settings.update({ sections: ['News'] });
    for (const broken of [Buffer.from('{"settings": {'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), Buffer.from('[1,2]'), Buffer.from('null')]) {
      await writeFile(join(dir, 'settings.json'), broken);
      expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    }
  });
});
