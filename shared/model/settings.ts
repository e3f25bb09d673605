import { z } from 'zod';

export const DEFAULT_SECTIONS = ['News', 'Politics', 'Business', 'Culture', 'Sport', 'Opinion'];

export const Settings = z.object({
  sections: z.array(z.string().trim().min(1).max(120)).max(200),
  autosaveDelayMs: z.number().int().min(200).max(5000),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { sections: DEFAULT_SECTIONS, autosaveDelayMs: 800 };

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
