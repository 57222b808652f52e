// Offline use: once the page has answered, a service worker keeps its files (see sw.js).

/** Registers the service worker; `say(text)` tells the user when a newer page is ready. */
export function keepOffline(say) {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const hadWorker = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadWorker) say('A newer version of this page is ready: reload to use it.');
  });
  navigator.serviceWorker.register('sw.js').catch(() => {
    // Without it the page still works; it just needs the network next time.
  });
}
