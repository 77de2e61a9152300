// The English UI: switched from the header, kept in the URL (lang=en) and over a reload; the
// Chinese default is untouched on a fresh load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, phonePage, horizontalOverflow, OUT, gotoApp } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

test('the English switch translates the UI, stays in the URL and survives a reload', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=donations&year=2020`);
  await page.locator('table.data-table tbody tr').first().waitFor();
  await page.locator('a.lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.locator('table.data-table tbody tr').first().waitFor();

  const nav = await page.locator('nav.site').innerText();
  assert.match(nav, /Donations/);
  assert.doesNotMatch(nav, /捐赠/);
  await page.waitForURL(/[?&]lang=en(&|$)/);
  await page.waitForURL(/year=2020/);
  await page.waitForFunction(() => /Xianning Red Cross Society/.test(document.querySelector('header h1').innerText));
  assert.match(await page.locator('.totals').innerText(), /CNY/);
  // Beside an exact sum, its size at a glance (as 万元 is in Chinese), not the sum again in whole yuan.
  const readings = await page.locator('.totals .wan').allInnerTexts();
  assert.ok(readings.length >= 1 && readings.every((r) => /^CNY [\d.]+ million$/.test(r)), `readings: ${readings}`);
  assert.match(await page.locator('.result-count').innerText(), /\d+ records/);
  // A row's notes too: where a disbursement's money came from, in English.
  const notes = (await page.locator('table.data-table .row-notes').allInnerTexts()).join('\n');
  assert.match(notes, /Paid from (directed donations? D\d{4}|non-directed funds)/);
  assert.doesNotMatch(notes, /资金来源|定向捐赠|非定向资金|计入|更正/);
  // The charts' source lines: the manifest's English source (source_en), not the Chinese.
  await page.locator('.chart-source').first().waitFor(); // the charts are drawn after the table
  const sources = await page.locator('.chart-source').allInnerTexts();
  assert.ok(sources.length >= 1 && sources.every((s) => /Sample data: generated/.test(s) && !/示例数据/.test(s)), sources.join(' | '));
  // The report's figures: periods as English dates ("2019 and 2021", "2019–2021").
  const periods = await page.locator('.card-period').allInnerTexts();
  assert.ok(periods.some((p) => /^20\d\d(–| and )20\d\d$/.test(p)) && !periods.some((p) => /年/.test(p)), periods.join(' | '));
  assert.match(await page.title(), /Donations/);
  assert.equal(await horizontalOverflow(page), 0);
  await page.screenshot({ path: `${OUT}donations-en-390.png` });

  // Page links keep the language.
  await page.locator('nav.site a', { hasText: 'Relief' }).click();
  await page.waitForURL(/page=relief/);
  await page.waitForURL(/lang=en/);

  await page.reload();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.locator('nav.site').innerText(), /Donations/);

  // And back to Chinese.
  await page.locator('a.lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.doesNotMatch(page.url(), /lang=/);
  assert.match(await page.locator('nav.site').innerText(), /捐赠/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a fresh load without lang is Chinese', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=donations`);
  await page.locator('table.data-table tbody tr').first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  const nav = await page.locator('nav.site').innerText();
  assert.match(nav, /捐赠/);
  assert.doesNotMatch(nav, /Donations/);
  assert.match(await page.locator('.result-count').innerText(), /共 \d+ 条记录/);
  assert.match(await page.locator('.totals').innerText(), /万元/);
  assert.equal(await page.locator('a.lang-switch').innerText(), 'English');
  assert.deepEqual(errors, []);
  await context.close();
});
