// A quick harness for the 100k keystroke's frame (issue 15): the bench's own data-drawn
// keystrokes, typed into ?page=donations, LOADS fresh loads × REPEATS passes; prints the
// keystroke → DOM and the work until a frame shows it (p50 / p95), the way run.mjs measures
// them, without Tabulator or Lighthouse. After `make dist`:
//   node bench/frame.mjs [rows, 100000] [loads, 3] [css-file]
// The optional stylesheet is injected before typing, to try a change of layout without a build.
// Env: REPEATS (passes per load, 5 as in the bench), W and H (a viewport other than the bench's
// 1280 × 900, set after load), SLOWEST=1 (the slowest keys, by their median work until a frame).
import fs from 'node:fs';
import path from 'node:path';
import { WORK, site, searchKeystrokes } from './lib/data.mjs';
import { launch } from './lib/browser.mjs';
import { loadApp } from './lib/app.mjs';
import { percentile } from './lib/stats.mjs';
import { startServer } from '../scripts/serve.mjs';

const rows = Number(process.argv[2] || 100000);
const loads = Number(process.argv[3] || 3);
const css = process.argv[4] ? fs.readFileSync(process.argv[4], 'utf8') : null;
const dataDir = path.join(WORK, `data-${rows}`);
if (!fs.existsSync(dataDir)) throw new Error(`${dataDir}: run make bench (or bench/run.mjs) once to generate it`);
const dir = site(`frame-${rows}`, dataDir);
const server = await startServer({ dir, port: 0, prefix: '/', compress: true });
const url = server.url;
const { keystrokes } = searchKeystrokes(dataDir);
const browser = await launch();
/** p50 and p95 to the DOM and of the work until a frame shows the keystroke. */
const summary = (xs) => {
  const q = (f, p) => percentile(xs.map(f), p).toFixed(1);
  return `to the DOM p50 ${q((x) => x.ms, 0.5)} p95 ${q((x) => x.ms, 0.95)} ms; work until a frame p50 ${q((x) => x.workMs, 0.5)} p95 ${q((x) => x.workMs, 0.95)} ms`;
};
const all = [];
for (let l = 0; l < loads; l++) {
  const s = await loadApp(browser, url);
  if (process.env.W) await s.page.setViewportSize({ width: Number(process.env.W), height: Number(process.env.H || 844) });
  if (css) await s.page.addStyleTag({ content: css });
  const out = await s.page.evaluate(([keys, repeats]) => window.__bench.typeAll(keys, repeats), [keystrokes, Number(process.env.REPEATS || 5)]);
  all.push(...out);
  console.log(`load ${l + 1}: ${summary(out)}`);
  await s.context.close();
}
console.log(`all: ${summary(all)} (${all.length} keystrokes)`);
if (process.env.SLOWEST) {
  const byKey = new Map();
  for (const x of all) (byKey.get(x.key) || byKey.set(x.key, []).get(x.key)).push(x);
  const median = (xs, f) => percentile(xs.map(f), 0.5);
  const slowest = [...byKey].map(([k, xs]) => [k, median(xs, (x) => x.workMs), median(xs, (x) => x.ms)]).sort((a, b) => b[1] - a[1]).slice(0, 15);
  for (const [k, work, dom] of slowest) console.log(`  ${JSON.stringify(k)} work p50 ${work.toFixed(1)} ms, DOM p50 ${dom.toFixed(1)} ms`);
}
await browser.close();
server.server.close();
