// The app's own privacy gate: every way of slipping personal data into relief.json that the
// review found getting past `gongshi check` is refused by the page too, naming the file and the
// field, and the rest of the site keeps working. Also: the data page in English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, phonePage, dropChecksums, gotoApp } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

/** Opens the relief page with relief.json edited by `edit`; returns the page and its errors. */
async function reliefWith(edit) {
  const { context, page, errors } = await phonePage(env.browser);
  await dropChecksums(page);
  await page.route('**/data/relief.json', async (route) => {
    const resp = await route.fetch();
    const doc = await resp.json();
    edit(doc);
    await route.fulfill({ response: resp, body: JSON.stringify(doc) });
  });
  await gotoApp(page, `${env.url}?page=relief`);
  return { context, page, errors };
}

const VARIANTS = [
  ['goods', '身份证110105  19491231  002X', /身份证号/],
  ['goods', '身份证110105–19491231–002X', /身份证号/],
  ['goods', 'sfz11010519491231002X', /身份证号/],
  ['goods', '420102199003071000', /身份证号/],
  ['goods', '电话13 800 138 000', /手机号/],
  ['township', '新屋村3组', /地址/],
  ['recipient', '张　三', /未脱敏/],
  ['recipient', 'Zhang San', /未脱敏/],
  ['recipient', '张三某', /未脱敏/],
  ['note', '张三之女，白血病', /字段/],
  ['birth', '2015-03-02', /字段/],
];

for (const [field, value, says] of VARIANTS) {
  test(`relief.json with ${field} = ${JSON.stringify(value)} is refused by the page, naming the field`, async () => {
    const { context, page, errors } = await reliefWith((doc) => { doc.records[3][field] = value; });
    const err = page.locator('.data-error').first();
    await err.waitFor({ timeout: 20000 });
    const text = await err.innerText();
    assert.match(text, /relief\.json/);
    assert.ok(text.includes(`records[3].${field}`), text);
    assert.match(text, says);
    assert.ok(!text.includes('13800138000') && !text.includes('19491231'), `the message repeats the number: ${text}`);
    // Nothing of the file is shown: no relief table at all.
    assert.equal(await page.locator('table.data-table tbody tr').count(), 0);
    // The report's figures on the same page still load.
    await page.locator('figure.chart[data-chart-id="relief-gap"]').waitFor();
    assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
    await context.close();
  });
}

test('a small cell published with its count is refused by the page, naming the cell', async () => {
  const { context, page } = await reliefWith((doc) => {
    const a = doc.aggregates.find((x) => x.suppressed);
    a.people = 1;
    a.amount_fen = 7400000;
    delete a.suppressed;
  });
  const err = page.locator('.data-error').first();
  await err.waitFor({ timeout: 20000 });
  const text = await err.innerText();
  assert.match(text, /aggregates\[\d+\]\.people/);
  assert.match(text, /人数为 1/);
  assert.equal(await page.locator('.aggregates').count(), 0, 'no aggregate is shown');
  await context.close();
});

test('the shipped relief file publishes no small cell: withheld cells carry neither count nor amount', async () => {
  const { context, page } = await phonePage(env.browser);
  const resp = await page.request.get(`${env.url}data/relief.json`);
  const doc = await resp.json();
  let withheld = 0;
  for (const a of doc.aggregates) {
    if (a.people === null) {
      withheld += 1;
      assert.equal(a.suppressed, true);
      assert.ok(!('amount_fen' in a), JSON.stringify(a));
    } else {
      assert.ok(a.people === 0 || a.people >= 5, JSON.stringify(a));
    }
  }
  assert.ok(withheld > 0);
  // The page shows their count and amount as "不公布" (not "<5": a cell withheld because a total
  // would give a small one away may hold more), and the aggregate CSV leaves them out.
  await gotoApp(page, `${env.url}?page=relief`);
  const agg = page.locator('.aggregates');
  await agg.waitFor();
  // On a phone the table of cells opens on a tap.
  if (!(await agg.locator('details').evaluate((d) => d.open))) await agg.locator('summary').click();
  assert.equal(await agg.locator('tr.suppressed').count(), withheld);
  for (const text of await agg.locator('tr.suppressed').allInnerTexts()) {
    assert.match(text, /不公布[\s\S]*不公布/, text);
    assert.doesNotMatch(text, /<\s*5/, text);
  }
  await context.close();
});

/** RFC 4180 rows (quotes, doubled quotes, CRLF), without a leading BOM. */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  text = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('no download or total gives a small cell away: the aggregates CSV holds only published cells, summary.json adds only those', async () => {
  const relief = JSON.parse(fs.readFileSync('dist/data/relief.json', 'utf8'));
  const published = relief.aggregates.filter((a) => a.people !== null);
  const withheld = relief.aggregates.length - published.length;
  assert.ok(published.length > 0 && withheld > 0);

  const { context, page } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=relief`);
  const button = page.getByRole('button', { name: /下载汇总 CSV/ });
  await button.waitFor();
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const rows = parseCsv(fs.readFileSync(await dl.path(), 'utf8')).filter((r) => r.some((c) => c !== ''));
  const [head, ...body] = rows;
  const people = head.indexOf('人数');
  assert.ok(people >= 0, `a 人数 column: ${head.join(',')}`);
  // Exactly the published cells, none of the withheld ones, each of 0 or at least 5 people.
  assert.equal(body.length, published.length, 'one row per published cell');
  for (const r of body) {
    assert.match(r[people], /^\d+$/, `a number of people: ${r.join(',')}`);
    const n = Number(r[people]);
    assert.ok(n === 0 || n >= 5, `a small cell in the CSV: ${r.join(',')}`);
  }
  const csvTotal = body.reduce((a, r) => a + Number(r[people]), 0);
  assert.equal(csvTotal, published.reduce((a, x) => a + x.people, 0));
  await context.close();

  // summary.json (the overview's 救助 total): each programme-year adds only the published cells,
  // so a total minus the published cells is 0, never a small cell.
  const summary = JSON.parse(fs.readFileSync('dist/data/summary.json', 'utf8'));
  for (const y of summary.relief_by_programme_year) {
    const cells = relief.aggregates.filter((a) => a.programme === y.programme && a.year === y.year);
    const shown = cells.filter((a) => a.people !== null);
    assert.equal(y.aggregate_people, shown.reduce((a, x) => a + x.people, 0), `${y.programme} ${y.year} people`);
    assert.equal(y.aggregate_amount_fen, shown.reduce((a, x) => a + x.amount_fen, 0), `${y.programme} ${y.year} amount`);
    assert.equal(y.suppressed_cells, cells.length - shown.length, `${y.programme} ${y.year} withheld cells`);
  }
});

test('the data page in English shows each dataset by its English title', async () => {
  const { context, page } = await phonePage(env.browser);
  const manifest = await (await page.request.get(`${env.url}data/manifest.json`)).json();
  await gotoApp(page, `${env.url}?page=data&lang=en`);
  await page.locator('.dataset h3, article h3').first().waitFor();
  const titles = await page.locator('main h3').allInnerTexts();
  for (const d of manifest.datasets) {
    assert.ok(d.title_en, `${d.id} has an English title in the manifest`);
    assert.ok(titles.some((t) => t.startsWith(d.title_en)), `${d.title_en} in ${JSON.stringify(titles)}`);
  }
  assert.ok(!titles.some((t) => /[\u4e00-\u9fff]/.test(t)), `no Chinese title: ${JSON.stringify(titles)}`);
  await context.close();
});
