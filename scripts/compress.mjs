// Writes precompressed copies beside every app asset in DIR, for hosts that serve them
// (nginx `gzip_static on; brotli_static on;`, Caddy `precompressed`, Netlify/Cloudflare do
// their own): `X.gz` (gzip -9) and `X.br` (brotli quality 11) for .html .js .mjs .css .wasm .svg .txt (the pinyin table).
//
// Usage: node scripts/compress.mjs [dist]
//
// Not under DIR/data/ nor DIR/schema/: publishers replace those files by hand (a new
// donations.json straight onto the server), and a host with gzip_static would go on serving the
// stale `donations.json.gz` written by the build instead of their new file. Hosts compress those
// on the fly (nginx `gzip on`), which is always current.
//
// A copy that would not be smaller than the file is not written (and an old one is removed), so
// the host serves the file itself. Old copies whose source is gone are removed too.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const EXTENSIONS = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.txt']);
const SKIP_DIRS = new Set(['data', 'schema']); // at the top of DIR only; see above

export function gzip(buf) {
  return zlib.gzipSync(buf, { level: 9 });
}

export function brotli(buf) {
  return zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  });
}

function* assets(root, dir = root) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue; // Trunk's .stage and the like
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (dir === root && SKIP_DIRS.has(entry.name)) continue;
      yield* assets(root, full);
    } else if (entry.isFile()) {
      yield full;
    }
  }
}

/** Compresses every asset under `dir`; returns [{file, raw, gz, br}] (gz/br null when not written). */
export function compressDir(dir) {
  const written = [];
  const all = [...assets(dir)];
  for (const file of all) {
    const ext = path.extname(file);
    if (ext === '.gz' || ext === '.br') {
      // A copy whose source no longer exists (an older hashed build) would only mislead.
      if (!fs.existsSync(file.slice(0, -ext.length))) fs.rmSync(file);
      continue;
    }
    if (!EXTENSIONS.has(ext)) continue;
    const buf = fs.readFileSync(file);
    const row = { file: path.relative(dir, file), raw: buf.length, gz: null, br: null };
    for (const [suffix, fn, key] of [['.gz', gzip, 'gz'], ['.br', brotli, 'br']]) {
      const out = fn(buf);
      if (out.length < buf.length) {
        fs.writeFileSync(file + suffix, out);
        row[key] = out.length;
      } else {
        fs.rmSync(file + suffix, { force: true });
      }
    }
    written.push(row);
  }
  return written;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const dir = process.argv[2] || 'dist';
  const rows = compressDir(dir);
  const n = rows.reduce((a, r) => a + (r.gz !== null) + (r.br !== null), 0);
  const skipped = rows.filter((r) => r.gz === null && r.br === null).map((r) => r.file);
  console.log(`compress: wrote ${n} precompressed copies (.gz, .br) of ${rows.length} assets in ${dir}/`
    + (skipped.length ? `; not smaller, left as is: ${skipped.join(', ')}` : ''));
}
