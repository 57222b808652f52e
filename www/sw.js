// The service worker: keeps this build's files so the page opens without a network. The build
// writes VERSION (a digest of the files) and ASSETS into the copy it serves; a new build has a new
// VERSION, so the browser installs the new worker, which fetches the new files and deletes the old.
const VERSION = '__SANDBOX_VERSION__';
const ASSETS = ['./', '__SANDBOX_ASSETS__'];
const CACHE = `livestream-sandbox-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(ASSETS.map((asset) => new Request(asset, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith('livestream-sandbox-') && name !== CACHE).map((name) => caches.delete(name)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // Pages are all the one page: any query string or path under the scope opens it.
      const cached = request.mode === 'navigate'
        ? await cache.match('./')
        : await cache.match(request, { ignoreSearch: true });
      return cached ?? fetch(request);
    }),
  );
});
