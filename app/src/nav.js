// Client-side navigation for islands mode (the shell links it only then;
// see omnistore-app root.rs).
//
// Why our own and not leptos' islands router: that one walks the old and
// new documents node by node and lost whole sections of our pages when the
// shapes differed. Here the server's HTML for the next page replaces the
// parts that change (<main>, the language links, the title and the meta
// tags) and the new islands are hydrated; the header's islands (cart badge,
// mini-cart, the live cart stream) stay, with their state.
//
// A link or GET form works as before without this script or the wasm; on
// any doubt (another origin, a download, a kiosk switch, a network error)
// the browser does a normal page load.
(() => {
  const SKIP = /^\/(api|lang|pkg|img|icons|sw\.js|sitemap\.xml|robots\.txt|offline)(\/|$)/;
  let current = 0;
  // The page on screen, without its fragment: following a #link also fires
  // popstate, and that must not load the page again. (An island may push a
  // URL of its own, e.g. ?variant=; going back to a URL without a fragment
  // therefore always loads it.)
  let shown = location.pathname + location.search;

  function ours(url) {
    return url.origin === location.origin && !SKIP.test(url.pathname);
  }

  function samePage(url) {
    return url.pathname === location.pathname && url.search === location.search;
  }

  // Head elements a page sets for itself (leptos_meta renders them).
  const HEAD = ['meta[name="description"]', 'link[rel="canonical"]', 'meta[name="robots"]',
    'meta[property^="og:"]', 'script[type="application/ld+json"]'];

  function swapHead(doc) {
    document.title = doc.title;
    for (const selector of HEAD) {
      document.head.querySelectorAll(selector).forEach((el) => el.remove());
      doc.head.querySelectorAll(selector).forEach((el) => document.head.append(el));
    }
  }

  // Resolves when every island in `root` that does not wait for the
  // shopper's approach is interactive (a lazy one first fetches its chunk;
  // see islands.js).
  function hydrate(root) {
    if (!window.__hydrateIslands) return Promise.resolve();
    return window.__hydrateIslands(root);
  }

  // `place` keeps the shopper where they were, for a choice made on the
  // page rather than a new page: the scroll position stays and the focus
  // goes to `place.link` (the href of a link marked `data-noscroll`, a
  // variant of the product on screen) or, after a form posted in place, to
  // the page's alert or the same button in the new page.
  async function go(url, init, push, place) {
    const nav = ++current;
    let res;
    let doc;
    const form = place && place.form;
    try {
      res = await fetch(url, { ...init, headers: { Accept: 'text/html' } });
    } catch {
      // The browser does it (a posted form as without this script).
      if (form) form.submit();
      else location.assign(url);
      return;
    }
    try {
      if (!(res.headers.get('content-type') || '').startsWith('text/html')) throw new Error('not a page');
      doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    } catch {
      // A form the server took, with no page to show for it: this page
      // again, as it is now (never the form a second time).
      location.assign(form ? location.href : url);
      return;
    }
    if (nav !== current) return;
    const main = doc.querySelector('main');
    // A kiosk page and a shop page have other shells: load it whole.
    if (!main || (doc.body.dataset.kiosk || '') !== (document.body.dataset.kiosk || '')) {
      location.assign(res.url || url);
      return;
    }
    const target = new URL(res.url || url);
    // `data-hydrated` says "interactive" again only once the new page's
    // islands are (tests and monitoring wait for it, as on a page load).
    document.body.dataset.hydrated = 'false';
    if (push && target.href !== location.href) history.pushState(null, '', target);
    shown = target.pathname + target.search;
    swapHead(doc);
    const lang = doc.querySelector('.os-lang');
    const oldLang = document.querySelector('.os-lang');
    if (lang && oldLang) oldLang.replaceWith(document.adoptNode(lang));
    const here = document.querySelector('main');
    here.replaceWith(document.adoptNode(main));
    const ready = hydrate(main);
    if (place && place.quiet) {
      // The same page again: the focus stays, unless its element is gone.
      if (!document.activeElement || document.activeElement === document.body) main.focus({ preventScroll: true });
    } else if (place) {
      // A refusal, else the line that says what was done (`data-outcome`).
      const alert = [...main.querySelectorAll('[role=alert], [data-outcome]')].find((el) => el.textContent.trim());
      if (form && alert && alert.getAttribute('role') === 'alert') keepTyped(form, main);
      const again = place.link
        ? [...main.querySelectorAll('a[data-noscroll]')].find((a) => a.getAttribute('href') === place.link)
        : [...main.querySelectorAll('button')].find((b) => place.pressed && b.getAttribute('aria-label') === place.pressed);
      if (alert && !alert.hasAttribute('tabindex')) alert.setAttribute('tabindex', '-1');
      (alert || again || main).focus({ preventScroll: true });
    } else {
      if (target.hash) {
        document.getElementById(decodeURIComponent(target.hash.slice(1)))?.scrollIntoView();
      } else {
        window.scrollTo(0, 0);
      }
      // Screen readers and keyboards start at the new content.
      main.focus({ preventScroll: true });
    }
    await ready.catch(() => {});
    if (nav === current) document.body.dataset.hydrated = 'true';
    document.dispatchEvent(new CustomEvent('os:navigated', { detail: { url: target.href } }));
  }

  // A refused form comes back as the server renders it, empty: what the
  // shopper typed is put back into the same fields (by id), passwords aside.
  function keepTyped(form, root) {
    for (const el of form.elements) {
      if (!el.id || !el.name || ['hidden', 'password', 'submit', 'button'].includes(el.type)) continue;
      const twin = root.querySelector(`#${CSS.escape(el.id)}`);
      if (!twin) continue;
      if (el.type === 'checkbox' || el.type === 'radio') twin.checked = el.checked;
      else twin.value = el.value;
    }
  }

  document.addEventListener('click', (ev) => {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const a = ev.target.closest && ev.target.closest('a[href]');
    if (!a || a.target || a.hasAttribute('download')) return;
    if ((a.getAttribute('rel') || '').split(/\s+/).includes('external')) return;
    const url = new URL(a.href, location.href);
    if (!ours(url)) return;
    // A link to a place on this page is the browser's job.
    if (url.hash && samePage(url)) return;
    ev.preventDefault();
    go(url.href, {}, true, a.hasAttribute('data-noscroll') ? { link: a.getAttribute('href') } : null);
  });

  // A GET form is a navigation. A POST form marked `data-swap` (the staff
  // desk's moves, the account's addresses, devices and password) is posted
  // from here, and the page the server sends it to
  // (a plain form's answer is a redirect: back to the page, with `?error=`
  // when refused) replaces this one in place; other POST forms are the
  // browser's.
  document.addEventListener('submit', (ev) => {
    if (ev.defaultPrevented) return;
    const form = ev.target;
    if (!(form instanceof HTMLFormElement) || form.target) return;
    // The attributes, not `form.action`/`form.method`: a field named
    // "action" or "method" (the return form's) shadows those properties.
    const url = new URL(form.getAttribute('action') || location.href, location.href);
    const data = () => new URLSearchParams(new FormData(form, ev.submitter));
    if ((form.getAttribute('method') || 'get').toLowerCase() === 'get') {
      if (!ours(url)) return;
      ev.preventDefault();
      url.search = data().toString();
      go(url.href, {}, true);
    } else if (form.hasAttribute('data-swap') && url.origin === location.origin) {
      ev.preventDefault();
      const pressed = ev.submitter && ev.submitter.getAttribute('aria-label');
      go(url.href, { method: 'POST', body: data() }, true, { form, pressed });
    }
  });

  // A page showing the cart as the server rendered it (`data-cart-version`)
  // comes again, in place, when the header's live cart says the cart is
  // newer (a change from another tab or device, or one this page posted
  // that its own answer has not shown yet).
  document.addEventListener('os:cart', () => {
    const shown = document.querySelector('main [data-cart-version]');
    const now = document.body.dataset.cartVersion;
    if (!shown || !now || shown.dataset.cartVersion === now) return;
    go(location.href, {}, false, { quiet: true });
  });

  window.addEventListener('popstate', () => {
    if (location.pathname + location.search !== shown || !location.hash) go(location.href, {}, false);
  });
  // For the wasm: a server function's redirect, a search that found the product.
  window.osNavigate = (url) => go(new URL(url, location.href).href, {}, true);
})();
