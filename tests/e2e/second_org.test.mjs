// Another organisation, by data alone (issue 19): a county society made with `gongshi init`
// (its own townships as divisions, its own programmes, one of them aggregate-only), a few
// records imported from office-style sheets (tests/e2e/fixtures/second-org), the summary and
// manifest written by the CLI, the first views prerendered again, and the same dist/ served.
// Every page, in both languages, static view and app: its name in the header and the title, its
// divisions in the facets and charts, its validators' messages, nothing of Xianning anywhere,
// in the pages or the downloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, phonePage, startApp, horizontalOverflow, PREFIX } from './helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { PAGES } from '../../scripts/prerender.mjs';

const ORG = '英山县红十字会';
const ORG_EN = 'Yingshan County Red Cross';
const DIVISIONS = ['温泉镇', '南河镇', '红山镇'];
const FIXTURES = 'tests/e2e/fixtures/second-org';
const CONTACT = '办公地址：英山县某某路 1 号　电话：0713-0000000';
const ACCENT = '#1d4e89';
const SITE_TITLE = '英山县红十字会公开平台';
const SHORT = '英山红会';
// What must never appear: the shipped organisation, its city, its counties and its programmes,
// read from the shipped data (not written here).
const shipped = JSON.parse(fs.readFileSync('public/data/manifest.json', 'utf8')).organisation;
const FOREIGN = [
  shipped.name, shipped.name_en, '咸宁', 'Xianning',
  ...shipped.divisions.map((d) => d.name),
  ...shipped.programmes.filter((p) => p.key !== 'other').map((p) => p.name.split('（')[0]),
];

let env;
let site;
let server;
let base;
const gongshi = (...args) => execFileSync('cargo', ['run', '-q', '-p', 'gongshi-cli', '--', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(async () => {
  env = await setup();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshi-org2-'));
  const data = path.join(dir, 'data');
  gongshi('init', data, '--name', ORG, '--name-en', ORG_EN, '--divisions', DIVISIONS.join('，'), '--programmes', 'winter_aid=冬季送温暖,sick_children=大病儿童救助*', '--today', '2026-12-01');
  // What the README tells an editor to add by hand: a contact line, a logo, an accent colour.
  const mf = path.join(data, 'manifest.json');
  const m = JSON.parse(fs.readFileSync(mf, 'utf8'));
  Object.assign(m.organisation, { contact: CONTACT, logo: 'mark.svg', accent: ACCENT, site_title: SITE_TITLE, short_name: SHORT });
  fs.writeFileSync(mf, JSON.stringify(m, null, 2) + '\n');
  fs.writeFileSync(path.join(data, 'mark.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#1d4e89"/></svg>\n');
  gongshi('import', `${FIXTURES}/relief.csv`, '--dataset', 'relief', '--map', `${FIXTURES}/relief-map.json`, '--out', path.join(data, 'relief.json'));
  gongshi('import', `${FIXTURES}/donations.csv`, '--dataset', 'donations', '--out', path.join(data, 'donations.json'));
  gongshi('build-summary', data);
  gongshi('manifest', data);
  assert.match(gongshi('check', data, '--today', '2026-12-01'), /check: 0 errors, 0 warnings/);
  site = path.join(dir, 'site');
  fs.cpSync('dist', site, { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });
  fs.rmSync(path.join(site, 'data'), { recursive: true });
  fs.cpSync(data, path.join(site, 'data'), { recursive: true });
  // As the README tells a deployer who replaced the data.
  execFileSync(process.execPath, ['scripts/prerender.mjs', site], { stdio: 'pipe', timeout: 170000 });
  ({ server, url: base } = await startServer({ dir: site, port: 0, prefix: PREFIX, headers: env.headers }));
});
after(async () => {
  await env?.browser.close();
  env?.server.close();
  server?.close();
  if (site) fs.rmSync(path.dirname(site), { recursive: true, force: true });
});

const foreignIn = (text) => FOREIGN.filter((w) => w && text.includes(w));

test('the static first views name the organisation and nothing of Xianning', () => {
  const files = [path.join(site, 'index.html'), ...fs.readdirSync(path.join(site, 'first')).map((f) => path.join(site, 'first', f))];
  assert.ok(files.length >= 12, `${files.length} views`);
  for (const f of files) {
    const html = fs.readFileSync(f, 'utf8');
    assert.deepEqual(foreignIn(html), [], `${path.basename(f)} names the other organisation`);
    assert.ok(html.includes(ORG) || html.includes(ORG_EN), `${path.basename(f)} names ${ORG}`);
  }
});

for (const lang of ['zh', 'en']) {
  test(`every page in ${lang}, static view then app: the organisation's name in the header and the title, nothing of Xianning, no sideways scrolling`, async () => {
    const { context, page, errors } = await phonePage(env.browser);
    for (const p of PAGES) {
      await page.goto(`${base}?page=${p}${lang === 'en' ? '&lang=en' : ''}`);
      await page.locator('header h1').first().waitFor();
      // All the text, what is folded away (the filters, a row's details) included.
      const before = await page.evaluate(() => document.body.textContent);
      assert.deepEqual(foreignIn(before), [], `${p} (static view)`);
      await startApp(page);
      await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 20000 });
      const text = await page.evaluate(() => document.body.textContent);
      assert.deepEqual(foreignIn(text), [], `${p}`);
      assert.ok((await page.locator('header h1').innerText()).includes(lang === 'zh' ? ORG : ORG_EN), `${p}: header`);
      assert.ok((await page.title()).includes(lang === 'zh' ? SITE_TITLE : `${ORG_EN} · Public disclosure`), `${p}: title ${await page.title()}`);
      assert.equal(await horizontalOverflow(page), 0, `${p}: sideways scrolling`);
      assert.equal(await page.locator('.data-error').count(), 0, `${p}: a data error`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('relief: its divisions in the facets and the chart, its programme, the names masked; the downloads hold nothing of Xianning', async () => {
  const { context, page } = await phonePage(env.browser);
  await page.goto(`${base}?page=relief`);
  await startApp(page);
  await page.locator('.data-table tbody tr').first().waitFor();
  // Townships are headed as townships: the column, the facet, the chart and the search hint.
  const facet = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: '乡镇（街道）' }) });
  assert.deepEqual((await facet.locator('.facet-label').allTextContents()).map((s) => s.trim()), DIVISIONS, 'the divisions, in the organisation\'s order');
  const body = await page.locator('.data-table tbody').innerText();
  assert.ok(body.includes('冬季送温暖'), 'its own programme');
  for (const name of ['张三', '李四', '王五', '赵六']) assert.ok(!body.includes(name), `${name} unmasked`);
  assert.ok(body.includes('张某') && body.includes('赵某'));
  const save = async (locator) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), locator.click()]);
    return fs.readFileSync(await dl.path(), 'utf8');
  };
  const main = await page.locator('main').innerText();
  assert.ok(!main.includes('县（市、区）'), 'no county heading on a township society\'s page');
  assert.ok((await page.locator('.data-table thead').innerText()).includes('乡镇（街道）'), 'the column heading');
  const csv = await save(page.getByRole('button', { name: /^下载 CSV/ }));
  assert.deepEqual(foreignIn(csv), []);
  assert.ok(csv.split('\n')[0].includes('乡镇（街道）') && !csv.includes('县（市、区）'), csv.split('\n')[0]);
  for (const d of DIVISIONS) assert.ok(csv.includes(d), `${d} in the CSV`);
  const tools = page.locator('figure.chart[data-chart-id="relief-county"] .chart-tools');
  const svg = await save(tools.locator('a', { hasText: 'SVG' }));
  assert.deepEqual(foreignIn(svg), [], 'the chart SVG');
  assert.ok(svg.includes(ORG), 'the chart names its publisher');
  assert.ok(svg.includes('各乡镇（街道）救助金额') && !svg.includes('县（市、区）'), 'the chart\'s title names townships');
  const texts = [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').trim());
  assert.deepEqual(texts.filter((x) => DIVISIONS.includes(x)), DIVISIONS, `one bar per division, in order: ${texts.join(' | ')}`);
  const chartCsv = await save(tools.getByRole('button', { name: '数据' }));
  assert.deepEqual(chartCsv.trim().split('\n').slice(1, 4).map((l) => l.split(',')[0]), DIVISIONS, chartCsv);
  await context.close();
});

test('a relief record naming a division the organisation does not list is refused with its list; other records still show', async () => {
  const { context, page } = await phonePage(env.browser);
  await page.route('**/data/manifest.json', async (route) => {
    const resp = await route.fetch();
    const m = await resp.json();
    for (const d of m.datasets) { delete d.sha256; delete d.bytes; }
    await route.fulfill({ response: resp, body: JSON.stringify(m) });
  });
  await page.route('**/data/relief.json', async (route) => {
    const resp = await route.fetch();
    const doc = await resp.json();
    doc.records.push({ ...doc.records[0], id: 'R-X1', county: shipped.divisions[0].name });
    await route.fulfill({ response: resp, body: JSON.stringify(doc) });
  });
  await page.goto(`${base}?page=relief`);
  await startApp(page);
  const notice = page.locator('.validation');
  await notice.first().waitFor({ timeout: 20000 });
  const text = await page.locator('main').innerText();
  assert.ok(text.includes(`“${shipped.divisions[0].name}”不在本会公布的行政区划之中（${DIVISIONS.join('、')}）`), text.slice(0, 2000));
  assert.equal(await page.locator('.data-table tbody tr').count(), 4, 'the four good records');
  await context.close();
});

test('a year the data does not cover to its end is not judged against the annual cost cap', async () => {
  const { context, page } = await phonePage(env.browser);
  await page.goto(`${base}?page=donations`);
  await startApp(page);
  const row = page.locator('table.years tbody tr', { hasText: '2026' });
  await row.waitFor({ state: 'attached' });
  // Published 2026-12-01: the year is not over.
  assert.match(await row.textContent(), /年度未完（数据截至2026年12月1日）/);
  assert.equal(await row.locator('td.flag').count(), 0);
  await context.close();
});

test('its logo, contact line and accent colour (the static first view in its colour too)', async () => {
  const { context, page } = await phonePage(env.browser);
  await page.goto(`${base}?page=overview`);
  await page.locator('#prerender header h1').waitFor();
  const redBefore = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--red').trim());
  assert.equal(redBefore, ACCENT, 'the static view, before the app starts');
  await startApp(page);
  const logo = page.locator('header img.logo');
  await logo.waitFor();
  assert.match(await logo.getAttribute('src'), /^data\/mark\.svg$/);
  assert.ok(await logo.evaluate((img) => img.complete && img.naturalWidth > 0), 'the logo loads');
  assert.equal(await page.locator('footer .contact').innerText(), CONTACT);
  const red = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--red').trim());
  assert.equal(red, ACCENT);
  await context.close();
});

test('on the narrowest phones the header shows the short name; the full name stays for screen readers', async () => {
  const { context, page } = await phonePage(env.browser);
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`${base}?page=overview`);
  await startApp(page);
  const h1 = page.locator('header h1');
  await h1.waitFor();
  const width = (sel) => h1.locator(sel).evaluate((e) => e.getBoundingClientRect().width);
  assert.ok(await h1.locator('.org-short').isVisible(), 'the short name shows');
  assert.equal(await h1.locator('.org-short').textContent(), SHORT);
  assert.ok((await width('.org-full')) <= 1, 'the full name takes no room');
  assert.ok((await h1.locator('.org-full').textContent()).includes(ORG), 'and is still there for screen readers');
  assert.equal(await horizontalOverflow(page), 0);
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(!(await h1.locator('.org-short').isVisible()), 'wider: the full name');
  assert.ok((await width('.org-full')) > 50);
  await context.close();
});

test('what the organisation does not publish: no tab, and its page says so when a link opens it', async () => {
  const { context, page } = await phonePage(env.browser);
  await page.goto(`${base}?page=donations`);
  await startApp(page);
  const tabs = await page.locator('nav a.tab').allInnerTexts();
  assert.ok(!tabs.includes('整改'), `tabs: ${tabs}`);
  await page.goto(`${base}?page=rectification`);
  await startApp(page);
  await page.locator('.notice.unpublished').waitFor();
  assert.match(await page.locator('main').innerText(), /尚未在这里发布/);
  // The overview leaves the report's sections out, and says the accounts are empty of nothing.
  await page.goto(`${base}?page=overview`);
  await startApp(page);
  await page.locator('.accounts').waitFor();
  assert.equal(await page.locator('#ov-rect, #ov-fig').count(), 0);
  assert.equal(await page.locator('.notice.unpublished').count(), 0);
  await context.close();
});

test('a folder with no release yet (as gongshi init makes it): no alarm about the history, and the history page says nothing is published', async () => {
  const { context, page } = await phonePage(env.browser);
  await page.goto(`${base}?page=donations`);
  await startApp(page);
  await page.waitForFunction(() => performance.getEntriesByName('gongshi:history-checked').length > 0, null, { timeout: 20000 });
  assert.equal(await page.locator('.history-alarm').count(), 0, await page.locator('.history-alarm').allInnerTexts().then((t) => t.join(' | ')));
  await page.goto(`${base}?page=history`);
  await startApp(page);
  await page.locator('section.history .notice').waitFor();
  assert.equal(await page.locator('.history-alarm').count(), 0);
  await context.close();
});
