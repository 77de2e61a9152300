// A donations ledger published in parts (gongshi bulk): the page loads every part, or only the
// years its URL asks for, checks each part's checksum, shows progress, and loads the rest on
// request; search and counts cover exactly what is loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, phonePage, gotoApp } from './helpers.mjs';

let env;
let dir;
let manifest;
before(async () => {
  env = await setup();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshi-parts-'));
  execFileSync('cargo', ['run', '-q', '-p', 'gongshi-cli', '--', 'bulk', '--rows', '3000', '--part-rows', '800', '--out', dir], { stdio: 'inherit' });
  manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
});
after(async () => {
  await env?.browser.close();
  env?.server.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A page whose data/ is the bulk directory; returns the data files it requested. */
async function bulkPage() {
  const { context, page, errors } = await phonePage(env.browser);
  const requested = [];
  await page.route('**/data/*', async (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop());
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    requested.push(name);
    // A little delay per part, so the progress line has time to show.
    if (name.startsWith('donations-')) await new Promise((r) => setTimeout(r, 150));
    await route.fulfill({ status: 200, contentType: 'application/json', body: fs.readFileSync(file) });
  });
  return { context, page, errors, requested };
}

/** A file of the bulk directory, parsed. */
const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const parts = () => manifest.datasets.find((d) => d.id === 'donations').parts;
/** What the app downloads for each part: its pack (written by gongshi manifest). */
const partFiles = () => parts().map((p) => p.pack.file);

test('every part loads, with progress, and the table holds every row', async () => {
  const { context, page, errors, requested } = await bulkPage();
  // The progress line is recorded as it shows: a fast load may end before a test could read it.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const l = document.querySelector('.loading');
      if (l && l.querySelector('progress') && /个分卷/.test(l.textContent)) window.__progressSeen = l.textContent;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await gotoApp(page, `${env.url}?page=donations`);
  await page.locator('table.data-table tbody tr').first().waitFor({ timeout: 60000 });
  assert.match(await page.evaluate(() => window.__progressSeen || ''), /个分卷/, 'the progress line showed, naming the parts');
  const want = partFiles().sort();
  assert.ok(want.every((f) => f.endsWith('.pack')), 'gongshi bulk writes a pack per part');
  assert.deepEqual(requested.filter((f) => f.startsWith('donations-')).sort(), want, 'each part is read from its pack, not its JSON');
  assert.ok(!requested.includes('donations.json'), 'the whole-file path is not read when there are parts');
  const count = await page.locator('.result-count').innerText();
  const disb = JSON.parse(fs.readFileSync(path.join(dir, 'disbursements.json'), 'utf8')).records.length;
  const goods = JSON.parse(fs.readFileSync(path.join(dir, 'goods.json'), 'utf8')).batches.length;
  assert.match(count, new RegExp(`共 ${3000 + disb + goods} 条记录`), count);
  assert.equal(await page.locator('.validation').count(), 0, 'the parts and the other files reconcile');
  // Search spans the parts: ids of the first and the last part are both found.
  for (const id of ['D2019-00001', 'D2023-00001']) {
    await page.locator('input[type=search]').fill(id);
    await page.waitForFunction((x) => !/共 0 条/.test(document.querySelector('.result-count')?.textContent || '') && document.querySelector('table.data-table tbody')?.textContent.includes(x), id);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a URL with a year loads only that year’s parts, and the rest on request', async () => {
  const { context, page, errors, requested } = await bulkPage();
  await gotoApp(page, `${env.url}?page=donations&year=2021`);
  const notice = page.locator('.notice', { hasText: '只加载了 2021 年' });
  await notice.waitFor({ timeout: 60000 });
  const loaded = requested.filter((f) => f.startsWith('donations-'));
  assert.ok(loaded.length >= 1 && loaded.every((f) => f.startsWith('donations-2021')), loaded.join(' '));
  assert.equal(await page.locator('.validation').count(), 0, 'no cross-file errors for years not loaded');
  await notice.getByRole('button', { name: '加载全部年度' }).click();
  await notice.waitFor({ state: 'detached', timeout: 60000 });
  await page.locator('table.data-table tbody tr').first().waitFor();
  assert.deepEqual([...new Set(requested.filter((f) => f.startsWith('donations-')))].sort(), partFiles().sort());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pack that does not match is not used: the part is read from its JSON, with a warning', async () => {
  const { context, page, errors, requested } = await bulkPage();
  const victim = parts()[1];
  // Bytes changed after the manifest was written (a stale or damaged copy on the server).
  await page.route(`**/data/${victim.pack.file}`, async (route) => {
    const body = Buffer.from(fs.readFileSync(path.join(dir, victim.pack.file)));
    body[body.length - 3] ^= 0xff;
    await route.fulfill({ status: 200, contentType: 'application/octet-stream', body });
  });
  await gotoApp(page, `${env.url}?page=donations`);
  await page.locator('table.data-table tbody tr').first().waitFor({ timeout: 60000 });
  assert.ok(requested.includes(victim.file), 'the JSON of that part was read instead');
  assert.equal(requested.filter((f) => f.endsWith('.json') && f.startsWith('donations-')).length, 1, 'only that part');
  const disb = JSON.parse(fs.readFileSync(path.join(dir, 'disbursements.json'), 'utf8')).records.length;
  const goods = JSON.parse(fs.readFileSync(path.join(dir, 'goods.json'), 'utf8')).batches.length;
  assert.match(await page.locator('.result-count').innerText(), new RegExp(`共 ${3000 + disb + goods} 条记录`), 'no row lost');
  const notice = page.locator('.validation');
  await notice.waitFor();
  await notice.locator('summary').click();
  const text = await notice.innerText();
  assert.ok(text.includes(victim.pack.file) && text.includes(victim.file) && text.includes('gongshi manifest'), text);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a part whose bytes do not match its checksum is refused, naming the part', async () => {
  const { context, page } = await bulkPage();
  const victim = parts()[1];
  // Its pack is damaged too, so the app falls back to the JSON, which fails its checksum.
  await page.route(`**/data/${victim.pack.file}`, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.route(`**/data/${victim.file}`, async (route) => {
    const body = fs.readFileSync(path.join(dir, victim.file), 'utf8').replace('"donor":"', '"donor":"改');
    await route.fulfill({ status: 200, contentType: 'application/json', body });
  });
  await gotoApp(page, `${env.url}?page=donations`);
  const err = page.locator('.data-error').first();
  await err.waitFor({ timeout: 60000 });
  const text = await err.innerText();
  assert.ok(text.includes(victim.file), text);
  assert.match(text, /校验值不符/);
  await context.close();
});

test('the data page lists each part with its download link and checksum', async () => {
  const { context, page, errors } = await bulkPage();
  await gotoApp(page, `${env.url}?page=data`);
  const box = page.locator('[data-dataset="donations"] details.parts');
  await box.waitFor({ timeout: 30000 });
  assert.match(await box.locator('summary').innerText(), new RegExp(`${parts().length} 个分卷`));
  await box.locator('summary').click();
  const links = await box.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, parts().map((p) => `data/${p.file}`));
  assert.equal(await box.locator('code.hash').count(), parts().length);
  await page.screenshot({ path: new URL('./output/data-parts-390.png', import.meta.url).pathname, fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a receipt number reads one small lookup file, not the ledger, and answers as the ledger does: every use, each share to the fen; an unknown number says so', async () => {
  // gongshi manifest wrote the lookup's shards (the manifest says how many buckets).
  const buckets = manifest.datasets.find((d) => d.id === 'donations').lookup?.buckets;
  assert.ok(buckets >= 2, `shards written: ${buckets}`);
  const all = parts().flatMap((p) => read(p.file).records);
  const byId = new Map(all.map((d) => [d.id, d]));
  const paid = read('disbursements.json').records;
  const usesOf = (d) => paid.filter((x) => (x.from_donations ?? []).includes(d.id));
  // From the middle part: a directed donation with a disbursement shared across years, if any.
  const mid = read(parts()[Math.floor(parts().length / 2)].file).records.filter((d) => d.directed && d.receipt && usesOf(d).length);
  const crossYear = (d) => usesOf(d).some((x) => x.from_donations.some((i) => i.slice(1, 5) !== d.id.slice(1, 5)));
  const pick = mid.find(crossYear) ?? mid.find((d) => usesOf(d).some((x) => x.from_donations.length > 1)) ?? mid[0];
  const shareOf = (x) => {
    const amounts = x.from_donations.map((i) => BigInt(byId.get(i).amount_fen));
    const total = amounts.reduce((s, a) => s + a, 0n);
    const base = amounts.map((a) => BigInt(x.amount_fen) * a / total);
    const pos = x.from_donations.indexOf(pick.id);
    return base[pos] + (BigInt(pos) < BigInt(x.amount_fen) - base.reduce((s, b) => s + b, 0n) ? 1n : 0n);
  };
  const { context, page, errors, requested } = await bulkPage();
  await gotoApp(page, `${env.url}?page=lookup&no=${encodeURIComponent(pick.receipt.toLowerCase())}`);
  const card = page.locator(`.lookup-card[data-id="${pick.id}"]`);
  await card.waitFor({ timeout: 30000 });
  const shown = await card.locator('li.use').evaluateAll((ls) => ls.map((l) => `${l.dataset.id}=${l.dataset.fen}`).sort());
  assert.deepEqual(shown, usesOf(pick).map((x) => `${x.id}=${shareOf(x)}`).sort(), `${pick.id}: every use and its share`);
  const data = requested.filter((f) => f !== 'manifest.json' && f !== 'summary.json' && !f.endsWith('.svg'));
  assert.equal(data.length, 1, `one file read: ${data}`);
  assert.match(data[0], /^lookup-\d{4}\.json$/);
  // An unknown number: its shard holds no donation, so the goods file is read (a batch id?),
  // and the answer says nothing was found.
  requested.length = 0;
  await gotoApp(page, `${env.url}?page=lookup&no=XNHH-2099-999999`);
  await page.locator('.not-found').waitFor({ timeout: 30000 });
  assert.deepEqual(requested.filter((f) => /^(donations|disbursements)/.test(f)), [], `no ledger read: ${requested}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a lookup file that does not match the data (replaced since) is not used: the answer comes from the ledger', async () => {
  const { context, page, errors, requested } = await bulkPage();
  const pick = read(parts()[0].file).records.find((d) => d.receipt);
  // Every shard served as if made from other files.
  await page.route('**/data/lookup-*.json', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const shard = read(name);
    for (const k of Object.keys(shard.sources)) shard.sources[k] = '0'.repeat(64);
    requested.push(name);
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(shard) });
  });
  await gotoApp(page, `${env.url}?page=lookup&no=${encodeURIComponent(pick.receipt)}`);
  await page.locator(`.lookup-card[data-id="${pick.id}"]`).waitFor({ timeout: 60000 });
  assert.ok(requested.some((f) => f.startsWith('lookup-')), `the shard was tried: ${requested}`);
  assert.ok(requested.includes(parts()[0].pack.file), `the year's part was read: ${requested}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a lookup whose donation shared a disbursement with a donation of another year reads that year too, for the exact share', async () => {
  // (The disbursements' checksum is taken out of the manifest below, so the lookup files cannot
  // be used: this is the ledger's own answer.)
  const { context, page, errors, requested } = await bulkPage();
  // A 2021 disbursement paid from one 2021 directed donation; a 2019 directed donation is added
  // as its second source. The 2021 donation's share then depends on the 2019 donation's amount.
  const disbursements = read('disbursements.json');
  const x = disbursements.records.find((r) => r.from_donations?.length === 1 && r.from_donations[0].startsWith('D2021-'));
  const partOf = (year) => parts().filter((p) => p.year === year).flatMap((p) => read(p.file).records);
  const own = partOf(2021).find((r) => r.id === x.from_donations[0]);
  const other = partOf(2019).find((r) => r.directed && r.status === 'received');
  assert.ok(own?.receipt && other, 'the data has a directed donation in 2019 and a 2021 disbursement paid from one 2021 donation');
  x.from_donations = [own.id, other.id];
  await page.route('**/data/disbursements.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(disbursements) }));
  const m = read('manifest.json');
  const entry = m.datasets.find((d) => d.id === 'disbursements');
  delete entry.sha256;
  delete entry.bytes;
  await page.route('**/data/manifest.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(m) }));
  // The share in proportion to the two amounts, to the fen; the remainder fen to the first source.
  const [a, b, amount] = [BigInt(own.amount_fen), BigInt(other.amount_fen), BigInt(x.amount_fen)];
  const base = [amount * a / (a + b), amount * b / (a + b)];
  const share = base[0] + (amount - base[0] - base[1] > 0n ? 1n : 0n);
  assert.ok(share < amount);
  await gotoApp(page, `${env.url}?page=lookup&no=${encodeURIComponent(own.receipt)}`);
  await page.locator(`.lookup-card[data-id="${own.id}"] li.use[data-id="${x.id}"][data-fen="${share}"]`).waitFor({ timeout: 60000 });
  assert.ok(requested.includes(parts().find((p) => p.year === 2019).pack.file), `the 2019 part was read: ${requested}`);
  assert.deepEqual(errors, []);
  await context.close();
});
