// Prints the compressed size of the app's wasm, JS and CSS in dist/ (gzip -9 and brotli).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2] || 'dist';
const rows = [];
let totals = { raw: 0, gz: 0, br: 0 };
for (const f of fs.readdirSync(dir).sort()) {
  const ext = path.extname(f);
  // The precompressed copies written by compress.mjs (X.gz, X.br) are not assets of their own.
  if (ext === '.gz' || ext === '.br') continue;
  if (!['.wasm', '.js', '.css', '.html'].includes(ext)) continue;
  const buf = fs.readFileSync(path.join(dir, f));
  const gz = zlib.gzipSync(buf, { level: 9 }).length;
  const br = zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  rows.push([f, buf.length, gz, br]);
  totals.raw += buf.length; totals.gz += gz; totals.br += br;
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KiB';
console.log('\nBundle size (dist/)');
console.log('file'.padEnd(44) + 'raw'.padStart(13) + 'gzip'.padStart(13) + 'brotli'.padStart(13));
for (const [f, raw, gz, br] of rows) console.log(f.padEnd(44) + kb(raw) + kb(gz) + kb(br));
console.log('total'.padEnd(44) + kb(totals.raw) + kb(totals.gz) + kb(totals.br));
