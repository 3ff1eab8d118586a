((js, wasm) => {
  const whenIdle = window.requestIdleCallback || ((run) => setTimeout(run, 1));
  whenIdle(async () => {
    const mod = await import(js);
    await mod.default({ module_or_path: wasm });
    window.__hydrateIsland = async (el, id) => {
      const island = mod[id];
      if (island) await island(el);
      else console.warn(`omnistore: this build has no island ${id}`);
    };
    mod.hydrate();
    for (const el of document.querySelectorAll('leptos-island')) {
      await window.__hydrateIsland(el, el.dataset.component);
    }
  });
})
