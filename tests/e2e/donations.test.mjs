// The 捐赠 page end to end at 390×844: search, totals, facets, CSV, URL state, sample labelling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, phonePage, horizontalOverflow, OUT, gotoApp } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

const url = (q = '') => `${env.url}?page=donations${q}`;
const count = async (page) => Number((await page.locator('.result-count').innerText()).match(/共 (\d+) 条/)[1]);
const moneyIn = async (page) => (await page.locator('.totals > div').first().innerText()).replace(/\s+/g, ' ');

async function openFilters(page) {
  const d = page.locator('details.filters');
  if (!(await d.evaluate((x) => x.open))) await d.locator('summary').click();
}

test('search narrows the rows as you type and the totals line follows', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, url());
  await page.locator('table.data-table tbody tr').first().waitFor();
  const all = await count(page);
  assert.ok(all > 1000, `all rows: ${all}`);
  const before = await moneyIn(page);
  assert.equal(await horizontalOverflow(page), 0, 'the table scrolls inside its box, not the page');
  await page.screenshot({ path: `${OUT}donations-table-390.png` });

  await page.getByLabel('搜索捐赠方、项目、物资、用途、收据号').pressSequentially('防汛', { delay: 30 });
  await page.waitForFunction((n) => Number(document.querySelector('.result-count').innerText.match(/共 (\d+) 条/)[1]) < n, all);
  const some = await count(page);
  assert.ok(some > 0 && some < all, `${some} of ${all}`);
  assert.notEqual(await moneyIn(page), before, 'totals follow the search');
  await page.waitForURL(/q=%E9%98%B2%E6%B1%9B/);
  // Every row on screen mentions the search word somewhere in its text.
  const rows = await page.locator('table.data-table tbody tr').allTextContents();
  assert.ok(rows.length > 0 && rows.length <= 20);
  for (const r of rows) assert.match(r, /防汛/, `a row without the search word: ${r}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a facet click narrows the rows, updates other counts, and the CSV holds exactly those rows', async () => {
  const { context, page } = await phonePage(env.browser);
  await gotoApp(page, url());
  await page.locator('table.data-table tbody tr').first().waitFor();
  await openFilters(page);
  const year = page.locator('fieldset.facet', { hasText: '年份' }).locator('[data-key="2022"]');
  const n2022 = Number(await year.locator('.count').innerText());
  const onlineBefore = await page.locator('fieldset.facet', { hasText: '渠道' }).locator('[data-key="online_platform"] .count').innerText();
  await year.locator('input').check();
  await page.waitForFunction((n) => Number(document.querySelector('.result-count').innerText.match(/共 (\d+) 条/)[1]) === n, n2022);
  await page.waitForURL(/year=2022/);
  const onlineAfter = await page.locator('fieldset.facet', { hasText: '渠道' }).locator('[data-key="online_platform"] .count').innerText();
  assert.ok(Number(onlineAfter) <= Number(onlineBefore));
  // Online fund-raising only exists from 2022 in the data, as in the report.
  const y2021 = page.locator('fieldset.facet', { hasText: '年份' }).locator('[data-key="2021"]');
  await y2021.locator('input').check();
  await page.locator('fieldset.facet', { hasText: '年份' }).locator('[data-key="2022"] input').uncheck();
  await page.waitForFunction(() => /year=2021(&|$)/.test(location.search));
  assert.equal(await page.locator('fieldset.facet', { hasText: '渠道' }).locator('[data-key="online_platform"] .count').innerText(), '0');

  // CSV of exactly the filtered rows.
  const shown = await count(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载 CSV/ }).click()]);
  assert.match(download.suggestedFilename(), /^捐赠_.*year-2021.*_共\d+条\.csv$/);
  const file = await download.path();
  const text = fs.readFileSync(file, 'utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'UTF-8 BOM for Excel');
  const lines = text.slice(1).split('\r\n').filter((l) => l.length > 0);
  assert.equal(lines.length, shown + 1, 'header + one line per filtered row');
  assert.match(lines[0], /^日期,捐赠方\/接收方,金额（元）/);
  assert.ok(lines.slice(1).every((l) => l.startsWith('2021')), 'only 2021 rows');
  assert.ok(lines.slice(1).every((l) => /^[^,]+,("[^"]*"|[^,]*),-?\d+\.\d{2},/.test(l)), 'money in 元 with two decimals');
  fs.copyFileSync(file, `${OUT}donations-2021.csv`);
  await context.close();
});

test('sort, page and filters survive a reload; "only real records" shows the report\'s goods with their flags', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, url());
  await page.locator('table.data-table tbody tr').first().waitFor();
  await page.locator('th.col-amount button').click();
  await page.waitForFunction(() => /sort=/.test(location.search));
  await page.getByRole('button', { name: '下一页' }).click();
  await page.waitForFunction(() => /p=2/.test(location.search));
  const firstRow = await page.locator('table.data-table tbody tr').first().innerText();
  await page.reload();
  await page.locator('table.data-table tbody tr').first().waitFor();
  assert.equal(await page.locator('table.data-table tbody tr').first().innerText(), firstRow);
  assert.match(await page.locator('.page-pos').innerText(), /第 2 \//);

  await page.getByRole('button', { name: '只看真实记录' }).click();
  await page.waitForFunction(() => /origin=real/.test(location.search));
  assert.equal(await count(page), 3);
  // On a phone each card shows its first fields; open them all to read every field.
  for (const b of await page.locator('table.data-table button.row-more').all()) await b.click();
  const text = await page.locator('table.data-table tbody').innerText();
  assert.match(text, /博爱送万家家庭包/);
  assert.match(text, /已入库但无出库记录/);
  assert.match(text, /手套/);
  assert.equal(await page.locator('table.data-table .badge.sample').count(), 0);
  await page.screenshot({ path: `${OUT}donations-real-390.png`, fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('sample rows are labelled on screen and in the data file', async () => {
  const { context, page } = await phonePage(env.browser);
  await gotoApp(page, url());
  await page.locator('table.data-table tbody tr').first().waitFor();
  assert.match(await page.locator('.sample-notice').innerText(), /示例数据/);
  const rows = await page.locator('table.data-table tbody tr').count();
  assert.equal(await page.locator('table.data-table tbody tr .badge.sample').count(), rows, 'every sample row has a badge');
  const resp = await page.request.get(`${env.url}data/donations.json`);
  const doc = await resp.json();
  assert.equal(doc.sample, true);
  assert.ok(doc.records.every((r) => r.origin === 'sample'));
  await context.close();
});

test('the charts follow which rows match, not their order: a sort leaves them, a search redraws each', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, url());
  const ids = ['don-flow', 'don-monthly', 'don-directed', 'don-channel', 'don-goods'];
  // How many times each chart was drawn (ChartView marks gongshi:chart:ID each time).
  const drawn = () => page.evaluate((ids) => ids.map((id) => performance.getEntriesByName(`gongshi:chart:${id}`).length), ids);
  await page.waitForFunction((ids) => ids.every((id) => document.querySelector(`figure.chart[data-chart-id="${id}"] img`)), ids);
  const src = (id) => page.locator(`figure.chart[data-chart-id="${id}"] img`).getAttribute('src');
  const first = await drawn();
  assert.ok(first.every((n) => n >= 1), `every chart drawn: ${first}`);
  const monthly = await src('don-monthly');
  await page.locator('th.col-amount button.sort').click();
  await page.waitForURL(/sort=/);
  await page.waitForTimeout(1000); // the charts' pause (250 ms), and more
  assert.deepEqual(await drawn(), first, 'a sort redraws no chart');
  await page.getByLabel('搜索捐赠方、项目、物资、用途、收据号').pressSequentially('防汛', { delay: 30 });
  await page.waitForFunction(([ids, first]) => ids.every((id, i) => performance.getEntriesByName(`gongshi:chart:${id}`).length > first[i]), [ids.slice(0, 4), first]);
  assert.notEqual(await src('don-monthly'), monthly, 'the monthly chart shows the rows found');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a search that finds nothing: every chart says there is nothing to draw, in both languages (no axis of zeros)', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  // The money charts (the goods chart is left out when no goods match).
  const ids = ['don-flow', 'don-monthly', 'don-directed', 'don-channel'];
  for (const [lang, said] of [['', /没有数据|没有可以画出的数据/], ['&lang=en', /no data|Nothing to draw/]]) {
    await gotoApp(page, url(`&q=${encodeURIComponent('查无此项')}${lang}`));
    await page.waitForFunction((ids) => ids.every((id) => document.querySelector(`figure.chart[data-chart-id="${id}"] img`)), ids);
    for (const id of ids) {
      const alt = await page.locator(`figure.chart[data-chart-id="${id}"] img`).getAttribute('alt');
      assert.match(alt, said, `${id}${lang}: ${alt}`);
      const svg = decodeURIComponent((await page.locator(`figure.chart[data-chart-id="${id}"] img`).getAttribute('src')).split(',').slice(1).join(','));
      assert.ok(!/>0元<|>CNY 0</.test(svg), `${id}${lang}: a scale of zeros`);
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});
