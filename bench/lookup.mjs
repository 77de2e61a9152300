// 捐赠查询 at scale (issue 18): a donor's receipt number opened by its own link
// (`?page=lookup&no=…`), until the answer card shows, on a 390 px phone with 4× CPU slowdown;
// once on a fast network and once throttled like the bench's phone (1.6 Mbps, 150 ms), no cache.
// The receipts are drawn from the data (one from the first, the middle and the last part of the
// ledger), so what is read is the part the receipt's year names, as a donor's link would have it.
// Also reported: how many bytes of data the answer downloaded, against the whole ledger's.
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
try {
  for (const profile of ['fast', 'phone']) {
    for (const pick of picks) {
      for (let i = 0; i < runs; i++) {
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
        let data = 0;
        s.cdp.on('Network.loadingFinished', (e) => { data += e.encodedDataLength; });
        const t0 = Date.now();
        await s.page.goto(`${url}?page=lookup&no=${encodeURIComponent(pick.receipt)}`);
        await s.page.locator(`.lookup-card[data-id="${pick.id}"]`).waitFor({ timeout: 600000 });
        const ms = await s.page.evaluate(() => performance.now());
        out[profile].push({ receipt: pick.receipt, ms, wall: Date.now() - t0, bytes: data });
        console.log(`  ${profile}: ${pick.receipt} answered at ${ms.toFixed(0)} ms after navigation start (${(data / 1e6).toFixed(2)} MB transferred)`);
        await s.context.close();
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
  console.log(`lookup bench, ${rows} rows (${parts.length} parts, ${(ledgerBytes / 1e6).toFixed(1)} MB of donations JSON), ${p === 'fast' ? 'fast network' : `throttled network (${THROTTLE.downKbps} kbps, ${THROTTLE.latencyMs} ms)`}, 4× CPU: median ${ms.toFixed(0)} ms to the answer, max ${Math.max(...out[p].map((x) => x.ms)).toFixed(0)} ms; median ${(median(out[p].map((x) => x.bytes)) / 1e6).toFixed(2)} MB transferred — ${ms <= 1000 ? 'PASS' : 'FAIL'} ≤ 1 s`);
}
