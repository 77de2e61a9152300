// 更新记录 (issue 17): the publication history in the app. A data folder with three releases made
// by the CLI (`gongshi release`: the first on 2024-01-01; a sample donation renamed and released
// 45 days after its 90-day due date; a real figure corrected with its 更正说明), served as a
// deployed site. The page lists every release with the fingerprint `gongshi verify` prints,
// the correction note, a diff between two releases (searchable, as CSV, downloading only what
// the two releases need), the disclosure calendar; a tampered past release raises the alarm; and
// every visit checks the current manifest against the latest release.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { setup, phonePage, startApp, horizontalOverflow, editManifest, gotoApp, OUT } from './helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';

const gongshi = (...args) => execFileSync('cargo', ['run', '-q', '-p', 'gongshi-cli', '--', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const FIGURE = 'feedback-aspects';

let env;
let server;
let base;
let fingerprint;
let renamed;

before(async () => {
  env = await setup();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshi-history-'));
  const data = path.join(dir, 'data');
  fs.cpSync('public/data', data, { recursive: true, filter: (src) => !src.includes(`${path.sep}history`) });
  gongshi('release', data, '--note', '第一版', '--date', '2024-01-01');
  // Release 2: a sample donation's donor renamed (sample records need no note).
  const donations = path.join(data, 'donations.json');
  const d = JSON.parse(fs.readFileSync(donations, 'utf8'));
  const rec = d.records.find((r) => r.origin === 'sample' && !r.directed);
  renamed = rec.id;
  rec.donor += '（更名）';
  fs.writeFileSync(donations, JSON.stringify(d, null, 2) + '\n');
  gongshi('manifest', data);
  gongshi('release', data, '--note', '第二版：更正一条示例捐赠的捐赠方', '--date', '2024-05-15');
  // Release 3: a real figure's English label corrected, with its correction note.
  const figures = path.join(data, 'figures.json');
  const f = JSON.parse(fs.readFileSync(figures, 'utf8'));
  f.figures.find((x) => x.id === FIGURE).label_en = 'Aspects named in the inspection feedback';
  f.corrections = [{ record: FIGURE, date: '2024-06-01', what: '英文标签更正', why: '原译文漏译' }];
  fs.writeFileSync(figures, JSON.stringify(f, null, 2) + '\n');
  gongshi('manifest', data);
  const out = gongshi('release', data, '--note', '第三版：更正一个数字的英文标签', '--date', '2024-06-02');
  fingerprint = out.match(/fingerprint: ([0-9a-f]{16})/)[1];
  assert.match(gongshi('verify', data), new RegExp(`fingerprint: ${fingerprint}`));
  const site = path.join(dir, 'site');
  fs.cpSync('dist', site, { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });
  fs.rmSync(path.join(site, 'data'), { recursive: true });
  fs.cpSync(data, path.join(site, 'data'), { recursive: true });
  ({ server, url: base } = await startServer({ dir: site, port: 0, prefix: '/deep/site/' }));
});

after(async () => {
  await env?.browser.close();
  env?.server.close();
  server?.close();
});

test('the history page: the chain checks out, every release with the fingerprint the CLI prints, the correction note', async () => {
  const { context, page, errors } = await phonePage(env.browser);
  // The history's code is its own build: only the history page loads it, and it loads only it.
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url().split('/').pop()); });
  await gotoApp(page, `${base}?page=history`);
  const ok = page.locator('.history-ok');
  await ok.waitFor({ timeout: 20000 });
  assert.ok(wasm.length > 0 && wasm.every((f) => /^gongshi-history-[0-9a-f]{16}_bg\.wasm$/.test(f)), `history page: ${wasm}`);
  assert.ok((await ok.innerText()).includes(fingerprint), await ok.innerText());
  assert.equal(await page.locator('.history-alarm').count(), 0);
  const heads = await page.locator('li.release h4').allInnerTexts();
  assert.deepEqual(heads.map((h) => h.match(/第 (\d) 版/)[1]), ['3', '2', '1'], 'newest first');
  const three = page.locator('#release-3');
  assert.ok((await three.locator('.fp code').innerText()) === fingerprint);
  const note = await three.locator('.corrections').innerText();
  for (const part of [FIGURE, '2024-06-01', '英文标签更正', '原译文漏译']) assert.ok(note.includes(part), note);
  assert.ok((await page.locator('#release-2').innerText()).includes('新增 0，更改 1，删除 0'));
  // Reached from the footer of any page.
  wasm.length = 0;
  await gotoApp(page, `${base}?page=donations`);
  assert.ok(wasm.length > 0 && wasm.every((f) => /^gongshi-ledger-[0-9a-f]+_bg\.wasm$/.test(f)), `donations page: ${wasm}`);
  wasm.length = 0;
  await page.locator('footer.site a', { hasText: '更新记录' }).click();
  await page.locator('.history-ok').waitFor();
  assert.ok(wasm.length > 0 && wasm.every((f) => /^gongshi-history-/.test(f)), `from the footer: ${wasm}`);
  // And back: the donations page again, drawn by the ledger's build.
  wasm.length = 0;
  await page.goBack();
  await page.locator('section.ledger').first().waitFor({ timeout: 20000 });
  assert.ok(wasm.every((f) => /^gongshi-ledger-/.test(f)), `back: ${wasm}`);
  await page.goForward();
  await page.locator('.history-ok').waitFor({ timeout: 20000 });
  assert.equal(await horizontalOverflow(page), 0, 'no sideways scrolling at 390 px');
  await page.screenshot({ path: path.join(OUT, 'history-390.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a diff between two releases: field by field, searchable, as CSV, from only what the two releases need', async () => {
  const { context, page } = await phonePage(env.browser);
  const requested = [];
  page.on('request', (r) => { if (r.url().includes('/history/objects/')) requested.push(r.url()); });
  await gotoApp(page, `${base}?page=history&set=figures&from=2&to=3`);
  const counts = page.locator('.diff-counts');
  await counts.waitFor({ timeout: 20000 });
  assert.match(await counts.innerText(), /新增 0，更改 1，删除 0/);
  const row = page.locator('.diff-table tr').first();
  const text = await row.innerText();
  assert.ok(text.includes(FIGURE) && text.includes('label_en') && text.includes('→ Aspects named in the inspection feedback') && text.includes('真实记录'), text);
  // Two manifests and the two versions of figures.json: nothing of the other datasets.
  const r3 = JSON.parse(await (await page.request.get(`${base}data/history/releases/000003.json`)).text());
  const figuresSha = r3.files.find((f) => f.file === 'figures.json').sha256;
  const donationsSha = r3.files.find((f) => f.file === 'donations.json').sha256;
  assert.ok(requested.some((u) => u.includes(figuresSha)));
  assert.ok(!requested.some((u) => u.includes(donationsSha)), requested.join('\n'));
  assert.ok(requested.length <= 4, `${requested.length} objects downloaded`);
  // Another dataset and pair, by the controls; the search narrows it; the CSV holds what shows.
  await page.locator('.diff-controls select').first().selectOption('donations');
  await page.locator('.diff-controls select').nth(1).selectOption('1');
  await page.locator('.diff-controls select').nth(2).selectOption('2');
  await page.waitForFunction(() => /更改 1/.test(document.querySelector('.diff-counts')?.textContent ?? ''), null, { timeout: 20000 });
  // The address bar follows once the edits pause (nav::URL_DELAY_MS): wait for it, then check it.
  await page.waitForFunction(() => /set=donations/.test(location.search) && /from=1/.test(location.search) && /to=2/.test(location.search), null, { timeout: 5000 }).catch(() => {});
  assert.ok(page.url().includes('set=donations') && page.url().includes('from=1') && page.url().includes('to=2'), page.url());
  assert.ok((await page.locator('.diff-table').innerText()).includes(renamed));
  await page.locator('#diff-search').fill('不存在的记录');
  await page.waitForFunction(() => document.querySelectorAll('.diff-table tr').length === 0);
  await page.locator('#diff-search').fill(renamed);
  await page.locator('.diff-table tr').first().waitFor();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载改动 CSV' }).click()]);
  const csv = fs.readFileSync(await dl.path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines[0], '\ufeff数据集,记录,所在部分,真实/示例,变化,字段,原值,新值');
  assert.equal(lines.length, 2, csv);
  assert.ok(lines[1].includes(renamed) && lines[1].includes('示例数据') && lines[1].includes('（更名）'), lines[1]);
  await context.close();
});

test('the disclosure calendar: on time, late by how many days, not published', async () => {
  const { context, page } = await phonePage(env.browser);
  await gotoApp(page, `${base}?page=history`);
  const donations = page.locator('.calendar-set[data-dataset="donations"]');
  await donations.waitFor({ timeout: 20000 });
  // Something was late or missed: open at once, with a line that sums it up.
  assert.notEqual(await donations.getAttribute('open'), null);
  assert.match(await donations.locator('summary').innerText(), /迟发 1 次/);
  const rows = await donations.locator('tbody tr').allInnerTexts();
  const row = (date) => rows.find((r) => r.includes(date)) ?? `(no row for ${date} in ${rows.join(' | ')})`;
  // 2024-01-01 + 90 days = 2024-03-31; release 2 came on 2024-05-15.
  assert.match(row('2024年3月31日'), /迟了 45 天（第 2 版）/);
  // 2024-05-15 + 90 = 2024-08-13, with no release since: not published.
  assert.match(row('2024年8月13日'), /未公开/);
  // Newest first: the next due date leads.
  assert.match(rows[0], /尚未到期/);
  // The rectification report has no cadence: not in the calendar.
  assert.equal(await page.locator('.calendar-set[data-dataset="rectification"]').count(), 0);
  await context.close();
});

test('a past release altered by one byte: the alarm names the release and the file', async () => {
  const { context, page } = await phonePage(env.browser);
  await page.route('**/history/releases/000001.json', async (route) => {
    const resp = await route.fetch();
    const body = (await resp.text()).replace('第一版', '第1版');
    await route.fulfill({ response: resp, body });
  });
  await gotoApp(page, `${base}?page=history`);
  const alarm = page.locator('.history-alarm');
  await alarm.waitFor({ timeout: 20000 });
  const text = await alarm.innerText();
  assert.ok(text.includes('发布记录核对未通过') && text.includes('history/releases/000001.json'), text);
  assert.equal(await alarm.getAttribute('role'), 'alert');
  assert.equal(await page.locator('.history-ok').count(), 0);
  await context.close();
});

test('every visit: data that is not the latest release\'s raises the alarm on any page', async () => {
  const { context, page } = await phonePage(env.browser);
  await gotoApp(page, `${base}?page=donations`);
  await page.locator('table.data-table tbody tr').first().waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('gongshi:history-checked').length > 0, null, { timeout: 20000 });
  assert.equal(await page.locator('.history-alarm').count(), 0, 'the served data is the latest release');
  await editManifest(page, (m) => { m.organisation.name_en += ' '; });
  await gotoApp(page, `${base}?page=donations`);
  const alarm = page.locator('.notice.history-alarm');
  await alarm.waitFor({ timeout: 20000 });
  assert.ok((await alarm.innerText()).includes('manifest.json') || (await alarm.innerText()).includes('发布记录不符'), await alarm.innerText());
  await alarm.locator('a').click();
  await page.locator('.history-alarm').first().waitFor();
  await context.close();
});
