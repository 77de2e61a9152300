// 捐赠查询 at scale (issue 18): a donor's receipt number opened by its own link
// (`?page=lookup&no=…`), until the answer card shows, on a 390 px phone with 4× CPU slowdown;
// once on a fast network and once throttled like the bench's phone (1.6 Mbps, 150 ms), no cache.
// The receipts are drawn from the data (one from the first, the middle and the last part of the
// ledger), so what is read is the part the receipt's year names, as a donor's link would have it.
// Also reported: how many bytes of data the answer downloaded, against the whole ledger's; and
// the same receipt typed into the open lookup page, from the tap on 查询 to the frame that shows
// the answer (what a donor at the form waits for).
//
// Usage: node bench/lookup.mjs [rows=100000] [runs=3]   (after `make dist` and
// `cargo build --release -p gongshi-cli`)
import fs from 'node:fs';
import path from 'node:path';
import { generate, site } from './lib/data.mjs';
import { launch, freshPage } from './lib/browser.mjs';
import { THROTTLE } from './lib/pages.mjs';
import { startServer } from '../scripts/serve.mjs';

const rows = Number(process.argv[2] || 100000);
const runs = Number(process.argv[3] || 3);
const dataDir = generate(rows);
const dir = site(`lookup-${rows}`, dataDir);
const manifest = JSON.parse(fs.readFileSync(path.join(dataDir, 'manifest.json'), 'utf8'));
const d = manifest.datasets.find((x) => x.id === 'donations');
const parts = d.parts?.length ? d.parts : [{ file: d.file }];
const picks = [parts[0], parts[Math.floor(parts.length / 2)], parts.at(-1)].map((p) => {
  const recs = JSON.parse(fs.readFileSync(path.join(dataDir, p.path || p.file), 'utf8')).records.filter((r) => r.receipt);
  return recs[Math.floor(recs.length / 2)];
});
const ledgerBytes = parts.reduce((s, p) => s + fs.statSync(path.join(dataDir, p.path || p.file)).size, 0);

const { server, url } = await startServer({ dir, port: 0, prefix: '/bench/lookup/', compress: 'gzip' });
const browser = await launch();
const out = { fast: [], phone: [] };
/** A fresh 390 px page with 4× CPU, no cache, and on the phone profile the throttled network. */
async function page(profile) {
  const s = await freshPage(browser, { viewport: { width: 390, height: 844 } });
  await s.cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
  await s.cdp.send('Network.enable');
  await s.cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile === 'phone') {
    await s.cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: THROTTLE.latencyMs,
      downloadThroughput: (THROTTLE.downKbps * 1000) / 8, uploadThroughput: (THROTTLE.upKbps * 1000) / 8,
    });
  }
  return s;
}
try {
  for (const profile of ['fast', 'phone']) {
    for (const pick of picks) {
      for (let i = 0; i < runs; i++) {
        const s = await page(profile);
        let data = 0;
        s.cdp.on('Network.loadingFinished', (e) => { data += e.encodedDataLength; });
        const t0 = Date.now();
        await s.page.goto(`${url}?page=lookup&no=${encodeURIComponent(pick.receipt)}`);
        await s.page.locator(`.lookup-card[data-id="${pick.id}"]`).waitFor({ timeout: 600000 });
        const ms = await s.page.evaluate(() => performance.now());
        out[profile].push({ receipt: pick.receipt, ms, wall: Date.now() - t0, bytes: data });
        console.log(`  ${profile}: ${pick.receipt} answered at ${ms.toFixed(0)} ms after navigation start (${(data / 1e6).toFixed(2)} MB transferred)`);
        await s.context.close();
        // Typed: the lookup page open (the app in), the donor types the number and taps 查询;
        // from the tap to the frame that shows the answer card.
        const t = await page(profile);
        await t.page.goto(`${url}?page=lookup`);
        await t.page.locator('#app #lookup-no').waitFor({ timeout: 600000 });
        await t.page.waitForLoadState('networkidle');
        let typedBytes = 0;
        t.cdp.on('Network.loadingFinished', (e) => { typedBytes += e.encodedDataLength; });
        await t.page.locator('#lookup-no').fill(pick.receipt);
        await t.page.evaluate((id) => {
          window.__shown = new Promise((done) => {
            const mo = new MutationObserver(() => {
              if (!document.querySelector(`.lookup-card[data-id="${id}"]`)) return;
              mo.disconnect();
              requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
            });
            mo.observe(document.body, { subtree: true, childList: true });
          });
          document.querySelector('.lookup-form button[type=submit]').addEventListener('click', () => { window.__tap = performance.now(); }, { capture: true, once: true });
        }, pick.id);
        // Measured twice: by the page's clock (the tap's event to the frame after the card is in
        // the DOM), and from outside by this script's clock (the click sent to Playwright seeing
        // the card visible, its own round trips included).
        const w0 = Date.now();
        await t.page.locator('.lookup-form button[type=submit]').click();
        await t.page.locator(`.lookup-card[data-id="${pick.id}"]`).waitFor({ timeout: 600000 });
        const wall = Date.now() - w0;
        const typed = await t.page.evaluate(async () => (await window.__shown) - window.__tap);
        out[profile + 'Typed'] = [...(out[profile + 'Typed'] || []), { ms: typed, wall, bytes: typedBytes }];
        console.log(`  ${profile}, typed: ${pick.receipt} answered ${typed.toFixed(0)} ms after the tap, to the frame (outside: ${wall} ms; ${(typedBytes / 1e3).toFixed(1)} kB transferred)`);
        await t.context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const p of ['fast', 'phone']) {
  const ms = median(out[p].map((x) => x.ms));
  const typed = out[p + 'Typed'].map((x) => x.ms);
  console.log(`lookup bench, ${rows} rows, ${p === 'fast' ? 'fast network' : 'throttled network'}, 4× CPU, typed into the open lookup page: median ${median(typed).toFixed(0)} ms from the tap to the frame with the answer, max ${Math.max(...typed).toFixed(0)} ms (measured from outside: median ${median(out[p + 'Typed'].map((x) => x.wall))} ms); median ${(median(out[p + 'Typed'].map((x) => x.bytes)) / 1e3).toFixed(1)} kB transferred — ${median(typed) <= 1000 ? 'PASS' : 'FAIL'} ≤ 1 s`);
  console.log(`lookup bench, ${rows} rows (${parts.length} parts, ${(ledgerBytes / 1e6).toFixed(1)} MB of donations JSON), ${p === 'fast' ? 'fast network' : `throttled network (${THROTTLE.downKbps} kbps, ${THROTTLE.latencyMs} ms)`}, 4× CPU: median ${ms.toFixed(0)} ms to the answer, max ${Math.max(...out[p].map((x) => x.ms)).toFixed(0)} ms; median ${(median(out[p].map((x) => x.bytes)) / 1e6).toFixed(2)} MB transferred — ${ms <= 1000 ? 'PASS' : 'FAIL'} ≤ 1 s`);
}
