// make bench: the app against the JSON floor, Tabulator 6 and Lighthouse, in one headless
// Chromium run per size, printed as a table and written to bench/RESULTS.md.
//
//   node bench/run.mjs                       sizes 10000,100000,1000000
//   BENCH_SIZES=10000,100000 node bench/run.mjs
//   BENCH_SIZES=default node bench/run.mjs   just the shipped data (dist/data)
//   BENCH_LIGHTHOUSE_RUNS=1                  Lighthouse runs (default 3, the median is reported)
//   BENCH_SIZES= node bench/run.mjs          no row sizes: only the pages (first views, Lighthouse)
//
// Needs dist/ (make dist), bench/node_modules (npm ci --prefix bench) and
// target/release/gongshi (cargo build --release -p gongshi-cli). A missed target is reported,
// not an error; the exit code is non-zero only when the bench itself breaks.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT, WORK, BENCH, generate, donationFiles, site, searchKeystrokes } from './lib/data.mjs';
import { launch } from './lib/browser.mjs';
import { loadApp, appMemory, appInteractions, REPEATS, CLICKS } from './lib/app.mjs';
import { baseline, tabulator } from './lib/peers.mjs';
import { overviewFirstView } from './lib/bundle.mjs';
import { runLighthouse } from './lib/lighthouse.mjs';
import { lighthousePages, throttledVisits, codeSizes } from './lib/pages.mjs';
import { describeMachine, otherWork } from './lib/machine.mjs';
import { summarise, targets, pageTargets, printReport, writeResults, rowsLabel } from './lib/report.mjs';
import { ms } from './lib/stats.mjs';

const serve = await import(path.join(ROOT, 'scripts', 'serve.mjs'));

const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map((s) => s.trim()).filter(Boolean)
  .map((s) => (s === 'default' ? 'default' : Number(s.replace(/_/g, ''))));
for (const s of sizes) if (s !== 'default' && !(Number.isInteger(s) && s > 0)) throw new Error(`BENCH_SIZES: "${s}" is not a row count`);
if (!fs.existsSync(path.join(ROOT, 'dist', 'index.html'))) throw new Error('dist/ is missing: run `make dist` first');
if (!fs.existsSync(path.join(BENCH, 'node_modules', 'tabulator-tables'))) throw new Error('bench/node_modules is missing: run `npm ci --prefix bench`');
fs.mkdirSync(WORK, { recursive: true });

const step = (msg) => console.log(`\n== ${msg}`);
const t0 = Date.now();

// 1. Data and sites: the shipped data for the overview and Lighthouse, one bulk folder per size.
step('data');
const distData = path.join(ROOT, 'dist', 'data');
const defaultSite = site('default', distData);
const runs = [];
for (const n of sizes) {
  const dataDir = n === 'default' ? distData : generate(n);
  const files = donationFiles(dataDir);
  const name = n === 'default' ? 'default' : String(n);
  runs.push({ n, name, dataDir, siteDir: n === 'default' ? defaultSite : site(name, dataDir), ...files, search: searchKeystrokes(dataDir) });
  console.log(`  ${name}: ${files.records} donations, ${(files.bytes / 1024 / 1024).toFixed(1)} MiB in ${files.files.length} file(s)`);
}

// 2. Two servers over bench/work/: the app with the production header set (strict CSP), the
//    bench pages without it (Tabulator sets inline styles). Both compress like a real host.
const headers = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist-headers', 'headers.json'), 'utf8'));
const appServer = await serve.startServer({ dir: WORK, port: 0, prefix: '/', headers, compress: true });
const benchServer = await serve.startServer({ dir: WORK, port: 0, prefix: '/', compress: true });

// Warm the servers' on-the-fly compression (kept in memory while a file is unchanged), so no
// measured fetch waits for the server to compress a large file for the first time.
const warm = (url) => new Promise((resolve, reject) => {
  http.get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => { res.resume(); res.on('end', resolve); }).on('error', reject);
});
for (const r of runs) {
  for (const srv of [appServer, benchServer]) {
    for (const f of ['manifest.json', ...r.ledgerFiles.map((x) => x.name)]) await warm(`${srv.url}site-${r.name}/data/${f}`);
  }
}

// The plainest static host for the per-page figures (issue 15): gzip on the fly, no
// precompressed copies, no special headers, under a sub-path.
const plainServer = await serve.startServer({ dir: path.join(ROOT, 'dist'), port: 0, prefix: '/org/gongshi/', compress: 'gzip' });

const browser = await launch();
const chromium = `Chromium ${browser.version()}`;
const machine = describeMachine(chromium);
machine.busyStart = await otherWork();
console.log(`  ${machine.cpu}, ${machine.cores} cores, ${machine.ram}; ${chromium}; CPU busy with other work: ${Math.round(machine.busyStart * 100)}%`);
if (machine.busyStart > 0.1) console.log('  WARNING the machine is busy with other work: the times will be inflated');

const results = [];
let bundle = null;
const pages = { code: codeSizes(path.join(ROOT, 'dist')) };
try {
  step('overview first view (default data)');
  bundle = await overviewFirstView(browser, appServer.url + 'site-default/', defaultSite);
  console.log(`  ${bundle.files.length} responses, ${(bundle.total / 1024).toFixed(1)} KiB transferred`);

  step('every page by its own link, first visit on a throttled phone (default data, plain host)');
  // In a browser of their own: one that crashes there (seen once, on a tap) takes only these
  // figures with it.
  const visitBrowser = await launch();
  try {
    pages.visits = await throttledVisits(visitBrowser, plainServer.url);
  } catch (e) {
    console.log(`  ERROR throttled visits: ${String(e.message || e).split('\n')[0]}`);
  } finally {
    await visitBrowser.close().catch(() => {});
  }

  for (const r of runs) {
    const label = r.n === 'default' ? `default (${r.records})` : rowsLabel(r.n);
    const res = { label, search: r.search, rows: r.records, rawBytes: r.bytes, ledgerBytes: r.ledgerBytes, files: r.files.length, errors: [], tabulator: {} };
    results.push(res);
    const appUrl = `${appServer.url}site-${r.name}/`;
    const benchUrl = `${benchServer.url}site-${r.name}/`;
    const repeat = r.records > 200000 ? 1 : 3;
    const attempt = async (what, fn) => {
      try { return await fn(); } catch (e) {
        const msg = `${what}: ${String(e.message || e).split('\n')[0]}`;
        res.errors.push(msg);
        console.log(`  ERROR ${msg}`);
        return null;
      }
    };

    step(`${label} rows: the app`);
    await attempt('app', async () => {
      const loads = [];
      for (let i = 0; i < repeat; i++) {
        const s = await loadApp(browser, appUrl);
        loads.push(s.load);
        console.log(`  load ${i + 1}/${repeat}: ${ms(s.load.ms)} (${s.load.method === 'marks' ? `marks, ${s.load.rows ?? '?'} rows` : 'no marks: navigation → first table row'}; the page shows ${s.load.shown ?? '?'} rows)`);
        if (i === 0 && !(s.load.shown >= r.records)) {
          res.errors.push(`the app shows ${s.load.shown ?? 'no'} rows, fewer than the ${r.records} donations in the data: it did not load them all (its figures are not for this size)`);
          console.log(`  WARNING ${res.errors.at(-1)}`);
        }
        if (i < repeat - 1) { await s.context.close(); continue; }
        const memory = await appMemory(s);
        console.log(`  memory: JS heap ${(memory.jsHeap / 1048576).toFixed(1)} MiB + wasm ${memory.wasm === null ? '?' : (memory.wasm / 1048576).toFixed(1)} MiB`);
        const interactions = await appInteractions(s, r.search.keystrokes);
        console.log(`  ${interactions.search.length} keystrokes, ${interactions.sort.length} sorts, ${interactions.facet.length} facet clicks${interactions.facetError ? ' — ' + interactions.facetError : ''}`);
        if (s.errors.length) res.errors.push(...s.errors.slice(0, 3).map((e) => 'app page: ' + e));
        await s.context.close();
        res.app = { loads, memory, interactions };
      }
    });

    step(`${label} rows: fetch + JSON.parse + objects (the ledger's files)`);
    res.baseline = [];
    for (let i = 0; i < repeat; i++) {
      const b = await attempt('baseline', () => baseline(browser, benchUrl));
      if (b) { res.baseline.push(b); console.log(`  run ${i + 1}/${repeat}: ${ms(b.ms)} (${b.rows} records, ${b.files} files)`); }
    }

    // The peer closest to the app first; the two other set-ups where they are cheap enough.
    const variants = r.records > 200000 ? ['paged-global'] : ['paged-global', 'paged-header', 'virtual-global'];
    for (const v of variants) {
      step(`${label} rows: Tabulator ${v}`);
      const t = await attempt(`Tabulator ${v}`, () => tabulator(browser, benchUrl, v, r.search.keystrokes));
      if (t) {
        res.tabulator[v] = t;
        console.log(`  built in ${ms(t.load.loadMs)}; JS heap ${(t.jsHeap / 1048576).toFixed(1)} MiB`);
        if (t.errors.length) res.errors.push(...t.errors.slice(0, 3).map((e) => `Tabulator ${v}: ${e}`));
      }
    }
  }
} finally {
  await browser.close();
}

// 3. Lighthouse last, alone on the machine.
step('Lighthouse (overview, default data)');
let lh;
try {
  lh = await runLighthouse(appServer.url + 'site-default/', Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3));
  console.log(`  performance ${lh.performance}, accessibility ${lh.accessibility}, best practices ${lh.bestPractices}`);
} catch (e) {
  lh = { error: String(e.message || e).split('\n')[0] };
  console.log(`  could not run: ${lh.error}`);
}
step('Lighthouse (every page by its own link, default data, plain host)');
pages.lighthouse = await lighthousePages(plainServer.url, Number(process.env.BENCH_PAGE_LIGHTHOUSE_RUNS || 3));
appServer.server.close();
benchServer.server.close();
plainServer.server.close();

// 4. Report.
machine.busyEnd = await otherWork();
const S = results.map(summarise);
const T = targets(S, bundle, lh);
const T15 = pageTargets(S, pages);
const notes = [];
if (S.some((s) => s.loadMethod === 'first-row')) notes.push('† The app set no `gongshi:ledger:start`/`gongshi:ledger:ready` marks: its load is navigation start → the first table row (wasm download and start-up included), so it is not comparable with the JSON floor.');
for (const s of S) {
  const keys = s.terms.map((t) => t.typed).filter((k) => k in s.found.app || k in s.found.tab);
  if (s.terms.length) notes.push(`${s.label}: the search terms drawn from this data: ` + s.terms.map((t) => `${t.what} “${t.typed}”`).join(', ') + ` (${s.keystrokes} keystrokes, each term typed one character at a time, then cleared).`);
  if (keys.length) notes.push(`${s.label}: rows found, app / Tabulator (the app's ledger also holds disbursements and goods): ` + keys.map((k) => `“${k}” ${s.found.app[k] ?? '—'} / ${s.found.tab[k] ?? '—'}`).join(', ') + '.');
  for (const e of s.errors) notes.push(`${s.label}: ${e}`);
}
const method = fs.readFileSync(path.join(BENCH, 'lib', 'method.md'), 'utf8')
  .replace('{{REPEATS}}', String(REPEATS)).replace(/\{\{CLICKS\}\}/g, String(CLICKS));
printReport({ machine, S, bundle, lh, T, notes, pages, T15 });
fs.writeFileSync(path.join(WORK, 'results.json'), JSON.stringify({ machine, results, bundle, lighthouse: lh, pages }, null, 1));
writeResults(path.join(BENCH, 'RESULTS.md'), { machine, S, bundle, lh, T, notes, method, pages, T15 });
console.log(`\nwrote bench/RESULTS.md (raw figures: bench/work/results.json) in ${((Date.now() - t0) / 60000).toFixed(1)} min`);
