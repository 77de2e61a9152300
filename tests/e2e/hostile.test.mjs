// Hostile strings in data: shown as inert text, escaped in SVG, neutralised in CSV, never run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, phonePage, dropChecksums } from './helpers.mjs';

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
  await page.goto(`${env.url}?page=donations&q=${encodeURIComponent('恶意测试')}`);
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
  const ok = await page.evaluate((t) => !new DOMParser().parseFromString(t, 'image/svg+xml').querySelector('parsererror'), svg);
  assert.ok(ok);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^下载 CSV/ }).click()]);
  const csv = fs.readFileSync(await dl.path(), 'utf8');
  assert.ok(csv.includes(`"'=HYPERLINK(""http://x"",""点我"")"`), 'formula neutralised and quoted');
  assert.ok(!/(^|,)=HYPERLINK/m.test(csv), 'no cell starts with =');
  assert.ok(csv.includes('长'.repeat(10000)), 'a 10,000-character name is kept whole');
  await page.waitForTimeout(300);
  assert.deepEqual(errors, [], 'no dialog, no console error, no CSP violation');
  await context.close();
});
