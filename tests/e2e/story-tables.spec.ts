import { expect, test } from './harness/fixtures';
import { SCREENS, newArticle, paste, saved } from './drafting-helpers';

// Tables in the story: inserted from the toolbar, grown and shrunk, a header row, and tables pasted
// from Word or Docs kept as tables.

test('insert a table, add and remove rows and columns, toggle the header row', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Election results');
  await page.keyboard.type('Seats won:');
  await page.getByRole('button', { name: 'Insert table' }).click();
  const table = body.locator('table');
  await expect(table).toHaveCount(1);
  await expect(table.locator('tr')).toHaveCount(3);
  await expect(table.locator('tr').first().locator('th')).toHaveCount(3);

  await table.locator('th').first().click();
  await page.keyboard.type('Party');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Seats');
  const tools = page.getByTestId('table-tools');
  await expect(tools).toBeVisible();
  await table.locator('td').first().click();
  await page.keyboard.type('Greens');
  await page.keyboard.press('Tab');
  await page.keyboard.type('12');

  await tools.getByRole('button', { name: 'Row below' }).click();
  await expect(table.locator('tr')).toHaveCount(4);
  await tools.getByRole('button', { name: 'Column right' }).click();
  await expect(table.locator('tr').first().locator('th, td')).toHaveCount(4);
  await tools.getByRole('button', { name: 'Delete column' }).click();
  await expect(table.locator('tr').first().locator('th, td')).toHaveCount(3);
  // The new, empty row goes again (Lexical moves the caret after a column is removed, so put it back).
  await table.locator('tr').nth(2).locator('td').first().click();
  await tools.getByRole('button', { name: 'Delete row' }).click();
  await expect(table.locator('tr')).toHaveCount(3);
  await expect(table.locator('tr').first()).toContainText('PartySeats');
  await expect(table.locator('tr').nth(1)).toContainText('Greens12');
  await page.screenshot({ path: `${SCREENS}/story-table.png` });

  await tools.getByRole('button', { name: 'Header row' }).click();
  await expect(table.locator('th')).toHaveCount(0);
  await tools.getByRole('button', { name: 'Header row' }).click();
  await expect(table.locator('tr').first().locator('th')).toHaveCount(3);
  await saved(page);

  // The saved body reopens with its table.
  await page.reload();
  await page.getByText('Election results').first().click();
  await expect(page.getByTestId('article-body').locator('table td', { hasText: 'Greens' })).toBeVisible();
});

const WORD_TABLE = `<html xmlns:w="urn:schemas-microsoft-com:office:word"><body><!--StartFragment-->
<table class=MsoTableGrid border=1 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
<tr style='mso-yfti-irow:0'><td width=200 style='border:solid windowtext 1.0pt'><p class=MsoNormal><b>City<o:p></o:p></b></p></td>
<td width=200><p class=MsoNormal><b>Turnout</b></p></td></tr>
<tr><td><p class=MsoNormal>Leeds</p></td><td><p class=MsoNormal>61%</p></td></tr>
</table><!--EndFragment--></body></html>`;

const DOCS_TABLE = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-aa11bb22-7fff-1234-5678-123456789abc"><div dir="ltr" style="margin-left:0pt;" align="left"><table style="border:none;border-collapse:collapse;"><colgroup><col width="200"><col width="200"></colgroup><tbody><tr style="height:0pt"><td style="border-left:solid #000000 1pt;"><p dir="ltr"><span style="font-weight:700">Team</span></p></td><td><p dir="ltr"><span>Points</span></p></td></tr><tr><td><p dir="ltr"><span>Rovers</span></p></td><td><p dir="ltr"><span>42</span></p></td></tr></tbody></table></div></b>`;

test('tables pasted from Word and Google Docs stay tables', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Pasted tables');
  await paste(body, WORD_TABLE, 'City Turnout Leeds 61%');
  await expect(body.locator('table')).toHaveCount(1);
  await expect(body.locator('table tr')).toHaveCount(2);
  await expect(body.locator('table')).toContainText('Leeds');
  await expect(body.locator('table')).toContainText('61%');
  await saved(page);
  const docsBody = await newArticle(page, 'Pasted from Docs');
  await paste(docsBody, DOCS_TABLE, 'Team Points Rovers 42');
  await expect(docsBody.locator('table tr')).toHaveCount(2);
  await expect(docsBody.locator('table')).toContainText('Rovers');
  // No style or class from the source survives.
  expect(await body.locator('table [style*="border"], table [class*="Mso"]').count()).toBe(0);
});
