// 本页二维码 (issue 18): the QR code under a page decodes (with jsQR, an independent reader) to
// the exact view on screen, follows the view when it changes, and the printed page carries the
// code of the printed view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import jsQR from 'jsqr';
import { setup, phonePage, gotoApp } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

/** The QR code in `img` (a locator), read from its pixels. */
async function decode(img) {
  await img.evaluate((el) => el.decode());
  const { data, width, height } = await img.evaluate((el) => {
    const c = document.createElement('canvas');
    c.width = 400;
    c.height = 400;
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 400, 400);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(el, 0, 0, 400, 400);
    return { data: Array.from(ctx.getImageData(0, 0, 400, 400).data), width: 400, height: 400 };
  });
  const code = jsQR(Uint8ClampedArray.from(data), width, height);
  assert.ok(code, 'a QR code is found in the image');
  return code.data;
}

test('the QR code under a page decodes to the view on screen, and follows it', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=donations&q=${encodeURIComponent('爱心')}&sort=-amount`);
  await page.locator('table.data-table tbody tr').first().waitFor();
  const fold = page.locator('details.view-qr');
  const summary = fold.locator('summary');
  assert.equal(await summary.innerText(), '本页二维码');
  assert.ok((await summary.boundingBox()).height >= 44, 'a thumb-sized target');
  await summary.click();
  const img = fold.locator('img');
  await img.waitFor();
  const url = await decode(img);
  assert.equal(url, page.url(), 'the code holds this view\'s address');
  assert.ok(url.startsWith(env.url) && url.includes('sort=-amount') && url.includes('q='), url);
  assert.equal(await fold.locator('.qr-url').innerText(), url);
  // Another view: the code follows.
  await page.locator('main input[type=search]').first().fill('');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
  await page.waitForFunction(() => !document.querySelector('details.view-qr .qr-url').textContent.includes('q='));
  assert.equal(await decode(img), page.url());
  // Saved as SVG.
  const [dl] = await Promise.all([page.waitForEvent('download'), fold.getByRole('button', { name: '保存二维码（SVG）' }).click()]);
  assert.equal(dl.suggestedFilename(), '本页二维码.svg');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a printed page carries the QR code of the printed view', async () => {
  const { context, page } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=rectification&open=9`);
  await page.locator('#problem-9 .problem-detail .finding').waitFor();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.locator('figure.qr-print img[src]').waitFor({ state: 'attached', timeout: 2000 });
  await page.emulateMedia({ media: 'print' });
  const img = page.locator('figure.qr-print img');
  assert.ok(await img.isVisible(), 'shown in print');
  assert.equal(await page.locator('details.view-qr').isVisible(), false, 'the screen fold is not printed');
  assert.equal(await decode(img), page.url());
  await context.close();
});
