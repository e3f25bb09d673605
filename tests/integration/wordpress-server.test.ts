import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWordPress, wordPressSkipReason, type WordPressSite } from '../wordpress/wordpress-server';
import { startRecordingProxy } from './wordpress-publish-helpers';

const skipReason = wordPressSkipReason();
if (skipReason) console.warn(`[wordpress-server] skipped: ${skipReason}`);

/** The test WordPress itself: several at once, each its own site, reachable through a proxy on another port. */
describe.skipIf(skipReason !== null)('the test WordPress', () => {
  let first: WordPressSite;
  let second: WordPressSite;

  beforeAll(async () => {
    const started = performance.now();
    [first, second] = await Promise.all([startWordPress(), startWordPress()]);
    console.info(`[wordpress-server] two sites started at once in ${Math.round(performance.now() - started)} ms`);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  const auth = (site: WordPressSite) => `Basic ${Buffer.from(`${site.user}:${site.appPassword}`).toString('base64')}`;
  const titles = async (url: string): Promise<string[]> => {
    const posts = (await (await fetch(`${url}/wp-json/wp/v2/posts`)).json()) as { title: { rendered: string } }[];
    return posts.map((post) => post.title.rendered);
  };

  it('runs two sites on two ports, each with its own database', async () => {
    expect(first.url).not.toBe(second.url);
    const created = await fetch(`${first.url}/wp-json/wp/v2/posts`, {
      method: 'POST',
      headers: { authorization: auth(first), 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Only on the first site', status: 'publish' }),
    });
    expect(created.status).toBe(201);
    expect(await titles(first.url)).toContain('Only on the first site');
    expect(await titles(second.url)).not.toContain('Only on the first site');
    // Each site's password is its own.
    const crossed = await fetch(`${second.url}/wp-json/wp/v2/users/me`, { headers: { authorization: auth(first) } });
    expect(crossed.status).toBe(401);
  });

  it('answers through a proxy on another port with links to the proxy', async () => {
    const proxy = await startRecordingProxy(first.url);
    try {
      const response = await fetch(`${proxy.url}/wp-json/wp/v2/posts`);
      const posts = (await response.json()) as { link: string }[];
      expect(response.status).toBe(200);
      expect(posts.length).toBeGreaterThan(0);
      for (const post of posts) expect(post.link.startsWith(`${proxy.url}/`)).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('stops by PID and leaves no state behind', async () => {
    const site = await startWordPress();
    await site.stop();
    expect(existsSync(site.stateDir)).toBe(false);
    await expect(fetch(`${site.url}/wp-json/`)).rejects.toThrow();
    // The other sites keep running.
    expect((await fetch(`${first.url}/wp-json/`)).status).toBe(200);
  }, 60_000);
});
