import type { Page } from '@playwright/test';
import type { HarnessApp } from './harness/launch';
import type { DeskScript } from './harness/scripted-desk';
import { expect } from './harness/fixtures';

export const DESK_URL = 'http://desk.test:1234';
export const ACCOUNT = { email: 'ana@desk.test', password: 'correct horse', name: 'Ana López' };

/** A desk with one story in its archive that is not on this machine. */
export function deskScript(): DeskScript {
  return {
    serverUrl: DESK_URL,
    account: ACCOUNT,
    desk: { id: 'metro', name: 'Metro desk' },
    stories: [
      { storyId: 'elsewhere-story-1', headline: 'Harbour dues rise', status: 'ready', section: 'Business', updated: '2026-11-20T09:00:00.000Z', editedBy: ['Ben Ode'], text: 'The port raises harbour dues for the first time in a decade.' },
    ],
  };
}

/** The desk's copy of the local story `id` (a desk story's id is its article id on every desktop). */
export function harbourOnDesk(id: string) {
  return { storyId: id, headline: 'Harbour fire', status: 'draft', section: 'Metro', updated: '2026-12-01T09:00:00.000Z', editedBy: ['Ana López'], text: 'Crews fought the harbour fire through the night.' };
}

/** Opens Preferences › Desk the way a person does: through the connection chip. */
export async function openDeskPreferences(page: Page) {
  await page.getByTestId('desk-chip').first().click();
  const dialog = page.getByTestId('preferences');
  await expect(dialog.getByRole('tab', { name: 'Desk' })).toHaveAttribute('aria-selected', 'true');
  return dialog;
}

export async function fillSignIn(page: Page, fields: { serverUrl: string; email: string; password: string }) {
  const dialog = page.getByTestId('preferences');
  await dialog.getByLabel('Desk server').fill(fields.serverUrl);
  await dialog.getByLabel('Email').fill(fields.email);
  await dialog.getByLabel('Password').fill(fields.password);
}

/** Two drafts written through the drafts service (as if typed earlier), shown in the list. */
export async function seedDrafts(app: HarnessApp, headlines: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const headline of headlines) {
    const article = await app.services().drafts.create({});
    await app.services().drafts.save({ ...article, headline, section: 'Metro' }, 'manual');
    ids.push(article.id);
  }
  await app.emit('drafts:changed', { ids });
  for (const headline of headlines) await expect(app.page.getByTestId('draft-item').filter({ hasText: headline })).toBeVisible();
  return ids;
}
