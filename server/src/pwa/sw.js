// omnistore's service worker. The server fills in VERSION and PRECACHE for
// each build (server/src/pwa/mod.rs), so a new deployment is a new worker
// and the page offers "A new version is available — Reload".
const VERSION = __VERSION__;
const PRECACHE = __PRECACHE__;

// Everything stored belongs to one version; activating a new one drops the
// old stores, so no page of an old build (old prices, old asset names)
// outlives the update.
const SHELL = `omnistore-shell-${VERSION}`;
const PAGES = `omnistore-pages-${VERSION}`;
const ASSETS = `omnistore-assets-${VERSION}`;
// The signed-in customer's loyalty card (pwa.js keeps it from the account
// page for /card): not a version's, but dropped at every sign-in or out.
const CARD = "omnistore-card";

// About one shopper: the network only, never stored. The server's own list
// (identity.rs PRIVATE_PREFIXES, answered `private, no-store`), plus the
// language switch and the offline page itself.
const PRIVATE = __PRIVATE__;
// Sign-in, sign-out and account changes: the pages stored so far show the
// previous visitor's header, so they go.
const IDENTITY_CHANGES = ["/api/auth/", "/api/account/logout-everywhere", "/api/account/delete",
  "/api/kiosk/reset"];
// `name.<22-character hash>.ext`: a new build means a new name.
const HASHED = /\.[A-Za-z0-9_-]{22}\.[a-z]+$/;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL);
    await shell.addAll(PRECACHE);
    // The home page too, so the app opens offline, unless it is personal.
    try {
      const home = await fetch("/", { credentials: "same-origin" });
      if (storable(home)) await (await caches.open(PAGES)).put("/", home);
    } catch (_) { /* installed offline: the home page comes with the first visit */ }
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keep = [SHELL, PAGES, ASSETS, CARD];
    for (const name of await caches.keys()) {
      if (name.startsWith("omnistore-") && !keep.includes(name)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page's "Reload" button: the waiting version takes over at once.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    if (IDENTITY_CHANGES.some((p) => url.pathname.startsWith(p))) {
      event.waitUntil(Promise.all([caches.delete(PAGES), caches.delete(CARD)]));
    }
    return;
  }
  // The card's page is the same for everyone (the card itself is read from
  // CARD by pwa.js): this build's copy, so it opens offline.
  if (url.pathname === "/card" && request.mode === "navigate") {
    event.respondWith(caches.match("/card", { cacheName: SHELL })
      .then((hit) => hit || fetch(request)).catch(offlinePage));
    return;
  }
  if (PRIVATE.some((p) => url.pathname.startsWith(p))) {
    if (request.mode === "navigate") event.respondWith(fetch(request).catch(offlinePage));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else if (url.pathname.startsWith("/pkg/") || url.pathname.startsWith("/img/")
    || url.pathname.startsWith("/media/")
    || url.pathname.startsWith("/icons/") || url.pathname === "/favicon.svg"
    || url.pathname === "/manifest.webmanifest"
    // The shell's own scripts: the network first, the install's copy
    // offline (the card's page needs pwa.js to show the card).
    || url.pathname === "/pwa.js" || url.pathname === "/nav.js") {
    event.respondWith(asset(request, url));
  }
});

/// Catalog pages: the network first (fresh prices and stock); a copy is kept
/// for offline unless the answer is personal; offline, the copy is shown
/// marked as such, or the offline page when there is none.
async function page(request) {
  try {
    const response = await fetch(request);
    if (storable(response)) {
      const copy = response.clone();
      caches.open(PAGES).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch (_) {
    const saved = await caches.match(request, { cacheName: PAGES });
    return saved ? markSaved(saved) : offlinePage();
  }
}

/// Hashed files never change: the stored copy first. Others (images, and
/// unhashed files of a development build): the network first.
async function asset(request, url) {
  const cache = await caches.open(ASSETS);
  if (HASHED.test(url.pathname)) {
    const hit = await caches.match(request);
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  }
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = await caches.match(request);
    if (hit) return hit;
    throw error;
  }
}

function storable(response) {
  const cacheControl = response.headers.get("cache-control") || "";
  return response.ok && response.type === "basic" && !response.redirected
    && !/no-store/.test(cacheControl);
}

/// The page says it is a saved copy (`data-os-saved` on <html>): the offline
/// banner shows and prices carry the "may be out of date" mark (CSS).
async function markSaved(response) {
  const html = (await response.text()).replace("<html", "<html data-os-saved=\"\"");
  return new Response(html, {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

async function offlinePage() {
  return (await caches.match("/offline", { cacheName: SHELL }))
    || new Response("Offline", { status: 503, headers: { "content-type": "text/plain" } });
}
