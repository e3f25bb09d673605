import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addReply, addThread, commentAnchorsOf, mentionsOf, readThreads, setResolved } from '../../shared/desk/comments';
import { UserFacingError } from '../../shared/model/errors';
import { articleBodyHtml } from '../../shared/rules/article-html';
import type { DeskMention } from '../../electron/main/services/desk/comment-mentions';
import { bodyWithMark } from '../unit/desk/comment-fixtures';
import { deskServicesSkipReason } from './services/real-services';
import { until } from './support/desk-clients';
import { PEOPLE } from './support/desk-fixture';
import { attachWindow, openDesktop, signIn, startDeskUnderTest, type Desktop, type DeskUnderTest } from './support/desktops';

// Comments between two app instances (two data folders, each its own main services) on one real
// desk server on PostgreSQL: a window on one desktop comments, a window on the other answers and
// resolves, through main's story documents and the desk.
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-comments] skipped: ${skipReason}`);

let desk: DeskUnderTest;
let ana: Desktop;
let bo: Desktop;
const PEOPLE_NAMES = [PEOPLE.ana.name, PEOPLE.bo.name];
/** What each desktop's main told as mentions of its signed-in person (the OS notification in the app). */
const anaMentions: DeskMention[] = [];
const boMentions: DeskMention[] = [];

beforeAll(async () => {
  if (skipReason) return;
  desk = await startDeskUnderTest();
  ana = await openDesktop(undefined, { onDeskMention: (mention) => void anaMentions.push(mention) });
  bo = await openDesktop(undefined, { onDeskMention: (mention) => void boMentions.push(mention) });
  await signIn(ana, desk.url, 'ana');
  await signIn(bo, desk.url, 'bo');
  await until(() => ana.services.desk.status().state === 'connected' && bo.services.desk.status().state === 'connected', 'both desktops connected');
}, 180_000);

afterAll(async () => {
  await ana?.close();
  await bo?.close();
  await desk?.close();
}, 60_000);

/** A story with a comment mark in its body, shared by Ana's desktop and in Bo's draft list. */
async function sharedStory(threadId: string): Promise<string> {
  const article = await ana.services.drafts.create({ section: 'News' });
  await ana.services.drafts.save({ ...article, headline: 'Bridge reopens', body: bodyWithMark(threadId) }, 'manual');
  await ana.services.desk.share(article.id);
  await until(() => bo.services.drafts.summaryById(article.id) !== null, 'the story in Bo’s draft list');
  return article.id;
}

const refusal = (action: () => unknown): string => {
  try {
    action();
  } catch (error) {
    if (error instanceof UserFacingError) return error.message;
    throw error;
  }
  throw new Error('the action was not refused');
};

describe.skipIf(skipReason !== null)('comments between two desktops', () => {
  it('a comment added on one desktop is answered and resolved on the other, and the article file stays free of it', async () => {
    const id = await sharedStory('desk-thread-1');
    const anaWindow = await attachWindow(ana.services, id, 'ana-comments-1');
    const boWindow = await attachWindow(bo.services, id, 'bo-comments-1');
    await until(() => commentAnchorsOf(boWindow.doc).has('desk-thread-1'), 'the commented words in Bo’s window');

    addThread(anaWindow.doc, 'desk-thread-1', 'the bridge reopens Monday', { author: PEOPLE.ana.name, text: `Is Monday confirmed, @${PEOPLE.bo.name}?`, people: PEOPLE_NAMES }, commentAnchorsOf(anaWindow.doc));
    await until(() => readThreads(boWindow.doc).length === 1, 'Ana’s comment in Bo’s window');
    expect(mentionsOf(readThreads(boWindow.doc), PEOPLE.bo.name).map((mention) => mention.comment.author)).toEqual([PEOPLE.ana.name]);
    // Bo's desktop tells Bo once; Ana is never told of her own comment.
    await until(() => boMentions.some((mention) => mention.articleId === id), 'the mention told on Bo’s desktop');
    expect(boMentions.filter((mention) => mention.articleId === id).map((mention) => [mention.comment.author, mention.quote])).toEqual([[PEOPLE.ana.name, 'the bridge reopens Monday']]);

    addReply(boWindow.doc, 'desk-thread-1', { author: PEOPLE.bo.name, text: 'Yes, the city confirmed at 9:14.', people: PEOPLE_NAMES }, commentAnchorsOf(boWindow.doc));
    setResolved(boWindow.doc, 'desk-thread-1', true, PEOPLE.bo.name, commentAnchorsOf(boWindow.doc));
    await until(() => readThreads(anaWindow.doc)[0]?.resolved === true, 'the thread resolved in Ana’s window');
    const [thread] = readThreads(anaWindow.doc);
    expect(thread!.comments.map((comment) => [comment.author, comment.text])).toEqual([
      [PEOPLE.ana.name, `Is Monday confirmed, @${PEOPLE.bo.name}?`],
      [PEOPLE.bo.name, 'Yes, the city confirmed at 9:14.'],
    ]);
    expect(thread).toMatchObject({ resolvedBy: PEOPLE.bo.name });
    expect(anaMentions).toEqual([]);

    // The thread is in both desktops' own documents too, not only in the windows.
    expect(readThreads(ana.services.storyDocs.get({ id, part: 'body' })!)).toEqual(readThreads(bo.services.storyDocs.get({ id, part: 'body' })!));
    // What Bo's desktop keeps as the article (and publishes from) has the words, not the comments.
    const article = await bo.services.drafts.get(id);
    const html = articleBodyHtml(article.body, { photoSrc: () => null });
    expect(html).toContain('the bridge reopens Monday');
    expect(html).not.toContain('confirmed');
    expect(JSON.stringify(article)).not.toContain('city confirmed');
    anaWindow.detach();
    boWindow.detach();
  }, 120_000);

  it('once the commented words are deleted on one desktop, the other is refused an answer with a sentence and nothing is stored', async () => {
    const id = await sharedStory('desk-thread-2');
    const anaWindow = await attachWindow(ana.services, id, 'ana-comments-2');
    const boWindow = await attachWindow(bo.services, id, 'bo-comments-2');
    await until(() => commentAnchorsOf(boWindow.doc).has('desk-thread-2'), 'the commented words in Bo’s window');
    addThread(anaWindow.doc, 'desk-thread-2', 'the bridge reopens Monday', { author: PEOPLE.ana.name, text: 'Check this' }, commentAnchorsOf(anaWindow.doc));
    await until(() => readThreads(boWindow.doc).length === 1, 'the comment in Bo’s window');

    const paragraph = anaWindow.doc.get('root', Y.XmlText).toDelta()[0].insert as Y.XmlText;
    paragraph.delete(0, paragraph.length);
    await until(() => !commentAnchorsOf(boWindow.doc).has('desk-thread-2'), 'the deletion in Bo’s window');
    expect(refusal(() => addReply(boWindow.doc, 'desk-thread-2', { author: PEOPLE.bo.name, text: 'Answer' }, commentAnchorsOf(boWindow.doc)))).toMatch(
      /no longer in the story: it can be read and resolved, not answered/,
    );
    expect(readThreads(boWindow.doc)[0]!.comments).toHaveLength(1);
    // Still readable, and resolvable, on both.
    setResolved(boWindow.doc, 'desk-thread-2', true, PEOPLE.bo.name, commentAnchorsOf(boWindow.doc));
    await until(() => readThreads(anaWindow.doc)[0]?.resolved === true, 'the orphaned thread resolved in Ana’s window');
    anaWindow.detach();
    boWindow.detach();
  }, 120_000);

  it('a mention reaches the other desktop with no window on the story open, and is told once', async () => {
    const id = await sharedStory('desk-thread-3');
    const anaWindow = await attachWindow(ana.services, id, 'ana-comments-3');
    await until(() => bo.services.desk.status().unsyncedStories === 0 && bo.services.storyDocs.get({ id, part: 'body' }) !== undefined, 'the story synced on Bo’s desktop');
    addThread(anaWindow.doc, 'desk-thread-3', 'Monday', { author: PEOPLE.ana.name, text: `@${PEOPLE.bo.name} photo of the bridge?`, people: PEOPLE_NAMES }, commentAnchorsOf(anaWindow.doc));
    await until(() => boMentions.some((mention) => mention.articleId === id), 'the mention told on Bo’s desktop');
    addReply(anaWindow.doc, 'desk-thread-3', { author: PEOPLE.ana.name, text: 'No rush.', people: PEOPLE_NAMES }, commentAnchorsOf(anaWindow.doc));
    await until(() => readThreads(bo.services.storyDocs.get({ id, part: 'body' })!)[0]?.comments.length === 2, 'the reply on Bo’s desktop');
    expect(boMentions.filter((mention) => mention.articleId === id).map((mention) => mention.comment.text)).toEqual([`@${PEOPLE.bo.name} photo of the bridge?`]);
    anaWindow.detach();
  }, 120_000);
});
