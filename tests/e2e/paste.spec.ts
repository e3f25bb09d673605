import { expect, test } from './harness/fixtures';
import { SCREENS, newArticle, saved, draftItem, paste } from './drafting-helpers';

// Paste from Word, Google Docs and hostile pages: structure kept, styles, scripts and junk dropped.

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><style>p.MsoNormal{mso-style-parent:"";font-family:Calibri}</style><!--[if gte mso 9]><xml><w:WordDocument/></xml><![endif]--></head>
<body lang=EN-GB style='tab-interval:36.0pt'><!--StartFragment--><div class=WordSection1>
<h1 style='mso-outline-level:1'><span style='font-family:"Calibri Light"'>Word headline inside<o:p></o:p></span></h1>
<p class=MsoNormal style='margin-bottom:0cm'><b>Bold from Word</b> and <i style='mso-bidi-font-style:normal'>italic from Word</i>
<span class=MsoCommentReference><a style='mso-comment-reference:AB_1'>[AB1]</a></span> with a
<a href="https://example.com/word">Word link</a>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>First Word bullet<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;</span></span><![endif]>Second Word bullet<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<div style='mso-element:comment-list'><div style='mso-element:comment'><p class=MsoCommentText>Reviewer note that must not be pasted</p></div></div>
</div><!--EndFragment--></body></html>`;

const DOCS_HTML = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c4d-7fff-aaaa-bbbb-123456789abc">
<h2 dir="ltr" style="line-height:1.38;margin-top:18pt"><span style="font-size:16pt;font-family:Arial;color:#000000;font-weight:400">Docs subheading</span></h2>
<p dir="ltr" style="line-height:1.38"><span style="font-size:11pt;font-family:Arial;color:#ff0000;font-weight:400">Plain, </span><span style="font-size:11pt;font-weight:700">bold in Docs</span><span style="font-weight:400">, </span><span style="font-style:italic;font-weight:400">italic in Docs</span><span> and </span><a href="https://www.google.com/url?q=https://example.com/docs&amp;sa=D" style="text-decoration:none"><span style="color:#1155cc;text-decoration:underline">a Docs link</span></a></p>
<br><ol style="margin-top:0;padding-inline-start:48px"><li dir="ltr" style="list-style-type:decimal" aria-level="1"><p dir="ltr" role="presentation"><span>Docs step one</span></p></li><li dir="ltr" aria-level="1"><p dir="ltr" role="presentation"><span>Docs step two</span></p></li></ol></b>`;

const HOSTILE_HTML = `<style>body{display:none}</style><script>window.__pwned = 'script'</script>
<p onclick="window.__pwned='click'" style="color:red;font-size:40px" class="evil">Safe words<img src=x onerror="window.__pwned='img'"></p>
<iframe srcdoc="<script>parent.__pwned='frame'</script>"></iframe><svg onload="window.__pwned='svg'"><text>svg</text></svg>
<p><a href="javascript:window.__pwned='link'">not a link</a> <a href="data:text/html,hi">nor this</a> <a href="mailto:desk@example.com">mail us</a></p>
<object data="x"></object><form><input value="field"></form><math><mi>x</mi></math>`;

test('paste from Word, Google Docs and a hostile page keeps the structure and drops the rest', async ({ app }) => {
  const { page } = app;
  const body = await newArticle(page, 'Pasted copy');
  await paste(body, WORD_HTML, 'Word headline inside');
  await expect(body.locator('h2', { hasText: 'Word headline inside' })).toBeVisible();
  await expect(body.locator('strong')).toHaveText(['Bold from Word']);
  await expect(body.locator('em')).toHaveText(['italic from Word']);
  await expect(body.locator('a[href="https://example.com/word"]')).toHaveText('Word link');
  await expect(body.locator('ul > li')).toHaveText(['First Word bullet', 'Second Word bullet']);
  await expect(body).not.toContainText('Reviewer note');
  await expect(body).not.toContainText('[AB1]');

  // Pasted blocks start a new block only from an empty one (else the first merges into the caret's).
  await body.press('Control+End');
  await body.press('Enter');
  await body.press('Enter'); // leaves the list
  await paste(body, DOCS_HTML);
  await expect(body.locator('h2', { hasText: 'Docs subheading' })).toBeVisible();
  await expect(body.locator('strong', { hasText: 'bold in Docs' })).toBeVisible();
  await expect(body.locator('strong', { hasText: 'Plain' })).toHaveCount(0); // the Docs <b> wrapper is not bold
  await expect(body.locator('em', { hasText: 'italic in Docs' })).toBeVisible();
  await expect(body.locator('a[href="https://example.com/docs"]')).toHaveText('a Docs link');
  await expect(body.locator('ol > li')).toHaveText(['Docs step one', 'Docs step two']);

  await body.press('Control+End');
  await body.press('Enter');
  await body.press('Enter');
  await paste(body, HOSTILE_HTML);
  await expect(body).toContainText('Safe words');
  await expect(body.locator('a[href="mailto:desk@example.com"]')).toHaveText('mail us');
  await expect(body).toContainText('not a link');
  await page.waitForTimeout(300); // give any smuggled handler a chance to run
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await body.locator('script, style, iframe, img, svg, object, form, input, math, [onclick], [onerror]').count()).toBe(0);
  expect(await body.locator('a[href^="javascript:"], a[href^="data:"]').count()).toBe(0);
  expect(await body.locator('[style]').evaluateAll((els) => els.map((el) => el.getAttribute('style')))).toEqual([]);
  expect(await body.locator('[class="evil"], [class*="Mso"]').count()).toBe(0);

  await saved(page);
  const id = (await draftItem(page, 'Pasted copy').getAttribute('data-id'))!;
  const stored = JSON.stringify((await app.services().drafts.get(id)).body);
  expect(stored).not.toMatch(/"style":"[^"]+"|"textStyle":"[^"]+"|javascript:|__pwned|mso-/);
  await page.screenshot({ path: `${SCREENS}/pasted.png` });
});
