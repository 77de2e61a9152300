// The prerendered first view (scripts/prerender.mjs, src/prerender.rs): the overview paints from
// the HTML alone, downloads no app code until the visitor interacts, and the app then takes
// over without a layout shift, replaying a tap on a button; any other URL never shows it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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
  await page.waitForTimeout(1000);
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
    assert.equal(await page.locator('#prerender').count() + await page.locator('header h1:visible').count() <= 1, true);
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
