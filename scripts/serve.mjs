// A plain static file server for dist/, like any static host: no rewrite rules, no server code.
// Usage: node scripts/serve.mjs [--dir dist] [--port 8080] [--prefix /some/sub/path/]
// Binds 127.0.0.1 only. Also importable: startServer({dir, port, prefix}) → {server, url}.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Serves `dir` under `prefix`; `headers` (an object) are added to every response. */
export function startServer({ dir = 'dist', port = 8080, prefix = '/', host = '127.0.0.1', headers = {} } = {}) {
  const root = path.resolve(dir);
  if (!prefix.startsWith('/')) prefix = '/' + prefix;
  if (!prefix.endsWith('/')) prefix += '/';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let p = decodeURIComponent(url.pathname);
    if (p + '/' === prefix) { res.writeHead(301, { Location: prefix + url.search }); return res.end(); }
    if (!p.startsWith(prefix)) { res.writeHead(404); return res.end('not found'); }
    p = p.slice(prefix.length);
    let file = path.resolve(root, p);
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403); return res.end('forbidden'); }
    try {
      if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      const body = fs.readFileSync(file);
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
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
  // Serve with the header set `make dist` wrote (strict CSP), as a real host should.
  let headers = {};
  try { headers = JSON.parse(fs.readFileSync(path.join(path.dirname(path.resolve(args.dir || 'dist')), 'dist-headers', 'headers.json'), 'utf8')); } catch {}
  const { url } = await startServer({ dir: args.dir || 'dist', port: Number(args.port || 8080), prefix: args.prefix || '/', headers });
  console.log(`gongshi is being served at ${url}  (Ctrl-C to stop)`);
}
