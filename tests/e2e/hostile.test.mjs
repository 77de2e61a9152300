// Hostile strings in data: shown as inert text, escaped in SVG, neutralised in CSV, never run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, phonePage, dropChecksums, gotoApp } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

const HOSTILE = [
  '=HYPERLINK("http://x","点我")',
  '</text><img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  '\u202e\u200f反向文字 🚑🎉 emoji',
  '长'.repeat(10000),
];

test('hostile donor names stay inert text in the table, the chart SVG and the CSV', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  await dropChecksums(page);
  await page.route('**/data/donations.json', async (route) => {
    const resp = await route.fetch();
    const doc = await resp.json();
    HOSTILE.forEach((name, i) => {
      Object.assign(doc.records[i], { donor: name, donor_kind: 'enterprise', project: `恶意测试 ${name.slice(0, 40)}`, date: '2019-01-0' + (i + 1) });
    });
    await route.fulfill({ response: resp, body: JSON.stringify(doc) });
  });
  await gotoApp(page, `${env.url}?page=donations&q=${encodeURIComponent('恶意测试')}`);
  await page.locator('table.data-table tbody tr').first().waitFor();
  assert.equal(Number((await page.locator('.result-count').innerText()).match(/共 (\d+) 条/)[1]), HOSTILE.length);
  const table = await page.locator('table.data-table tbody').innerText();
  assert.ok(table.includes('=HYPERLINK("http://x","点我")'), 'formula shown as text');
  assert.ok(table.includes('<script>alert(2)</script>'), 'markup shown as text');
  assert.equal(await page.locator('table.data-table img, table.data-table script').count(), 0, 'no element made from data');
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);

  // Charts over these rows: the SVG still parses, and the text is escaped.
  const src = await page.locator('figure.chart[data-chart-id="don-monthly"] img').getAttribute('src');
  const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
  // Parsed in a blank page: the app's page enforces Trusted Types, DOMParser included.
  const blank = await context.newPage();
  const ok = await blank.evaluate((t) => !new DOMParser().parseFromString(t, 'image/svg+xml').querySelector('parsererror'), svg);
  await blank.close();
  assert.ok(ok);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^下载 CSV/ }).click()]);
  const csv = fs.readFileSync(await dl.path(), 'utf8');
  assert.ok(csv.includes(`"'=HYPERLINK(""http://x"",""点我"")"`), 'formula neutralised and quoted');
  assert.ok(!/(^|,)=HYPERLINK/m.test(csv), 'no cell starts with =');
  assert.ok(csv.includes('长'.repeat(10000)), 'a 10,000-character name is kept whole');
  assert.deepEqual(errors, [], 'no dialog, no console error, no CSP violation');
  await context.close();
});

// Payloads that set window.__pwned if they ever run as markup or script.
const PWN = [
  '<img src=x onerror="window.__pwned=1">',
  '</text><script>window.__pwned=2</script><text>',
  '"><svg onload="window.__pwned=3">',
];

/** Opens `svg` as a document of its own (no CSP: a journalist's browser opening the download)
 *  and returns window.__pwned there. */
async function runAsDocument(context, svg) {
  const page = await context.newPage();
  await page.route('**/opened.svg', (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg }));
  await page.goto(`${env.url}opened.svg`);
  await page.waitForLoadState('load');
  const pwned = await page.evaluate(() => window.__pwned ?? null);
  await page.close();
  return pwned;
}

test('hostile text in a chart title, category label and footer is escaped in the downloaded SVG and never runs', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  // The check itself can fail: an unescaped payload opened the same way does run.
  assert.equal(await runAsDocument(context, `<svg xmlns="http://www.w3.org/2000/svg"><script>window.__pwned=9</script></svg>`), 9);

  await page.route('**/data/manifest.json', async (route) => {
    const resp = await route.fetch();
    const m = await resp.json();
    m.organisation.name = `咸宁${PWN[0]}`;
    for (const d of m.datasets) { delete d.sha256; delete d.bytes; }
    const goods = m.datasets.find((d) => d.id === 'goods');
    goods.title = `物资${PWN[1]}`;
    // The ledger's charts cite the donations dataset's source.
    m.datasets.find((d) => d.id === 'donations').source = `来源${PWN[2]}`;
    await route.fulfill({ response: resp, body: JSON.stringify(m) });
  });
  // Category labels of the goods chart are batch items.
  await page.route('**/data/goods.json', async (route) => {
    const resp = await route.fetch();
    const g = await resp.json();
    g.batches.forEach((b, i) => { b.item = `批次${PWN[i % PWN.length]}`; });
    await route.fulfill({ response: resp, body: JSON.stringify(g) });
  });
  await gotoApp(page, `${env.url}?page=donations`);
  const fig = page.locator('figure.chart[data-chart-id="don-goods"]');
  await fig.waitFor();
  assert.match(await fig.locator('.chart-source').innerText(), /来源"><svg onload="window.__pwned=3">/, 'the source shows as text');
  assert.equal(await fig.locator('img').count(), 1, 'the chart is one inert image');
  assert.equal(await page.locator('main script, main svg').count(), 0, 'no element made from data');

  const [dl] = await Promise.all([page.waitForEvent('download'), fig.getByRole('link', { name: 'SVG' }).click()]);
  const svg = fs.readFileSync(await dl.path(), 'utf8');
  const blank = await context.newPage();
  const parsed = await blank.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return { error: !!doc.querySelector('parsererror'), scripts: doc.querySelectorAll('script, img, foreignObject').length, text: [...doc.querySelectorAll('text')].map((n) => n.textContent.trim()).join('\n') };
  }, svg);
  await blank.close();
  assert.ok(!parsed.error, 'the SVG parses');
  assert.equal(parsed.scripts, 0, 'no element made from data');
  assert.ok(parsed.text.includes('批次<img src=x onerror="window.__pwned=1">'), 'a category label, as text');
  // The footer names the publisher, the dataset, the date and the view's link.
  const footer = parsed.text.replace(/\n/g, '');
  assert.ok(footer.includes(`发布：咸宁${PWN[0]}`), footer);
  assert.ok(footer.includes(`物资${PWN[1]}`), 'the dataset title, as text');
  assert.match(footer, /数据截至\s*\d{4}-\d{2}-\d{2}/);
  assert.ok(footer.includes('page=donations'), 'the permalink of the view');
  assert.equal(await runAsDocument(context, svg), null, 'opened on its own, the download runs nothing');
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  assert.deepEqual(errors, [], 'no dialog, no console error, no CSP violation');
  await context.close();
});
