// Bundle: gzip and brotli bytes of the app's files and of the data the overview fetches, and
// the bytes transferred for the overview's first view (compression on, as a host would serve).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { freshPage } from './browser.mjs';

const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
export const br = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function sizes(file) {
  const buf = fs.readFileSync(file);
  // The precompressed copies are what a host with gzip_static serves; else compress here.
  const pre = (suffix) => (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : null);
  return { raw: buf.length, gzip: pre('.gz') ?? gz(buf), brotli: pre('.br') ?? br(buf) };
}

/**
 * Opens the overview (`?`) on a phone-sized screen in a fresh context and logs every response
 * with its encoded size: first what the first view needs (until the network is idle, no
 * interaction: the static view), then what the app adds once the visitor scrolls.
 */
export async function overviewFirstView(browser, siteUrl, siteDir) {
  const s = await freshPage(browser, { viewport: { width: 390, height: 844 } });
  try {
    await s.cdp.send('Network.enable');
    const reqs = new Map();
    s.cdp.on('Network.responseReceived', (e) => {
      const r = reqs.get(e.requestId) || {};
      reqs.set(e.requestId, { ...r, url: e.response.url, status: e.response.status, encoding: e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || null });
    });
    s.cdp.on('Network.loadingFinished', (e) => {
      const r = reqs.get(e.requestId) || {};
      reqs.set(e.requestId, { ...r, transferred: e.encodedDataLength });
    });
    await s.page.goto(siteUrl + '?', { waitUntil: 'networkidle' });
    await s.page.waitForTimeout(500);
    const http = () => [...reqs.values()].filter((r) => r.url && /^https?:/.test(r.url)); // not data: or blob: URLs
    const firstView = http().reduce((a, r) => a + (r.transferred || 0), 0);
    const firstViewFiles = http().length;
    // The first interaction starts the app (at once anyway where the static view does not apply).
    await s.page.mouse.wheel(0, 300);
    await s.page.waitForFunction(() => performance.getEntriesByName('gongshi:app:shown').length > 0, null, { timeout: 60000 }).catch(() => {});
    await s.page.waitForLoadState('networkidle');
    const requests = http();
    const total = requests.reduce((a, r) => a + (r.transferred || 0), 0);
    const rel = (u) => decodeURIComponent(new URL(u).pathname).slice(new URL(siteUrl).pathname.length);
    const files = [];
    for (const r of requests) {
      const name = rel(r.url) || 'index.html';
      const file = path.join(siteDir, name.endsWith('/') ? name + 'index.html' : name);
      const kind = name.startsWith('data/') ? 'data' : /\.wasm$/.test(name) ? 'wasm' : /\.js$/.test(name) ? 'js' : /\.css$/.test(name) ? 'css' : /\.html$/.test(name) || name === 'index.html' ? 'html' : 'other';
      files.push({ name, kind, transferred: r.transferred, encoding: r.encoding, ...(fs.existsSync(file) ? sizes(file) : {}) });
    }
    // The service worker (blocked here) would also fetch ./ and ./index.html once on install.
    const html = sizes(path.join(siteDir, 'index.html'));
    return { files, firstView, firstViewFiles, total, swPrecache: 2 * html.brotli, errors: s.errors };
  } finally {
    await s.context.close();
  }
}
