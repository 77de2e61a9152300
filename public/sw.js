/* gongshi service worker: the app and its data open offline after the first visit.
 *
 * - Page loads (navigations) go to the network first, so a new deploy is picked up at once; the
 *   cached index.html is used only when the network fails.
 * - Trunk's hashed assets (JS, wasm, CSS) never change under their names: cache first. The hash
 *   is a 64-bit number in hex without leading zeros, so it can be shorter than 16 digits.
 * - Data files: answered from cache at once when present, revalidated in the background; when
 *   the network copy differs, open pages are told ("gongshi:data-updated") and offer a reload.
 */
const VERSION = 'gongshi-v1';
const SHELL = VERSION + '-shell';
const DATA = VERSION + '-data';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(['./', './index.html'].map((u) => new Request(u, { cache: 'reload' })))).catch(() => {}));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (!key.startsWith(VERSION)) await caches.delete(key);
    await self.clients.claim();
  })());
});

async function notify(url) {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'gongshi:data-updated', url });
}

async function networkFirst(request) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request.url.split('?')[0], response.clone());
    return response;
  } catch (e) {
    return (await cache.match(request.url.split('?')[0])) || (await cache.match('./index.html')) || (await cache.match('./')) || Response.error();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

async function staleWhileRevalidate(event) {
  const request = event.request;
  const cache = await caches.open(DATA);
  const hit = await cache.match(request);
  const refresh = fetch(request).then(async (response) => {
    if (response.ok) {
      const fresh = response.clone();
      if (hit) {
        const [a, b] = await Promise.all([hit.clone().text(), response.clone().text()]);
        if (a !== b) event.waitUntil(notify(request.url));
      }
      await cache.put(request, fresh);
    }
    return response;
  });
  if (hit) {
    event.waitUntil(refresh.catch(() => {}));
    return hit;
  }
  return refresh;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
  } else if (url.pathname.includes('/data/') && /\.(json|pack)$/.test(url.pathname)) {
    event.respondWith(staleWhileRevalidate(event));
  } else if (/-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|svg)$/.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});
