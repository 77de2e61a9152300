// The prerendered first views (scripts/prerender.mjs, src/prerender.rs): every page's plain link
// paints from static HTML alone (the overview's in index.html, the others fetched from first/),
// downloads no app code until the visitor interacts, and the app then takes over without a
// layout shift, replaying a tap on a button and what was typed; any other URL never shows one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { setup, phonePage, dropChecksums, PREFIX } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

async function watched(page) {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__shifts.push(e.value))).observe({ type: 'layout-shift', buffered: true });
  });
  return requests;
}

const booted = (page) => page.evaluate(() => performance.getEntriesByName('gongshi:main').length > 0);

test('the overview paints from the HTML alone; the app code waits for an interaction', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  const requests = await watched(page);
  await page.goto(env.url);
  await page.locator('#prerender .card').first().waitFor();
  await page.locator('#prerender .chart img').first().waitFor();
  // The loader has checked the manifest (fetched, hashed, compared) and found it unchanged.
  await page.waitForFunction(() => performance.getEntriesByName('gongshi:view-current').length > 0, null, { timeout: 10000 });
  assert.equal(await booted(page), false, 'no interaction, unchanged data: the app has not started');
  assert.ok(!requests.some((p) => p.endsWith('.wasm')), `no wasm downloaded: ${requests.join(' ')}`);
  assert.ok(!requests.some((p) => /rectification\.json|figures\.json/.test(p)), 'the view needs no data request');
  // The static links work at this sub-path (relative), and need no script.
  const hrefs = await page.locator('#prerender nav a').evaluateAll((as) => as.map((a) => a.href));
  assert.ok(hrefs.length >= 6 && hrefs.every((h) => h.includes(PREFIX)), hrefs.join(' '));

  // A tap on the chart's PNG button starts the app, which takes over and does what was asked.
  const download = page.waitForEvent('download', { timeout: 30000 });
  const box = await page.locator('#prerender button', { hasText: 'PNG' }).first().boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.match((await download).suggestedFilename(), /\.png$/);
  await page.waitForFunction(() => !document.getElementById('prerender') && document.getElementById('app'));
  assert.ok(requests.some((p) => p.endsWith('.wasm')));
  const after = await page.evaluate(() => ({ shifts: window.__shifts, h1: document.querySelectorAll('header h1').length }));
  assert.deepEqual(after, { shifts: [], h1: 1 }, 'no layout shift; never two copies of the page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('when the data changed since the view was made, the app starts at once and shows the new data', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await dropChecksums(page); // the manifest served differs from the one the view was made from
  await page.goto(env.url);
  await page.waitForFunction(() => performance.getEntriesByName('gongshi:app:shown').length > 0, null, { timeout: 30000 });
  assert.equal(await page.locator('#prerender').count(), 0);
  await page.locator('#app .card').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

// Every page's plain link (page, lang: nothing else) gets its own static view on a phone.
const VIEWS = [
  ['?page=rectification', '.problem', 21, '巡察整改'],
  ['?page=donations', 'table.data-table tbody tr', 10, '捐赠款物'],
  ['?page=relief', 'table.data-table tbody tr', 10, '救助'],
  ['?page=coverage', '.col-county', 3, '覆盖'],
  ['?page=data', '.dataset.card', 5, '数据下载'],
  ['?lang=en', '.card', 3, 'Inspection'],
  ['?page=donations&lang=en', 'table.data-table tbody tr', 10, 'Donated money and goods'],
];

test('every page by its own link paints its own static view, with no app code and no data request', async () => {
  const { organisation } = JSON.parse(fs.readFileSync('dist/data/manifest.json', 'utf8'));
  const titles = new Set();
  for (const [q, sel, atLeast, heading] of VIEWS) {
    const { context, page, errors } = await phonePage(env.browser);
    const requests = await watched(page);
    await page.goto(env.url + q);
    await page.locator(`#prerender ${sel}`).first().waitFor({ timeout: 10000 });
    // The loader has checked the manifest and found it unchanged: it waits for an interaction.
    await page.waitForFunction(() => performance.getEntriesByName('gongshi:view-current').length > 0, null, { timeout: 10000 });
    const seen = await page.evaluate(([sel]) => ({
      n: document.querySelectorAll(`#prerender ${sel}`).length,
      h: [...document.querySelectorAll('#prerender main h2')].map((h) => h.textContent).join(' | '),
      boot: getComputedStyle(document.getElementById('boot')).display,
      lang: document.documentElement.lang,
      waiting: document.documentElement.classList.contains('prerender-wait'),
      eager: [...document.querySelectorAll('#prerender figure.chart img')].filter((i) => i.loading !== 'lazy').length,
    }), [sel]);
    assert.ok(seen.n >= atLeast, `${q}: ${seen.n} × ${sel}`);
    assert.ok(seen.h.includes(heading), `${q}: the page's own view (headings: ${seen.h})`);
    assert.equal(seen.boot, 'none', `${q}: the boot message is gone`);
    assert.equal(seen.waiting, false);
    // A chart is an SVG image, parsed on the main thread when it loads: none before the reader
    // scrolls near it (on the donations view, five charts were the longest task on a phone).
    assert.equal(seen.eager, 0, `${q}: chart images load lazily`);
    assert.equal(seen.lang, q.includes('lang=en') ? 'en' : 'zh-CN', q);
    assert.equal(await booted(page), false, `${q}: the app has not started`);
    assert.ok(!requests.some((p) => p.endsWith('.wasm')), `${q}: no wasm downloaded`);
    // The organisation's logo (an image in the data folder) is part of the view; no dataset is.
    assert.ok(!requests.some((p) => /data\/(?!manifest)[^/]+\.(json|pack)$/.test(p)), `${q}: no data file requested: ${requests.join(' ')}`);
    const hrefs = await page.locator('#prerender nav a').evaluateAll((as) => as.map((a) => a.href));
    assert.ok(hrefs.length >= 6 && hrefs.every((h) => h.includes(PREFIX)), `${q}: relative links: ${hrefs.join(' ')}`);
    // Its own title, naming the organisation the data names (nothing of it is built in).
    const title = await page.title();
    assert.ok(title.includes(q.includes('lang=en') ? organisation.name_en : organisation.name), `${q}: title ${title}`);
    titles.add(title);
    assert.deepEqual(errors, [], q);
    await context.close();
  }
  assert.equal(titles.size, VIEWS.length, `one title per view: ${[...titles].join(' | ')}`);
});

test('the site is titled by the data: index.html by its organisation, and the app by a new name in the manifest', async () => {
  const { organisation } = JSON.parse(fs.readFileSync('dist/data/manifest.json', 'utf8'));
  const built = fs.readFileSync('dist/index.html', 'utf8');
  assert.match(built, new RegExp(`<title>公示 · ${organisation.name}信息公开</title>`));
  assert.match(built, new RegExp(`<meta name="description" content="${organisation.name}信息公开：`));
  assert.doesNotMatch(fs.readFileSync('index.html', 'utf8'), new RegExp(organisation.name), 'the source index.html names no organisation');
  const { context, page } = await phonePage(env.browser);
  await page.route('**/data/manifest.json', async (route) => {
    const resp = await route.fetch();
    const m = await resp.json();
    m.organisation.name = '某县红十字会';
    await route.fulfill({ response: resp, body: JSON.stringify(m) });
  });
  await page.goto(env.url + '?page=donations');
  await page.waitForFunction(() => document.title === '捐赠 · 某县红十字会信息公开', null, { timeout: 30000 });
  assert.match(await page.locator('header.site h1').innerText(), /某县红十字会/);
  await context.close();
});

test('a search typed into the static ledger is carried into the app, with the focus', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  const requests = await watched(page);
  await page.goto(env.url + '?page=donations');
  const box = page.locator('#prerender input[type=search]').first();
  await box.waitFor();
  await box.focus(); // starts the app
  await page.keyboard.type('张先生');
  await page.waitForFunction(() => !document.getElementById('prerender') && document.querySelector('#app input[type=search]'), null, { timeout: 30000 });
  assert.ok(requests.some((p) => p.endsWith('.wasm')));
  const after = await page.evaluate(() => ({ q: document.querySelector('#app input[type=search]').value, focused: document.activeElement === document.querySelector('#app input[type=search]'), shifts: window.__shifts }));
  assert.deepEqual(after, { q: '张先生', focused: true, shifts: [] });
  // And the app searched for it: the address and every row shown.
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '张先生', null, { timeout: 10000 });
  const rows = await page.locator('#app table.data-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent));
  assert.ok(rows.length > 0 && rows.every((t) => t.includes('张先生')), rows.slice(0, 3).join(' / '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the data page\'s citations carry the address the site is deployed at, not the build\'s', async () => {
  const { context, page } = await phonePage(env.browser);
  await page.goto(env.url + '?page=data');
  await page.locator('#prerender textarea').first().waitFor();
  const cites = await page.locator('#prerender textarea').evaluateAll((ts) => ts.map((t) => t.value));
  assert.ok(cites.length >= 5);
  for (const c of cites) assert.ok(c.includes(env.url) && !c.includes('{{'), c);
  await context.close();
});

test('a static view says nothing that goes stale with the date: the data page\'s badges say "overdue", the app says by how many days', async () => {
  // The views are made by `make dist`; "overdue by 977 days" in one would be wrong the next day
  // (and a re-run of scripts/prerender.mjs on another day would write a different file).
  for (const lang of ['zh', 'en']) {
    const html = fs.readFileSync(`dist/first/data.${lang}.html`, 'utf8');
    assert.ok(!/data-today|逾期 \d|还有 \d|\d+ days (overdue|left)|by \d+ days/.test(html), `data.${lang}: a day count in the static view`);
  }
  const { context, page, errors } = await phonePage(env.browser);
  await page.goto(env.url + '?page=data');
  await page.locator('#prerender .badge.overdue').first().waitFor();
  const before = await page.locator('#prerender .badge.overdue').allTextContents();
  assert.ok(before.length >= 1 && before.every((t) => t === '已逾期'), before.join(' | '));
  await page.locator('#prerender textarea').first().focus(); // starts the app
  await page.waitForFunction(() => !document.getElementById('prerender') && document.querySelector('#app .badge.overdue'), null, { timeout: 30000 });
  const now = await page.locator('#app .badge.overdue').allTextContents();
  assert.equal(now.length, before.length);
  assert.ok(now.every((t) => /^已逾期 \d+ 天$/.test(t)), now.join(' | '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page whose static view cannot be fetched starts the app at once', async () => {
  // Failing before the app's loader has run (it then starts at once), and after it has begun
  // to wait for an interaction (the failure must wake it).
  for (const late of [false, true]) {
    const { context, page, errors } = await phonePage(env.browser);
    await page.route('**/first/*.html', async (r) => {
      if (late) await page.waitForFunction(() => typeof window.gongshiStart === 'function', null, { timeout: 20000 });
      await r.fulfill({ status: 404, body: 'gone' });
    });
    await page.goto(env.url + '?page=rectification');
    // No interaction: only the failed fetch can have started it.
    await page.locator('#app .problem').first().waitFor({ timeout: 30000 });
    assert.equal(await page.locator('#prerender').count(), 0);
    assert.equal(await page.locator('#boot').isVisible(), false);
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|404/.test(e)), []);
    await context.close();
  }
});

test('other views get no static view and start the app at once', async () => {
  for (const [q, sel] of [['?page=donations&q=%E5%BC%A0', 'table.data-table'], ['?page=rectification&text=large', '.problem'], ['?embed=chart&chart=rect-progress', '.chart img']]) {
    const { context, page, errors } = await phonePage(env.browser);
    const requests = await watched(page);
    await page.goto(env.url + q);
    await page.locator(`#app ${sel}`).first().waitFor({ timeout: 30000 });
    assert.equal(await page.locator('#prerender').count(), 0, q);
    assert.ok(!requests.some((p) => p.includes('/first/')), `${q}: no static view fetched`);
    // And the app is what shows: its view visible, the boot message gone.
    assert.equal(await page.locator(`#app ${sel}`).first().isVisible(), true, q);
    assert.equal(await page.locator('#boot').isVisible(), false, q);
    assert.deepEqual(errors, [], q);
    await context.close();
  }
  // A wide screen (the static views' charts are drawn for phones) starts the app at once too.
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(env.url + '?page=relief');
  await page.locator('#app table.data-table').first().waitFor({ timeout: 30000 });
  assert.equal(await page.locator('#prerender').count(), 0);
  await context.close();
});

test('the static view never leaves the visitor stuck: with the data hanging, the app replaces it after 8 s', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  // Every data file but the manifest never answers (the organisation's logo, an image, does).
  await page.route(/\/data\/(?!manifest\.json)[^/]+\.(json|pack)$/, () => {});
  await page.goto(env.url);
  await page.locator('#prerender .card').first().waitFor();
  await page.keyboard.press('Tab'); // an interaction starts the app
  await page.waitForFunction(() => performance.getEntriesByName('gongshi:main').length > 0, null, { timeout: 30000 });
  assert.equal(await page.locator('#prerender').count(), 1, 'the data is not in: the static view stays for now');
  await page.waitForFunction(() => !document.getElementById('prerender') && document.getElementById('app'), null, { timeout: 20000 });
  const waited = await page.evaluate(() => performance.getEntriesByName('gongshi:app:shown')[0].startTime - performance.getEntriesByName('gongshi:main')[0].startTime);
  assert.ok(waited > 6000 && waited < 12000, `revealed after ${Math.round(waited)} ms`);
  assert.deepEqual(errors, []);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
});

test('when the loader cannot check the manifest, the app starts at once', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  let n = 0;
  await page.route('**/data/manifest.json', (route) => (n++ === 0 ? route.abort('failed') : route.continue()));
  await page.goto(env.url);
  // No interaction: only the failed check can have started it.
  await page.waitForFunction(() => performance.getEntriesByName('gongshi:main').length > 0, null, { timeout: 30000 });
  await page.waitForFunction(() => !document.getElementById('prerender'), null, { timeout: 30000 });
  await page.locator('#app .card').first().waitFor();
  assert.ok(n >= 2, 'the app fetched the manifest itself after the loader\'s attempt failed');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e)), []);
  await context.close();
});

test('after the data changes, running scripts/prerender.mjs again refreshes the precompressed copies of what it rewrote', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshi-prerender-gz-'));
  fs.cpSync('dist', dir, { recursive: true });
  const mf = path.join(dir, 'data', 'manifest.json');
  const m = JSON.parse(fs.readFileSync(mf, 'utf8'));
  m.organisation.name = '某县红十字会';
  fs.writeFileSync(mf, JSON.stringify(m, null, 2) + '\n');
  execFileSync(process.execPath, ['scripts/prerender.mjs', dir], { stdio: 'pipe', timeout: 120000 });
  const files = ['index.html', 'sw.js', ...fs.readdirSync(path.join(dir, 'first')).filter((f) => f.endsWith('.html')).map((f) => `first/${f}`)];
  assert.ok(fs.readFileSync(path.join(dir, 'index.html'), 'utf8').includes('某县红十字会'));
  for (const f of files) {
    const raw = fs.readFileSync(path.join(dir, f));
    for (const [suffix, inflate] of [['.gz', zlib.gunzipSync], ['.br', zlib.brotliDecompressSync]]) {
      const copy = path.join(dir, f + suffix);
      if (fs.existsSync(path.join('dist', f + suffix))) assert.ok(fs.existsSync(copy), `${f}${suffix} kept`);
      if (fs.existsSync(copy)) assert.ok(inflate(fs.readFileSync(copy)).equals(raw), `${f}${suffix} is the new ${f}`);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('running scripts/prerender.mjs again on the same index.html gives the same file, not a doubled one', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshi-prerender-'));
  fs.cpSync('dist', dir, { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });
  const built = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const run = () => {
    execFileSync(process.execPath, ['scripts/prerender.mjs', dir], { stdio: 'pipe', timeout: 120000 });
    return fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  };
  const once = run();
  const twice = run();
  const count = (html, s) => html.split(s).length - 1;
  for (const html of [once, twice]) {
    assert.equal(count(html, '<div id="prerender">'), 1, 'one static view');
    assert.equal(count(html, '<meta name="gongshi-prerender"'), 1, 'one manifest hash');
    assert.equal(count(html, 'ev.forEach(t=>addEventListener(t,start'), 1, 'one loader preamble');
  }
  const views = (d) => fs.readdirSync(path.join(d, 'first')).filter((f) => f.endsWith('.html')).sort();
  assert.equal(views(dir).length, 11, 'every other page and language: ' + views(dir).join(' '));
  assert.deepEqual(views(dir), views('dist'));
  for (const f of views(dir)) assert.equal(fs.readFileSync(path.join(dir, 'first', f), 'utf8'), fs.readFileSync(path.join('dist', 'first', f), 'utf8'), f);
  assert.equal(twice, once, 'a second run changes nothing');
  assert.equal(once, built, 'and re-running on `make dist`\'s output changes nothing either');
  fs.rmSync(dir, { recursive: true, force: true });
});
