// The prerendered first view (scripts/prerender.mjs, src/prerender.rs): the overview paints from
// the HTML alone, downloads no app code until the visitor interacts, and the app then takes
// over without a layout shift, replaying a tap on a button; any other URL never shows it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
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
  const manifest = page.waitForResponse((r) => r.url().endsWith('/data/manifest.json'));
  await page.goto(env.url);
  await page.locator('#prerender .card').first().waitFor();
  await page.locator('#prerender .chart img').first().waitFor();
  // The loader has checked the manifest (fetched, hashed, compared) and found it unchanged.
  await (await manifest).finished();
  await page.evaluate(async () => { await crypto.subtle.digest('SHA-256', new Uint8Array(1)); await new Promise((r) => requestAnimationFrame(() => setTimeout(r))); });
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

test('other views never show the static overview', async () => {
  for (const [q, sel] of [['?page=donations', 'table.data-table'], ['?lang=en', '.card'], ['?embed=chart&chart=rect-progress', '.chart img']]) {
    const { context, page } = await phonePage(env.browser);
    await page.goto(env.url + q);
    await page.locator(`#app ${sel}`).first().waitFor({ timeout: 30000 });
    assert.equal(await page.locator('#prerender').count(), 0, q);
    // And the app is what shows: its view visible, the boot message gone.
    assert.equal(await page.locator(`#app ${sel}`).first().isVisible(), true, q);
    assert.equal(await page.locator('#boot').isVisible(), false, q);
    await context.close();
  }
  // A wide screen (the static view's charts are drawn for phones) starts the app at once too.
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.locator('#app .card').first().waitFor({ timeout: 30000 });
  assert.equal(await page.locator('#prerender').count(), 0);
  await context.close();
});

test('the static view never leaves the visitor stuck: with the data hanging, the app replaces it after 8 s', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  // Every data file but the manifest never answers.
  await page.route(/\/data\/(?!manifest\.json)[^/]+$/, () => {});
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
  assert.equal(twice, once, 'a second run changes nothing');
  assert.equal(once, built, 'and re-running on `make dist`\'s output changes nothing either');
  fs.rmSync(dir, { recursive: true, force: true });
});
