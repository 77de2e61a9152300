// For journalists and web editors: chart downloads, embed snippets, embed mode, the host script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, phonePage, OUT, PREFIX, gotoApp } from './helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

async function desktopPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
  return { context, page, errors };
}

test('chart SVG download is well-formed XML with title and source; PNG is 2× on white', async () => {
  const { context, page, errors } = await desktopPage(env.browser);
  await gotoApp(page, `${env.url}?page=donations`);
  const fig = page.locator('figure.chart[data-chart-id="don-monthly"]');
  await fig.waitFor();
  const [svgDl] = await Promise.all([page.waitForEvent('download'), fig.getByRole('link', { name: 'SVG' }).click()]);
  assert.equal(svgDl.suggestedFilename(), '每月收支.svg');
  const svg = fs.readFileSync(await svgDl.path(), 'utf8');
  // Parsed in a blank page: the app's page enforces Trusted Types, which DOMParser is subject to.
  const blank = await context.newPage();
  const parsed = await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, text: doc.documentElement.textContent };
  }, svg);
  await blank.close();
  assert.equal(parsed.error, null);
  assert.equal(parsed.root, 'svg');
  assert.match(parsed.text, /每月捐款收入与支出/);
  assert.match(parsed.text, /来源：/);
  assert.match(parsed.text, /示例数据/, 'sample data is said on the image');
  assert.match(svg, /font-family="Noto Sans CJK SC, [^"]*sans-serif"/);

  const [pngDl] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: 'PNG' }).click()]);
  const png = fs.readFileSync(await pngDl.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  const width = png.readUInt32BE(16), height = png.readUInt32BE(20);
  const svgW = Number(svg.match(/<svg width="(\d+)"/)[1]), svgH = Number(svg.match(/height="(\d+)"/)[1]);
  assert.equal(width, svgW * 2);
  assert.equal(height, svgH * 2);
  fs.writeFileSync(`${OUT}chart-export.png`, png);

  const [csvDl] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: '数据' }).click()]);
  const csv = fs.readFileSync(await csvDl.path(), 'utf8');
  assert.match(csv, /^\ufeff,收入,支出\r\n2019-01,/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the embed snippet opens embed mode showing only that chart, with a link back', async () => {
  const { context, page, errors } = await desktopPage(env.browser);
  await gotoApp(page, `${env.url}?page=donations&year=2020`);
  const fig = page.locator('figure.chart[data-chart-id="don-channel"]');
  await fig.waitFor();
  await fig.getByRole('button', { name: '嵌入' }).click();
  const code = await fig.locator('textarea.embed-code').inputValue();
  const src = code.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  assert.match(src, /embed=chart&chart=don-channel/);
  assert.match(src, /year=2020/, 'the embed keeps the view (filters)');
  assert.match(code, /sandbox="allow-scripts allow-same-origin allow-downloads allow-popups"/);

  await gotoApp(page, src);
  await page.locator('figure.chart-target img').waitFor();
  const visibleCharts = await page.locator('figure.chart').evaluateAll((els) => els.filter((e) => e.offsetParent !== null).length);
  assert.equal(visibleCharts, 1);
  assert.equal(await page.locator('header.site').count(), 0, 'no navigation chrome');
  assert.equal(await page.locator('table.data-table').isVisible(), false);
  assert.match(await page.locator('.chart-target .chart-source').innerText(), /来源/);
  const back = await page.getByRole('link', { name: /在完整页面查看/ }).getAttribute('href');
  assert.doesNotMatch(back, /embed=/);
  assert.match(back, /year=2020/);
  await page.screenshot({ path: `${OUT}embed-chart.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host page on another origin: the app in a plain iframe works, and the host script sizes it to its content', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshi-host-'));
  // The deployer lists the sites allowed to embed (FRAME_ANCESTORS at `make dist`); here the
  // host page's origin is allowed, everything else in the header set stays exactly as built.
  const csp = env.headers['Content-Security-Policy'].replace(/frame-ancestors [^;]+/, "frame-ancestors 'self' http://127.0.0.1:*");
  const appSrv = await startServer({ dir: 'dist', port: 0, prefix: PREFIX, headers: { ...env.headers, 'Content-Security-Policy': csp } });
  const app = new URL(appSrv.url);
  const embedSrc = `${appSrv.url}?page=rectification&embed=page`;
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html><body>
    <h1>Host</h1>
    <iframe id="g" data-gongshi src="${embedSrc}" width="100%" height="150" style="border:0"
      sandbox="allow-scripts allow-same-origin allow-downloads allow-popups"></iframe>
    <script src="${app.origin}${app.pathname}embed.js"></script>
  </body></html>`);
  const host = await startServer({ dir, port: 0, prefix: '/' });
  const { context, page } = await desktopPage(env.browser);
  await page.goto(host.url);
  const frame = page.frameLocator('#g');
  await frame.locator('li.problem').first().waitFor();
  await page.waitForFunction(() => document.getElementById('g').offsetHeight > 400, null, { timeout: 10000 });
  const h = await page.evaluate(() => document.getElementById('g').offsetHeight);
  assert.ok(h > 400 && h <= 6000, `resized to its content: ${h}`);
  assert.equal(await frame.locator('header.site').count(), 0);
  await context.close();
  host.server.close();
  appSrv.server.close();
});

test('the host script: each check on its own (window, origin, data-gongshi), the clamp, non-numbers', async (t) => {
  // Fixtures, not the app: a child page on one origin posts exactly what the test says, and the
  // host page records every message it received after embed.js had its turn (listeners run in
  // the order they were added), so each assertion waits for its message to have been handled.
  const childDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshi-child-'));
  fs.writeFileSync(path.join(childDir, 'child.html'), '<!doctype html><link rel="icon" href="data:,"><p>child</p>');
  const child = await startServer({ dir: childDir, port: 0, prefix: '/' });
  t.after(() => { child.server.closeAllConnections(); child.server.close(); });
  const childUrl = `${child.url}child.html`;
  const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshi-host-'));
  fs.copyFileSync('dist/embed.js', path.join(hostDir, 'embed.js'));
  fs.writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>
    <iframe id="g" data-gongshi src="${childUrl}" height="150"></iframe>
    <iframe id="same" src="${childUrl}" height="150"></iframe>
    <script src="embed.js"></script>
    <script>window.seen = []; addEventListener('message', (e) => seen.push(e.data && e.data.id));</script>
  </body></html>`);
  const host = await startServer({ dir: hostDir, port: 0, prefix: '/' });
  t.after(() => { host.server.closeAllConnections(); host.server.close(); });
  const { context, page, errors } = await desktopPage(env.browser);
  t.after(() => context.close().catch(() => {}));
  await page.goto(host.url);
  const frameOf = async (id) => (await page.$(`#${id}`)).contentFrame();
  let n = 0;
  const send = async (from, height) => {
    const id = ++n;
    await from.waitForLoadState();
    await from.evaluate(([height, id]) => parent.postMessage({ type: 'gongshi:height', height, id }, '*'), [height, id]);
    await page.waitForFunction((id) => window.seen.includes(id), id);
  };
  const heights = () => page.evaluate(() => ['g', 'same'].map((id) => document.getElementById(id).getAttribute('height')));

  const g = await frameOf('g');
  await send(g, 480);
  assert.deepEqual(await heights(), ['480', '150'], 'its own iframe, from its origin: resized');
  await send(await frameOf('same'), 900);
  assert.deepEqual(await heights(), ['480', '150'], 'same origin, another window: ignored; and an iframe without data-gongshi is never resized');
  await send(g, 119);
  assert.equal((await heights())[0], '120', 'clamped to 120');
  await send(g, 6001);
  assert.equal((await heights())[0], '6000', 'clamped to 6000');
  for (const bad of ['700', '700px', null, NaN, Infinity]) {
    await send(g, bad);
    assert.equal((await heights())[0], '6000', `a height of ${String(bad)} is ignored`);
  }
  // The iframe's own window, now showing a page of another origin ("localhost" is not
  // "127.0.0.1"): the window matches, the origin does not.
  await page.evaluate((u) => { document.getElementById('g').contentWindow.location = u; }, childUrl.replace('127.0.0.1', 'localhost'));
  let moved;
  for (let i = 0; i < 100 && !(moved = (await frameOf('g')).url().includes('localhost')); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(moved, 'the iframe navigated');
  assert.equal(await page.evaluate(() => document.getElementById('g').getAttribute('src').includes('127.0.0.1')), true);
  await send(await frameOf('g'), 300);
  assert.equal((await heights())[0], '6000', 'the iframe\'s window from another origin: ignored');
  assert.deepEqual(errors, []);
});

test('with the default header set, other sites cannot frame the app (frame-ancestors)', async () => {
  assert.match(env.headers['Content-Security-Policy'], /frame-ancestors 'self'/);
  assert.match(env.headers['Content-Security-Policy'], /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.equal(env.headers['X-Content-Type-Options'], 'nosniff');
});

test('the flow chart (款项流向): its numbers as CSV add up to the ledger files to the fen; SVG with title and source', async () => {
  const { context, page, errors } = await desktopPage(env.browser);
  await gotoApp(page, `${env.url}?page=donations&year=2021`);
  const fig = page.locator('figure.chart[data-chart-id="don-flow"]');
  await fig.waitFor();
  // Summed here from the published files (received gifts; every disbursement), not read from the app.
  const gifts = JSON.parse(fs.readFileSync('public/data/donations.json', 'utf8')).records.filter((r) => r.status === 'received' && r.date.startsWith('2021'));
  const paid = JSON.parse(fs.readFileSync('public/data/disbursements.json', 'utf8')).records.filter((r) => r.date.startsWith('2021'));
  const inFen = gifts.reduce((s, r) => s + BigInt(r.amount_fen), 0n);
  const outFen = paid.reduce((s, r) => s + BigInt(r.amount_fen), 0n);
  const [csvDl] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: '数据' }).click()]);
  assert.equal(csvDl.suggestedFilename(), '款项流向_数据.csv');
  const rows = fs.readFileSync(await csvDl.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.match(/("[^"]*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')));
  const fen = (label) => {
    const row = rows.find((r) => r[0] === label);
    assert.ok(row, `${label} in ${rows.map((r) => r[0])}`);
    return BigInt(row[2].replace(/,/g, '').replace('.', ''));
  };
  assert.equal(fen('款项合计（合计）'), inFen, 'all the money: the received gifts of 2021');
  const uses = rows.filter((r) => r[0].startsWith('款项合计 → ') && !r[0].includes('未使用'));
  assert.equal(uses.reduce((s, r) => s + BigInt(r[2].replace(/,/g, '').replace('.', '')), 0n), outFen, 'the uses: every disbursement of 2021');
  assert.equal(fen('未使用（结余）（合计）'), inFen - outFen, 'the rest, unspent');
  // Sources add up to the whole.
  const sources = rows.filter((r) => r[0].endsWith(' → 款项合计'));
  assert.equal(sources.reduce((s, r) => s + BigInt(r[2].replace(/,/g, '').replace('.', '')), 0n), inFen);
  const [svgDl] = await Promise.all([page.waitForEvent('download'), fig.getByRole('link', { name: 'SVG' }).click()]);
  const svg = fs.readFileSync(await svgDl.path(), 'utf8');
  assert.match(svg, /款项流向/);
  assert.match(svg, /来源：/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the flow by project: one tap, kept in the link; each project the money given to it and spent on it, to the fen', async () => {
  const { context, page, errors } = await desktopPage(env.browser);
  await gotoApp(page, `${env.url}?page=donations&year=2021`);
  const fig = page.locator('figure.chart[data-chart-id="don-flow"]');
  await fig.waitFor();
  await page.getByRole('button', { name: '按项目', exact: true }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('flow') === 'project');
  assert.equal(await page.getByRole('button', { name: '按项目', exact: true }).getAttribute('aria-pressed'), 'true');
  const given = new Map();
  const spent = new Map();
  for (const r of JSON.parse(fs.readFileSync('public/data/donations.json', 'utf8')).records) {
    if (r.status === 'received' && r.date.startsWith('2021')) given.set(r.project, (given.get(r.project) ?? 0n) + BigInt(r.amount_fen));
  }
  for (const r of JSON.parse(fs.readFileSync('public/data/disbursements.json', 'utf8')).records) {
    if (r.date.startsWith('2021')) spent.set(r.project, (spent.get(r.project) ?? 0n) + BigInt(r.amount_fen));
  }
  // The link reopens it (a fresh page), and its CSV names the projects with their money.
  const other = await context.newPage();
  await gotoApp(other, page.url());
  const fig2 = other.locator('figure.chart[data-chart-id="don-flow"]');
  await fig2.waitFor();
  const [csvDl] = await Promise.all([other.waitForEvent('download'), fig2.getByRole('button', { name: '数据' }).click()]);
  assert.equal(csvDl.suggestedFilename(), '款项流向_按项目_数据.csv');
  const rows = fs.readFileSync(await csvDl.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.match(/("[^"]*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')));
  const fen = (s) => BigInt(s.replace(/,/g, '').replace('.', ''));
  let named = 0;
  for (const [a, , exact] of rows) {
    const [from, to] = a.split(' → ');
    if (to === '款项合计' && given.has(from)) { assert.equal(fen(exact), given.get(from), `given to ${from}`); named++; }
    if (from === '款项合计' && spent.has(to)) { assert.equal(fen(exact), spent.get(to), `spent on ${to}`); named++; }
  }
  assert.ok(named >= 6, `${named} projects checked`);
  assert.deepEqual(errors, []);
  await context.close();
});
