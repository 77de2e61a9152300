// Turns the raw measurements into the printed table, the target lines and bench/RESULTS.md.
import fs from 'node:fs';
import { percentile, median, ratio, ms, times, bytes, rowsLabel } from './stats.mjs';

const CHANGES_HEADING = '## What each change bought';

const p = (xs, q) => percentile((xs || []).map((x) => x.ms), q);
const pf = (xs, q) => percentile((xs || []).map((x) => x.frameMs), q);
const pw = (xs, q) => percentile((xs || []).map((x) => x.workMs), q);
const inconsistent = (xs) => (xs || []).filter((x) => !x.consistent).length;

const firstNumber = (text) => {
  const m = String(text || '').replace(/[,，]/g, '').match(/\d+/);
  return m ? Number(m[0]) : null;
};
/** Rows found for the full queries (first repetition), to see both sides search alike. */
function found(search) {
  const out = {};
  for (const x of search || []) if (x.key && !(x.key in out)) out[x.key] = firstNumber(x.after);
  return out;
}

/** The figures of one size, from its raw results. */
export function summarise(r) {
  const tab = r.tabulator?.['paged-global'];
  const tabH = r.tabulator?.['paged-header'];
  const tabV = r.tabulator?.['virtual-global'];
  const a = r.app?.interactions;
  const appLoad = median((r.app?.loads || []).map((l) => l.ms));
  const floor = median((r.baseline || []).map((b) => b.ms));
  const mem = r.app?.memory;
  const appMem = mem ? mem.jsHeap + (mem.wasm || 0) : NaN;
  const after = a?.longtasks || [];
  return {
    label: r.label,
    terms: r.search?.terms || [],
    keystrokes: r.search?.keystrokes?.length || 0,
    rows: r.rows,
    rawBytes: r.rawBytes,
    files: r.files,
    loadMethod: r.app?.loads?.[0]?.method,
    markRows: r.app?.loads?.[0]?.rows ?? null,
    appLoad,
    floor,
    loadRatio: ratio(appLoad, floor),
    tabLoad: tab?.load?.loadMs,
    search: {
      app: [p(a?.search, 0.5), p(a?.search, 0.95)],
      tab: [p(tab?.search, 0.5), p(tab?.search, 0.95)],
      appFrame: pf(a?.search, 0.95),
      tabFrame: pf(tab?.search, 0.95),
      appWork: pw(a?.search, 0.95),
      tabWork: pw(tab?.search, 0.95),
      tabHeader: [p(tabH?.search, 0.5), p(tabH?.search, 0.95)],
      tabVirtual: [p(tabV?.search, 0.5), p(tabV?.search, 0.95)],
    },
    sort: { app: p(a?.sort, 0.5), tab: p(tab?.sort, 0.5), tabVirtual: p(tabV?.sort, 0.5) },
    facet: { app: p(a?.facet, 0.5), tab: p(tab?.facet, 0.5), tabVirtual: p(tabV?.facet, 0.5) },
    inconsistent: { app: inconsistent(a?.search) + inconsistent(a?.sort) + inconsistent(a?.facet), tab: inconsistent(tab?.search) + inconsistent(tab?.sort) + inconsistent(tab?.facet) },
    ledgerBytes: r.ledgerBytes,
    // The app holds the whole ledger (donations, disbursements, goods); Tabulator the donations.
    memory: { jsHeap: mem?.jsHeap, wasm: mem?.wasm, total: appMem, ratio: ratio(appMem, r.ledgerBytes), tab: tab?.jsHeap, tabRatio: ratio(tab?.jsHeap, r.rawBytes) },
    longest: after.length ? Math.max(...after.map((t) => t.duration)) : (a ? 0 : NaN),
    longtasks: after.length,
    over200: after.filter((t) => t.duration > 200).length,
    longestTab: tab?.longtasks?.length ? Math.max(...tab.longtasks.map((t) => t.duration)) : (tab ? 0 : NaN),
    found: { app: found(a?.search), tab: found(tab?.search) },
    errors: r.errors || [],
    // The page showed fewer rows than the data has donations: the app's figures are not for this size.
    incomplete: !!(r.app?.loads?.[0] && !(r.app.loads[0].shown >= r.rows)),
    shown: r.app?.loads?.[0]?.shown ?? null,
  };
}

const longest = (x) => (Number.isNaN(x) ? '—' : x === 0 ? '< 50 ms' : ms(x));
const pair = ([a, b]) => `${ms(a)} / ${ms(b)}`;

/** Rows of [label, ...one cell per size]. */
export function figureRows(S) {
  const row = (label, f) => [label, ...S.map(f)];
  return [
    row('donation rows', (s) => s.rows.toLocaleString('en')),
    row('raw donation JSON', (s) => `${bytes(s.rawBytes)} in ${s.files} file${s.files === 1 ? '' : 's'}`),
    row('raw ledger JSON (+ disbursements, goods)', (s) => bytes(s.ledgerBytes)),
    row('load: app' , (s) => ms(s.appLoad) + (s.loadMethod === 'first-row' ? ' †' : '')),
    row('load: fetch + JSON.parse + objects', (s) => ms(s.floor)),
    row('load ratio app ÷ JSON floor', (s) => times(s.loadRatio)),
    row('load: Tabulator (info)', (s) => ms(s.tabLoad)),
    row('search p50 / p95: app', (s) => pair(s.search.app)),
    row('search p50 / p95: Tabulator', (s) => pair(s.search.tab)),
    row('search ratio app ÷ Tabulator (p50 / p95)', (s) => `${times(ratio(s.search.app[0], s.search.tab[0]))} / ${times(ratio(s.search.app[1], s.search.tab[1]))}`),
    row('search p95 to the next frame: app / Tabulator', (s) => `${ms(s.search.appFrame)} / ${ms(s.search.tabFrame)}`),
    row('search p95 work until a frame shows it: app / Tabulator', (s) => `${ms(s.search.appWork)} / ${ms(s.search.tabWork)}`),
    row('search p50 / p95: Tabulator header filter (donor)', (s) => pair(s.search.tabHeader)),
    row('search p50 / p95: Tabulator virtual DOM', (s) => pair(s.search.tabVirtual)),
    row('sort by amount p50: app / Tabulator', (s) => `${ms(s.sort.app)} / ${ms(s.sort.tab)}`),
    row('sort ratio app ÷ Tabulator', (s) => times(ratio(s.sort.app, s.sort.tab))),
    row('facet click + totals p50: app / Tabulator', (s) => `${ms(s.facet.app)} / ${ms(s.facet.tab)}`),
    row('facet ratio app ÷ Tabulator', (s) => times(ratio(s.facet.app, s.facet.tab))),
    row('memory: app JS heap + wasm', (s) => `${bytes(s.memory.jsHeap)} + ${bytes(s.memory.wasm)}`),
    row('memory: app ÷ raw ledger JSON', (s) => times(s.memory.ratio)),
    row('memory: Tabulator JS heap ÷ raw donation JSON', (s) => `${bytes(s.memory.tab)} = ${times(s.memory.tabRatio)}`),
    row('longest task after load: app (count > 200 ms)', (s) => `${longest(s.longest)} (${Number.isNaN(s.longest) ? '—' : s.over200})`),
    row('longest task after load: Tabulator', (s) => longest(s.longestTab)),
    row('reads still changing after the clock stopped: app / Tabulator', (s) => `${s.inconsistent.app} / ${s.inconsistent.tab}`),
  ];
}

export function bundleRows(b) {
  const rows = [];
  for (const f of b.files) rows.push([f.name, f.kind, bytes(f.raw), bytes(f.gzip), bytes(f.brotli), `${bytes(f.transferred)}${f.encoding ? ' ' + f.encoding : ''}`]);
  return rows;
}

/** PASS / FAIL / SKIP lines for the targets of issue 7. */
export function targets(S, bundle, lh) {
  const out = [];
  const t = (ok, text, figure) => out.push({ status: ok === null ? 'SKIP' : ok ? 'PASS' : 'FAIL', text, figure });
  // A size whose data the app did not load fails its targets, whatever the figures say.
  const sized = (s, ok, text, figure) => (s && s.incomplete ? t(false, text, `the app showed ${s.shown ?? 'no'} rows of ${s.rows.toLocaleString('en')} donations`) : t(ok, text, figure));
  const by = (n) => S.find((s) => s.rows === n);
  const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
  const firstView = bundle ? bundle.firstView ?? bundle.total + bundle.swPrecache : NaN;
  t(bundle ? firstView <= 200000 : null, 'overview first view ≤ 200 KB (200,000 bytes) transferred', bundle ? `${kB(firstView)} on a phone before any interaction (${bundle.firstViewFiles} requests); with the app, loaded on the first interaction: ${kB(bundle.total + bundle.swPrecache)} (page ${kB(bundle.total)} + service worker install ${kB(bundle.swPrecache)})` : 'not measured');
  const lhOk = lh && !lh.error;
  t(lhOk ? lh.performance >= 98 : null, 'Lighthouse mobile performance ≥ 98', lhOk ? String(lh.performance) : `not measured${lh?.error ? ': ' + lh.error : ''}`);
  t(lhOk ? lh.accessibility === 100 : null, 'Lighthouse accessibility 100', lhOk ? String(lh.accessibility) : 'not measured');
  t(lhOk ? lh.bestPractices === 100 : null, 'Lighthouse best practices 100', lhOk ? String(lh.bestPractices) : 'not measured');
  t(lhOk ? lh.lcp <= 1200 : null, 'Lighthouse LCP ≤ 1.2 s', lhOk ? `${(lh.lcp / 1000).toFixed(2)} s` : 'not measured');
  const k = by(100000);
  const has = (x) => x && Number.isFinite(x);
  sized(k, k && has(k.search.app[1]) ? k.search.app[1] <= 8 : null, '100k rows: search p95 ≤ 8 ms per keystroke', k ? ms(k.search.app[1]) : 'size not run');
  const sr = k ? ratio(k.search.tab[1], k.search.app[1]) : NaN;
  sized(k, k && has(sr) ? sr >= 10 : null, '100k rows: search ≥ 10× faster than Tabulator (p95)', k ? `${times(sr)} faster (app ${ms(k.search.app[1])}, Tabulator ${ms(k.search.tab[1])})` : 'size not run');
  if (k && k.loadMethod === 'first-row' && !k.incomplete) t(null, '100k rows: load no slower than JSON.parse + objects', `not comparable: the app set no load marks (navigation → first row ${ms(k.appLoad)}, JSON floor ${ms(k.floor)})`);
  else sized(k, k && has(k.loadRatio) ? k.loadRatio <= 1 : null, '100k rows: load no slower than JSON.parse + objects', k ? `${ms(k.appLoad)} vs ${ms(k.floor)} = ${times(k.loadRatio)}` : 'size not run');
  const m = by(1000000);
  sized(m, m && !Number.isNaN(m.longest) ? m.over200 === 0 : null, '1M rows: no task over 200 ms after load', m ? `longest ${longest(m.longest)}, ${m.over200} over 200 ms` : 'size not run');
  sized(m, m && has(m.memory.ratio) ? m.memory.ratio <= 2 : null, '1M rows: memory ≤ 2× raw data', m ? `${bytes(m.memory.total)} for ${bytes(m.ledgerBytes)} of ledger JSON = ${times(m.memory.ratio)}` : 'size not run');
  return out;
}

/** PASS / FAIL / SKIP lines for the targets of issue 15 (every page, phones, code size, frames). */
export function pageTargets(S, pages) {
  const out = [];
  const t = (ok, text, figure) => out.push({ status: ok === null ? 'SKIP' : ok ? 'PASS' : 'FAIL', text, figure });
  const lh = (pages?.lighthouse || []);
  const ran = lh.filter((x) => !x.error);
  const name = (x) => `${x.page}.${x.lang}`;
  const all = (f) => (ran.length === 12 ? ran.every(f) : null);
  const worst = (key, pick) => (ran.length ? ran.reduce((a, x) => (pick(x[key], a[key]) ? x : a)) : null);
  const w = worst('performance', (a, b) => a < b);
  t(all((x) => x.performance >= 95), 'every page (6 pages × zh, en) by its own link: Lighthouse mobile performance ≥ 95', ran.length ? `lowest ${w.performance} (${name(w)}); ${ran.length} of 12 measured` : 'not measured');
  const l = worst('lcp', (a, b) => a > b);
  t(all((x) => x.lcp <= 1500), 'every page: LCP ≤ 1.5 s', ran.length ? `highest ${(l.lcp / 1000).toFixed(2)} s (${name(l)})` : 'not measured');
  const b = worst('tbt', (a, b) => a > b);
  t(all((x) => x.tbt <= 150), 'every page: TBT ≤ 150 ms', ran.length ? `highest ${Math.round(b.tbt)} ms (${name(b)})` : 'not measured');
  const ov = ran.find((x) => x.page === 'overview' && x.lang === 'zh');
  t(ov ? ov.performance === 100 : null, 'the overview keeps 100', ov ? String(ov.performance) : 'not measured');
  const v = (pages?.visits?.visits || []);
  const vr = v.filter((x) => !x.error);
  const slow = vr.length ? vr.reduce((a, x) => (x.ms > a.ms ? x : a)) : null;
  t(vr.length === 12 ? vr.every((x) => x.ms <= 1500) : null, 'first visit on a throttled phone: every page\'s main content within 1.5 s', slow ? `slowest ${ms(slow.ms)} (${name(slow)})` : 'not measured');
  const taps = (pages?.visits?.taps || []);
  const tr = taps.filter((x) => !x.error);
  t(tr.length === taps.length && tr.length ? tr.every((x) => x.ms <= 1500) : null, 'a tap from the overview shows the next page within 1.5 s', tr.length ? tr.map((x) => `${x.label}: ${ms(x.ms)}`).join('; ') : 'not measured');
  const code = pages?.code;
  const build = (b) => `${b.name} ${bytes(b.brotli)} (${b.files.map((f) => `${f.file} ${bytes(f.brotli)}`).join(', ')})`;
  t(code ? code.brotli <= 250 * 1024 : null, 'the code one page needs (wasm + JS) ≤ 250 KB brotli', code ? `${bytes(code.brotli)}, the larger of the app's builds (each page loads one): ${(code.builds ?? [code]).map(build).join('; ')}` : 'not measured');
  const k = S.find((s) => s.rows === 100000);
  const has = (x) => x !== undefined && Number.isFinite(x);
  t(k && has(k.search.appWork) ? k.search.appWork <= 16 : null, '100k rows: keystroke → next frame p95 ≤ 16 ms (the work until a frame shows it)', k ? `${ms(k.search.appWork)} (to the DOM ${ms(k.search.app[1])}; to the next frame, the wait for the display's refresh included, ${ms(k.search.appFrame)})` : 'size not run');
  const dom = k ? ratio(k.search.tab[1], k.search.app[1]) : NaN;
  t(k && has(dom) ? dom >= 10 : null, '100k rows: ≥ 10× Tabulator to the DOM (p95)', k ? `${times(dom)}` : 'size not run');
  const fr = k ? ratio(k.search.tabWork, k.search.appWork) : NaN;
  t(k && has(fr) ? fr >= 3 : null, '100k rows: ≥ 3× Tabulator to the next frame (p95, work until a frame shows it)', k ? `${times(fr)} (app ${ms(k.search.appWork)}, Tabulator ${ms(k.search.tabWork)}; with the wait for the refresh: app ${ms(k.search.appFrame)}, Tabulator ${ms(k.search.tabFrame)})` : 'size not run');
  return out;
}

/** The per-page table: Lighthouse and the throttled first visit. */
export function pageRows(pages) {
  const v = new Map((pages?.visits?.visits || []).map((x) => [`${x.page}.${x.lang}`, x]));
  return (pages?.lighthouse || []).map((x) => {
    const key = `${x.page}.${x.lang}`;
    const visit = v.get(key);
    const seen = visit ? (visit.error ? `error: ${visit.error}` : `${ms(visit.ms)}${visit.staticView ? '' : ' (app)'}`) : '—';
    if (x.error) return [key, `error: ${x.error}`, '', '', '', '', '', seen];
    return [key, `${x.performance}${x.performanceScores.length > 1 ? ` (${x.performanceScores.join(', ')})` : ''}`, `${(x.fcp / 1000).toFixed(2)} s`, `${(x.lcp / 1000).toFixed(2)} s`, `${Math.round(x.tbt)} ms`, x.cls.toFixed(3), `${x.accessibility} / ${x.bestPractices}`, seen];
  });
}
const PAGE_HEADER = ['page', 'performance', 'FCP', 'LCP', 'TBT', 'CLS', 'a11y / best pr.', 'throttled: main content'];

function textTable(rows, header) {
  const all = [header, ...rows];
  const w = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  return all.map((r, j) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ') + (j === 0 ? '\n' + w.map((x) => '-'.repeat(x)).join('  ') : '')).join('\n');
}

function mdTable(rows, header, left = 1) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  return [`| ${header.map(esc).join(' | ')} |`, `| ${header.map((_, i) => (i >= left ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

export function printReport({ machine, S, bundle, lh, T, notes, pages, T15 }) {
  const header = ['', ...S.map((s) => s.label)];
  console.log('\n' + textTable(figureRows(S), header));
  for (const n of notes) console.log('  ' + n);
  if (bundle) {
    console.log('\nOverview first view (compression on)');
    console.log(textTable(bundleRows(bundle), ['file', 'kind', 'raw', 'gzip -9', 'brotli 11', 'transferred']));
    console.log(`total transferred: ${bytes(bundle.total)} (+ ${bytes(bundle.swPrecache)} when the service worker installs)`);
  }
  if (lh) {
    if (lh.error) console.log(`\nLighthouse: not run — ${lh.error}`);
    else console.log(`\nLighthouse ${lh.version} (mobile, median of ${lh.runs} runs; performance ${lh.performanceScores.join(', ')}): performance ${lh.performance}, accessibility ${lh.accessibility}, best practices ${lh.bestPractices}; FCP ${(lh.fcp / 1000).toFixed(2)} s, LCP ${(lh.lcp / 1000).toFixed(2)} s, TBT ${Math.round(lh.tbt)} ms, CLS ${lh.cls.toFixed(3)}, total ${bytes(lh.bytes)}`);
  }
  console.log('\nTargets (issue 7)');
  for (const x of T) console.log(`${x.status.padEnd(4)}  ${x.text}: ${x.figure}`);
  if (pages) {
    console.log('\nEvery page by its own link (plain host: gzip on the fly, no headers)');
    console.log(textTable(pageRows(pages), PAGE_HEADER));
    console.log('\nTargets (issue 15)');
    for (const x of T15 || []) console.log(`${x.status.padEnd(4)}  ${x.text}: ${x.figure}`);
  }
}

/** Writes RESULTS.md; the "what each change bought" section of an existing file is kept as it is. */
export function writeResults(file, { machine, S, bundle, lh, T, notes, method, pages, T15 }) {
  let changes = `${CHANGES_HEADING}\n\n_To be written: each optimisation, with the figures before and after it._\n`;
  if (fs.existsSync(file)) {
    const old = fs.readFileSync(file, 'utf8');
    const i = old.indexOf(CHANGES_HEADING);
    if (i >= 0) changes = old.slice(i).trimEnd() + '\n';
  }
  const header = ['', ...S.map((s) => s.label)];
  const lines = [];
  lines.push('# Benchmark results', '');
  lines.push('Written by `make bench` (bench/run.mjs); everything above the last section is rewritten on each run.', '');
  lines.push('## Machine', '');
  lines.push(`- date: ${machine.date}`);
  lines.push(`- CPU: ${machine.cpu}, ${machine.cores} cores`);
  lines.push(`- RAM: ${machine.ram}`);
  lines.push(`- OS: ${machine.os}`);
  lines.push(`- browser: ${machine.chromium}, headless (playwright-core)`);
  lines.push(`- Node.js ${machine.node}; app at commit ${machine.commit}`);
  const pc = (x) => `${Math.round(x * 100)}%`;
  lines.push(`- CPU busy with other work, sampled for 3 s before and after the measurements: ${pc(machine.busyStart)} / ${pc(machine.busyEnd)}${Math.max(machine.busyStart, machine.busyEnd) > 0.1 ? ' — the machine was not idle: the times are inflated' : ''}`, '');
  lines.push('## Figures', '');
  lines.push(mdTable(figureRows(S), header), '');
  for (const n of notes) lines.push(`- ${n}`);
  if (notes.length) lines.push('');
  lines.push('## Targets (issue 7)', '');
  lines.push(mdTable(T.map((x) => [x.status, x.text, x.figure]), ['', 'target', 'measured'], 3), '');
  if (pages) {
    lines.push('## Targets (issue 15)', '');
    lines.push(mdTable((T15 || []).map((x) => [x.status, x.text, x.figure]), ['', 'target', 'measured'], 3), '');
    lines.push('## Every page by its own link', '');
    const th = pages.visits?.throttle;
    lines.push(`Each page opened by its plain link (\`?page=…\`, \`&lang=en\`) with the default data, from \`dist/\` served by the plainest static host: gzip on the fly, no precompressed copies, no special headers, under the sub-path \`/org/gongshi/\`. Lighthouse ${pages.lighthouse?.find((x) => x.version)?.version ?? ''}: default mobile profile (simulated throttling), the median of ${pages.lighthouse?.find((x) => x.runs)?.runs ?? '—'} run(s) per page. "Throttled: main content" is measured independently, in Chromium through playwright-core: a fresh context at 390×844 with ${th ? `${th.cpu}× CPU slowdown, ${th.downKbps / 1000} Mbps down, ${th.latencyMs} ms added to every request` : 'throttling'}, no cache; the time from navigation start to the first animation frame in which the page's main content (first ledger rows, the 21 problems, the county table, …) is in the page and laid out ("(app)": the app drew it, not the static view).`, '');
    lines.push(mdTable(pageRows(pages), PAGE_HEADER), '');
    const taps = pages.visits?.taps || [];
    if (taps.length) lines.push('A tap on 捐赠 in the overview\'s navigation, same throttling, from the tap to the first frame with the ledger\'s rows: ' + taps.map((x) => (x.error ? `${x.label}: error ${x.error}` : `${x.label} ${ms(x.ms)} (${x.byApp ? 'the app navigated' : 'a new page load of the static link'})`)).join('; ') + '.', '');
  }
  if (bundle) {
    lines.push('## Bundle and the overview\'s first view', '');
    lines.push(`Every response of the overview (\`?\`, default data, a fresh browser context at 390×844, served with compression as a real host would): the first view (the static view, before any interaction: **${bundle.firstView !== undefined ? bytes(bundle.firstView) : '—'}**), then what the app adds once the visitor scrolls. gzip -9 and brotli 11 are the sizes of the file compressed at the highest level (the precompressed copies \`make dist\` writes, where there are some); "transferred" is what the browser received (headers included).`, '');
    lines.push(mdTable(bundleRows(bundle), ['file', 'kind', 'raw', 'gzip -9', 'brotli 11', 'transferred'], 2), '');
    lines.push(`Total transferred: **${bytes(bundle.total)}**, plus ${bytes(bundle.swPrecache)} when the service worker installs (it fetches \`./\` and \`./index.html\` once; service workers are blocked while measuring).`, '');
  }
  lines.push('## Lighthouse', '');
  if (!lh) lines.push('Not run.', '');
  else if (lh.error) lines.push(`Lighthouse could not run here: ${lh.error}`, '');
  else {
    lines.push(`Lighthouse ${lh.version}, default mobile profile (simulated throttling), on the overview with the default data, compressed, with the production header set (strict CSP); the median of ${lh.runs} runs (performance scores of the runs: ${lh.performanceScores.join(', ')}). Benchmark index of this machine: ${lh.benchmarkIndex ?? '—'}.`, '');
    lines.push(mdTable([
      ['performance', lh.performance], ['accessibility', lh.accessibility], ['best practices', lh.bestPractices],
      ['First Contentful Paint', `${(lh.fcp / 1000).toFixed(2)} s`], ['Largest Contentful Paint', `${(lh.lcp / 1000).toFixed(2)} s`],
      ['Total Blocking Time', `${Math.round(lh.tbt)} ms`], ['Cumulative Layout Shift', lh.cls.toFixed(3)], ['Speed Index', `${(lh.speedIndex / 1000).toFixed(2)} s`],
      ['total byte weight', bytes(lh.bytes)],
    ], ['', ''], 2), '');
    if (lh.failing.length) lines.push('Audits that cost points: ' + lh.failing.join('; ') + '.', '');
    if (lh.warnings.length) lines.push('Lighthouse warnings: ' + lh.warnings.join(' ') , '');
  }
  lines.push('## How it is measured', '', method.trim(), '');
  lines.push(changes);
  fs.writeFileSync(file, lines.join('\n'));
}

export { rowsLabel };
