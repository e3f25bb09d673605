import { expect, test } from './harness/fixtures';
import { SCREENS, newArticle, saved, draftItem, photo } from './drafting-helpers';

// The drafting desk end to end: the built renderer over the real services on a temp folder.

test('an article written, formatted and described comes back after a restart', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Rail talks to resume after week of strikes');
  await page.getByLabel('Dek').fill('Unions and ministers return to the table on Monday.');
  await expect(page.getByLabel('Slug')).toHaveValue('rail-talks-to-resume-after-week-of-strikes');
  await page.getByLabel('Slug').fill('Rail Talks MONDAY!');
  await page.getByLabel('Headline').fill('Rail talks to resume after week of strikes, unions say');
  await expect(page.getByLabel('Slug')).toHaveValue('rail-talks-monday'); // tidied on leaving, no longer follows
  await page.getByLabel('Headline').fill('Rail talks to resume after week of strikes');
  await body.click();

  // H2 by shortcut, bold and italic by shortcut, a list, a quote and a link by toolbar.
  await page.keyboard.press('Control+Alt+2');
  await page.keyboard.type('What was agreed');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Talks will resume on Monday, the minister said. ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('No date for a deal');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' was set, and ');
  await page.keyboard.press('Control+i');
  await page.keyboard.type('nobody');
  await page.keyboard.press('Control+i');
  await page.keyboard.type(' expects one soon.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Bulleted list' }).click();
  await expect(page.getByRole('button', { name: 'Bulleted list' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('Rail');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ports');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // leaves the list
  await page.getByRole('button', { name: 'Block quote' }).click();
  await page.keyboard.type('We are ready to talk.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Read the statement');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+k');
  const linkEditor = page.getByTestId('link-editor');
  await linkEditor.getByLabel('Link address').fill('javascript:alert(1)');
  await linkEditor.getByLabel('Link address').press('Enter');
  await expect(linkEditor.getByRole('alert')).toContainText('not allowed');
  await linkEditor.getByLabel('Link address').fill('gov.example/statement');
  await linkEditor.getByLabel('Link address').press('Enter');
  await expect(body.locator('a[href="https://gov.example/statement"]')).toHaveText('Read the statement');

  // Metadata: byline with role and photo, section, tags, status.
  await page.getByRole('button', { name: 'Add author' }).click();
  await expect(page.getByLabel('Author name')).toBeFocused();
  await page.getByLabel('Author name').fill('Amira Haddad');
  await page.getByLabel('Role of Amira Haddad').fill('News Editor');
  await page.getByTestId('avatar-input').setInputFiles({ name: 'amira.png', mimeType: 'image/png', buffer: await photo(page) });
  await expect(page.getByRole('img', { name: 'Photo of Amira Haddad' })).toBeVisible();
  await page.getByLabel('Section', { exact: true }).selectOption('Politics');
  await page.getByLabel('Add a tag').fill('rail');
  await page.getByLabel('Add a tag').press('Enter');
  await page.getByLabel('Add a tag').fill('strikes');
  await page.getByLabel('Add a tag').press('Enter');
  await page.getByLabel('Status', { exact: true }).selectOption('ready');
  await expect(page.getByTestId('word-count')).toHaveText('33 words');
  await expect(page.getByTestId('read-time')).toHaveText('1 min read');
  await saved(page);
  await page.screenshot({ path: `${SCREENS}/editor.png` });

  await app.restart();
  await draftItem(page, 'Rail talks to resume').click();
  await expect(page.getByLabel('Headline')).toHaveValue('Rail talks to resume after week of strikes');
  await expect(page.getByLabel('Dek')).toHaveValue('Unions and ministers return to the table on Monday.');
  await expect(page.getByLabel('Slug')).toHaveValue('rail-talks-monday');
  await expect(body.locator('h2')).toHaveText('What was agreed');
  await expect(body.locator('strong')).toHaveText('No date for a deal');
  await expect(body.locator('em')).toHaveText('nobody');
  await expect(body.locator('ul > li')).toHaveText(['Rail', 'Ports']);
  await expect(body.locator('blockquote')).toHaveText('We are ready to talk.');
  await expect(body.locator('a[href="https://gov.example/statement"]')).toHaveText('Read the statement');
  await expect(page.getByLabel('Author name')).toHaveValue('Amira Haddad');
  await expect(page.getByLabel('Role of Amira Haddad')).toHaveValue('News Editor');
  const avatar = page.getByRole('img', { name: 'Photo of Amira Haddad' });
  await expect(avatar).toHaveAttribute('src', /^data:image\/png;base64,/);
  expect(await avatar.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([128, 128]);
  await expect(page.getByLabel('Section', { exact: true })).toHaveValue('Politics');
  await expect(page.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText(['rail×', 'strikes×']);
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('ready');
  await expect(draftItem(page, 'Rail talks')).toContainText('Ready for review');
  await expect(draftItem(page, 'Rail talks')).toContainText('33 words');
});

test('toolbar, keyboard and Markdown shortcuts make every block and format; undo undoes', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Formatting tour');
  const button = (name: string) => page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });
  await page.keyboard.type('### Small heading\n'); // Markdown shortcut
  await page.keyboard.type('Plain then ');
  await page.keyboard.press('Control+u');
  await page.keyboard.type('under');
  await page.keyboard.press('Control+u');
  await button('Strikethrough').click();
  await page.keyboard.type(' struck');
  await button('Strikethrough').click();
  await page.keyboard.type(' and **star bold** done\n1. one\n\n');
  await button('Pull quote').click();
  await expect(button('Pull quote')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('A line worth pulling out');
  await page.keyboard.press('Enter');
  await page.keyboard.type('---'); // Markdown shortcut for a horizontal rule
  await page.keyboard.type(' ');
  await page.keyboard.type('Final words');
  await page.keyboard.press('Control+Alt+3');
  await expect(button('Heading 3')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+Alt+0');
  await expect(button('Paragraph')).toHaveAttribute('aria-pressed', 'true');

  await expect(body.locator('h3')).toHaveText('Small heading');
  await expect(body.locator('.nd-underline')).toHaveText('under');
  await expect(body.locator('.nd-strike')).toHaveText(' struck');
  await expect(body.locator('strong')).toHaveText('star bold');
  await expect(body.locator('ol > li')).toHaveText(['one']);
  await expect(body.locator('aside.nd-pullquote')).toHaveText('A line worth pulling out');
  await expect(body.locator('hr')).toHaveCount(1);
  await expect(body.locator('p').last()).toHaveText('Final words');

  await page.keyboard.press('Control+z'); // undoes Ctrl+Alt+0: "Final words" is an H3 again
  await expect(body.locator('h3')).toHaveText(['Small heading', 'Final words']);
  await page.keyboard.press('Control+y');
  await expect(body.locator('h3')).toHaveText(['Small heading']);

  // Links: a Markdown link, edited and then removed with the link editor.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('See [the docs](https://docs.example/a) ');
  const link = body.locator('a[href="https://docs.example/a"]');
  await expect(link).toHaveText('the docs');
  await link.click(); // caret inside the link: Ctrl+K edits it
  await page.keyboard.press('Control+k');
  const linkEditor = page.getByRole('dialog', { name: 'Edit link' });
  await expect(linkEditor.getByLabel('Link address')).toHaveValue('https://docs.example/a');
  await linkEditor.getByLabel('Link address').fill('https://docs.example/b');
  await linkEditor.getByRole('button', { name: 'Update link' }).click();
  await expect(body.locator('a[href="https://docs.example/b"]')).toHaveText('the docs');
  await body.locator('a').click();
  await button('Link').click();
  await page.getByRole('dialog', { name: 'Edit link' }).getByRole('button', { name: 'Remove link' }).click();
  await expect(body.locator('a')).toHaveCount(0);
  await expect(body).toContainText('See the docs');
  await expect(page.getByRole('dialog', { name: 'Edit link' })).toBeHidden();
  await expect(body.locator('p').last()).toHaveText('See the docs');
  await saved(page);
  await app.restart();
  await draftItem(page, 'Formatting tour').click();
  await expect(page.getByTestId('article-body').locator('aside.nd-pullquote')).toHaveText('A line worth pulling out');
  await expect(page.getByTestId('article-body').locator('hr')).toHaveCount(1);
});

test('search and filters find drafts; the list shows what each one is', async ({ app }) => {
  const { page } = app;
  await newArticle(page, 'Harbour dredging plan approved');
  await page.keyboard.type('The council voted to deepen the harbour channel.');
  await page.getByLabel('Section', { exact: true }).selectOption('Business');
  await saved(page);
  await newArticle(page, 'Orchestra names new conductor');
  await page.keyboard.type('The philharmonic announced its choice on Friday.');
  await page.getByLabel('Section', { exact: true }).selectOption('Culture');
  await page.getByLabel('Status', { exact: true }).selectOption('approved');
  await saved(page);
  await newArticle(page, '');
  await saved(page);

  await expect(page.getByTestId('draft-item')).toHaveCount(3);
  await expect(page.getByTestId('draft-item').first()).toContainText('Untitled'); // newest change first
  await page.getByLabel('Search drafts').fill('philharmonic');
  await expect(page.getByTestId('draft-item')).toHaveText([/Orchestra names new conductor/]);
  await page.getByLabel('Search drafts').fill('');
  await page.getByLabel('Filter by section').selectOption('Business');
  await expect(page.getByTestId('draft-item')).toHaveText([/Harbour dredging plan approved/]);
  await page.getByLabel('Filter by section').selectOption('');
  await page.getByLabel('Filter by status').selectOption('approved');
  await expect(page.getByTestId('draft-item')).toHaveText([/Orchestra.*Approved.*Culture/]);
  await page.getByLabel('Filter by status').selectOption('');
  await draftItem(page, 'Harbour').click();
  await page.screenshot({ path: `${SCREENS}/draft-list.png` });
});

test('a draft moved to the Trash comes back with Undo or from the Trash view', async ({ app }) => {
  const { page } = app;
  await newArticle(page, 'Budget leak inquiry');
  await page.keyboard.type('Text that must survive the trash.');
  await page.getByRole('button', { name: 'Move “Budget leak inquiry” to Trash' }).click();
  await expect(page.getByTestId('draft-item')).toHaveCount(0);
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(draftItem(page, 'Budget leak inquiry')).toBeVisible();

  await page.getByRole('button', { name: 'Duplicate “Budget leak inquiry”' }).click();
  await expect(page.getByLabel('Headline')).toHaveValue('Budget leak inquiry (copy)');
  await expect(page.getByTestId('article-body')).toHaveText('Text that must survive the trash.');
  await expect(page).toHaveTitle('Budget leak inquiry (copy) — Newsdesk');
  await page.getByRole('button', { name: 'Move “Budget leak inquiry (copy)” to Trash' }).click();
  await expect(page.getByTestId('draft-item')).toHaveCount(1);

  await draftItem(page, 'Budget leak inquiry').getByRole('button').first().focus();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('draft-item')).toHaveCount(0);
  await page.getByRole('button', { name: 'Trash' }).click();
  await page.getByRole('button', { name: 'Restore “Budget leak inquiry”' }).click();
  await page.getByRole('button', { name: 'Drafts' }).click();
  await draftItem(page, 'Budget leak inquiry').click();
  await expect(page.getByTestId('article-body')).toHaveText('Text that must survive the trash.');
});

test('Ctrl+N starts a new article and Ctrl+Shift+F goes to the draft search, from anywhere', async ({ app }) => {
  const { page } = app;
  await newArticle(page, 'Port strike enters second week');
  await page.keyboard.type('Dockers walked out on Monday.');
  await page.keyboard.press('Control+n'); // from inside the editor; the first draft is saved first
  await expect(page.getByLabel('Headline')).toBeFocused();
  await expect(page.getByLabel('Headline')).toHaveValue('');
  await expect(page.getByTestId('draft-item')).toHaveCount(2);
  await page.getByLabel('Headline').fill('Second story');
  await page.keyboard.press('Control+Shift+F');
  await expect(page.getByLabel('Search drafts')).toBeFocused();
  await page.keyboard.type('dockers');
  await expect(page.getByTestId('draft-item')).toHaveCount(1);
  await expect(page.getByTestId('draft-item')).toContainText('Port strike enters second week');
});

test('the live word count and read time follow every edit, undo and redo included', async ({ app }) => {
  const { page } = app;
  const words = page.getByTestId('word-count');
  await newArticle(page, 'Minister resigns over border contracts');
  await page.keyboard.type('The minister stepped down on Tuesday.'); // 6
  await page.keyboard.press('Enter');
  await page.keyboard.type('### What the audit found'); // 4
  await page.keyboard.press('Enter');
  await page.keyboard.type('1. First finding'); // 2
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second finding here'); // 3, typed into a list item of an existing list
  await expect(words).toHaveText('15 words');
  await saved(page);
  await expect(draftItem(page, 'Minister resigns')).toContainText('15 words'); // the shared rule, in main
  await page.keyboard.press('Control+z');
  await expect(words).not.toHaveText('15 words');
  const afterUndo = Number((await words.textContent())!.split(' ')[0]);
  expect(afterUndo).toBeLessThan(15);
  await saved(page);
  await expect(draftItem(page, 'Minister resigns')).toContainText(`${afterUndo} word`);
  await page.keyboard.press('Control+y');
  await expect(words).toHaveText('15 words');
  await expect(page.getByTestId('read-time')).toHaveText('1 min read');
});

test('while keys are typed the word count moves about twice a second, and is exact once typing stops', async ({ app }) => {
  const { page } = app;
  const words = page.getByTestId('word-count');
  await newArticle(page, 'Harbour strike enters second week');
  // When each change of the count reached the screen: every change is a frame of its own beside
  // the typed keys' frames, so it may come only every half second or so.
  await page.evaluate(() => {
    const changes: number[] = [];
    (window as unknown as { __countChanges: number[] }).__countChanges = changes;
    const count = document.querySelector('[data-testid="word-count"]')!;
    new MutationObserver(() => changes.push(performance.now())).observe(count, { subtree: true, childList: true, characterData: true });
  });
  const sentence = 'Dock workers walked out again on Monday morning as talks stalled over pay and night shifts. ';
  await page.keyboard.type(sentence.repeat(2), { delay: 15 }); // 32 words over three seconds or more
  await expect(words).toHaveText('32 words');
  const changes = await page.evaluate(() => (window as unknown as { __countChanges: number[] }).__countChanges);
  expect(changes.length).toBeGreaterThan(1); // it kept moving during the burst, not only at the end
  const gaps = changes.slice(1).map((at, i) => at - changes[i]!);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(450);
});

test('autosave shows its state honestly, Ctrl+S saves a revision, a failed save says why', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Council tax to rise');
  await saved(page);
  await page.keyboard.type('Bills will rise by five per cent.');
  await expect(page.getByTestId('save-state')).toHaveText('Saving…');
  await saved(page);
  const id = (await draftItem(page, 'Council tax').getAttribute('data-id'))!;
  expect((await app.services().drafts.get(id)).headline).toBe('Council tax to rise');

  await page.keyboard.type(' Pensioners are exempt.');
  await page.keyboard.press('Control+s');
  await saved(page);
  const reasons = (await app.services().drafts.revisions(id)).map((revision) => revision.reason);
  expect(reasons).toContain('manual');

  // Someone else moves the draft to the Trash: the next save is refused, and the desk says so.
  await app.services().drafts.trash(id);
  await page.keyboard.type(' Landlords object.');
  await expect(page.getByTestId('save-state')).toHaveText(/^Not saved: .*trash/i);
  await app.services().drafts.restoreFromTrash(id);
  await body.press('End');
  await page.keyboard.type(' Tenants too.');
  await saved(page);
  expect(JSON.stringify((await app.services().drafts.get(id)).body)).toContain('Landlords object. Tenants too.');
});

test('switching to a new article right after typing (inside the autosave delay) saves first', async ({ app }) => {
  const { page } = app;
  await newArticle(page, 'Water rates frozen');
  await saved(page);
  const id = (await draftItem(page, 'Water rates').getAttribute('data-id'))!;
  await page.keyboard.type('Last words before switching.');
  await page.getByRole('button', { name: 'New article' }).first().click();
  // The switch waits for that save; a loaded machine can take longer than the default wait.
  await expect(page.getByLabel('Headline')).toHaveValue('', { timeout: 20_000 });
  expect(JSON.stringify((await app.services().drafts.get(id)).body)).toContain('Last words before switching.');
});

test('an older revision can be previewed and restored', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Election night live');
  await page.keyboard.type('Polls close at ten.');
  await page.keyboard.press('Control+s');
  await saved(page);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Exit poll shows a hung parliament.');
  await page.keyboard.press('Control+s');
  await saved(page);

  await page.getByRole('button', { name: 'History' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revision history' });
  await expect(dialog.getByTestId('revision')).toHaveCount(3); // created, and two Ctrl+S
  await expect(dialog.getByTestId('revision').first()).toContainText('Saved with Ctrl+S');
  await dialog.getByTestId('revision').nth(1).click();
  await expect(dialog.getByTestId('revision-preview')).toContainText('Polls close at ten.');
  await page.screenshot({ path: `${SCREENS}/revisions.png` });
  await dialog.getByRole('button', { name: 'Restore this version' }).click();
  await expect(dialog).toBeHidden();
  await expect(body).toHaveText('Polls close at ten.');
  await app.restart();
  await draftItem(page, 'Election night live').click();
  await expect(page.getByTestId('article-body')).toHaveText('Polls close at ten.');
});
