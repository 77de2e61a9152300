// The app is six builds (src/routes/mod.rs: BUILDS): a page opened by its own link downloads the
// one build that draws it, and no other; moving to a page of another build loads that build.
// The table below is written here, not read from scripts/bundles.mjs, so that a page moved to
// another build in one place only fails here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, phonePage, gotoApp, startApp } from './helpers.mjs';

const BUILD_OF = {
  overview: 'gongshi-web',
  rectification: 'gongshi-web',
  data: 'gongshi-web',
  donations: 'gongshi-ledger',
  lookup: 'gongshi-lookup',
  relief: 'gongshi-relief',
  coverage: 'gongshi-coverage',
  history: 'gongshi-history',
};

/** What shows that the app (not a static view) drew the page. */
const CONTENT = {
  overview: '#main .cards .card',
  rectification: '#main li.problem',
  data: '#main li.dataset',
  donations: '#main table.data-table tbody tr',
  lookup: '#lookup-no',
  relief: '#main table.data-table tbody tr',
  coverage: '#main table.data-table tbody tr',
  history: '#main .history-ok',
};

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

const stem = (url) => url.split('/').pop().replace(/-[0-9a-f]{8,16}_bg\.wasm$/, '');

test('each page by its own link downloads only the build that draws it', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(stem(r.url())); });
  for (const [p, build] of Object.entries(BUILD_OF)) {
    wasm.length = 0;
    await gotoApp(page, `${env.url}${p === 'overview' ? '' : `?page=${p}`}`);
    await page.locator(CONTENT[p]).first().waitFor({ timeout: 30000 });
    assert.deepEqual([...new Set(wasm)], [build], `${p}: downloaded ${wasm.join(', ') || 'no wasm'}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tab to a page of another build opens it with that build, and back returns', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(stem(r.url())); });
  await gotoApp(page, `${env.url}?page=rectification`);
  await page.locator(CONTENT.rectification).first().waitFor();
  for (const [label, p] of [['捐赠', 'donations'], ['救助', 'relief'], ['整改', 'rectification']]) {
    wasm.length = 0;
    await page.locator('nav.site a', { hasText: label }).first().click();
    await page.waitForURL((u) => (new URL(u).searchParams.get('page') || 'overview') === p);
    // A page of another build is a page load: its static view, then the app on a first touch.
    await startApp(page);
    await page.locator(CONTENT[p]).first().waitFor({ timeout: 30000 });
    assert.deepEqual([...new Set(wasm)], [BUILD_OF[p]], `${p} after a tap: ${wasm.join(', ')}`);
  }
  wasm.length = 0;
  await page.goBack();
  await page.waitForURL((u) => new URL(u).searchParams.get('page') === 'relief');
  await startApp(page);
  await page.locator(CONTENT.relief).first().waitFor({ timeout: 30000 });
  assert.deepEqual([...new Set(wasm)], ['gongshi-relief'], `back to relief: ${wasm.join(', ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});
