// End to end, on the built dist/ served under a sub-path, at 390×844 (a phone).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, phonePage, horizontalOverflow, OUT, dropChecksums, editManifest, gotoApp } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

const rectUrl = (query = '') => `${env.url}?page=rectification${query}`;
const problems = (page) => page.locator('li.problem');

test('overview renders figures and progress with no console errors and no sideways scroll', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, env.url);
  await page.locator('.card').first().waitFor();
  await page.locator('.chart img').first().waitFor();
  const h1 = await page.locator('header h1').innerText();
  assert.match(h1, /咸宁市红十字会/);
  assert.match(await page.locator('.updated').innerText(), /2023年9月18日/);
  const cards = await page.locator('.card').allInnerTexts();
  assert.ok(cards.length >= 6, `key figures shown: ${cards.length}`);
  assert.ok(cards.some((c) => c.includes('1,282.4万元') && c.includes('问题 7')), cards.join('|'));
  assert.match(await page.locator('.lead').innerText(), /21 个问题/);
  assert.equal(await horizontalOverflow(page), 0, 'no horizontal scrolling at 390 px');
  await page.screenshot({ path: `${OUT}overview-390.png`, fullPage: true });
  // A figure's source link opens its problem on the rectification page.
  await page.locator('.card a.src-link', { hasText: '问题 7' }).first().click();
  await page.waitForURL(/page=rectification/);
  await page.waitForURL(/open=7/);
  await page.locator('#problem-7 .finding').waitFor();
  assert.match(await page.locator('#problem-7 .finding').innerText(), /1282\.4万元/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('rectification lists all 21 problems; search narrows as you type; reload keeps the view', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, rectUrl());
  await page.locator('li.problem').first().waitFor();
  assert.equal(await problems(page).count(), 21);
  assert.match(await page.locator('.result-count').innerText(), /共 21 个问题/);
  assert.equal(await horizontalOverflow(page), 0);
  await page.screenshot({ path: `${OUT}rectification-390.png`, fullPage: false });

  // The search box is a labelled search input.
  const box = page.getByLabel('搜索问题、发现的情况和整改措施');
  assert.equal(await box.getAttribute('type'), 'search');
  await box.pressSequentially('手套', { delay: 30 });
  await page.waitForFunction(() => document.querySelectorAll('li.problem').length === 1);
  assert.equal(await problems(page).first().getAttribute('data-no'), '9');
  assert.match(await page.locator('.result-count').innerText(), /显示 1 个/);
  // Folded, the problem shows its title only, which does not hold the words: nothing marked.
  assert.equal(await page.locator('li.problem mark').count(), 0);

  // Open it: its finding and measures show, with the match highlighted.
  await page.locator('#problem-9 .problem-head').click();
  await page.locator('#problem-9 .measures li').first().waitFor();
  assert.equal(await page.locator('#problem-9 .measures li').count(), 2);
  const marks = await page.locator('#problem-9 mark').allTextContents();
  assert.ok(marks.length >= 1 && marks.every((m) => m === '手套'), `search match highlighted, and only it: ${marks.join('|')}`);
  await page.waitForURL(/q=%E6%89%8B%E5%A5%97/);
  await page.waitForURL(/open=9/);

  await page.reload();
  await page.locator('#problem-9 .measures li').first().waitFor();
  assert.equal(await problems(page).count(), 1);
  assert.equal(await page.getByLabel('搜索问题、发现的情况和整改措施').inputValue(), '手套');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a facet narrows the list, its count matches, and back/forward follow the URL', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, rectUrl());
  await page.locator('li.problem').first().waitFor();
  // On a phone the filters are folded away; unfold them.
  const filters = page.locator('details.filters');
  if (!(await filters.evaluate((d) => d.open))) await filters.locator('summary').click();
  const aspect2 = page.locator('fieldset.facet').first().locator('[data-key="2"]');
  const count = Number(await aspect2.locator('.count').innerText());
  assert.equal(count, 3);
  await aspect2.locator('input').check();
  await page.waitForFunction((n) => document.querySelectorAll('li.problem').length === n, count);
  const nos = await problems(page).evaluateAll((els) => els.map((e) => e.dataset.no));
  assert.deepEqual(nos, ['13', '14', '15']);
  await page.waitForURL(/aspect=2/);
  assert.match(await filters.locator('summary').innerText(), /已选 1/);
  // Status counts follow the aspect selection.
  const done = page.locator('fieldset.facet').nth(1).locator('[data-key="done"] .count');
  assert.equal(await done.innerText(), '3');

  await page.reload();
  await page.locator('li.problem').first().waitFor();
  assert.equal(await problems(page).count(), 3);
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('li.problem').length === 21);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a corrupted data file gives a clear error naming file and place; other pages still work; retry recovers', async () => {
  const { context, page } = await phonePage(env.browser);
  await dropChecksums(page);
  await page.route('**/data/figures.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{\n  "figures": [\n    {"id": "x", "value": 12.5\n' }));
  await gotoApp(page, env.url);
  const err = page.locator('.data-error').first();
  await err.waitFor();
  const text = await err.innerText();
  assert.match(text, /data\/figures\.json/);
  assert.match(text, /第 \d+ 行第 \d+ 列/);
  assert.match(text, /截断|语法|类型/);
  // The rest of the overview (rectification progress) still works.
  await page.locator('.chart img').first().waitFor();
  await page.screenshot({ path: `${OUT}error-390.png`, fullPage: true });
  // Another page still works.
  await page.locator('nav a', { hasText: '整改' }).click();
  await page.locator('li.problem').first().waitFor();
  assert.equal(await problems(page).count(), 21);

  // A missing file: 404, then retry after it is back.
  await page.unroute('**/data/figures.json');
  await page.route('**/data/rectification.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await gotoApp(page, rectUrl());
  const err2 = page.locator('.data-error').first();
  await err2.waitFor();
  assert.match(await err2.innerText(), /rectification\.json[\s\S]*404/);
  await page.unroute('**/data/rectification.json');
  await err2.getByRole('button', { name: '重试' }).click();
  await page.locator('li.problem').first().waitFor();
  assert.equal(await problems(page).count(), 21);
  await context.close();
});

test('a file that parses but breaks the rules shows what was left out, and the rest', async () => {
  const { context, page } = await phonePage(env.browser);
  await dropChecksums(page);
  await page.route('**/data/rectification.json', async (route) => {
    const resp = await route.fetch();
    const doc = await resp.json();
    doc.problems[4].status = 'finished';
    await route.fulfill({ response: resp, body: JSON.stringify(doc) });
  });
  await gotoApp(page, rectUrl());
  await page.locator('li.problem').first().waitFor();
  assert.equal(await problems(page).count(), 20);
  const notice = await page.locator('.validation').innerText();
  assert.match(notice, /problems\[4\]\.status/);
  assert.match(notice, /finished/);
  await context.close();
});

test('every page deep-links at the sub-path and renders with no console errors', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  for (const [key, label, ready] of [
    ['overview', '概览', '.card'],
    ['donations', '捐赠', 'table.data-table tbody tr'],
    ['relief', '救助', 'table.data-table tbody tr'],
    ['coverage', '组织覆盖', 'table.data-table tbody tr'],
    ['rectification', '整改', 'li.problem'],
  ]) {
    await gotoApp(page, `${env.url}?page=${key}`);
    await page.locator(ready).first().waitFor();
    assert.equal(await page.locator('nav a[aria-current="page"]').innerText(), label);
    assert.equal(await horizontalOverflow(page), 0, `${key}: no sideways scroll`);
    assert.ok((await page.locator('table th[scope="col"]').count()) >= 2 || key === 'overview' || key === 'rectification', `${key}: real tables`);
    await page.screenshot({ path: `${OUT}${key}-390.png`, fullPage: false });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a data file that does not match the manifest checksum is refused with a clear message', async () => {
  const { context, page } = await phonePage(env.browser);
  await editManifest(page, (m) => {
    const f = m.datasets.find((d) => d.file === 'figures.json');
    f.sha256 = '0'.repeat(64);
  });
  await gotoApp(page, env.url);
  const err = page.locator('.data-error').first();
  await err.waitFor();
  const text = await err.innerText();
  assert.match(text, /data\/figures\.json/);
  assert.match(text, /校验值不符/);
  // The rectification data (its checksum intact or absent) still loads.
  await page.locator('.chart img').first().waitFor();
  await context.close();
});

test('the data page lists every dataset with downloads, freshness and a citation', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await gotoApp(page, `${env.url}?page=data`);
  await page.locator('li.dataset').first().waitFor();
  const manifest = await (await page.request.get(`${env.url}data/manifest.json`)).json();
  assert.equal(await page.locator('li.dataset').count(), manifest.datasets.length);
  for (const d of manifest.datasets) {
    const card = page.locator(`li.dataset[data-dataset="${d.id}"]`);
    assert.match(await card.innerText(), d.sample ? /含示例数据/ : /真实数据/);
    assert.equal(await card.getByRole('link', { name: '下载 JSON' }).getAttribute('href'), `data/${d.file}`);
    assert.match(await card.locator('.cite textarea').inputValue(), new RegExp(d.file.replace('.', '\\.')));
  }
  assert.equal(await horizontalOverflow(page), 0);
  await page.screenshot({ path: `${OUT}data-390.png`, fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});
