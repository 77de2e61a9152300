// Data sets and the sites that serve them: bench/work/data-N/ (written by `gongshi bulk`) and
// bench/work/site-N/ (a copy of dist/ whose data/ is that folder, plus the bench's own pages).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
export const BENCH = path.join(ROOT, 'bench');
export const WORK = path.join(BENCH, 'work');
export const GONGSHI = path.join(ROOT, 'target', 'release', 'gongshi');

/** `gongshi bulk --rows N --out bench/work/data-N`, unless it is already there and newer than the tool. */
export function generate(rows) {
  const out = path.join(WORK, `data-${rows}`);
  const manifest = path.join(out, 'manifest.json');
  if (!fs.existsSync(GONGSHI)) throw new Error(`${GONGSHI} is missing: run \`cargo build --release -p gongshi-cli\``);
  const fresh = fs.existsSync(manifest) && fs.statSync(manifest).mtimeMs > fs.statSync(GONGSHI).mtimeMs;
  if (!fresh) {
    fs.rmSync(out, { recursive: true, force: true });
    const t0 = Date.now();
    const msg = execFileSync(GONGSHI, ['bulk', '--rows', String(rows), '--out', out], { encoding: 'utf8' }).trim();
    console.log(`  ${msg} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  return out;
}

/**
 * The donation files of a data folder as the manifest lists them (its parts, or its one file),
 * with their sizes; `ledgerFiles`/`ledgerBytes`: the same with disbursements and goods, which
 * the app's ledger page loads too.
 */
export function donationFiles(dataDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dataDir, 'manifest.json'), 'utf8'));
  const of = (id) => {
    const d = manifest.datasets.find((x) => x.id === id);
    if (!d) return { names: [], records: 0 };
    const names = d.parts && d.parts.length ? d.parts.map((p) => p.path || p.file) : [d.path || d.file];
    return { names, records: d.records };
  };
  const sized = (names) => names.map((n) => ({ name: n, bytes: fs.statSync(path.join(dataDir, n)).size }));
  const d = of('donations');
  if (!d.names.length) throw new Error(`${dataDir}/manifest.json lists no dataset "donations"`);
  const files = sized(d.names);
  const ledgerFiles = [...files, ...sized(of('disbursements').names), ...sized(of('goods').names)];
  const sum = (xs) => xs.reduce((a, f) => a + f.bytes, 0);
  return { files, bytes: sum(files), records: d.records, ledgerFiles, ledgerBytes: sum(ledgerFiles) };
}

/**
 * bench/work/site-NAME/: every file of dist/ (hard-linked, or copied) except data/, then
 * data → dataDir and _bench/ → the bench pages and Tabulator's dist (symlinks).
 */
export function site(name, dataDir) {
  const dist = path.join(ROOT, 'dist');
  const dir = path.join(WORK, `site-${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of fs.readdirSync(dist, { withFileTypes: true })) {
    if (entry.name === 'data' || entry.name.startsWith('.')) continue;
    // Timestamps kept: serve.mjs skips a precompressed copy older than its file.
    fs.cpSync(path.join(dist, entry.name), path.join(dir, entry.name), { recursive: true, preserveTimestamps: true });
  }
  fs.symlinkSync(path.resolve(dataDir), path.join(dir, 'data'));
  const pages = path.join(dir, '_bench');
  fs.mkdirSync(pages);
  for (const f of fs.readdirSync(path.join(BENCH, 'pages'))) fs.symlinkSync(path.join(BENCH, 'pages', f), path.join(pages, f));
  fs.symlinkSync(path.join(BENCH, 'node_modules', 'tabulator-tables', 'dist'), path.join(pages, 'tabulator'));
  return dir;
}

/**
 * The search keystrokes, drawn from the data itself (issue 15), as someone types and clears
 * queries: the two most common characters of donors and projects (one keystroke each: the
 * widest answers), the most common place name in donors' names, a donor's surname + 先生 / 女士,
 * a partial record id and a partial receipt number (of the record a third of the way in), the
 * most common goods name, each built up one character at a time and then cleared.
 */
export function searchKeystrokes(dataDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dataDir, 'manifest.json'), 'utf8'));
  const d = manifest.datasets.find((x) => x.id === 'donations');
  const first = d.parts && d.parts.length ? d.parts[0].path || d.parts[0].file : d.path || d.file;
  const records = JSON.parse(fs.readFileSync(path.join(dataDir, first), 'utf8')).records || [];
  if (!records.length) throw new Error(`${first}: no records to draw search terms from`);
  const count = (items) => {
    const m = new Map();
    for (const x of items) m.set(x, (m.get(x) || 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  };
  const texts = records.map((r) => `${r.donor || ''}${r.project || ''}`);
  const chars = count(texts.flatMap((t) => [...t].filter((c) => /\p{Script=Han}/u.test(c))));
  const places = count(records.flatMap((r) => (r.donor || '').match(/\p{Script=Han}{2}(?:省|市|县|区)/gu) || []));
  const people = count(records.map((r) => (/^\p{Script=Han}(先生|女士)$/u.test(r.donor || '') ? r.donor : null)).filter(Boolean));
  const pick = records[Math.floor(records.length / 3)];
  let goods = [];
  const g = manifest.datasets.find((x) => x.id === 'goods');
  const goodsFile = g && path.join(dataDir, g.path || g.file || 'goods.json');
  if (goodsFile && fs.existsSync(goodsFile)) {
    const gf = JSON.parse(fs.readFileSync(goodsFile, 'utf8'));
    goods = count((gf.batches || []).map((b) => b.item).filter(Boolean));
  }
  const typed = (term) => [...term].map((_, i) => [...term].slice(0, i + 1).join(''));
  const terms = [];
  const add = (what, term, partial) => {
    if (!term) return;
    const keys = typed(term);
    terms.push({ what, term, keys: partial ? keys.slice(0, partial) : keys });
  };
  add('common character', chars[0]);
  add('common character', chars[1]);
  add('place name', places[0]);
  add('person', people[0]);
  add('partial record id', pick.id, Math.max(2, pick.id.length - 3));
  add('partial receipt number', pick.receipt, Math.max(2, (pick.receipt || '').length - 3));
  add('goods name', goods[0]);
  const keystrokes = terms.flatMap((t) => [...t.keys, '']);
  return { keystrokes, terms: terms.map((t) => ({ what: t.what, typed: t.keys.at(-1) })) };
}
