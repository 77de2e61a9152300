// Print: the whole report / all filtered rows. Offline: after a first visit the app still opens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, phonePage, OUT, gotoApp, startApp, reloadApp } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

test('printing the rectification page shows all 21 problems with their measures, and no controls', async () => {
  const { context, page } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=rectification&q=手套`);
  await page.locator('li.problem').first().waitFor();
  // Printing is about the report: clear the search, then print.
  await gotoApp(page, `${env.url}?page=rectification`);
  await page.locator('li.problem').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction(() => document.querySelectorAll('.problem .measures').length === 21);
  assert.equal(await page.locator('.problem .finding').count(), 21);
  assert.equal(await page.locator('.problem .measures li').count(), 59, 'every measure of every problem');
  assert.equal(await page.locator('#rect-search').isVisible(), false);
  assert.equal(await page.locator('details.filters').isVisible(), false);
  await page.pdf?.({ path: `${OUT}rectification-print.pdf` }).catch(() => {});
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForFunction(() => document.querySelectorAll('.problem .measures').length === 0);
  await context.close();
});

test('printing a table prints all filtered rows, not one page', async () => {
  const { context, page } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=donations&year=2019`);
  await page.locator('table.data-table tbody tr').first().waitFor();
  const total = Number((await page.locator('.result-count').innerText()).match(/共 (\d+) 条/)[1]);
  assert.ok(total > 25);
  assert.equal(await page.locator('table.data-table tbody tr').count(), 20);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction((n) => document.querySelectorAll('table.data-table tbody tr').length === n, total);
  await context.close();
});

test('after one visit, the app and its data open offline', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(m.text())) errors.push(m.text()); });
  await gotoApp(page, `${env.url}?page=rectification`);
  await page.locator('li.problem').first().waitFor();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  // Reload once so the worker controls the page and caches what it loads (the static view, then
  // the app and its data).
  await reloadApp(page);
  await page.locator('li.problem').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The worker has kept what the page needs offline (its copies are written after answering).
  await page.waitForFunction(() => window.__cached === true || (caches.keys().then(async (ks) => {
    const want = ['data/manifest.json', 'data/rectification.json', 'data/figures.json', 'first/rectification.zh.html'];
    const urls = [];
    for (const k of ks) for (const r of await (await caches.open(k)).keys()) urls.push(r.url);
    window.__cached = want.every((w) => urls.some((u) => u.endsWith('/' + w)));
  }), false), null, { polling: 100 });
  await context.setOffline(true);
  // Offline: the static view of the last visit, then the app from the cache, with its data.
  await page.reload();
  await page.locator('#prerender li.problem').first().waitFor({ timeout: 10000 });
  assert.equal(await page.locator('#prerender li.problem').count(), 21);
  await startApp(page);
  await page.locator('#app li.problem').first().waitFor({ timeout: 10000 });
  assert.equal(await page.locator('#app li.problem').count(), 21);
  assert.deepEqual(errors.filter((e) => /CSP/.test(e)), [], 'the service worker works under the strict CSP');
  await context.setOffline(false);
  await context.close();
});

test('the service worker caches every hashed asset, whatever the length of its hash', () => {
  // Trunk writes a 64-bit hash in hex without leading zeros: 16 digits or fewer. A build whose
  // hash started with a zero once went uncached, and the app did not open offline.
  const sw = fs.readFileSync(new URL('../../public/sw.js', import.meta.url), 'utf8');
  const source = sw.match(/else if \(\/(.+)\/\.test\(url\.pathname\)\)/)[1];
  const hashed = new RegExp(source);
  for (const name of ['/gongshi-web-27f14bddd175ede.js', '/gongshi-web-27f14bddd175ede_bg.wasm', '/style-9184f2f5f114824c.css', '/favicon-6a6ab54e311c4bd4.svg']) {
    assert.ok(hashed.test(name), name);
  }
  assert.ok(!hashed.test('/embed.js') && !hashed.test('/sw.js'), 'unhashed files are not cached forever');
  const dist = new URL('../../dist/', import.meta.url);
  const assets = fs.readdirSync(dist).filter((f) => /\.(js|wasm|css|svg)$/.test(f) && !['embed.js', 'sw.js'].includes(f));
  assert.ok(assets.length >= 4, assets.join(' '));
  for (const f of assets) assert.ok(hashed.test('/' + f), `${f} is cached by the service worker`);
});
