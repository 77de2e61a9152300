// A plain static file server for dist/, like any static host: no rewrite rules, no server code.
// Usage: node scripts/serve.mjs [--dir dist] [--port 8080] [--prefix /some/sub/path/] [--compress off|gzip]
//                               [--headers dist-headers/headers.json | --no-headers]
// Binds 127.0.0.1 only. Also importable: startServer({dir, port, prefix, headers, compress}) → {server, url}.
//
// Headers: the header set `make dist` wrote (scripts/headers.mjs: the strict CSP with Trusted
// Types, nosniff, …) is sent with every response, whatever its status (404s and redirects too,
// as nginx's `add_header … always`). From the command line the server refuses to start without
// one (by default dist-headers/headers.json beside the served folder), unless --no-headers says
// to serve without it.
//
// Compression, like nginx with `gzip_static on; brotli_static on;` plus `gzip on; brotli on;`:
// when the request accepts br (preferred) or gzip and `file.br` / `file.gz` exists (written by
// scripts/compress.mjs), that copy is sent with Content-Encoding; otherwise text types (html, js,
// css, json, svg, wasm) over 1 KB are compressed on the fly (brotli quality 5 / gzip level 6,
// nginx-like levels; the result is kept in memory while the file is unchanged). Such responses
// carry `Vary: Accept-Encoding`. `compress: false` serves every file as it is; `compress: 'gzip'`
// (--compress gzip) is the plainest host: gzip on the fly only, precompressed copies ignored.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.txt']);
const MIN_COMPRESS = 1024;
const CACHE_LIMIT = 512 * 1024 * 1024; // bytes of on-the-fly results kept, oldest dropped first

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const ENCODERS = {
  br: (buf) => brotli(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }),
  gzip: (buf) => gzip(buf, { level: 6 }),
};

/** The encodings the request accepts, best first: a subset of ['br', 'gzip']. */
export function acceptedEncodings(header = '') {
  const q = {};
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q[name] = qp ? Number(qp.slice(2)) : 1;
  }
  const ok = (e) => (q[e] ?? q['*'] ?? 0) > 0;
  return ['br', 'gzip'].filter(ok);
}

function statFile(file) {
  try { return fs.statSync(file); } catch { return null; }
}

/** Serves `dir` under `prefix`; `headers` (an object) are added to every response. */
export function startServer({ dir = 'dist', port = 8080, prefix = '/', host = '127.0.0.1', headers = {}, compress = true } = {}) {
  const root = path.resolve(dir);
  if (!prefix.startsWith('/')) prefix = '/' + prefix;
  if (!prefix.endsWith('/')) prefix += '/';
  const cache = new Map(); // `${encoding} ${file}` → {mtimeMs, size, body}
  const warned = new Set();
  let cached = 0;

  async function onTheFly(file, stat, encoding, body) {
    const key = `${encoding} ${file}`;
    const hit = cache.get(key);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.body;
    if (hit) { cache.delete(key); cached -= hit.body.length; }
    const out = await ENCODERS[encoding](body);
    cache.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, body: out });
    cached += out.length;
    for (const [k, v] of cache) {
      if (cached <= CACHE_LIMIT) break;
      cache.delete(k); cached -= v.body.length;
    }
    return out;
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://localhost');
    let p = decodeURIComponent(url.pathname);
    const plain = (status, text, extra = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache', ...extra, ...headers });
      return res.end(text);
    };
    if (p + '/' === prefix) return plain(301, 'moved', { Location: prefix + url.search });
    if (!p.startsWith(prefix)) return plain(404, 'not found');
    p = p.slice(prefix.length);
    let file = path.resolve(root, p);
    if (file !== root && !file.startsWith(root + path.sep)) return plain(403, 'forbidden');
    let stat = statFile(file);
    if (stat && stat.isDirectory()) { file = path.join(file, 'index.html'); stat = statFile(file); }
    if (!stat || !stat.isFile()) return plain(404, 'not found');
    const ext = path.extname(file);
    const out = {
      'Content-Type': TYPES[ext] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    let body = null;
    if (compress) {
      // 'gzip': a plain host (`gzip on;` only): no precompressed copies, no brotli.
      const plainGzip = compress === 'gzip';
      const accepted = acceptedEncodings(req.headers['accept-encoding']).filter((e) => !plainGzip || e === 'gzip');
      const suffix = { br: '.br', gzip: '.gz' };
      // 1. A precompressed copy beside the file (gzip_static), unless the file was changed after
      //    it was written (a host would serve the stale copy; here it is skipped, and said).
      for (const encoding of plainGzip ? [] : accepted) {
        const pre = statFile(file + suffix[encoding]);
        if (pre && pre.isFile() && pre.mtimeMs < stat.mtimeMs) {
          if (!warned.has(file)) { warned.add(file); console.warn(`serve: ${file}${suffix[encoding]} is older than ${path.basename(file)}; run scripts/compress.mjs again`); }
        } else if (pre && pre.isFile()) {
          body = fs.readFileSync(file + suffix[encoding]);
          out['Content-Encoding'] = encoding;
          break;
        }
      }
      // 2. Otherwise text over 1 KB, compressed now (gzip on).
      if (!body && COMPRESSIBLE.has(ext) && stat.size > MIN_COMPRESS && accepted.length) {
        body = await onTheFly(file, stat, accepted[0], fs.readFileSync(file));
        out['Content-Encoding'] = accepted[0];
      }
      if (COMPRESSIBLE.has(ext) || out['Content-Encoding']) out['Vary'] = 'Accept-Encoding';
    }
    if (!body) body = fs.readFileSync(file);
    out['Content-Length'] = body.length;
    res.writeHead(200, { ...out, ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (res.headersSent) return res.destroy(e);
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end('server error');
    });
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({ server, url: `http://${host}:${actual}${prefix}` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
  // Serve with the header set `make dist` wrote (strict CSP), as a real host should; without it
  // the app would be tested under no policy at all, so say so and stop.
  let headers = {};
  if (!('no-headers' in args)) {
    const file = args.headers || path.join(path.dirname(path.resolve(args.dir || 'dist')), 'dist-headers', 'headers.json');
    try {
      headers = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      console.error(`serve: no header set at ${file} (${e.code || e.message}). Run \`make dist\` (scripts/headers.mjs writes it), pass --headers FILE, or --no-headers to serve without one.`);
      process.exit(1);
    }
    if (!headers || typeof headers !== 'object' || !headers['Content-Security-Policy']) {
      console.error(`serve: ${file} has no Content-Security-Policy; refusing to serve without the header set (--no-headers to do so anyway).`);
      process.exit(1);
    }
  }
  const c = String(args.compress || 'on').toLowerCase();
  const compress = c === 'gzip' ? 'gzip' : !['off', 'no', 'false', '0'].includes(c);
  const { url } = await startServer({ dir: args.dir || 'dist', port: Number(args.port || 8080), prefix: args.prefix || '/', headers, compress });
  console.log(`gongshi is being served at ${url}  (Ctrl-C to stop${compress ? '' : '; compression off'}${Object.keys(headers).length ? '' : '; WITHOUT the header set'})`);
}
