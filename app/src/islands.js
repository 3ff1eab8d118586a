((js, wasm) => {
  const whenIdle = window.requestIdleCallback || ((run) => setTimeout(run, 1));
  // Back to the event loop between islands: hydrated in one go, a page's
  // islands are one long task that blocks input (Lighthouse's TBT).
  const pause = () => (window.scheduler && scheduler.yield
    ? scheduler.yield()
    : new Promise((resume) => setTimeout(resume, 0)));
  // An island inside <os-intent> waits for the shopper to come near it
  // (pointer, touch or focus): its HTML works without the wasm (a form, a
  // link). A page whose islands all wait fetches no wasm until then. The
  // one marked data-lead (the header's corner, which every other island's
  // changes show in) is hydrated before any other of them.
  // A load or a hydration that failed (offline) is tried again at the next
  // approach.
  let loaded;
  const load = () => (loaded ??= import(js).then(async (mod) => {
    await mod.default({ module_or_path: wasm });
    mod.hydrate();
    return mod;
  }).catch((e) => { loaded = undefined; throw e; }));
  const started = new WeakMap();
  const done = new WeakSet();
  const hydrateOne = (el) => {
    if (!started.has(el)) {
      started.set(el, load().then(async (mod) => {
        const island = mod[el.dataset.component];
        if (island) await island(el);
        else console.warn(`omnistore: this build has no island ${el.dataset.component}`);
        done.add(el);
      }).catch((e) => { started.delete(el); throw e; }));
    }
    return started.get(el);
  };
  const FIELD = 'label, select, textarea, '
    + 'input:not([type=submit]):not([type=image]):not([type=button]):not([type=reset])';
  const leadIsland = () => document.querySelector('os-intent[data-lead] leptos-island');
  const later = (wrapper) => {
    const el = wrapper.querySelector('leptos-island');
    if (!el || wrapper.dataset.watched) return;
    wrapper.dataset.watched = 'true';
    let start;
    const go = () => (start ??= (async () => {
      const lead = leadIsland();
      if (lead && lead !== el) await hydrateOne(lead);
      await hydrateOne(el);
    })().catch((e) => { start = undefined; throw e; }));
    for (const type of ['pointerover', 'touchstart', 'focusin']) {
      wrapper.addEventListener(type, () => { go().catch(() => {}); }, { passive: true });
    }
    // A press that comes before the code: held, then given to the island
    // (or, if its code does not come within 5 s, to the browser as without
    // the wasm). A choice in a form (a radio button, a field) is the
    // browser's alone and is read from the page when the form is sent: it
    // happens at once.
    let passing = false;
    for (const type of ['click', 'submit']) {
      wrapper.addEventListener(type, (ev) => {
        if (done.has(el) || passing) return;
        if (type === 'click' && ev.target.closest(FIELD)) return;
        ev.preventDefault();
        ev.stopImmediatePropagation();
        const { target, submitter } = ev;
        const wait = new Promise((resume) => setTimeout(resume, 5000));
        Promise.race([go(), wait]).catch(() => {}).then(() => {
          passing = !done.has(el);
          if (type === 'submit') target.requestSubmit(submitter);
          else target.click();
          passing = false;
        });
      }, { capture: true });
    }
  };
  // The page's islands, or those a client-side navigation brought: the
  // eager ones hydrated one after another (resolves when they are), the
  // others watched. The lead is eager on a page with eager islands (a store,
  // sign-in: what they change shows in the header, and their shopper is the
  // one the lead's props seed), on a page that shows the cart as the server
  // rendered it (`data-cart-version`: the lead's live cart stream tells it
  // when to come again, see nav.js) and with a saved cart queue (it has
  // changes to send).
  window.__hydrateIslands = async (root) => {
    let queued = false;
    try { queued = !!localStorage.getItem('os-cart-queue'); } catch {}
    const eager = queued || !!root.querySelector('[data-cart-version]')
      || [...root.querySelectorAll('leptos-island')].some((el) => !el.closest('os-intent'));
    if (eager) await load();
    for (const wrapper of root.querySelectorAll('os-intent')) {
      if (!(eager && wrapper.hasAttribute('data-lead'))) later(wrapper);
    }
    // The lead may be outside `root` (a page nav.js brought keeps its header).
    const lead = leadIsland();
    if (eager && lead) await hydrateOne(lead);
    for (const el of root.querySelectorAll('leptos-island')) {
      const wrapper = el.closest('os-intent');
      if (wrapper && wrapper.dataset.watched) continue;
      await pause();
      await hydrateOne(el);
    }
  };
  // After the first contentful paint, never before it: an idle callback
  // alone can come before the first frame is on screen on a busy machine,
  // and the wasm would then compete with the page's own paint. Without a
  // paint entry (a browser that has none, a hidden tab) a timer decides.
  const afterPaint = (run) => {
    let started = false;
    const go = () => { if (!started) { started = true; whenIdle(run); } };
    try {
      const seen = (list, observer) => {
        if (list.getEntriesByName('first-contentful-paint').length) { observer?.disconnect(); go(); }
      };
      const observer = new PerformanceObserver((list, o) => seen(list, o));
      observer.observe({ type: 'paint', buffered: true });
    } catch { go(); }
    setTimeout(go, 3000);
  };
  afterPaint(async () => {
    await window.__hydrateIslands(document);
    // In a task of its own: the last island has attached to its HTML.
    setTimeout(() => { document.body.dataset.hydrated = 'true'; });
  });
})
