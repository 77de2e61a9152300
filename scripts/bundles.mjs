// The app is built as several wasm files (src/routes/mod.rs: BUILDS): `gongshi-web` draws the
// overview, the rectification report and the data page, and every other build the pages listed
// below. Trunk builds them all (index.html links each; all but the main one as a "worker", so
// Trunk only builds it, under its plain name). This step, run right after `trunk build`:
//   1. names each other build's files by their content, like Trunk's own
//      (`gongshi-history-HASH.js`, `gongshi-history-HASH_bg.wasm`: cached for good by the service
//      worker and any host, replaced by a new name when they change), and points its JS at its
//      wasm;
//   2. rewrites Trunk's loader in index.html so that it starts the build that draws the page the
//      address asks for: `?page=history` gets the history's, and so on; every other address
//      (no page, or one of the main build's) the main one.
//      (scripts/prerender.mjs then inserts its wait for a first interaction after the import.)
// Idempotent: a second run finds the loader already rewritten and the files already named.
//
// Usage: node scripts/bundles.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/** Build name → the pages it draws (every other page: the main build). */
export const BUNDLES = {
  'gongshi-ledger': ['donations'],
  'gongshi-lookup': ['lookup'],
  'gongshi-relief': ['relief'],
  'gongshi-coverage': ['coverage'],
  'gongshi-history': ['history'],
};

const hash = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);

/** Names `NAME.js`/`NAME_bg.wasm` by their content; returns the new stem (`NAME-HASH`). */
export function nameByContent(dist, name) {
  const files = fs.readdirSync(dist);
  const done = files.find((f) => new RegExp(`^${name}-[0-9a-f]{16}\\.js$`).test(f));
  if (!files.includes(`${name}.js`)) {
    if (done) return done.slice(0, -3);
    throw new Error(`${dist}: no ${name}.js (is it linked in index.html?)`);
  }
  const wasm = fs.readFileSync(path.join(dist, `${name}_bg.wasm`));
  const js = fs.readFileSync(path.join(dist, `${name}.js`), 'utf8');
  const stem = `${name}-${hash(Buffer.concat([wasm, Buffer.from(js)]))}`;
  for (const f of files.filter((f) => new RegExp(`^${name}-[0-9a-f]{16}(\\.js|_bg\\.wasm)$`).test(f))) fs.rmSync(path.join(dist, f));
  fs.writeFileSync(path.join(dist, `${stem}_bg.wasm`), wasm);
  // wasm-bindgen's default address for the wasm (used only when none is given) follows the name.
  fs.writeFileSync(path.join(dist, `${stem}.js`), js.split(`${name}_bg.wasm`).join(`${stem}_bg.wasm`));
  fs.rmSync(path.join(dist, `${name}.js`));
  fs.rmSync(path.join(dist, `${name}_bg.wasm`));
  return stem;
}

/** index.html's Trunk loader, made to start the build for the address's page. */
export function rewriteLoader(html, stems) {
  if (html.includes('const gongshiCode=')) return html;
  const m = /import init, \* as bindings from '\.\/(gongshi-web-[0-9a-f]+)\.js';/.exec(html);
  if (!m) throw new Error("index.html: Trunk's loader (import init, * as bindings from './gongshi-web-….js') not found");
  const main = m[1];
  const choose = Object.entries(stems)
    .map(([stem, pages]) => `${pages.map((p) => `p===${JSON.stringify(p)}`).join('||')}?${JSON.stringify('./' + stem)}:`)
    .join('');
  const pick = `const gongshiCode=(p=>${choose}${JSON.stringify('./' + main)})(new URLSearchParams(location.search).get("page"));const bindings=await import(gongshiCode+".js"),init=bindings.default;`;
  let out = html.replace(m[0], pick);
  const init = new RegExp(`init\\(\\{ ?module_or_path: '\\./${main}_bg\\.wasm' ?\\}\\)`);
  if (!init.test(out)) throw new Error(`index.html: Trunk's init({ module_or_path: './${main}_bg.wasm' }) not found`);
  return out.replace(init, 'init({module_or_path:gongshiCode+"_bg.wasm"})');
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const dist = process.argv[2] || 'dist';
  const stems = {};
  for (const [name, pages] of Object.entries(BUNDLES)) stems[nameByContent(dist, name)] = pages;
  const file = path.join(dist, 'index.html');
  fs.writeFileSync(file, rewriteLoader(fs.readFileSync(file, 'utf8'), stems));
  console.log(`bundles: ${Object.entries(stems).map(([s, p]) => `${s} (${p.join(', ')})`).join('; ')}; every other page: the main build`);
}
