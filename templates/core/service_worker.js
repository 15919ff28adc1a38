// The site's service worker: the public pages a reader opens, and the files they use, are kept
// on the device and read from there when the network fails. Pages come from the network first
// (so every visit online brings the newest version, which replaces the kept one), from the
// device when the network fails or is slow. Static files whose names carry a hash of their
// content never change, so they come from the device first. Nothing from other hosts, the
// admin, fragments, POSTs, or responses the server does not mark public is ever kept.
// See history/core/offline.py.
const SITE = {{ config|safe }};
const OFFLINE_CACHE = `offline-${SITE.version}`;
// The static files' names in production: name.0123456789ab.css (as nginx's rule for them).
const HASHED = /\.[0-9a-f]{12}\.\w+$/;
// Files a kept page or style sheet uses.
const REFERENCE = /(?:href|src)="([^"]+)"|url\(["']?([^"')]+)/g;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    // Anonymous copies: the offline page carries no one's userbar.
    const offline = await caches.open(OFFLINE_CACHE);
    await offline.addAll(Object.values(SITE.offlinePages).map(
      (url) => new Request(url, { credentials: "omit", cache: "reload" })));
    const files = await caches.open(SITE.filesCache);
    await files.addAll(SITE.offlineFiles);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("offline-") && name !== OFFLINE_CACHE) await caches.delete(name);
    }
    await pruneFiles();
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (
    request.method !== "GET" ||
    url.origin !== self.location.origin ||
    SITE.notKept.some((prefix) => url.pathname.startsWith(prefix)) ||
    request.headers.has("HX-Request") ||
    request.headers.has("Range")
  ) {
    return; // the browser's own way, untouched
  }
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(event, SITE.pagesCache, true));
  } else if (url.pathname.startsWith(SITE.staticUrl) && HASHED.test(url.pathname)) {
    event.respondWith(keptFirst(event));
  } else {
    event.respondWith(networkFirst(event, SITE.filesCache, false));
  }
});

// The pages (their windows) this worker answered from the device, for want of a network.
const readFromDevice = new Set();

// A page asks whether it was read from the device (it then says the reader is offline), and
// for pages to be kept: itself (on a first visit the worker did not see it) and the other
// views it names (an edition's versions and its parallel view).
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.status && event.source) {
    event.source.postMessage({ readFromDevice: readFromDevice.delete(event.source.id) });
  }
  const urls = (data.keep || []).filter((address) => {
    const url = new URL(address);
    const own = url.origin === self.location.origin;
    return own && !SITE.notKept.some((prefix) => url.pathname.startsWith(prefix));
  });
  if (urls.length) event.waitUntil(keepMissing(urls));
});

async function networkFirst(event, cacheName, isPage) {
  const key = withoutHash(event.request.url);
  const network = fetch(event.request).then((response) => {
    event.waitUntil(keep(cacheName, key, response.clone(), isPage));
    return response;
  }).catch(() => null);
  event.waitUntil(network); // the answer is kept even when it comes after the timeout
  const slow = new Promise((resolve) => { setTimeout(resolve, SITE.timeout, null); });
  const first = await Promise.race([network, slow]);
  if (first) return first;
  // Offline, or slow: the kept copy; with none, the network's answer after all.
  const kept = await caches.match(key, { cacheName, ignoreVary: true });
  if (kept) {
    if (isPage) readFromDevice.add(event.resultingClientId);
    return kept;
  }
  const late = await network;
  if (late) return late;
  if (!isPage) return Response.error();
  readFromDevice.add(event.resultingClientId);
  return offlinePage(key);
}

async function keptFirst(event) {
  const kept = await caches.match(event.request.url, { cacheName: SITE.filesCache });
  if (kept) return kept;
  const response = await fetch(event.request);
  event.waitUntil(keep(SITE.filesCache, event.request.url, response.clone(), false));
  return response;
}

// The page that says this one is not available offline, in the language of its address.
async function offlinePage(url) {
  const path = new URL(url).pathname;
  const prefix = Object.keys(SITE.offlinePages).find((p) => path.startsWith(p)) || SITE.defaultPrefix;
  const page = await caches.match(SITE.offlinePages[prefix], { cacheName: OFFLINE_CACHE });
  return page || Response.error();
}

// Kept only when the server says anyone may keep it: a page must be public (as the page cache
// requires), a file must not be private; never while a session cookie is set. (Pages with a
// form's CSRF token are private: the server says so.)
async function keepable(response, isPage) {
  if (response.status !== 200 || response.type !== "basic" || response.redirected) return false;
  const directives = (response.headers.get("Cache-Control") || "").toLowerCase()
    .split(",").map((d) => d.trim().split("=")[0]);
  if (directives.some((d) => ["private", "no-store", "no-cache"].includes(d))) return false;
  if (isPage && !directives.includes("public")) return false;
  return !(await signedIn());
}

async function signedIn() {
  if (!self.cookieStore) return false;
  for (const name of SITE.cookies) {
    if (await self.cookieStore.get(name)) return true;
  }
  return false;
}

async function keep(cacheName, key, response, isPage) {
  const offline = Object.values(SITE.offlinePages).includes(new URL(key).pathname);
  if (!offline && (await keepable(response, isPage))) {
    await (await caches.open(cacheName)).put(key, response);
  }
}

async function keepMissing(urls) {
  const pages = await caches.open(SITE.pagesCache);
  for (const url of urls.map(withoutHash)) {
    if (await pages.match(url, { ignoreVary: true })) continue;
    try {
      const response = await fetch(url);
      const text = await response.clone().text();
      await keep(SITE.pagesCache, url, response, true);
      if (await pages.match(url, { ignoreVary: true })) await keepFiles(references(text, url));
    } catch (error) {
      // Offline again: the rest waits for the next visit.
      return;
    }
  }
}

// The static files and uploads a page uses, kept with it so that it reads the same offline.
async function keepFiles(urls) {
  const files = await caches.open(SITE.filesCache);
  for (const url of urls) {
    const path = new URL(url).pathname;
    if (!path.startsWith(SITE.staticUrl) && !path.startsWith(SITE.mediaUrl)) continue;
    if (await files.match(url)) continue;
    const response = await fetch(url);
    if (await keepable(response, false)) await files.put(url, response);
  }
}

function references(text, base) {
  const found = new Set();
  for (const match of text.matchAll(REFERENCE)) {
    try {
      const url = new URL((match[1] || match[2]).replaceAll("&amp;", "&"), base);
      if (url.origin === self.location.origin) found.add(withoutHash(url.href));
    } catch (error) {
      // Not an address.
    }
  }
  return found;
}

// Static files from an earlier version that no kept page or style sheet uses any more.
async function pruneFiles() {
  const used = new Set();
  const files = await caches.open(SITE.filesCache);
  for (const cache of [await caches.open(SITE.pagesCache), await caches.open(OFFLINE_CACHE), files]) {
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const type = response.headers.get("Content-Type") || "";
      if (type.startsWith("text/html") || type.startsWith("text/css")) {
        for (const url of references(await response.text(), request.url)) used.add(url);
      }
    }
  }
  for (const request of await files.keys()) {
    if (HASHED.test(new URL(request.url).pathname) && !used.has(request.url)) {
      await files.delete(request);
    }
  }
}

function withoutHash(url) {
  return url.split("#")[0];
}
