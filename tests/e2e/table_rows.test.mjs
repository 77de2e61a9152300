// A keystroke changes only the rows and cells that differ (src/components/table_rows.rs): the
// rows it keeps stay the same elements, and after any sequence of keystrokes, sorts and pages
// the table holds exactly what a fresh page at the same address shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, phonePage, gotoApp } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

// (Without comments: the framework's empty placeholder, which sits after the first rows.)
const body = (page) => page.locator('#app table.data-table tbody').evaluate((b) => b.innerHTML.replace(/<!--.*?-->/g, ''));
/** Waits until the address and the table have settled after an action. */
async function settled(page) {
  let last = '';
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(120);
    const now = page.url() + (await body(page));
    if (now === last) return;
    last = now;
  }
}

test('a narrowing keystroke keeps the rows still shown (the same elements), marking the search anew in their cells', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=donations`);
  const input = page.getByLabel('搜索捐赠方、项目、物资、用途、收据号');
  await input.fill('咸');
  await page.waitForURL(/q=/);
  await settled(page);
  const before = await page.locator('#app table.data-table tbody tr').evaluateAll((trs) => trs.map((tr, i) => { tr.__seen = i; return tr.textContent; }));
  await input.fill('咸宁');
  await page.waitForURL(/q=%E5%92%B8%E5%AE%81/);
  await settled(page);
  const after = await page.locator('#app table.data-table tbody tr').evaluateAll((trs) => trs.map((tr) => ({ kept: tr.__seen !== undefined, text: tr.textContent, marks: [...tr.querySelectorAll('mark')].map((m) => m.textContent) })));
  const kept = after.filter((r) => r.kept);
  assert.ok(kept.length >= 5, `rows kept: ${kept.length} of ${after.length}`);
  assert.ok(kept.every((r) => before.includes(r.text)), 'a kept element shows the row it showed');
  assert.ok(after.every((r) => r.marks.length > 0 && r.marks.every((m) => m === '咸宁')), 'every row marks the new search, kept or not');
  assert.deepEqual(errors, []);
  await context.close();
});

test('after keystrokes, clearing, sorting and paging, the table is exactly what a fresh page at that address shows', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=donations`);
  const input = page.getByLabel('搜索捐赠方、项目、物资、用途、收据号');
  const check = async (what) => {
    await settled(page);
    const shown = await body(page);
    const fresh = await context.newPage();
    await gotoApp(fresh, page.url());
    await fresh.locator('#app table.data-table tbody tr').first().waitFor();
    await settled(fresh);
    assert.equal(shown, await body(fresh), `${what}: ${page.url()}`);
    await fresh.close();
  };
  for (const q of ['公', '公益', '公益项', '']) {
    await input.fill(q);
    await check(`typed “${q}”`);
  }
  await input.pressSequentially('xianning', { delay: 20 }); // pinyin, its marks on the Chinese
  await check('pinyin');
  await page.locator('th.col-amount button.sort').click();
  await check('sorted by amount');
  await input.fill('');
  await page.getByRole('button', { name: /下一页|Next/ }).first().click();
  await check('the next page');
  assert.deepEqual(errors, []);
  await context.close();
});
