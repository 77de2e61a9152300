// 账目一览 on the overview: the ledgers' totals from summary.json, without downloading any ledger;
// each total equals the file's numbers, sample totals say so, and a broken summary.json is a
// clear error that leaves the rest of the overview working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, phonePage, gotoApp, editManifest } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

const summary = JSON.parse(fs.readFileSync('dist/data/summary.json', 'utf8'));

/** Fen → 万元 (for comparing with a shown value, which is rounded to 0.01 万元). */
const wan = (fen) => fen / 1e6;
/** The first number in a text ("4,271.2万元" → 4271.2). */
const num = (text) => Number((text.replace(/,/g, '').match(/-?\d+(\.\d+)?/) || [NaN])[0]);
const card = (page, label) => page.locator('section.accounts li.card', { has: page.locator('.card-label', { hasText: label }) });

test('the overview shows the ledgers’ totals from summary.json, marked as sample, with links, and downloads no ledger', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await gotoApp(page, `${env.url}?page=overview`);
  await page.locator('section.accounts li.card').first().waitFor();

  const years = summary.money_by_year;
  assert.ok(years.length >= 2, 'the shipped summary has several years');
  const received = years.reduce((a, y) => a + y.received_fen, 0);
  const disbursed = years.reduce((a, y) => a + y.disbursed_fen, 0);
  // Within half of the last shown digit (0.01 万元 = 100 元): a total of fewer or other years
  // is off by far more.
  assert.ok(Math.abs(num(await card(page, '收到捐赠').locator('.card-value').innerText()) - wan(received)) <= 0.0051, 'donations received = Σ received_fen');
  assert.ok(Math.abs(num(await card(page, '支出').locator('.card-value').innerText()) - wan(disbursed)) <= 0.0051, 'disbursed = Σ disbursed_fen');
  assert.match(await card(page, '收到捐赠').locator('.card-period').innerText(), new RegExp(`${years[0].year}–${years.at(-1).year}`));

  const relief = summary.relief_by_programme_year;
  const people = relief.reduce((a, r) => a + r.records + r.aggregate_people, 0);
  assert.equal(num(await card(page, '救助').locator('.card-value').innerText()), people, 'people = Σ records + Σ published aggregate people');
  assert.equal(num(await card(page, '基层组织').locator('.card-value').innerText()), summary.coverage.units);

  // One row per year, in order, each equal to its year's numbers.
  const rows = await page.locator('table.year-money tbody tr').allInnerTexts();
  assert.equal(rows.length, years.length);
  rows.forEach((r, i) => {
    const cells = r.split('\t');
    assert.equal(Number(cells[0]), years[i].year);
    assert.ok(Math.abs(num(cells[1]) - wan(years[i].received_fen)) <= 0.0051, `received ${years[i].year}: ${cells[1]}`);
    assert.ok(Math.abs(num(cells[2]) - wan(years[i].disbursed_fen)) <= 0.0051, `disbursed ${years[i].year}: ${cells[2]}`);
  });

  // Sample numbers say so, on each card and in a note.
  assert.equal(summary.money_sample, true);
  assert.equal(await card(page, '收到捐赠').locator('.badge.sample').count(), 1);
  assert.equal(await card(page, '救助').locator('.badge.sample').count(), summary.relief_sample ? 1 : 0);
  assert.match(await page.locator('section.accounts .sample-note').innerText(), /示例数据/);

  // Each card opens its page.
  assert.match(await card(page, '救助').locator('a').getAttribute('href'), /page=relief/);
  assert.match(await card(page, '基层组织').locator('a').getAttribute('href'), /page=coverage/);
  const beforeTap = requested.slice();
  await card(page, '收到捐赠').locator('a').click();
  await page.waitForURL(/page=donations/);

  // Before that tap, nothing of the ledgers was downloaded: the overview needed summary.json only.
  assert.ok(beforeTap.some((p) => p.endsWith('/data/summary.json')), 'summary.json was loaded');
  assert.deepEqual(beforeTap.filter((p) => /\/data\/(donations|disbursements|goods|relief|coverage)/.test(p)), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in English the cards read in English, with the sample label', async () => {
  const { context, page } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=overview&lang=en`);
  const c = card(page, 'Donations received');
  await c.waitFor();
  // Read at a glance, as the report's figures are: millions, not eight digits split over two lines.
  assert.match(await c.locator('.card-value').innerText(), /^CNY \d+\.\d\d million$/);
  assert.equal(await c.locator('.badge.sample').innerText(), 'Sample');
  await context.close();
});

test('a broken summary.json names the file and why; the rest of the overview still works', async () => {
  const { context, page } = await phonePage(env.browser);
  await editManifest(page, (m) => { delete m.summary.sha256; delete m.summary.bytes; });
  await page.route('**/data/summary.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema": "gongshi/summary/1", "money_by_year": [' }));
  await gotoApp(page, `${env.url}?page=overview`);
  const e = page.locator('section.accounts, .data-error').filter({ hasText: 'summary.json' }).first();
  await e.waitFor({ timeout: 20000 });
  const text = await page.locator('.data-error').first().innerText();
  assert.match(text, /data\/summary\.json/);
  assert.match(text, /第 1 行第 \d+ 列/);
  // The report's figures and progress chart are unaffected.
  await page.locator('ul.cards li.card').first().waitFor();
  await page.locator('.chart img').first().waitFor();
  assert.equal(await page.locator('section.accounts').count(), 0);
  await context.close();
});

test('a data folder that publishes no summary shows no accounts section and no error', async () => {
  const { context, page } = await phonePage(env.browser);
  await editManifest(page, (m) => { delete m.summary; });
  await gotoApp(page, `${env.url}?page=overview`);
  await page.locator('.chart img').first().waitFor();
  await page.locator('ul.cards li.card').first().waitFor();
  assert.equal(await page.locator('section.accounts').count(), 0);
  assert.equal(await page.locator('.data-error').count(), 0);
  assert.equal(await page.locator('main .loading').count(), 0, 'nothing is left loading');
  await context.close();
});
