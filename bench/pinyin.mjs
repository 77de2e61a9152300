// Pinyin search at 100k rows (issue 18): what a pinyin keystroke costs next to a Chinese one.
//
// The queries are drawn from the data (bench/lib/data.mjs `searchKeystrokes`: the most common
// characters, a place name, a person, a goods name), and their pinyin is written by an
// independent source, the npm package pinyin-pro (not the app's table): each term typed in
// Chinese, in full pinyin, and in initials (and, for the person, as 张xs), one keystroke at a
// time, then cleared. Timed in the page by the bench's own clock (bench/lib/inpage.js: the
// keystroke until the DOM shows it, and until the next frame); the table's first download and
// parse (the first Latin letter on a fresh page) is measured separately, as its own figure.
//
// Usage: node bench/pinyin.mjs [rows=100000] [repeats=5]   (after `make dist` and
// `cargo build --release -p gongshi-cli`)
import { pinyin } from 'pinyin-pro';
import { generate, site, searchKeystrokes } from './lib/data.mjs';
import { launch } from './lib/browser.mjs';
import { loadApp } from './lib/app.mjs';
import { startServer } from '../scripts/serve.mjs';
import { percentile } from './lib/stats.mjs';

const rows = Number(process.argv[2] || 100000);
const repeats = Number(process.argv[3] || 5);
const dataDir = generate(rows);
const dir = site(`pinyin-${rows}`, dataDir);
const { terms } = searchKeystrokes(dataDir);
const han = (s) => [...s].filter((c) => /\p{Script=Han}/u.test(c)).join('');
const typed = (term) => [...term].map((_, i) => [...term].slice(0, i + 1).join(''));
const chinese = [];
const spelled = [];
for (const t of terms) {
  const h = han(t.typed);
  if (!h) continue;
  const syl = pinyin(h, { toneType: 'none', type: 'array', surname: 'head', v: true });
  chinese.push({ what: t.what, term: h });
  spelled.push({ what: `${t.what}, full pinyin`, term: syl.join('') });
  if (syl.length > 1) spelled.push({ what: `${t.what}, initials`, term: syl.map((s) => s[0]).join('') });
  if (t.what === 'person') spelled.push({ what: `${t.what}, mixed`, term: [...h][0] + syl.slice(1).map((s) => s[0]).join('') });
}
const keys = (set) => set.flatMap((t) => [...typed(t.term), '']);

const { server, url } = await startServer({ dir, port: 0, prefix: '/site/' });
const browser = await launch();
try {
  // The table's first load: the first Latin letter typed on a fresh page.
  const first = [];
  for (let i = 0; i < 3; i++) {
    const s = await loadApp(browser, url);
    const ms = await s.page.evaluate(async () => {
      const input = document.querySelector('input[type=search]');
      const t0 = performance.now();
      input.value = 'z';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const loaded = () => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/pinyin.txt'));
      while (!loaded()) await new Promise((r) => setTimeout(r, 5));
      // Until the answer with pinyin is on screen: the count stops changing for two frames.
      let last = '';
      let same = 0;
      while (same < 2) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const c = document.querySelector('.result-count')?.textContent || '';
        same = c === last ? same + 1 : 0;
        last = c;
      }
      return performance.now() - t0;
    });
    first.push(ms);
    await s.context.close();
  }
  const s = await loadApp(browser, url);
  // The table in place before timing keystrokes.
  await s.page.evaluate(async () => {
    const input = document.querySelector('input[type=search]');
    input.value = 'a';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    while (!performance.getEntriesByType('resource').some((e) => e.name.endsWith('/pinyin.txt'))) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 500));
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const run = (k) => s.page.evaluate((keys) => window.__bench.typeAll(keys, 1), k);
  // Alternated, so both sets see the same state of the machine.
  const zh = [];
  const py = [];
  for (let i = 0; i < repeats; i++) {
    zh.push(...(await run(keys(chinese))));
    py.push(...(await run(keys(spelled))));
  }
  const found = await s.page.evaluate(async (terms) => {
    const out = {};
    for (const t of terms) {
      const input = document.querySelector('input[type=search]');
      input.value = t;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 300));
      out[t] = (document.querySelector('.result-count')?.textContent || '').replace(/\s+/g, ' ');
    }
    return out;
  }, [...chinese, ...spelled].map((t) => t.term));
  const p = (xs, q, f) => percentile(xs.map(f), q);
  const fmt = (x) => `${x.toFixed(2)} ms`;
  const row = (name, xs) => `${name}: to the DOM p50 ${fmt(p(xs, 0.5, (x) => x.ms))}, p95 ${fmt(p(xs, 0.95, (x) => x.ms))}; work until the next frame p95 ${fmt(p(xs, 0.95, (x) => x.workMs))}`;
  console.log(`pinyin bench: ${rows} rows, each set typed ${repeats} times, the two sets alternating`);
  console.log('  Chinese terms: ' + chinese.map((t) => `${t.what} “${t.term}”`).join(', '));
  console.log('  pinyin terms (pinyin-pro): ' + spelled.map((t) => `${t.what} “${t.term}”`).join(', '));
  console.log('  ' + row(`Chinese (${zh.length} keystrokes)`, zh));
  console.log('  ' + row(`pinyin (${py.length} keystrokes)`, py));
  const ratio = p(py, 0.95, (x) => x.ms) / p(zh, 0.95, (x) => x.ms);
  const ratioW = p(py, 0.95, (x) => x.workMs) / p(zh, 0.95, (x) => x.workMs);
  console.log(`  pinyin ÷ Chinese p95: ${ratio.toFixed(2)}× to the DOM, ${ratioW.toFixed(2)}× to the next frame (target ≤ 1.5×: ${ratio <= 1.5 ? 'PASS' : 'FAIL'})`);
  // Where the pinyin time goes: the slowest keystrokes (median over the repeats) of each set.
  const slowest = (xs) => Object.entries(xs.reduce((g, x) => ((g[x.key] ||= []).push(x), g), {})).map(([k, v]) => [k, percentile(v.map((x) => x.ms), 0.5)]).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `“${k}” ${v.toFixed(1)}`).join(', ');
  console.log(`  slowest keystrokes to the DOM (median ms): Chinese ${slowest(zh)}; pinyin ${slowest(py)}`);
  console.log(`  the first Latin letter on a fresh page (table downloaded, parsed, rows' initials, answer shown): ${first.map(fmt).join(', ')}`);
  console.log('  found: ' + Object.entries(found).map(([k, v]) => `${k} → ${v}`).join('; '));
  const inconsistent = [...zh, ...py].filter((x) => !x.consistent).length;
  if (inconsistent) console.log(`  ${inconsistent} keystrokes changed the page after the clock stopped`);
  await s.context.close();
} finally {
  await browser.close();
  server.close();
}
