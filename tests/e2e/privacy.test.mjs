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

// ---------------------------------------------------------------------------------------------
// Every download of the relief page, and every total of relief people or money, worked out by
// hand from relief.json (and figures.json for the report's own chart): no withheld aggregate
// cell appears in any of them, and no total adds anything but published cells, so that no
// total less the published cells gives a withheld one away.

const COUNTIES = ['咸安区', '嘉鱼县', '通城县', '崇阳县', '通山县', '赤壁市'];
/** The aggregate-only programmes, as their names begin on the page and in its files. */
const AGG_NAME = { little_angel: '小天使基金', angel_sunshine: '天使阳光基金' };
const WHOLE_AREA = '全市';
const yearOf = (r) => Number(String(r.date).slice(0, 4));
/** "723000.00" (元, two decimals, maybe with thousands commas) → fen. */
const fenOf = (s) => Math.round(Number(String(s).replace(/,/g, '')) * 100);
const sum = (xs, f) => xs.reduce((a, x) => a + f(x), 0);
/** A chart's money label, "32.52万元（98 人次）" or "580元（1 人次）" → { fen, cases, tolerance }. */
function chartMoney(label) {
  const m = /^([\d,]+(?:\.(\d+))?)(万元|元)（(\d+) 人次）$/.exec(label.trim());
  assert.ok(m, `a money label: ${label}`);
  const scale = m[3] === '万元' ? 1_000_000 : 100;
  const decimals = (m[2] || '').length;
  return { fen: Number(m[1].replace(/,/g, '')) * scale, cases: Number(m[4]), tolerance: (scale / 10 ** decimals) / 2 + 1e-6 };
}
/** The text of every <text> of an SVG, entities decoded. */
const svgTexts = (svg) => [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)]
  .map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&').trim());

async function save(page, locator) {
  const [dl] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}
const csvBody = (bytes) => {
  const rows = parseCsv(bytes.toString('utf8')).filter((r) => r.some((c) => c !== ''));
  return { head: rows[0], body: rows.slice(1) };
};

test('relief.json: no line of cells has a published city total and exactly one withheld county cell (worked out here, not by the app)', () => {
  const relief = JSON.parse(fs.readFileSync('dist/data/relief.json', 'utf8'));
  const lines = new Map();
  for (const a of relief.aggregates) {
    const k = `${a.programme}|${a.year}`;
    if (!lines.has(k)) lines.set(k, { total: null, withheld: 0, published: [] });
    const l = lines.get(k);
    if (a.county === WHOLE_AREA) l.total = a.people;
    else if (a.people === null) l.withheld += 1;
    else l.published.push(a);
  }
  for (const [k, l] of lines) {
    if (l.total === null) continue;
    assert.notEqual(l.withheld, 1, `${k}: ${l.total} less the published cells gives the withheld one away`);
    // Two or more withheld: only their sum is known, and it is no small cell either.
    if (l.withheld > 1) {
      const rest = l.total - sum(l.published, (a) => a.people);
      assert.ok(rest === 0 || rest >= 5, `${k}: the withheld cells add to ${rest}`);
    }
  }
});

test('a relief.json whose city total gives a withheld cell away is refused by the page', async () => {
  // 2020, little_angel: published cells and withheld ones; a city total that leaves exactly one
  // withheld cell to be worked out (total = published + 3 for the one withheld).
  const { context, page } = await reliefWith((doc) => {
    const line = doc.aggregates.filter((a) => a.programme === 'little_angel' && a.year === 2020);
    const withheld = line.filter((a) => a.people === null);
    assert.ok(withheld.length >= 2, 'the shipped line has several withheld cells');
    // All but one of them published (as 0, so no small cell is written), plus the total.
    for (const a of withheld.slice(1)) { a.people = 0; a.amount_fen = 0; delete a.suppressed; }
    const shown = line.filter((a) => a.people !== null);
    doc.aggregates.push({ programme: 'little_angel', county: WHOLE_AREA, year: 2020, people: sum(shown, (a) => a.people) + 3, amount_fen: sum(shown, (a) => a.amount_fen) + 5_000_000, origin: 'sample' });
  });
  const err = page.locator('.data-error').first();
  await err.waitFor({ timeout: 20000 });
  const text = await err.innerText();
  assert.match(text, /aggregates\[\d+\]/);
  assert.match(text, /算出/);
  assert.equal(await page.locator('.aggregates').count(), 0, 'no aggregate is shown');
  await context.close();
});

const VIEWS_OF_RELIEF = [
  ['every record and cell', '', () => true],
  ['2021 in two counties', '&year=2021&county=%E5%98%89%E9%B1%BC%E5%8E%BF,%E9%80%9A%E5%9F%8E%E5%8E%BF', (year, county) => year === 2021 && (county === '嘉鱼县' || county === '通城县')],
];

for (const [what, query, keep] of VIEWS_OF_RELIEF) {
  test(`relief page, ${what}: every download (table, aggregates, each chart's CSV, SVG and PNG) holds only published aggregate cells`, async () => {
    const relief = JSON.parse(fs.readFileSync('dist/data/relief.json', 'utf8'));
    const figures = JSON.parse(fs.readFileSync('dist/data/figures.json', 'utf8'));
    const cells = relief.aggregates.filter((a) => keep(a.year, a.county));
    const published = cells.filter((a) => a.people !== null);
    const withheld = cells.filter((a) => a.people === null);
    const records = relief.records.filter((r) => keep(yearOf(r), r.county));
    assert.ok(published.length > 0 && withheld.length > 0 && records.length > 0, 'the view has published and withheld cells, and records');
    const key = (year, programme, county) => `${year}|${programme}|${county}`;

    const { context, page, errors } = await phonePage(env.browser);
    await gotoApp(page, `${env.url}?page=relief${query}`);
    await page.locator('.aggregates').waitFor();
    await page.locator('figure.chart[data-chart-id="relief-gap"]').waitFor();
    await page.locator('figure.chart[data-chart-id="relief-county"]').waitFor();

    // The downloads the page offers are the ones checked here: a new one fails this test until
    // it is checked too.
    const section = page.locator('section.relief');
    const charts = (await section.locator('figure.chart').evaluateAll((fs) => fs.map((f) => f.dataset.chartId))).sort();
    assert.deepEqual(charts, ['relief-county', 'relief-gap']);
    const offers = await section.locator('button, a[download], a[href^="data/"]').evaluateAll((bs) => bs
      .filter((b) => !b.closest('figure.chart') && /下载|CSV|download/i.test(b.textContent + (b.getAttribute('download') || '')))
      .map((b) => b.textContent.trim()));
    assert.equal(offers.length, 2, `the table's CSV and the aggregates' CSV, nothing else: ${offers.join(' | ')}`);

    // 1. The aggregates' CSV: exactly the published cells of the view, each with its own count
    //    and amount; no withheld cell, in any form.
    const agg = csvBody((await save(page, page.getByRole('button', { name: /下载汇总 CSV/ }))).bytes);
    const col = (name) => { const i = agg.head.indexOf(name); assert.ok(i >= 0, `${name} in ${agg.head.join(',')}`); return i; };
    const [cy, cp, cc, cn, ca] = ['年份', '救助项目', '县（市、区）', '人数', '金额（元）'].map(col);
    const programmeOf = (name) => Object.keys(AGG_NAME).find((p) => name.startsWith(AGG_NAME[p]));
    const got = new Map();
    for (const r of agg.body) {
      const p = programmeOf(r[cp]);
      assert.ok(p, `an aggregate programme: ${r.join(',')}`);
      const k = key(Number(r[cy]), p, r[cc]);
      assert.ok(!got.has(k), `one row per cell: ${k}`);
      got.set(k, { people: Number(r[cn]), fen: fenOf(r[ca]), raw: r });
    }
    for (const a of withheld) assert.ok(!got.has(key(a.year, a.programme, a.county)), `withheld cell ${key(a.year, a.programme, a.county)} in the CSV`);
    assert.equal(got.size, published.length, `${got.size} rows for ${published.length} published cells`);
    for (const a of published) {
      const r = got.get(key(a.year, a.programme, a.county));
      assert.ok(r, `published cell ${key(a.year, a.programme, a.county)} in the CSV`);
      assert.deepEqual([r.people, r.fen], [a.people, a.amount_fen], r.raw.join(','));
    }

    // 2. The records table's CSV: the view's records and nothing of the aggregate-only
    //    programmes; its money adds to the records' own.
    const table = csvBody((await save(page, page.getByRole('button', { name: /^下载 CSV/ }))).bytes);
    const [tid, tp, ta] = ['编号', '救助项目', '金额（元）'].map((n) => { const i = table.head.indexOf(n); assert.ok(i >= 0, n); return i; });
    assert.deepEqual(table.body.map((r) => r[tid]).sort(), records.map((r) => r.id).sort(), 'exactly the view\'s records');
    for (const r of table.body) assert.ok(!programmeOf(r[tp]), `an aggregate-only programme in the records CSV: ${r.join(',')}`);
    assert.equal(sum(table.body, (r) => (r[ta] === '' ? 0 : fenOf(r[ta]))), sum(records, (r) => r.amount_fen ?? 0), 'records CSV money = Σ records');

    // 3. The county chart: per county, the view's records only (count and money), in its CSV,
    //    its SVG and its PNG.
    const county = page.locator('figure.chart[data-chart-id="relief-county"] .chart-tools');
    const ccsv = csvBody((await save(page, county.getByRole('button', { name: '数据' }))).bytes).body;
    const bars = ccsv.filter((r) => COUNTIES.includes(r[0]));
    assert.deepEqual(bars.map((r) => r[0]), COUNTIES, `one row per county: ${ccsv.map((r) => r[0]).join(' ')}`);
    for (const [name, label] of bars) {
      const mine = records.filter((r) => r.county === name);
      const m = chartMoney(label);
      assert.equal(m.cases, mine.length, `${name}: cases`);
      assert.ok(Math.abs(m.fen - sum(mine, (r) => r.amount_fen ?? 0)) <= m.tolerance, `${name}: ${label} for ${sum(mine, (r) => r.amount_fen ?? 0)} fen`);
    }
    const csvRows = ccsv.length;
    assert.equal(csvRows, bars.length + 1, 'the counties and the source line, nothing else');
    const csvg = (await save(page, county.locator('a', { hasText: 'SVG' }))).bytes.toString('utf8');
    const ctexts = svgTexts(csvg);
    for (const [name, label] of bars) assert.ok(ctexts.includes(name) && ctexts.includes(label), `${name} ${label} in the SVG`);
    assert.ok(ctexts.some((x) => x.includes(`${records.length} 条救助记录`)), `the SVG counts the view's ${records.length} records`);
    for (const n of Object.values(AGG_NAME)) assert.ok(!csvg.includes(n), `${n} in the county chart`);
    const cpng = (await save(page, county.getByRole('button', { name: 'PNG' }))).bytes;
    assert.equal(cpng.subarray(1, 4).toString(), 'PNG', 'a PNG (drawn from the SVG checked above)');

    // 4. The report's chart (problem 5): the report's own published numbers, not the cells.
    const gap = page.locator('figure.chart[data-chart-id="relief-gap"] .chart-tools');
    const fig = (id) => { const v = figures.figures.find((f) => f.id === id).value; return typeof v === 'number' ? v : v.n; };
    const gcsv = csvBody((await save(page, gap.getByRole('button', { name: '数据' }))).bytes).body;
    assert.deepEqual(gcsv.slice(0, 2).map((r) => r.slice(1).map(Number)), [
      [fig('leukaemia-applied'), fig('leukaemia-recorded')],
      [fig('chd-applied'), fig('chd-recorded')],
    ]);
    assert.equal(gcsv.length, 3, 'two rows and the source line');
    const gsvg = (await save(page, gap.locator('a', { hasText: 'SVG' }))).bytes.toString('utf8');
    for (const n of Object.values(AGG_NAME)) assert.ok(!gsvg.includes(n), `${n} in the report's chart`);
    assert.equal((await save(page, gap.getByRole('button', { name: 'PNG' }))).bytes.subarray(1, 4).toString(), 'PNG');

    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the overview\'s relief total adds the records and the published cells only (worked out from relief.json)', async () => {
  const relief = JSON.parse(fs.readFileSync('dist/data/relief.json', 'utf8'));
  const published = relief.aggregates.filter((a) => a.people !== null && a.county !== WHOLE_AREA);
  const people = relief.records.length + sum(published, (a) => a.people);
  const fen = sum(relief.records, (r) => r.amount_fen ?? 0) + sum(published, (a) => a.amount_fen);
  const { context, page } = await phonePage(env.browser);
  await gotoApp(page, env.url);
  const card = page.locator('section.accounts li.card').filter({ hasText: '救助' });
  await card.first().waitFor();
  assert.equal(await card.count(), 1);
  const value = await card.locator('.card-value').innerText();
  assert.equal(Number(value.replace(/[^\d]/g, '')), people, `${value}: ${relief.records.length} records + the published cells' people`);
  const period = await card.locator('.card-period').innerText();
  const m = chartMoney(`${period.split('·')[0].trim()}（0 人次）`);
  assert.ok(Math.abs(m.fen - fen) <= m.tolerance, `${period}: ${fen} fen`);
  await context.close();
});
