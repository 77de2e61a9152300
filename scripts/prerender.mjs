// Writes every page's first view, exactly as the app renders it at 390 px, as static HTML: the
// Chinese overview into DIST/index.html itself, every other page and language into
// DIST/first/PAGE.LANG.html, which an inline script in index.html fetches at once for a plain
// link to that page (src: index.html). The first view paints with the HTML and CSS alone,
// before the wasm has loaded. The app then mounts hidden and swaps itself in once the page's
// data is in (src/prerender.rs): the same markup, so nothing flashes or moves. Any other URL
// (a search, a filter, an embed, a wide screen) gets no static view and starts the app at once.
//
// Run by `make dist`. After replacing data files in a deployed dist/, run it again
// (`node scripts/prerender.mjs dist`) so the first view shows the new figures at once; until
// then the app still shows the new data, after a moment. `gongshi check` does not need it.
//
// It also stamps the service worker's build id into DIST/sw.js (scripts/stamp-sw.mjs).
//
// Usage: node scripts/prerender.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { startServer } from './serve.mjs';
import { stampServiceWorker } from './stamp-sw.mjs';
import { gzip, brotli } from './compress.mjs';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const START = '<div id="prerender">';
const END = '</div><!--/prerender-->';

/**
 * For each file, rewrites its existing `.gz`/`.br` copies from its current bytes (a copy that
 * would not be smaller is removed, as scripts/compress.mjs does); with `always`, writes them
 * whether or not they existed. Returns how many copies were written.
 */
export function refreshCompressed(files, always = false) {
  let n = 0;
  for (const f of files) {
    for (const [suffix, fn] of [['.gz', gzip], ['.br', brotli]]) {
      if (!always && !fs.existsSync(f + suffix)) continue;
      const buf = fs.readFileSync(f);
      const out = fn(buf);
      if (out.length < buf.length) { fs.writeFileSync(f + suffix, out); n++; } else fs.rmSync(f + suffix);
    }
  }
  return n;
}

const MARK = '/__gongshi_prerender__/';
/** Stands for the deployed page's address (without query) in a page's view; see index.html. */
export const BASE = '{{gongshi:base}}';
/** The same address percent-encoded as the app's `mailto:` links carry it (core
 * `feedback::percent_encode`: all but RFC 3986's unreserved characters). */
export const BASE_URI = '{{gongshi:base-uri}}';
export const percentEncode = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** Links the app wrote under the marker path become relative ("./?page=…"). */
export function relativeLinks(html) {
  return html.split(`href="${MARK}`).join('href="./');
}

/**
 * index.html without a previous prerendered view and the manifest hash it was made from (so the
 * script can run again: with the old hash left in, the loader would wait for an interaction
 * during the capture). The loader's preamble stays; `deferApp` does not add it twice.
 */
export function stripPrerender(html) {
  let out = html.replace(/<meta name="?gongshi-prerender"?[^>]*>/, '').replace(/<link rel="?stylesheet"? href="?accent-[0-9a-f]+\.css"?>/, '');
  const a = out.indexOf(START);
  if (a < 0) return out;
  const b = out.indexOf(END, a);
  return b < 0 ? out : out.slice(0, a) + out.slice(b + END.length);
}

// The loader's preamble when the static first view shows: the app boots on the visitor's first
// interaction (a tap, a key, scrolling, focus) — a reader who only looks downloads no app code —
// or at once when the data has changed since the view was made (the manifest's SHA-256 differs
// from the one recorded here), marking the view stale (`prerender-stale`): the app then shows at
// once, with its own progress, instead of leaving old figures on screen while the new load. A tap on one of the
// view's buttons (chart downloads) is replayed on the app's button once it has taken over.
// When the manifest is the one the view was made from, it marks `gongshi:view-current` (the
// loader has checked and waits for an interaction: what the tests wait for). The listeners are
// set before the app's JS is imported; the loader waits for them after the import.
const DEFER = '/*gongshi-defer*/const gongshiWait=document.documentElement.classList.contains("no-prerender")?null:new Promise(go=>{let done=false;const ev=["pointerdown","keydown","wheel","touchstart","scroll","focusin"];const start=e=>{if(done)return;done=true;ev.forEach(t=>removeEventListener(t,start,true));const b=e&&e.target&&e.target.closest&&e.target.closest("#prerender button");if(b)window.gongshiReplay=[...document.querySelectorAll("#prerender button")].indexOf(b);go()};window.gongshiStart=start;ev.forEach(t=>addEventListener(t,start,{capture:true,passive:true}));const want=(document.querySelector("meta[name=gongshi-prerender]")||{}).content||"";fetch("data/manifest.json",{cache:"no-cache"}).then(r=>r.arrayBuffer()).then(b=>crypto.subtle.digest("SHA-256",b)).then(d=>{const hex=[...new Uint8Array(d)].map(x=>x.toString(16).padStart(2,"0")).join("");if("manifest-sha256="+hex!==want){document.documentElement.classList.add("prerender-stale");start()}else performance.mark("gongshi:view-current")}).catch(()=>start())})/*/gongshi-defer*/';
// After the import of the app's JS: the app starts once the visitor has interacted (the listeners
// are in place from the start, so a touch while the JS downloads is not lost).
const AWAIT = '/*gongshi-defer*/await gongshiWait/*/gongshi-defer*/';

/**
 * With a static first view on screen, the app's code is not urgent: it should not compete with
 * the view for the network or the main thread. Drops Trunk's preload of the wasm and JS, and
 * makes its loader wait as DEFER says (for the overview only; other URLs start at once).
 */
export function deferApp(html) {
  let out = html.replace(/<link [^>]*rel=(?:"?modulepreload"?|"?preload"?)[^>]*>/g, (tag) => (/\.wasm|\.js/.test(tag) ? '' : tag));
  out = out.replace(/\/\*gongshi-defer\*\/[\s\S]*?\/\*\/gongshi-defer\*\/;?/g, '');
  if (!out.includes(DEFER)) {
    // Around the import of the app's JS, as scripts/bundles.mjs writes it (the build for the page).
    const loader = /(<script type="?module"?>)(const gongshiCode=[^;]+;const bindings=[^;]+;)/;
    if (!loader.test(out)) throw new Error('index.html: no loader from scripts/bundles.mjs to defer (run it after trunk build)');
    out = out.replace(loader, `$1${DEFER};$2${AWAIT};`);
  }
  return out;
}

/** Inserts the static view right after <body>, with the manifest's hash it was made from. */
export function insertPrerender(html, inner, manifestSha) {
  const clean = deferApp(stripPrerender(html));
  const body = clean.search(/<body[^>]*>/);
  if (body < 0) throw new Error('index.html has no <body>');
  const at = body + clean.slice(body).indexOf('>') + 1;
  const withView = clean.slice(0, at) + START + inner + END + clean.slice(at);
  const meta = `<meta name="gongshi-prerender" content="manifest-sha256=${manifestSha}">`;
  return withView.replace(/<\/head>/, meta + '</head>');
}

/** A view's title as the comment that leads its fragment (URI-encoded: no "--" or ">"). */
export const titleComment = (title) => `<!--title:${encodeURIComponent(title)}-->`;

/**
 * index.html with its <title> set to `title` (the Chinese overview's) and the organisation's
 * name `org` (from the data's manifest) leading its description and boot line: the source
 * index.html names no organisation.
 */
export function withTitle(html, title, org) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${esc(title)}</title>`)
    // Trunk's minifier may reorder and unquote attributes, and drop the </p>.
    .replace(/<meta\b[^>]*\bname="?description"?[^>]*>/, (tag) => {
      const m = /\bcontent=(?:"([^"]*)"|([^\s>]*))/.exec(tag);
      const value = m ? (m[1] ?? m[2]) : '';
      const at = value.indexOf('信息公开：');
      return at < 0 ? tag : `<meta name="description" content="${esc(org)}${value.slice(at)}">`;
    })
    .replace(/(<p class="?boot-org"?>)[^<]*/, `$1${esc(org)} 信息公开`);
}

/** The pages and languages that get a first view; the Chinese overview's goes into index.html. */
export const PAGES = ['overview', 'rectification', 'donations', 'relief', 'coverage', 'data'];
export const LANGS = ['zh', 'en'];
export const FIRST_DIR = 'first';

/** The URL query of a page's plain link, as the app writes it. */
export const query = (page, lang) => {
  const q = new URLSearchParams();
  if (page !== 'overview') q.set('page', page);
  if (lang !== 'zh') q.set('lang', lang);
  const s = q.toString();
  return s ? '?' + s : '';
};

/** The app's #app markup for one URL, once its data is in and its charts are drawn. */
async function capture(page, url) {
  const errors = [];
  const onError = (e) => errors.push(e.message);
  page.on('pageerror', onError);
  try {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('gongshi:app:shown').length > 0, null, { timeout: 60000 });
    // Charts are drawn a moment after the table (src/routes/donations.rs): wait until the page
    // has stopped changing for half a second.
    await page.evaluate(() => new Promise((done) => {
      let t = setTimeout(finish, 500);
      const mo = new MutationObserver(() => { clearTimeout(t); t = setTimeout(finish, 500); });
      function finish() { mo.disconnect(); done(); }
      mo.observe(document.getElementById('app'), { subtree: true, childList: true, attributes: true, characterData: true });
    }));
    const inner = await page.evaluate(() => {
      const app = document.getElementById('app');
      if (!app || app.querySelector('.loading, .data-error')) return null;
      // What the app words from today's date (src/routes/data.rs, \`today\`: "overdue by 977
      // days") would be stale the day after this ran; the view leaves it out, the app adds it.
      const copy = app.cloneNode(true);
      copy.querySelectorAll('[data-today]').forEach((e) => e.remove());
      return copy.innerHTML;
    });
    const title = await page.title();
    // The organisation's accent colour, as the app set it from the manifest (src/app.rs).
    const accent = await page.evaluate(() => ['--red', '--red-dark'].map((v) => document.documentElement.style.getPropertyValue(v).trim()));
    if (errors.length) throw new Error(`${url}: the app reported errors: ${errors.join('; ')}`);
    if (!inner) throw new Error(`${url}: the page did not finish loading (or shows a data error): not prerendering`);
    return { inner, title, accent };
  } finally {
    page.off('pageerror', onError);
  }
}

async function main() {
  const dist = path.resolve(process.argv[2] || 'dist');
  const indexPath = path.join(dist, 'index.html');
  const firstDir = path.join(dist, FIRST_DIR);
  const original = stripPrerender(fs.readFileSync(indexPath, 'utf8'));
  fs.writeFileSync(indexPath, original);
  fs.rmSync(firstDir, { recursive: true, force: true });
  const { chromium } = await import(new URL('../node_modules/playwright-core/index.mjs', import.meta.url));
  // Served under a marker path: the app writes links as path + query, and the marker is then
  // replaced by "./" so the static links work at whatever sub-path dist/ is deployed.
  const { server, url } = await startServer({ dir: dist, port: 0, prefix: MARK });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    // The service worker would only add a network-first copy; keep the capture plain.
    await page.route('**/sw.js', (r) => r.fulfill({ status: 404, body: '' }));
    const views = [];
    for (const lang of LANGS) {
      for (const p of PAGES) {
        // Absolute links in text (the data page's citations) and inside the records'
        // 对此有疑问 e-mails get the deployed address when index.html's loader puts the view
        // in place.
        const shot = await capture(page, url + query(p, lang));
        const inner = relativeLinks(shot.inner).split(url).join(BASE).split(percentEncode(url)).join(BASE_URI);
        if (inner.includes('127.0.0.1')) throw new Error(`${p}.${lang}: the view holds an absolute URL of the build server`);
        views.push({ page: p, lang, inner, title: shot.title, accent: shot.accent });
      }
    }
    const manifest = fs.readFileSync(path.join(dist, 'data', 'manifest.json'));
    const sha = crypto.createHash('sha256').update(manifest).digest('hex');
    fs.mkdirSync(firstDir, { recursive: true });
    let inline = null;
    let title = null;
    for (const v of views) {
      if (v.page === 'overview' && v.lang === 'zh') ({ inner: inline, title } = v);
      // The page's title (which names the organisation, from the data) leads the fragment as a
      // comment; index.html's loader sets it with the view.
      else fs.writeFileSync(path.join(firstDir, `${v.page}.${v.lang}.html`), titleComment(v.title) + v.inner);
    }
    if (inline.includes(BASE) || inline.includes(BASE_URI)) throw new Error('the overview holds an absolute link: index.html has no loader to fill it in');
    const org = JSON.parse(manifest.toString('utf8')).organisation?.name || '';
    // The accent colour for the static views too (they show before the app sets it): a small
    // stylesheet named by its content (the strict CSP allows no inline style), after the app's.
    for (const f of fs.readdirSync(dist).filter((f) => /^accent-[0-9a-f]+\.css$/.test(f))) fs.rmSync(path.join(dist, f));
    let html = insertPrerender(original, inline, sha);
    const [red, dark] = views[0].accent;
    if (red && dark) {
      const css = `:root{--red:${red};--red-dark:${dark}}\n`;
      const name = `accent-${crypto.createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
      fs.writeFileSync(path.join(dist, name), css);
      html = html.replace(/<\/head>/, `<link rel="stylesheet" href="${name}"></head>`);
      console.log(`prerender: the accent colour ${red} in ${name}`);
    }
    fs.writeFileSync(indexPath, withTitle(html, title, org));
    // The worker's cache version (here, so that `make dist` always stamps it; the same build
    // always gets the same id, so re-running this after a data change installs no new worker).
    const build = stampServiceWorker(dist);
    console.log(`prerender: sw.js is build ${build}`);
    // Precompressed copies (scripts/compress.mjs) of what this rewrote are refreshed, so that a
    // host serving them (gzip_static) does not go on serving the old first view after a data
    // change; the views of pages that are gone lose theirs.
    const rewritten = [indexPath, path.join(dist, 'sw.js'), ...fs.readdirSync(firstDir).filter((f) => f.endsWith('.html')).map((f) => path.join(firstDir, f))];
    // (The views' folder was written afresh: a deploy with precompressed copies, told by the
    // copies of the JavaScript that this does not touch, gets them for every view again.)
    const precompressed = fs.readdirSync(dist).some((f) => /\.js\.(gz|br)$/.test(f));
    const refreshed = refreshCompressed(rewritten, precompressed);
    if (refreshed) console.log(`prerender: refreshed ${refreshed} precompressed copies (.gz/.br) of the rewritten files`);
    const kib = (n) => (Buffer.byteLength(n) / 1024).toFixed(1) + ' KiB';
    console.log(`prerender: wrote the overview's first view into ${path.relative(process.cwd(), indexPath)} (${kib(inline)} of HTML, manifest ${sha.slice(0, 12)}…)`);
    console.log(`prerender: and ${views.length - 1} more into ${path.relative(process.cwd(), firstDir)}/: ` + views.filter((v) => v.inner !== inline).map((v) => `${v.page}.${v.lang} ${kib(v.inner)}`).join(', '));
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
