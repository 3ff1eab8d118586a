import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, axeViolations, ownPacks, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Finds a product whose variants differ in price (gas grills have burner sizes).
async function productWithPricedVariants(page) {
  await page.goto('/search?q=gas+grill');
  const hrefs = await page.locator('.os-product-card__link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const href of hrefs) {
    const res = await page.request.get(href);
    const html = await res.text();
    const prices = [...html.matchAll(/"price":"([0-9.]+)"/g)].map((m) => m[1]);
    if (new Set(prices).size > 1) return href;
  }
  throw new Error('no product with differently priced variants');
}

test('the variant picker changes price and URL in place, keeping the scroll and the focus', async () => {
  // A short window: the picker is below the fold, so keeping the scroll
  // position is something the page can get wrong.
  const page = await newPage(browser, { viewport: { width: 1000, height: 420 } });
  const href = await productWithPricedVariants(page);
  await page.goto(href);
  await hydrated(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  const price = page.locator('.os-product__price .os-price__amount');
  const before = await price.textContent();
  const options = page.locator('.os-variant-picker__option:not(.os-variant-picker__option--selected)');
  const n = await options.count();
  let changed = false;
  for (let i = 0; i < n && !changed; i++) {
    const option = options.nth(0);
    const label = (await option.textContent()).trim();
    await option.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    assert.ok(y > 0, 'the picker is below the fold');
    const url = page.url();
    await option.click();
    await page.waitForURL((u) => u.href !== url && /\?variant=\d+/.test(u.search));
    await hydrated(page);
    changed = (await price.textContent()) !== before;
    assert.equal(await page.evaluate(() => window.scrollY), y, 'the page kept its scroll position');
    const focused = await page.evaluate(() => {
      const a = document.activeElement;
      return { current: a?.getAttribute('aria-current'), text: a?.textContent.trim() };
    });
    assert.deepEqual(focused, { current: 'true', text: label }, 'the focus is on the chosen variant');
  }
  assert.ok(changed, 'price changed after choosing a variant');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no full page load');
  assert.match(page.url(), /\?variant=\d+/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a product page needs no wasm of its own: its "Add to cart" is the cards\' island', async () => {
  const page = await newPage(browser);
  const href = await productWithPricedVariants(page);
  const files = [];
  page.on('requestfinished', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/pkg/') && !path.endsWith('.css')) files.push(path);
  });
  await page.goto(href);
  await hydrated(page);
  await page.locator('.os-variant-picker__option:not(.os-variant-picker__option--selected)').first().click();
  await page.waitForURL(/\?variant=\d+/);
  await hydrated(page);
  const variant = new URL(page.url()).searchParams.get('variant');
  assert.equal(files.length, 0, `no wasm before the shopper comes near the island: ${files.join(' ')}`);
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  const drawer = page.getByRole('dialog', { name: 'Your cart' });
  await drawer.waitFor();
  await page.waitForLoadState('networkidle');
  const seen = files.join(' ');
  assert.ok(files.every((f) => !/\/pack_/.test(f) || /\/pack_omnistore_/.test(f)), `only the shell's packs: ${seen}`);
  assert.ok(!files.some((f) => /\/(chunk|split)_/.test(f)), `no module fetched alone: ${seen}`);
  assert.ok(files.length <= 5, seen);
  // The island added the variant on screen, twice.
  const cart = await (await page.request.get('/api/cart')).json();
  assert.deepEqual(cart.lines.map((l) => [String(l.variant_id), l.quantity]), [[variant, 2]]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('client-side navigation between pages after hydration', async () => {
  const page = await newPage(browser);
  await page.goto('/');
  await hydrated(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Grills and barbecue' }).click();
  await page.waitForURL('**/c/grills');
  await page.getByRole('heading', { level: 1, name: 'Grills and barbecue' }).waitFor();
  assert.equal(await page.locator('.os-product-card').count(), 24);
  await page.getByRole('link', { name: /Next page/ }).click();
  await page.waitForURL('**/c/grills?page=2');
  await page.getByRole('link', { name: 'Page 1' }).waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no full page load');
  assert.equal(await page.title(), 'Grills and barbecue | omnistore');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('search with JavaScript on: an exact EAN goes to the product', async () => {
  const page = await newPage(browser);
  await page.goto('/c/kitchen');
  const first = page.locator('.os-product-card__link').first();
  const href = await first.getAttribute('href');
  const html = await (await page.request.get(href)).text();
  const ean = html.match(/"gtin13":"(\d{13})"/)[1];
  await hydrated(page);
  const box = page.getByRole('searchbox', { name: 'Search products, SKU or EAN' }).first();
  // A word goes to the results as a client-side navigation: the page (and
  // this marker on its window) stays.
  await page.evaluate(() => { window.osNoReload = true; });
  await box.fill('chair');
  await box.press('Enter');
  await page.waitForURL(/\/search\?q=chair$/);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => window.osNoReload), true, 'searched without a page load');
  await box.fill(ean);
  await box.press('Enter');
  await page.waitForURL(new RegExp(`${href}\\?variant=\\d+`));
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('JavaScript disabled: browse, filter, paginate and search with plain links and forms', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Watering' }).click();
  await page.waitForURL('**/c/watering');
  assert.equal(await page.locator('.os-product-card').count(), 24);
  await page.getByLabel('Sort by').selectOption('price-asc');
  await page.getByLabel('Price to (zł)').fill('150');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/sort=price-asc/);
  const prices = await page.locator('.os-product-card .os-price__amount').evaluateAll((els) => els.map((e) => Number(e.dataset.priceMinor)));
  assert.ok(prices.length > 0);
  assert.ok(prices.every((p) => p <= 15000), `all prices <= 150 zł: ${prices}`);
  assert.deepEqual([...prices].sort((a, b) => a - b), prices);
  const box = page.getByRole('searchbox', { name: 'Search products, SKU or EAN' }).first();
  await box.fill('tent');
  await box.press('Enter');
  await page.waitForURL(/\/search\?q=tent/);
  assert.ok(await page.locator('.os-product-card').count() > 0);
  await page.context().close();
});

test('language switch: Polish everywhere, kept in a cookie', async () => {
  const page = await newPage(browser);
  await page.goto('/c/garden-furniture');
  await hydrated(page);
  await page.getByRole('link', { name: 'Polski' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'pl');
  await page.getByRole('heading', { level: 1, name: 'Meble ogrodowe' }).waitFor();
  assert.match(await page.locator('.os-price__amount').first().textContent(), /^\d[\d\u00a0]*,\d{2}\u00a0zł$/);
  assert.equal(await page.getByRole('button', { name: 'Szukaj' }).first().isVisible(), true);
  const cookies = await page.context().cookies();
  assert.equal(cookies.find((c) => c.name === 'lang')?.value, 'pl');
  await page.goto('/');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'pl');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('404 page for unknown routes and products', async () => {
  const page = await newPage(browser);
  for (const path of ['/no/such/page', '/p/no-such-product']) {
    const res = await page.goto(path);
    assert.equal(res.status(), 404, path);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  }
  await page.context().close();
});

test('accessibility: axe-core finds no violations', async () => {
  const page = await newPage(browser);
  await page.goto('/c/lighting');
  const product = await page.locator('.os-product-card__link').first().getAttribute('href');
  for (const path of ['/', '/c/lighting', product, '/no/such/page', '/components']) {
    await page.goto(path);
    await hydrated(page);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${path}: ${violations.join('; ')}`);
  }
  await page.context().close();
});

test('the gallery: the index is markup, each component is live on a page of its own', async () => {
  const page = await newPage(browser);
  const packs = ownPacks(page);
  await page.goto('/components');
  await hydrated(page);
  assert.deepEqual(packs, [], 'the index needs no wasm of its own');
  await page.getByRole('link', { name: 'CartLine' }).click();
  await page.waitForURL(/\/components\/cartline$/);
  await hydrated(page);
  assert.equal(packs.length, 1, `its own island only: ${packs}`);
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Update' }).click();
  await page.getByRole('status').filter({ hasText: 'CartLine: quantity 2' }).waitFor();
  await page.getByRole('button', { name: /^Remove — Garden hose/ }).click();
  await page.getByRole('status').filter({ hasText: 'CartLine: remove' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/components/cartline', 'the callbacks took the forms');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the wasm is fetched after the first paint, never preloaded with the page', async () => {
  const page = await newPage(browser);
  // A page whose island is hydrated with it (the sign-in form).
  await page.goto('/login');
  await hydrated(page);
  const timing = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const wasm = performance.getEntriesByType('resource')
      .find((e) => /^\/pkg\/omnistore\.[^/]*\.wasm$/.test(new URL(e.name).pathname));
    return {
      paint: paint?.startTime,
      wasm: wasm?.startTime,
      preloads: document.querySelectorAll('link[rel="preload"], link[rel="modulepreload"]').length,
    };
  });
  assert.equal(timing.preloads, 0);
  assert.ok(timing.paint !== undefined && timing.wasm !== undefined, JSON.stringify(timing));
  assert.ok(timing.wasm >= timing.paint, `wasm requested at ${timing.wasm} ms, first paint at ${timing.paint} ms`);
  await page.context().close();
});

test('the first page\'s wasm carries no lazy piece\'s data, only its own', async () => {
  const page = await newPage(browser);
  await page.goto('/');
  await hydrated(page);
  // The wasm comes when the shopper comes near an island.
  await page.locator('.os-header__shopper').hover();
  const wasmPath = /^\/pkg\/omnistore\.[^/]*\.wasm$/;
  await page.waitForFunction((source) => performance.getEntriesByType('resource')
    .some((e) => new RegExp(source).test(new URL(e.name).pathname)), wasmPath.source);
  const url = await page.evaluate((source) => performance.getEntriesByType('resource')
    .map((e) => e.name).find((n) => new RegExp(source).test(new URL(n).pathname)), wasmPath.source);
  const wasm = Buffer.from(await (await page.request.get(url)).body()).toString('latin1');
  // The header's own markup is there; the register form's, the drawer's and
  // the staff desk's are in their chunks. (wasm-split once put every chunk's
  // data in the main module over 4 bytes of alignment: see SPLIT_SLACK.)
  assert.ok(wasm.includes('os-cart-badge__count'));
  for (const lazy of ['os-register-password', 'os-mini-cart__subtotal', 'os-staff']) {
    assert.ok(!wasm.includes(lazy), `${lazy} is in the first page's wasm`);
  }
  await page.context().close();
});

test('a first visit downloads no wasm until the shopper comes near an island; a press before it arrives still goes to the island', async () => {
  // No service worker: every fetch goes to the network, where it is seen.
  const page = await newPage(browser, { serviceWorkers: 'block' });
  const code = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/pkg/') && !path.endsWith('.css')) code.push(path.replace(/\.[\w-]{20,}\./, '.'));
  });
  // The wasm is slow: the press below comes before it.
  await page.route(/\/pkg\/omnistore\.[^/]*\.wasm$/, async (route) => {
    await new Promise((resume) => setTimeout(resume, 1500));
    await route.continue();
  });
  await page.goto('/');
  await hydrated(page);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(code, [], 'no wasm or script with the first page');
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.getByRole('button', { name: /^Add to cart — / }).first().click();
  // The island took the press: the page stays and the drawer says so.
  await page.getByRole('dialog', { name: 'Your cart' }).getByText('Added to your cart').waitFor();
  await page.getByRole('link', { name: 'Cart, 1 item' }).waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load');
  assert.ok(code.includes('/pkg/omnistore.wasm'), code.join(' '));
  // With a cart to follow, the header is hydrated with the next page: its
  // badge opens the drawer in place (a link to the cart page without the
  // wasm, and nothing waits for the pointer there).
  await page.unrouteAll();
  await page.goto('/c/lighting');
  await hydrated(page);
  assert.equal(await page.locator('os-intent[data-lead]').count(), 0);
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.getByRole('link', { name: 'Cart, 1 item' }).click();
  await page.getByRole('dialog', { name: 'Your cart' }).getByText('Subtotal').waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('when the wasm cannot come, a press on a waiting island goes to the browser as without JavaScript', async () => {
  const page = await newPage(browser, { serviceWorkers: 'block' });
  await page.route(/\/pkg\/omnistore\.[^/]*\.wasm$/, (route) => route.abort());
  await page.goto('/');
  await hydrated(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.getByRole('button', { name: /^Add to cart — / }).first().click();
  // The plain form was sent: the server sends it back to the home page
  // with the item in the cart.
  await page.getByRole('link', { name: 'Cart, 1 item' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'a page load');
  assert.equal((await (await page.context().request.get('/api/cart')).json()).lines.length, 1);
  await page.context().close();
});

test('release assets: hashed names, precompressed brotli, immutable caching', async () => {
  const page = await newPage(browser);
  const assets = [];
  page.on('response', (r) => { if (new URL(r.url()).pathname.startsWith('/pkg/')) assets.push(r); });
  await page.goto('/login');
  await hydrated(page);
  const wasm = assets.find((r) => r.url().endsWith('.wasm'));
  assert.ok(wasm, 'the wasm was loaded from /pkg');
  assert.match(new URL(wasm.url()).pathname, /^\/pkg\/omnistore\.[A-Za-z0-9_-]{10,}\.wasm$/);
  for (const r of assets) {
    const headers = await r.allHeaders();
    assert.match(headers['cache-control'] ?? '', /immutable/, r.url());
  }
  // The brotli twin made at build time is what a brotli-capable client gets.
  const res = await page.request.get(wasm.url(), { headers: { 'accept-encoding': 'br' } });
  assert.equal(res.headers()['content-encoding'], 'br');
  await page.context().close();
});

test('a product page says what is often bought with it, and the cards lead there', async () => {
  const page = await newPage(browser);
  const home = await (await page.request.get('/')).text();
  const hrefs = [...new Set([...home.matchAll(/href="(\/p\/[a-z0-9-]+)"/g)].map((m) => m[1]))];
  let found = null;
  for (const href of hrefs) {
    const html = await (await page.request.get(href)).text();
    if (html.includes('data-why="together"')) { found = href; break; }
  }
  assert.ok(found, 'a featured product with orders to go by');
  await page.goto(found);
  await hydrated(page);
  const block = page.getByRole('region', { name: /^Often bought together with / });
  await block.waitFor();
  const first = block.getByRole('link').first();
  const target = await first.getAttribute('href');
  assert.notEqual(target.split('?')[0], found);
  assert.deepEqual(await axeViolations(page), []);
  await first.click();
  await page.waitForURL((u) => u.pathname === target.split('?')[0]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
