// Writes the overview, exactly as the app renders it, into DIST/index.html as static HTML, so
// the first view paints with the HTML and CSS alone (before the wasm has loaded). The app then
// mounts hidden and swaps itself in once its data is in (src/prerender.rs): the same markup, so
// nothing flashes or moves. An inline script in index.html hides the static view for every
// other URL (other pages, ?lang=en, embeds).
//
// Run by `make dist`. After replacing data files in a deployed dist/, run it again
// (`node scripts/prerender.mjs dist`) so the first view shows the new figures at once; until
// then the app still shows the new data, after a moment. `gongshi check` does not need it.
//
// Usage: node scripts/prerender.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { startServer } from './serve.mjs';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const START = '<div id="prerender">';
const END = '</div><!--/prerender-->';

/** index.html without a previous prerendered view (so the script can run again). */
export function stripPrerender(html) {
  const a = html.indexOf(START);
  if (a < 0) return html;
  const b = html.indexOf(END, a);
  return b < 0 ? html : html.slice(0, a) + html.slice(b + END.length);
}

/** Inserts the static view right after <body>, with the manifest's hash it was made from. */
export function insertPrerender(html, inner, manifestSha) {
  const clean = stripPrerender(html).replace(/<meta name="?gongshi-prerender"?[^>]*>/, '');
  const body = clean.search(/<body[^>]*>/);
  if (body < 0) throw new Error('index.html has no <body>');
  const at = body + clean.slice(body).indexOf('>') + 1;
  const withView = clean.slice(0, at) + START + inner + END + clean.slice(at);
  const meta = `<meta name="gongshi-prerender" content="manifest-sha256=${manifestSha}">`;
  return withView.replace(/<\/head>/, meta + '</head>');
}

async function main() {
  const dist = path.resolve(process.argv[2] || 'dist');
  const indexPath = path.join(dist, 'index.html');
  const original = stripPrerender(fs.readFileSync(indexPath, 'utf8'));
  fs.writeFileSync(indexPath, original);
  const { chromium } = await import(new URL('../node_modules/playwright-core/index.mjs', import.meta.url));
  const { server, url } = await startServer({ dir: dist, port: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    // The service worker would only add a network-first copy; keep the capture plain.
    await page.route('**/sw.js', (r) => r.fulfill({ status: 404, body: '' }));
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('gongshi:app:shown').length > 0, null, { timeout: 60000 });
    const inner = await page.evaluate(() => {
      const app = document.getElementById('app');
      if (!app || app.querySelector('.loading, .data-error')) return null;
      return app.innerHTML;
    });
    if (errors.length) throw new Error('the app reported errors: ' + errors.join('; '));
    if (!inner) throw new Error('the overview did not finish loading (or shows a data error): not prerendering');
    const manifest = fs.readFileSync(path.join(dist, 'data', 'manifest.json'));
    const sha = crypto.createHash('sha256').update(manifest).digest('hex');
    fs.writeFileSync(indexPath, insertPrerender(original, inner, sha));
    console.log(`prerender: wrote the overview's first view into ${path.relative(process.cwd(), indexPath)} (${(inner.length / 1024).toFixed(1)} KiB of HTML, manifest ${sha.slice(0, 12)}…)`);
  } finally {
    await browser.close();
    server.close();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  main().catch((e) => {
    console.error('prerender failed:', e.message);
    process.exit(1);
  });
}
