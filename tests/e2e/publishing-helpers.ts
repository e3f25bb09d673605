import { createServer } from 'node:net';
import type { Locator, Page } from '@playwright/test';
import type { WordPressSite } from '../wordpress/wordpress-server';
import { altOf, creditOf, leadField, photos, pickFromDisk } from './article-photos-helpers';
import { newArticle, saved } from './drafting-helpers';
import { expect } from './harness/fixtures';
import type { HarnessApp } from './harness/launch';

// Steps shared by the publishing specs, written the way an editor works the app, and a small
// client for reading back what reached WordPress.

export const openDialog = (page: Page, testId: string): Locator => page.locator(`dialog[open][data-testid="${testId}"]`);
export const publishPanel = (page: Page): Locator => openDialog(page, 'publish-panel');
export const outboxJobs = (page: Page): Locator => page.getByTestId('outbox-job');

export interface TargetFields {
  name: string;
  url: string;
  user: string;
  password: string;
}

/** The Publish targets dialog, opened from the feeds desk where the feed settings are. */
export async function openTargetsFromFeeds(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: 'Publish targets…' }).click();
  const dialog = openDialog(page, 'publish-targets');
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Fills the WordPress form (a new one, or the selected target). */
export async function fillWordPressForm(dialog: Locator, fields: Partial<TargetFields>): Promise<void> {
  const form = dialog.getByTestId('target-form');
  if (fields.name !== undefined) await form.getByLabel('Name').fill(fields.name);
  if (fields.url !== undefined) await form.getByLabel('Site address').fill(fields.url);
  if (fields.user !== undefined) await form.getByLabel('User').fill(fields.user);
  if (fields.password !== undefined) await form.getByLabel('Application password').fill(fields.password);
}

/** Adds a WordPress target through the dialog and closes it; back on the drafting desk. */
export async function addWordPressTarget(page: Page, fields: TargetFields): Promise<void> {
  const dialog = await openTargetsFromFeeds(page);
  await dialog.getByRole('button', { name: 'Add WordPress site' }).click();
  await fillWordPressForm(dialog, fields);
  await dialog.getByRole('button', { name: 'Add target' }).click();
  await expect(dialog.getByTestId('target-item').filter({ hasText: fields.name })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Control+1');
}

/** A loopback port nothing listens on (taken from the system, then let go). */
export async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * An article the way a desk writes one: headline, a paragraph, an inline photo and a lead photo,
 * both imported from disk, credited and described. No byline: the check must catch it.
 */
export async function writeArticleWithPhotos(app: HarnessApp, headline: string, inlinePath: string, leadPath: string): Promise<string> {
  const { page } = app;
  const body = await newArticle(page, headline);
  await body.pressSequentially('Dock workers walked out on Monday after talks broke down.');
  await body.press('Enter');
  await page.getByRole('button', { name: 'Insert photo' }).click();
  await pickFromDisk(app, inlinePath);
  const inline = photos(page).first();
  await expect(inline).toBeVisible();
  await creditOf(inline).fill('Staff/Newsdesk');
  await altOf(inline).fill('Cranes idle at the container terminal.');
  await leadField(page).getByRole('button', { name: 'Choose…' }).click();
  await pickFromDisk(app, leadPath);
  await creditOf(leadField(page)).fill('Staff/Newsdesk');
  await altOf(leadField(page)).fill('Pickets at the harbour gate at dawn.');
  await saved(page);
  const id = await page.getByTestId('draft-item').filter({ hasText: headline }).getAttribute('data-id');
  if (!id) throw new Error(`No draft listed for “${headline}”`);
  return id;
}

/** Reads and writes the site through its REST API, as another client of the CMS would. */
export function wordPressClient(site: WordPressSite) {
  const auth = `Basic ${Buffer.from(`${site.user}:${site.appPassword}`).toString('base64')}`;
  const call = async <T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${site.url}/?rest_route=${encodeURIComponent(route.split('?')[0]!)}${route.includes('?') ? `&${route.split('?')[1]}` : ''}`, {
      method,
      headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };
  return {
    get: <T>(route: string) => call<T>('GET', route),
    post: <T>(route: string, body: unknown) => call<T>('POST', route, body),
  };
}

export interface WpPost {
  id: number;
  link: string;
  status: string;
  sticky: boolean;
  featured_media: number;
  title: { raw: string };
  content: { raw: string };
  categories: number[];
}
