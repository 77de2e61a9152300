/* gongshi service worker: the app and its data open offline after the first visit.
 *
 * - Only requests under the worker's own scope (the folder sw.js was deployed in) are handled;
 *   another app on the same host is left alone, and so are its caches (cache names carry the
 *   scope).
 * - Page loads (navigations) go to the network first, so a new deploy is picked up at once; the
 *   cached index.html is used only when the network fails. So do the pages' prerendered first
 *   views (first/PAGE.LANG.html, fetched by index.html) and the pinyin table (pinyin.txt):
 *   offline, the copy of the last visit.
 * - Trunk's hashed assets (JS, wasm, CSS) never change under their names: cache first. The hash
 *   is a 64-bit number in hex without leading zeros, so it can be shorter than 16 digits.
 * - Each build has its own caches: BUILD is stamped into dist/sw.js by scripts/stamp-sw.mjs
 *   (run by `make dist`), so a new deploy installs a new worker, whose activation deletes the
 *   caches of earlier builds (old hashed assets, old data).
 * - data/manifest.json goes to the network first (the cached copy only when offline). Every
 *   fresh manifest purges cached data files it no longer lists (datasets, their parts and packs,
 *   summary) or lists with another SHA-256: a withdrawn file is never shown again, and a cached
 *   manifest is never paired with data of another version.
 * - A data file is kept only when its SHA-256 is the one the manifest lists. It is answered from
 *   the cache when its SHA-256 is the one the current manifest lists, after a HEAD request says
 *   the host still has it (404/410 delete it; offline, the cached copy). Listed without a
 *   checksum: answered from the cache at once and revalidated in the background; when the
 *   network copy differs, open pages are told ("gongshi:data-updated") and offer a reload.
 *   A file the manifest does not list goes to the network only, and is never kept.
 * - A failing cache write (full disk, quota) never fails a load: every put is caught.
 */
const BUILD = 'dev'; // replaced by scripts/stamp-sw.mjs
const SCOPE = self.registration.scope;
const ROOT = 'gongshi|' + SCOPE + '|';
const SHELL = ROOT + BUILD + '|shell';
const DATA = ROOT + BUILD + '|data';
const DATA_DIR = new URL('data/', SCOPE).href;
const MANIFEST = DATA_DIR + 'manifest.json';
const FIRST_DIR = new URL('first/', SCOPE).href;
const PINYIN = new URL('pinyin.txt', SCOPE).href;
const SHA = 'x-gongshi-sha256';
const LEGACY = /^gongshi-v1-/; // the first worker's cache names (no scope, no build)
const GONE = (status) => status === 404 || status === 410;

/** cache.put that never rejects: a cache is a convenience, never a reason for a load to fail. */
function put(cache, key, response) {
  return cache.put(key, response).catch(() => {});
}

// This build's caches are created when it installs, and only opened afterwards: a worker that a
// newer build has replaced (its caches deleted) may still be finishing a request, and must not
// create them again.
const NONE = { match: async () => undefined, put: async () => {}, delete: async () => false, keys: async () => [] };
async function open(name) {
  return (await caches.has(name)) ? caches.open(name) : NONE;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await caches.open(DATA).catch(() => {});
    const cache = await caches.open(SHELL);
    for (const u of ['./', './index.html']) {
      const request = new Request(u, { cache: 'reload' });
      const response = await fetch(request);
      if (response.ok) await put(cache, request, response);
    }
  })().catch(() => {}));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if ((name.startsWith(ROOT) && name !== SHELL && name !== DATA) || LEGACY.test(name)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function notify(url) {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'gongshi:data-updated', url });
}

const key = (url) => url.split('#')[0].split('?')[0];

async function networkFirst(event, { page = true } = {}) {
  const request = event.request;
  const cache = await open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok) event.waitUntil(put(cache, key(request.url), response.clone()));
    else if (GONE(response.status)) event.waitUntil(cache.delete(key(request.url)).catch(() => {}));
    return response;
  } catch (e) {
    const hit = await cache.match(key(request.url));
    if (hit || !page) return hit || Response.error();
    return (await cache.match('./index.html')) || (await cache.match('./')) || Response.error();
  }
}

async function cacheFirst(event) {
  const request = event.request;
  const cache = await open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) event.waitUntil(put(cache, request, response.clone()));
  return response;
}

// ---- data ----

/** The files a manifest lists: absolute URL → its SHA-256 (null when it gives none). */
function listed(manifest) {
  const files = new Map();
  const add = (ref) => {
    if (!ref || typeof ref.file !== 'string') return;
    try { files.set(new URL(ref.file, DATA_DIR).href, typeof ref.sha256 === 'string' ? ref.sha256.toLowerCase() : null); } catch (e) {}
  };
  for (const d of Array.isArray(manifest.datasets) ? manifest.datasets : []) {
    add(d);
    for (const p of Array.isArray(d && d.parts) ? d.parts : []) {
      add(p);
      add(p && p.pack);
    }
  }
  add(manifest.summary);
  // The organisation's logo (an SVG in the data folder), when it names one.
  if (manifest.organisation && typeof manifest.organisation.logo === 'string') add({ file: manifest.organisation.logo });
  return files;
}

function parse(text) {
  try {
    const m = JSON.parse(text);
    return m && typeof m === 'object' && !Array.isArray(m) ? m : null;
  } catch (e) {
    return null;
  }
}

async function sha256(buffer) {
  const d = await crypto.subtle.digest('SHA-256', buffer);
  return [...new Uint8Array(d)].map((x) => x.toString(16).padStart(2, '0')).join('');
}

/** Deletes cached data the manifest does not list, or lists with another checksum. */
async function purge(cache, manifest) {
  const files = listed(manifest);
  for (const request of await cache.keys()) {
    if (request.url === MANIFEST) continue;
    const want = files.get(request.url);
    let drop = want === undefined;
    if (!drop && want) {
      const hit = await cache.match(request);
      drop = !hit || hit.headers.get(SHA) !== want;
    }
    if (drop) await cache.delete(request);
  }
}

async function clearData(cache) {
  for (const request of await cache.keys()) await cache.delete(request);
}

// The manifest this worker last fetched (or, offline, read from the cache): data requests are
// answered against it. The app asks for the manifest first and waits for it, so the data that
// follows is checked against the very manifest the page got.
let known = null; // { at, state: Promise<{ manifest: object|null, fresh: boolean }> }
const KNOWN_FOR = 60 * 1000;

/** Fetches the manifest network-first; returns the response at once and `state`/`done` later. */
async function refreshManifest(request) {
  let response;
  try {
    response = await fetch(request);
  } catch (e) {
    const cache = await open(DATA);
    const hit = await cache.match(MANIFEST);
    if (!hit) throw e;
    const state = hit.clone().text().then((t) => ({ manifest: parse(t), fresh: false }));
    return { response: hit, state, done: state };
  }
  const forCache = response.ok ? response.clone() : null;
  const forParse = response.ok ? response.clone() : null;
  const state = forParse ? forParse.text().then((t) => ({ manifest: parse(t), fresh: true })) : Promise.resolve({ manifest: null, fresh: true });
  const done = state.then(async ({ manifest }) => {
    const cache = await open(DATA);
    if (manifest) {
      await put(cache, MANIFEST, forCache);
      await purge(cache, manifest);
    } else if (GONE(response.status)) {
      await clearData(cache); // the whole catalogue is withdrawn
    }
  });
  return { response, state, done };
}

function remember(work) {
  const state = work.then((w) => w.state).catch(() => ({ manifest: null, fresh: false }));
  known = { at: Date.now(), state };
  return state;
}

async function manifestFetch(event) {
  const work = refreshManifest(event.request);
  remember(work);
  event.waitUntil(work.then((w) => w.done).catch(() => {}));
  return (await work).response;
}

function currentManifest(event) {
  if (known && Date.now() - known.at < KNOWN_FOR) return known.state;
  const work = refreshManifest(new Request(MANIFEST, { cache: 'no-cache' }));
  event.waitUntil(work.then((w) => w.done).catch(() => {}));
  return remember(work);
}

/** Keeps a copy of `response` when it is the version the manifest lists; resolves to its SHA-256. */
async function store(cache, url, response, want) {
  const body = await response.arrayBuffer();
  const sha = await sha256(body);
  if (want && sha !== want) return null; // not the listed version: offline it would be refused
  const headers = new Headers();
  for (const h of ['content-type', 'last-modified', 'etag']) if (response.headers.has(h)) headers.set(h, response.headers.get(h));
  headers.set(SHA, sha);
  await put(cache, url, new Response(body, { status: 200, headers }));
  return sha;
}

async function fromNetwork(event, cache, url, want) {
  const response = await fetch(event.request);
  if (GONE(response.status)) await cache.delete(url);
  else if (response.ok && want !== undefined) event.waitUntil(store(cache, url, response.clone(), want).catch(() => {}));
  return response;
}

async function dataFetch(event) {
  const url = key(event.request.url);
  const { manifest, fresh } = await currentManifest(event);
  const cache = await open(DATA);
  const hit = await cache.match(url);
  if (!manifest) {
    // No usable manifest: the network, and a cached copy only when offline.
    try {
      return await fromNetwork(event, cache, url, undefined);
    } catch (e) {
      if (hit && !fresh) return hit;
      throw e;
    }
  }
  const files = listed(manifest);
  if (!files.has(url)) {
    if (hit) await cache.delete(url); // withdrawn: never shown again
    return fromNetwork(event, cache, url, undefined);
  }
  const want = files.get(url);
  if (hit && want && hit.headers.get(SHA) === want) {
    // The listed version: ask the host whether it still publishes it.
    let head = null;
    try { head = await fetch(new Request(url, { method: 'HEAD', cache: 'no-cache' })); } catch (e) { return hit; }
    if (!GONE(head.status)) return hit;
    return fromNetwork(event, cache, url, want);
  }
  if (hit && !want) {
    // No checksum to compare with: answer at once, revalidate, tell the page when it changed.
    event.waitUntil((async () => {
      let response;
      try { response = await fetch(event.request.url, { cache: 'no-cache' }); } catch (e) { return; }
      if (GONE(response.status)) {
        await cache.delete(url);
        await notify(url);
      } else if (response.ok) {
        const sha = await store(cache, url, response, null);
        if (sha && sha !== hit.headers.get(SHA)) await notify(url);
      }
    })().catch(() => {}));
    return hit;
  }
  if (hit) await cache.delete(url); // another version than the manifest lists
  return fromNetwork(event, cache, url, want);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  if (!request.url.startsWith(SCOPE)) return; // not this app's
  const url = new URL(request.url);
  let answer;
  if (request.mode === 'navigate') {
    answer = networkFirst(event);
  } else if (request.url === PINYIN) {
    // The pinyin table (the app's own file, not hashed): the network first, kept for offline.
    answer = networkFirst(event, { page: false });
  } else if (request.url.startsWith(FIRST_DIR) && url.pathname.endsWith('.html')) {
    // A page's prerendered first view: like the page itself, the network first (it changes with
    // the data), the copy kept for offline.
    answer = networkFirst(event, { page: false });
  } else if (key(request.url) === MANIFEST) {
    answer = manifestFetch(event);
  } else if (request.url.startsWith(DATA_DIR) && /\.(json|pack|svg)$/.test(url.pathname)) {
    answer = dataFetch(event);
  } else if (/-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|svg)$/.test(url.pathname)) {
    answer = cacheFirst(event);
  } else {
    return;
  }
  // Whatever goes wrong in the worker itself, the page gets the network's answer.
  event.respondWith(answer.catch(() => fetch(request)));
});
