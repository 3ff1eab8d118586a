// Installs omnistore's service worker and shows its notices: the offline
// banner and "A new version is available — Reload". Plain JavaScript, run
// before the wasm arrives, so both work on a slow or no connection.
(function () {
  var html = document.documentElement;
  function connectivity() { html.classList.toggle("os-offline", !navigator.onLine); }
  addEventListener("online", connectivity);
  addEventListener("offline", connectivity);
  connectivity();

  // Orders placed from the installed app count as the "pwa" channel. Capture
  // phase: the value is set before the form is read, with or without wasm.
  if (matchMedia("(display-mode: standalone)").matches) {
    document.addEventListener("submit", function (event) {
      var channel = event.target.querySelector('input[name="channel"][value="web"]');
      if (channel) channel.value = "pwa";
    }, true);
  }

  // A kiosk keeps nothing between shoppers: no worker, no stored pages.
  if (!("serviceWorker" in navigator) || document.body.hasAttribute("data-kiosk")) return;

  // The loyalty card, for /card (the installed app's shortcut, offline
  // too): kept from the account page in a cache of its own, which the
  // worker drops whenever someone signs in or out.
  var CARD = "omnistore-card";
  var mine = document.querySelector("[data-os-card]");
  if (mine && "caches" in window) {
    var qr = mine.querySelector("svg");
    caches.open(CARD).then(function (cache) {
      return cache.put("/card.json", new Response(JSON.stringify({
        code: mine.getAttribute("data-os-card"),
        svg: qr ? qr.outerHTML : ""
      }), { headers: { "content-type": "application/json" } }));
    });
  }
  var slot = document.querySelector("[data-os-card-slot]");
  if (slot && "caches" in window) {
    caches.match("/card.json", { cacheName: CARD }).then(function (hit) {
      return hit ? hit.json() : null;
    }).then(function (card) {
      if (!card) return;
      // Markup this shop's own account page made (the QR code's SVG).
      slot.querySelector(".os-card__qr").innerHTML = card.svg;
      slot.querySelector(".os-card__code").textContent = card.code;
      slot.hidden = false;
      document.querySelector(".os-card__none").hidden = true;
    });
  }

  // Reload only when the shopper asked for the new version: the first
  // install also changes the controller, and must not reload the page.
  var asked = false;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (!asked) return;
    asked = false;
    location.reload();
  });

  function offer(worker) {
    var notice = document.querySelector(".os-update");
    if (!notice) return;
    notice.hidden = false;
    notice.querySelector("button").addEventListener("click", function () {
      asked = true;
      worker.postMessage("skip-waiting");
    });
  }

  navigator.serviceWorker.register("/sw.js").then(function (registration) {
    // A browser that blocks service workers answers with none.
    if (!registration) return;
    // A first install is not an update: only offer when a worker already runs.
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener("updatefound", function () {
      var incoming = registration.installing;
      incoming.addEventListener("statechange", function () {
        if (incoming.state === "installed" && navigator.serviceWorker.controller) offer(incoming);
      });
    });
  });
})();
