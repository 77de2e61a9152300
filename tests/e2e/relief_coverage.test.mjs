// 救助 and 组织覆盖 end to end at 390×844: privacy in the DOM and CSV, small-cell suppression,
// the county filter in the URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, phonePage, OUT } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

const MASKED = /^(.{1,2}某某?|—)$/u;
const LONG_DIGITS = /\d{11,}/;

test('relief: no full name, ID, phone or card number in the DOM or the CSV', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await page.goto(`${env.url}?page=relief`);
  await page.locator('table.data-table tbody tr').first().waitFor();
  // Walk every page of the table and check each recipient cell.
  const pages = Number(((await page.locator('.page-pos').innerText().catch(() => '第 1 / 1 页')).match(/\/ (\d+)/) || [0, 1])[1]);
  for (let p = 0; p < Math.min(pages, 4); p++) {
    const names = await page.locator('table.data-table tbody tr td:nth-child(2), table.data-table tbody tr th:nth-child(2)').allInnerTexts();
    const recips = await page.locator('table.data-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[1].firstChild?.textContent?.trim() ?? ''));
    for (const r of recips) assert.match(r, MASKED, `recipient shown as ${JSON.stringify(r)}`);
    assert.ok(names.length > 0);
    if (p + 1 < pages) {
      await page.getByRole('button', { name: '下一页' }).click();
      await page.waitForFunction((n) => document.querySelector('.page-pos').innerText.includes(`第 ${n} `), p + 2);
    }
  }
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, LONG_DIGITS, 'no 11+ digit number anywhere on the page');
  assert.match(text, /<5/, 'small aggregate cells are suppressed');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^下载 CSV/ }).click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const lines = csv.slice(1).split('\r\n').filter(Boolean);
  assert.match(lines[0], /^日期,受助人,/);
  for (const l of lines.slice(1)) assert.match(l.split(',')[1], MASKED, l);
  assert.doesNotMatch(csv, LONG_DIGITS);

  const [agg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载汇总 CSV/ }).click()]);
  const aggCsv = fs.readFileSync(await agg.path(), 'utf8');
  assert.doesNotMatch(aggCsv, /<5|不公布/, 'suppressed cells are left out of the CSV');
  assert.ok(aggCsv.split('\r\n').filter(Boolean).length >= 2, 'but the publishable ones are there');
  fs.writeFileSync(`${OUT}relief.csv`, csv);
  await page.screenshot({ path: `${OUT}relief-390.png`, fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('relief: the problem-5 gap chart is there with its source', async () => {
  const { context, page } = await phonePage(env.browser);
  await page.goto(`${env.url}?page=relief`);
  const img = page.locator('section.real .chart img');
  await img.waitFor();
  const alt = await img.getAttribute('alt');
  assert.match(alt, /向红十字会申报合计 52/);
  assert.match(alt, /医保局备案合计 189/);
  const src = await img.getAttribute('src');
  const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
  assert.match(svg, /^<svg[\s\S]*来源：[\s\S]*<\/svg>\s*$/, 'a whole SVG with its source line');
  assert.match(await page.locator('section.real .chart .chart-data p.muted').textContent(), /问题 5/);
  await context.close();
});

test('coverage: choosing a county changes the charts, the table and the URL', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await page.goto(`${env.url}?page=coverage`);
  await page.locator('table.data-table tbody tr').first().waitFor();
  assert.equal(await page.locator('table.data-table tbody tr').count(), 6);
  const chartBefore = await page.locator('.chart img').first().getAttribute('src');
  assert.match(await page.locator('.totals').innerText(), /38 \/ 1,?086|38 \/ 1086/);
  assert.match(await page.locator('.totals').innerText(), /3\.5%/);
  await page.getByRole('button', { name: '咸安区' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('county') === '咸安区');
  await page.waitForFunction(() => document.querySelectorAll('table.data-table tbody tr').length === 1);
  const chartAfter = await page.locator('.chart img').first().getAttribute('src');
  assert.notEqual(chartAfter, chartBefore, 'the chart follows the county');
  assert.equal(await page.getByRole('button', { name: '咸安区' }).getAttribute('aria-pressed'), 'true');
  await page.reload();
  await page.locator('table.data-table tbody tr').first().waitFor();
  assert.equal(await page.locator('table.data-table tbody tr').count(), 1);
  await page.screenshot({ path: `${OUT}coverage-xianan-390.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
