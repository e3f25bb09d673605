import type { z } from 'zod';
import { appChannels } from './app-contract';
import { budgetChannels } from './budget-contract';
import { collabChannels } from './collab-contract';
import { deskPhotosChannels } from './desk-photos-contract';
import type { ChannelName } from './channels';
import { desktopChannels } from './desktop-contract';
import { deskWorkflowChannels } from './desk-workflow-contract';
import { draftsChannels } from './drafts-contract';
import { feedsChannels } from './feeds-contract';
import { importChannels } from './import-contract';
import { mediaChannels } from './media-contract';
import { photoKillChannels } from './photo-kill-contract';
import { publishingChannels } from './publishing-contract';

/**
 * The one table of every call the renderer may make: channel → request schema → response schema,
 * assembled from each domain's own table (<domain>-contract.ts). The preload exposes exactly these
 * channels; main validates every request against them.
 */
export const contract = {
  ...appChannels,
  ...draftsChannels,
  ...mediaChannels,
  ...desktopChannels,
  ...feedsChannels,
  ...publishingChannels,
  ...photoKillChannels,
  ...collabChannels,
  ...deskPhotosChannels,
  ...deskWorkflowChannels,
  ...budgetChannels,
  ...importChannels,
} as const satisfies Record<ChannelName, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
