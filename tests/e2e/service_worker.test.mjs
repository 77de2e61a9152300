// The service worker (public/sw.js) through real visits: each test serves its own copy of dist/
// (so files can change under it, as a publisher or a deploy changes them), visits, changes the
// files on the server, and visits again. Requests the worker makes are not seen by page.route(),
// so the server itself is changed, and it logs what it was asked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { setup, phonePage, PREFIX, gotoApp, reloadApp } from './helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { stampServiceWorker } from '../../scripts/stamp-sw.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.browser.close(); env?.server.close(); });

/** Waits until `fn` (run in the page; it may be async, which page.waitForFunction does not
 *  await) returns something truthy. */
async function until(page, fn, arg, { timeout = 30000, what = String(fn) } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await page.evaluate(fn, arg).catch((e) => (/context was destroyed|navigat/i.test(String(e)) ? false : Promise.reject(e)));
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ALTERED = /校验值不符|may have been altered/;

/** A deploy of its own: a copy of dist/ served with the header set, a request log, and `status`
 *  (path under the app → a status to answer instead of the file, e.g. 410). */
async function site(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshi-sw-'));
  // Without the precompressed copies: the files served are the ones the test changes.
  fs.cpSync('dist', dir, { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });
  const { server, url } = await startServer({ dir, port: 0, prefix: PREFIX, headers: env.headers });
  const log = [];
  const status = new Map();
  let inflight = 0;
  const [serve] = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    log.push(`${req.method} ${p.slice(PREFIX.length)}`);
    inflight++;
    res.on('close', () => { inflight--; });
    const s = status.get(p.slice(PREFIX.length));
    if (s) { res.writeHead(s, { 'Content-Type': 'text/plain', ...env.headers }); return res.end(req.method === 'HEAD' ? undefined : 'gone'); }
    serve(req, res);
  });
  const file = (rel) => path.join(dir, rel);
  const s = {
    dir, url, log, status, file,
    read: (rel) => fs.readFileSync(file(rel)),
    write: (rel, bytes) => fs.writeFileSync(file(rel), bytes),
    manifest(edit) {
      const m = JSON.parse(s.read('data/manifest.json'));
      edit(m);
      s.write('data/manifest.json', JSON.stringify(m, null, 2) + '\n');
    },
    /** Resolves once the host has answered everything it was asked (the worker's background
     *  requests included) and nothing new came for 300 ms: files change only after that. */
    async settled() {
      for (let quiet = 0; quiet < 3;) {
        const n = log.length;
        await new Promise((r) => setTimeout(r, 100));
        quiet = inflight === 0 && log.length === n ? quiet + 1 : 0;
      }
    },
    /** Publishes new bytes for data file `name` and records them in the manifest (a real update). */
    publish(name, bytes) {
      s.write(`data/${name}`, bytes);
      const sha = crypto.createHash('sha256').update(bytes).digest('hex');
      s.manifest((m) => {
        const refs = [m.summary, ...m.datasets.flatMap((d) => [d, ...(d.parts || []).flatMap((p) => [p, p.pack])])];
        for (const r of refs) if (r && r.file === name) { r.sha256 = sha; r.bytes = bytes.length; }
      });
    },
    close() { server.closeAllConnections?.(); server.close(); fs.rmSync(dir, { recursive: true, force: true }); },
  };
  t.after(() => s.close());
  return s;
}

async function swPage(t) {
  const p = await phonePage(env.browser, { serviceWorkers: 'allow' });
  t.after(() => p.context.close().catch(() => {}));
  await p.page.addInitScript(() => {
    window.__swMessages = [];
    navigator.serviceWorker?.addEventListener('message', (e) => window.__swMessages.push(e.data));
  });
  return p;
}

/** The worker is active (the app registers it; the static first view alone does not). */
const active = (page) => until(page, async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated' && !!navigator.serviceWorker.controller, null, { what: 'an active worker' });

/** A first visit (of a page that starts the app, which registers the worker), then `url` once
 *  the worker is active: from then on it sees every request. */
async function visit(page, url, { app = true } = {}) {
  await gotoApp(page, new URL('?page=data', url).href);
  await active(page);
  if (app) await gotoApp(page, url);
  else await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Every cached URL, by cache name. */
const cached = (page) => page.evaluate(async () => {
  const out = {};
  for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
  return out;
});
const inCache = (page, name) => page.evaluate(async (n) => {
  for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) if (r.url.endsWith('/data/' + n)) return true;
  return false;
}, name);
const waitCached = (page, name, yes = true) => until(page, async ([n, y]) => {
  let found = false;
  for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) if (r.url.endsWith('/data/' + n)) found = true;
  return found === y;
}, [name, yes], { what: `${name} ${yes ? '' : 'not '}cached` });
const rows = (page) => page.locator('table.data-table tbody tr');
const realErrors = (errors) => errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e));

test('a file withdrawn from the manifest and deleted is dropped from the cache and never shown again', async (t) => {
  const s = await site(t);
  const { context, page, errors } = await swPage(t);
  await visit(page, `${s.url}?page=relief`);
  await rows(page).first().waitFor();
  assert.equal(await rows(page).count(), 20);
  await waitCached(page, 'relief.json');

  // Emergency withdrawal: the file is deleted and dropped from the manifest.
  await s.settled();
  s.manifest((m) => { m.datasets = m.datasets.filter((d) => d.file !== 'relief.json'); });
  fs.rmSync(s.file('data/relief.json'));
  for (let i = 0; i < 2; i++) {
    await reloadApp(page);
    // No longer listed: the page says the organisation does not publish it.
    await page.locator('.notice.unpublished').first().waitFor();
    assert.equal(await rows(page).count(), 0, `reload ${i + 1}: no recipient is shown`);
    assert.equal(await inCache(page, 'relief.json'), false, `reload ${i + 1}: not in any cache`);
  }
  assert.deepEqual(realErrors(errors), []);
});

test('a file the host answers 410 or 404 for is dropped from the cache, even while the manifest lists it', async (t) => {
  const s = await site(t);
  const { context, page, errors } = await swPage(t);
  await visit(page, `${s.url}?page=relief`);
  await rows(page).first().waitFor();
  await waitCached(page, 'relief.json');
  await s.settled();
  s.status.set('data/relief.json', 410);
  await reloadApp(page);
  await page.locator('.data-error').first().waitFor();
  assert.equal(await rows(page).count(), 0, '410: not shown from the cache');
  assert.equal(await inCache(page, 'relief.json'), false);

  await gotoApp(page, `${s.url}?page=coverage`);
  await rows(page).first().waitFor();
  await waitCached(page, 'coverage.json');
  await s.settled();
  fs.rmSync(s.file('data/coverage.json'));
  await reloadApp(page);
  await page.locator('.data-error').first().waitFor();
  assert.equal(await rows(page).count(), 0, '404: not shown from the cache');
  assert.equal(await inCache(page, 'coverage.json'), false);
  assert.deepEqual(realErrors(errors), []);
});

test('the manifest comes from the network first: the first view\'s no-cache check sees new data at once', async (t) => {
  const s = await site(t);
  const { context, page, errors } = await swPage(t);
  await visit(page, s.url, { app: false });
  await page.locator('#prerender .card').first().waitFor();
  await waitCached(page, 'manifest.json');
  const booted = () => page.evaluate(() => performance.getEntriesByName('gongshi:main').length > 0);
  assert.equal(await booted(), false, 'unchanged data: the static view waits for an interaction');

  // The publisher replaces the data (here: the same manifest, written differently) and does not
  // re-run the prerender: the loader must see the new manifest, not the worker's copy.
  await s.settled();
  s.write('data/manifest.json', JSON.stringify(JSON.parse(s.read('data/manifest.json'))));
  const asked = s.log.length;
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('gongshi:main').length > 0, null, { timeout: 30000 });
  assert.ok(s.log.slice(asked).includes('GET data/manifest.json'), 'the manifest was fetched from the host');
  await page.locator('#app .card').first().waitFor();
  assert.deepEqual(realErrors(errors), []);
});

test('a data file listed without a checksum is answered from the cache; when it changed, the page is told and offers a reload', async (t) => {
  const s = await site(t);
  s.manifest((m) => { const d = m.datasets.find((x) => x.file === 'coverage.json'); delete d.sha256; delete d.bytes; });
  const { context, page, errors } = await swPage(t);
  await visit(page, `${s.url}?page=coverage`);
  await rows(page).first().waitFor();
  await waitCached(page, 'coverage.json');
  assert.equal(await page.locator('.notice.update').count(), 0, 'nothing changed yet');

  const fresh = JSON.stringify(JSON.parse(s.read('data/coverage.json')));
  await s.settled();
  s.write('data/coverage.json', fresh);
  await reloadApp(page);
  await rows(page).first().waitFor();
  const banner = page.locator('.notice.update');
  await banner.waitFor({ timeout: 10000 });
  assert.match(await banner.innerText(), /数据已更新/);
  const messages = await page.evaluate(() => window.__swMessages);
  assert.ok(messages.some((m) => m.type === 'gongshi:data-updated' && m.url.endsWith('/data/coverage.json')), JSON.stringify(messages));

  await banner.getByRole('button').click();
  await page.waitForFunction(() => !document.querySelector('.notice.update') && document.querySelector('table.data-table tbody tr'));
  const copy = await page.evaluate(async () => {
    for (const k of await caches.keys()) {
      const hit = await (await caches.open(k)).match(new URL('data/coverage.json', location.href).href);
      if (hit) return hit.text();
    }
    return null;
  });
  assert.equal(copy, fresh, 'the cache holds the new copy');
  assert.deepEqual(realErrors(errors), []);
});

test('a new deploy: new page at once, a new cache version, old hashed assets and old caches deleted, other apps\' caches kept', async (t) => {
  const built = fs.readFileSync('dist/sw.js', 'utf8').match(/const BUILD = '([^']*)';/)[1];
  assert.match(built, /^[0-9a-f]{16}$/, '`make dist` stamped a build id into dist/sw.js');
  const s = await site(t);
  const { context, page, errors } = await swPage(t);
  await visit(page, s.url);
  const oldCss = fs.readdirSync(s.dir).find((f) => /^style-[0-9a-f]+\.css$/.test(f));
  await until(page, async (css) => {
    for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) if (r.url.endsWith('/' + css)) return true;
    return false;
  }, oldCss);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  const before = Object.keys(await cached(page));
  assert.ok(before.length && before.every((k) => k.startsWith(`gongshi|${scope}|${built}|`)), before.join(' '));
  // What an earlier worker (or another gongshi on this host) left behind.
  const other = `gongshi|${new URL('../other/', scope).href}|${built}|data`;
  await page.evaluate(async ([scope, other]) => {
    for (const name of ['gongshi-v1-data', `gongshi|${scope}|0000000000000000|shell`, other]) {
      await (await caches.open(name)).put(new URL('data/relief.json', scope).href, new Response('{}'));
    }
  }, [scope, other]);

  // The deploy: a stylesheet under a new name, index.html pointing at it, the worker stamped.
  const newCss = 'style-0123456789abcdef.css';
  await s.settled();
  fs.renameSync(s.file(oldCss), s.file(newCss));
  s.write('index.html', s.read('index.html').toString().split(oldCss).join(newCss));
  const build = stampServiceWorker(s.dir);
  assert.notEqual(build, built);
  await reloadApp(page);
  assert.ok(await page.evaluate((css) => [...document.styleSheets].some((x) => x.href?.endsWith(css)), newCss), 'the new page, from the network');
  await until(page, async (b) => (await caches.keys()).some((k) => k.includes(`|${b}|`)), build, { what: 'the new build\'s caches' });
  await until(page, async ([own, b]) => (await caches.keys()).every((k) => !(k.startsWith(own) && k.includes(`|${b}|`))), [`gongshi|${scope}|`, built], { what: 'the old build\'s caches gone' });
  const after = await cached(page);
  const names = Object.keys(after);
  assert.ok(!names.includes('gongshi-v1-data'), 'the first worker\'s caches are deleted');
  assert.ok(!names.some((n) => n.includes('|0000000000000000|')), 'an older build\'s caches are deleted');
  assert.ok(names.includes(other), 'another app\'s caches on this host are left alone');
  assert.ok(!Object.values(after).flat().some((u) => u.endsWith('/' + oldCss)), 'the old hashed stylesheet is gone');
  assert.deepEqual(realErrors(errors), []);
});

test('a failing cache write (storage full) never fails a load', async (t) => {
  const s = await site(t);
  const { context, page, errors } = await swPage(t);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(s.url).origin, quotaSize: 1 });
  await gotoApp(page, `${s.url}?page=donations`);
  const refused = await page.evaluate(async () => {
    try { await (await caches.open('probe')).put('/probe', new Response('x'.repeat(10000))); return false; } catch (e) { return true; }
  });
  assert.ok(refused, 'the storage really refuses writes');
  await active(page);
  await reloadApp(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await rows(page).first().waitFor();
  await gotoApp(page, `${s.url}?page=relief`);
  await rows(page).first().waitFor();
  assert.equal(await page.locator('.data-error').count(), 0);
  assert.deepEqual(realErrors(errors), []);
});

test('the worker answers only requests under its own scope', async (t) => {
  const s = await site(t);
  const { context, page } = await swPage(t);
  await visit(page, `${s.url}?page=coverage`);
  await rows(page).first().waitFor();
  // Another app on the same host: its data and its hashed assets look like this app's.
  const outside = ['../elsewhere/data/manifest.json', '../elsewhere/app-0123456789abcdef.js'].map((u) => new URL(u, s.url).href);
  const inside = new URL('data/manifest.json', s.url).href;
  const [a, ...others] = await Promise.all([
    page.waitForResponse(inside),
    ...outside.map((u) => page.waitForResponse(u)),
    page.evaluate(async (urls) => { for (const u of urls) await fetch(u); }, [...outside, inside]),
  ]);
  assert.equal(a.fromServiceWorker(), true, 'the app\'s own data goes through the worker');
  for (const b of others.slice(0, outside.length)) assert.equal(b.fromServiceWorker(), false, `${b.url()} is not the worker's`);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  const all = await cached(page);
  for (const [name, urls] of Object.entries(all)) {
    assert.ok(name.startsWith(`gongshi|${scope}|`), name);
    for (const u of urls) assert.ok(u.startsWith(scope), u);
  }
});

test('a cached manifest is never paired with data of another version', async (t) => {
  // Online: the manifest was cached by an earlier visit; the data changed since.
  let s = await site(t);
  let { context, page, errors } = await swPage(t);
  await visit(page, s.url);
  await waitCached(page, 'manifest.json');
  await s.settled();
  s.publish('donations.json', Buffer.concat([s.read('data/donations.json'), Buffer.from('\n')]));
  await gotoApp(page, `${s.url}?page=donations`);
  await rows(page).first().waitFor();
  assert.doesNotMatch(await page.locator('body').innerText(), ALTERED);
  assert.deepEqual(realErrors(errors), []);

  // Offline: data cached at the first visit, the data changed, a second visit saw only the new
  // manifest; offline, the old copy must not be read against the new manifest.
  s = await site(t);
  ({ context, page, errors } = await swPage(t));
  await visit(page, `${s.url}?page=donations`);
  await rows(page).first().waitFor();
  await waitCached(page, 'donations.json');
  await s.settled();
  s.publish('donations.json', Buffer.concat([s.read('data/donations.json'), Buffer.from('\n')]));
  await page.goto(s.url);
  await page.locator('#prerender .card, #app .card').first().waitFor();
  await waitCached(page, 'donations.json', false);
  await context.setOffline(true);
  await page.goto(`${s.url}?page=donations`).catch(() => {});
  await page.locator('.data-error').first().waitFor();
  assert.doesNotMatch(await page.locator('body').innerText(), ALTERED);
  await context.setOffline(false);
});
