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
