// Bad input, each against the served dist/ with one data file replaced: a clear message naming
// the file, the place and the reason; every other dataset keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, phonePage, dropChecksums } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

async function withReplaced(file, body, { page: view = 'overview', status = 200, delay = 0, before } = {}) {
  const { context, page, errors } = await phonePage(env.browser);
  if (before) await before(page);
  await dropChecksums(page);
  await page.route(`**/data/${file}`, async (route) => {
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const b = typeof body === 'function' ? await body(route) : body;
    await route.fulfill({ status, contentType: 'application/json', body: b });
  });
  await page.goto(`${env.url}?page=${view}`);
  // A test may be done before its files have been served (the prerendered overview is there at
  // once): closing first lets the route handlers finish, or they would read a disposed response.
  const close = async () => {
    await page.unrouteAll({ behavior: 'wait' });
    await context.close();
  };
  return { context: { close }, page, errors };
}

const errorText = async (page) => {
  const e = page.locator('.data-error').first();
  await e.waitFor({ timeout: 20000 });
  return e.innerText();
};

test('a file 50 MB large is refused without freezing the page', async () => {
  const big = '{"figures": [' + ' '.repeat(50 * 1024 * 1024) + ']}';
  const { context, page } = await withReplaced('figures.json', big, { before: (p) => p.addInitScript(() => {
    // Every task over 50 ms the main thread ran, from the start.
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: true });
  }) });
  const text = await errorText(page);
  // Responsive throughout: the main thread never ran a task long enough to leave a tap or a
  // key press unanswered for a noticeable time (parsing 50 MB at once would take seconds).
  const longest = await page.evaluate(() => Math.max(0, ...window.__long));
  assert.ok(longest < 1000, `the longest main-thread task took ${Math.round(longest)} ms`);
  assert.match(text, /figures\.json/);
  assert.match(text, /过大/);
  await page.locator('.chart img').first().waitFor(); // rectification still loads
  await context.close();
});

test('arrays nested 10,000 deep: an error, not a crash', async () => {
  const { context, page, errors } = await withReplaced('figures.json', '['.repeat(10000) + ']'.repeat(10000));
  const text = await errorText(page);
  assert.match(text, /figures\.json/);
  assert.match(text, /第 1 行第 \d+ 列/);
  await page.locator('.chart img').first().waitFor();
  assert.deepEqual(errors.filter((e) => /panic|RuntimeError|unreachable/i.test(e)), []);
  await context.close();
});

for (const [label, value, shown] of [['12.345', '12.345', '12.345'], ['"1,000"', '"1,000"', '1,000'], ['full-width digits', '"１２３"', '１２３'], ['"abc"', '"abc"', 'abc']]) {
  test(`a money amount of ${label} leaves only that record out, naming the record and field`, async () => {
    const { context, page } = await withReplaced('donations.json', async (route) => {
      const text = await (await route.fetch()).text();
      return text.replace(/"amount_fen":\d+/, `"amount_fen":${value}`);
    }, { page: 'donations' });
    const notice = page.locator('.validation');
    await notice.waitFor({ timeout: 20000 });
    const text = await notice.innerText();
    assert.match(text, /donations\.json/);
    assert.match(text, /records\[0\]\.amount_fen/);
    assert.ok(text.includes(shown), text);
    assert.match(text, /不是整数的分/);
    // The rest of the file (and the other ledger files) still show.
    await page.locator('table.data-table tbody tr').first().waitFor();
    const count = await page.locator('.result-count').innerText();
    assert.match(count, /共 1553 条记录/, 'one of the 1,554 ledger rows is left out');
    assert.equal(await page.locator('.data-error').count(), 0);
    await context.close();
  });
}

test('in the English UI, file problems are explained in English', async () => {
  const { context, page } = await withReplaced('figures.json', async (route) => (await (await route.fetch()).text()).slice(0, 500), { page: 'overview&lang=en' });
  const text = await errorText(page);
  assert.match(text, /figures\.json/);
  assert.match(text, /incomplete: it is cut off at the end/);
  assert.match(text, /line \d+, column \d+/);
  assert.doesNotMatch(text, /截断|第 \d+ 行/);
  await context.close();
  const second = await withReplaced('donations.json', async (route) => {
    const doc = await (await route.fetch()).json();
    doc.records[1].id = doc.records[0].id;
    doc.records[2].amount_fen = '1,000';
    return JSON.stringify(doc);
  }, { page: 'donations&lang=en' });
  const notice = second.page.locator('.validation');
  await notice.waitFor({ timeout: 20000 });
  const v = await notice.innerText();
  assert.match(v, /records\[1\]\.id: the id .* appears more than once/);
  assert.match(v, /records\[2\]\.amount_fen: the amount “1,000” is not a whole number of fen/);
  await second.context.close();
});

test('a duplicate id and an impossible date leave those records out and say so', async () => {
  const { context, page } = await withReplaced('donations.json', async (route) => {
    const doc = await (await route.fetch()).json();
    doc.records[1].id = doc.records[0].id;
    doc.records[2].date = '2020-02-30';
    return JSON.stringify(doc);
  }, { page: 'donations' });
  const notice = page.locator('.validation');
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /records\[1\]\.id/);
  assert.match(text, /重复/);
  assert.match(text, /records\[2\]\.date/);
  assert.match(text, /2020-02-30/);
  await context.close();
});

test('a UTF-8 byte-order mark is fine', async () => {
  const { context, page } = await withReplaced('figures.json', async (route) => '\ufeff' + (await (await route.fetch()).text()));
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('.data-error').count(), 0);
  await context.close();
});

test('a slow network (data delayed 5 s) shows progress, not a blank page', async () => {
  // A search link has no static view: the app's shell and its progress show while data loads.
  const { context, page } = await withReplaced('rectification.json', async (route) => (await route.fetch()).text(), { page: 'rectification&q=%E6%95%B4%E6%94%B9', delay: 5000 });
  await page.locator('.loading').first().waitFor({ timeout: 3000 });
  assert.match(await page.locator('main').innerText(), /正在加载/);
  assert.ok(await page.locator('header.site').isVisible(), 'the shell is there while data loads');
  await page.locator('li.problem').first().waitFor({ timeout: 15000 });
  await context.close();
  // A page's plain link shows its static view at once, and keeps it until the data is in.
  // (The same data as the view was made from: with other data the view gives way at once.)
  const s = await phonePage(env.browser);
  await s.page.route('**/data/rectification.json', async (route) => {
    await new Promise((r) => setTimeout(r, 5000));
    await route.continue().catch(() => {});
  });
  await s.page.goto(`${env.url}?page=rectification`);
  await s.page.locator('#prerender li.problem').first().waitFor({ timeout: 3000 });
  assert.equal(await s.page.locator('#prerender li.problem').count(), 21);
  await s.page.keyboard.press('Tab'); // starts the app, whose data is still on its way
  await s.page.waitForFunction(() => performance.getEntriesByName('gongshi:main').length > 0, null, { timeout: 30000 });
  assert.equal(await s.page.locator('#prerender li.problem').count(), 21, 'the view stays while the data loads');
  await s.page.locator('#app li.problem').first().waitFor({ timeout: 15000 });
  assert.equal(await s.page.locator('#prerender').count(), 0);
  await s.page.unrouteAll({ behavior: 'wait' });
  await s.context.close();
});
