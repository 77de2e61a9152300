// 救助 and 组织覆盖 end to end at 390×844: privacy in the DOM and CSV, small-cell suppression,
// the county filter in the URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, phonePage, OUT, gotoApp } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

// A masked recipient: one CJK surname, or a two-character compound surname (the core's list,
// crates/core/src/privacy.rs), then 某 or 某某 — never a given name (张三某).
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '令狐', '夏侯', '轩辕', '澹台', '端木', '独孤', '南宫', '西门', '呼延', '百里', '东郭', '万俟',
  '闻人', '赫连', '申屠', '第五', '太史', '钟离', '公羊', '仲孙', '单于', '濮阳', '淳于', '拓跋',
  '司空', '司寇', '左丘', '谷梁', '公冶', '宰父', '羊舌', '微生', '梁丘', '子车', '巫马', '乐正',
  '壤驷', '公良', '漆雕', '颛孙', '亓官', '鲜于', '闾丘', '段干', '公西', '夹谷', '东门', '南门'];
const MASKED = new RegExp(`^(?:(?:(?!某)\\p{Script=Han}|${COMPOUND.join('|')})某某?|—)$`, 'u');
test('the masked-name pattern is strict', () => {
  for (const ok of ['张某', '张某某', '欧阳某', '司马某某', '—']) assert.match(ok, MASKED);
  for (const bad of ['张三某', '某某某', '张三', '李*', '欧阳娜某', '某', '张某某某', 'Zhang某', '张 某']) assert.doesNotMatch(bad, MASKED);
});
const LONG_DIGITS = /\d{11,}/;

test('relief: no full name, ID, phone or card number in the DOM or the CSV', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=relief`);
  await page.locator('table.data-table tbody tr').first().waitFor();
  // Walk every page of the table and check each recipient cell.
  const total = Number((await page.locator('.result-count').innerText()).match(/共 (\d+) 条/)[1]);
  const pages = Math.ceil(total / 20);
  assert.ok(pages > 1, `${total} records: more than one page`);
  assert.match(await page.locator('.page-pos').innerText(), new RegExp(`/ ${pages} 页`), 'a pager with every page');
  let seen = 0;
  for (let p = 0; p < pages; p++) {
    const recips = await page.locator('table.data-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[1].firstChild?.textContent?.trim() ?? ''));
    assert.ok(recips.length > 0);
    for (const r of recips) assert.match(r, MASKED, `page ${p + 1}: recipient shown as ${JSON.stringify(r)}`);
    seen += recips.length;
    if (p + 1 < pages) {
      await page.getByRole('button', { name: '下一页' }).click();
      await page.waitForFunction((n) => document.querySelector('.page-pos').innerText.includes(`第 ${n} `), p + 2);
    }
  }
  assert.equal(seen, total, 'every record was looked at');
  // On a phone the aggregate cells open on a tap.
  if (!(await page.locator('.aggregates details').evaluate((d) => d.open))) await page.locator('.aggregates summary').click();
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, LONG_DIGITS, 'no 11+ digit number anywhere on the page');
  const withheld = await page.locator('.aggregates tr.suppressed').allInnerTexts();
  assert.ok(withheld.length > 0 && withheld.every((t) => /不公布/.test(t) && !/<\s*5/.test(t)), 'small aggregate cells are withheld: ' + withheld.slice(0, 2).join(' / '));

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
  await gotoApp(page, `${env.url}?page=relief`);
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
  await gotoApp(page, `${env.url}?page=coverage`);
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
