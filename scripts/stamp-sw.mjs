// Stamps a build id into DIST/sw.js (its `const BUILD = '…';` line), so that every deploy with
// other code gets a new service worker — the browser installs it when sw.js's bytes change —
// whose caches are new and whose activation deletes the earlier build's (old hashed assets).
//
// The id is a hash of the names of Trunk's hashed assets (they change with their content) and of
// sw.js itself: the same build stamps the same id, so re-running this (or scripts/prerender.mjs,
// which calls it, after replacing data files) installs no new worker. Data files need no new
// worker: the worker checks them against the manifest it fetches first.
//
// Usage: node scripts/stamp-sw.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const LINE = /const BUILD = '[^']*';/;
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|svg)$/;

/** The build id for the assets in `dist` and the worker's source (BUILD line blanked). */
export function buildId(dist, source) {
  const assets = fs.readdirSync(dist).filter((f) => HASHED.test(f)).sort();
  const h = crypto.createHash('sha256');
  h.update(source.replace(LINE, "const BUILD = '';"));
  for (const a of assets) h.update('\n' + a);
  return h.digest('hex').slice(0, 16);
}

/** Writes the id into dist/sw.js; returns it. */
export function stampServiceWorker(dist) {
  const file = path.join(dist, 'sw.js');
  const source = fs.readFileSync(file, 'utf8');
  if (!LINE.test(source)) throw new Error(`${file} has no "const BUILD = '…';" line to stamp`);
  const id = buildId(dist, source);
  const out = source.replace(LINE, `const BUILD = '${id}';`);
  if (out !== source) fs.writeFileSync(file, out);
  return id;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const dist = process.argv[2] || 'dist';
  console.log(`stamp-sw: ${path.join(dist, 'sw.js')} is build ${stampServiceWorker(dist)}`);
}
