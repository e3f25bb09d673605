import { expect, test } from './harness/fixtures';
import { newArticle, paste } from './drafting-helpers';

// Images in pasted content are not silently dropped: the editor names the ones left out.

test('pasted images that were left out are listed', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Pasted with pictures');
  await paste(body, '<p>Before</p><img src="https://cdn.example.com/riot.jpg"><p>After</p><img src="data:image/png;base64,iVBORw0KGgo=">', 'Before After');
  await expect(body).toContainText('Before');
  await expect(body.locator('img')).toHaveCount(0);
  const notice = page.getByTestId('pasted-images-notice');
  await expect(notice).toContainText('2 pasted images were left out');
  await expect(notice).toContainText('https://cdn.example.com/riot.jpg');
  await expect(notice).toContainText('an embedded image');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  // A paste without images says nothing.
  await paste(body, '<p>Just words</p>', 'Just words');
  await expect(notice).toBeHidden();
});
