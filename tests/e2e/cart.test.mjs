// The cart and the account in a real browser: merge at sign-in, live updates
// on a second device, the offline queue, JavaScript off, and accessibility.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, axeViolations, ownPacks, buyableProducts, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PASSWORD = 'correct horse battery';
let counter = 0;
const email = (tag) => `${tag}-${Date.now()}-${counter++}@example.com`;

/// Creates an account through the API (as another device would) and returns its cookies' context.
async function registerVia(context, address) {
  const res = await context.request.post(`${BASE}/api/auth/register`, {
    form: { name: 'Ala Test', email: address, password: PASSWORD },
    headers: { origin: BASE, accept: 'application/json' },
  });
  assert.ok(res.ok(), `register: ${res.status()} ${await res.text()}`);
}

async function cartQuantities(context) {
  const res = await context.request.get(`${BASE}/api/cart`);
  assert.equal(res.status(), 200);
  const cart = await res.json();
  return Object.fromEntries(cart.lines.map((l) => [l.product_slug, l.quantity]));
}

const badge = (page) => page.locator('.os-cart-badge__count');

async function addOnProductPage(page, href) {
  await page.goto(href);
  await hydrated(page);
  await page.getByRole('button', { name: 'Add to cart' }).click();
}

test('guest cart is merged at sign-in and the shopper is told what changed', async () => {
  const page = await newPage(browser);
  const [a, b] = await buyableProducts(page, 'lighting', 2);
  const address = email('merge');
  // The customer's own cart, filled on another device: A×1.
  const laptop = await browser.newContext({ baseURL: BASE });
  await registerVia(laptop, address);
  const laptopPage = await laptop.newPage();
  await addOnProductPage(laptopPage, a);
  await laptopPage.waitForFunction(() => document.querySelector('.os-cart-badge__count')?.dataset.count === '1');

  // As a guest on this browser: A×1 and B×1.
  await addOnProductPage(page, a);
  await page.getByRole('dialog', { name: 'Your cart' }).getByText('Added to your cart').waitFor();
  await page.keyboard.press('Escape');
  await addOnProductPage(page, b);
  await page.getByRole('link', { name: 'Cart, 2 items' }).waitFor();

  await page.goto('/login');
  await hydrated(page);
  await page.getByLabel('E-mail').fill(address);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/account\?merged=/);
  await page.getByText('2 items from your visit were added to your cart').waitFor();
  await page.getByRole('link', { name: 'Cart, 3 items' }).waitFor();
  await page.goto('/cart');
  await page.getByRole('heading', { level: 1, name: 'Your cart' }).waitFor();
  assert.equal(await page.locator('.os-cart-line').count(), 2);
  const slugs = (href) => href.replace('/p/', '');
  assert.deepEqual(await cartQuantities(page.context()), { [slugs(a)]: 2, [slugs(b)]: 1 });
  assert.deepEqual(page.errors, []);
  await laptop.close();
  await page.context().close();
});

test('a guest browses with no cookie and no event stream until the first add', async () => {
  const page = await newPage(browser);
  const streams = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/v1/cart/events') streams.push(r.url());
  });
  await page.goto('/');
  await hydrated(page);
  await page.goto('/c/lighting');
  await hydrated(page);
  await page.waitForTimeout(500);
  assert.deepEqual(streams, [], 'nothing to follow while there is no cart');
  assert.deepEqual(await page.context().cookies(), [], 'browsing sets no cookie');

  await page.locator('.os-product-card .os-add-to-cart__button:not([disabled])').first().click();
  await page.getByRole('link', { name: 'Cart, 1 item' }).waitFor();
  for (let i = 0; i < 50 && streams.length === 0; i++) await page.waitForTimeout(100);
  assert.equal(streams.length, 1, 'the cart is followed from its first line on');
  assert.ok((await page.context().cookies()).length > 0, 'the cart cookie came with the first item');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a second device signed in as the same customer sees cart changes within 2 s', async () => {
  const phone = await newPage(browser);
  const [a] = await buyableProducts(phone, 'garden-tools', 1);
  const address = email('live');
  await registerVia(phone.context(), address);
  const laptop = await newPage(browser);
  const res = await laptop.context().request.post(`${BASE}/api/auth/login`, {
    form: { email: address, password: PASSWORD },
    headers: { origin: BASE, accept: 'application/json' },
  });
  assert.ok(res.ok());
  await laptop.goto('/cart');
  await hydrated(laptop);
  await laptop.getByText('Your cart is empty.').waitFor();
  // Give the event stream a moment to connect before the change happens.
  await laptop.waitForTimeout(300);

  await addOnProductPage(phone, a);
  await phone.waitForFunction(() => document.querySelector('.os-cart-badge__count')?.dataset.count === '1');
  const started = Date.now();
  await laptop.waitForFunction(() => document.querySelector('.os-cart-badge__count')?.dataset.count === '1', null, { timeout: 2000 });
  await laptop.locator('.os-cart-line').first().waitFor({ timeout: 2000 });
  assert.ok(Date.now() - started <= 2000);
  assert.equal(await laptop.evaluate(() => performance.getEntriesByType('navigation').length), 1, 'no reload');
  assert.deepEqual(laptop.errors, []);
  await phone.context().close();
  await laptop.context().close();
});

/// A new visitor's page that goes offline on a buyable product from
/// `category` and adds it to the cart. The shopper has not come near the
/// product's island yet (its code is not on the page): the service worker,
/// once it runs, keeps that code for an offline page.
async function addOffline(category) {
  const page = await newPage(browser);
  const [href] = await buyableProducts(page, category, 1);
  await page.goto(href);
  await hydrated(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  return { page, href };
}

test('a change queued offline in a tab that was closed is sent by the next page, once', async () => {
  const { page, href: a } = await addOffline('garden-furniture');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('os-cart-queue') || '[]').length === 1);
  // The console reports the failed fetches; that is the point of this test.
  page.errors = [];
  // The tab goes before the network comes back; the shopper returns later.
  const context = page.context();
  await page.close();
  await context.setOffline(false);
  const next = await context.newPage();
  next.errors = [];
  next.on('pageerror', (e) => next.errors.push(String(e)));
  next.on('console', (m) => { if (m.type() === 'error') next.errors.push(m.text()); });
  await next.goto('/');
  await hydrated(next);
  // The saved queue is decoded (its code comes on demand) and sent.
  await next.waitForFunction(() => localStorage.getItem('os-cart-queue') === null);
  await next.waitForFunction(() => document.querySelector('.os-cart-badge__count')?.dataset.count === '1');
  await next.reload();
  await hydrated(next);
  await next.waitForTimeout(500);
  assert.deepEqual(await cartQuantities(context), { [a.replace('/p/', '')]: 1 });
  assert.deepEqual(next.errors, []);
  await context.close();
});

test('when the mini-cart\'s code fails to arrive the page keeps working, and the next opening brings it', async () => {
  // No service worker: it would answer from its copy, out of the route's reach.
  const page = await newPage(browser, { serviceWorkers: 'block' });
  const [a] = await buyableProducts(page, 'lighting', 1);
  await page.goto(a);
  await hydrated(page);
  const drawerCode = /\/pkg\/pack_omnistore_mini_cart\./;
  let refused = 0;
  await page.route(drawerCode, (route) => { refused += 1; return route.abort(); });
  await page.getByRole('button', { name: 'Add to cart' }).click();
  // The item is added and counted; the drawer could not open.
  await page.getByRole('link', { name: 'Cart, 1 item' }).waitFor();
  assert.ok(refused >= 1, 'the drawer\'s code was asked for');
  assert.equal(await page.getByRole('dialog', { name: 'Your cart' }).count(), 0);
  // Confirmed by the server (the queue is empty again).
  await page.waitForFunction(() => localStorage.getItem('os-cart-queue') === null);
  assert.deepEqual(await cartQuantities(page.context()), { [a.replace('/p/', '')]: 1 });
  // The refused fetch is reported; that is the point of this test.
  page.errors = [];
  await page.unroute(drawerCode);
  await page.getByRole('link', { name: 'Cart, 1 item' }).click();
  await page.getByRole('dialog', { name: 'Your cart' }).getByText('Subtotal').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('offline add-to-cart is queued and arrives exactly once after reconnecting', async () => {
  const { page, href: a } = await addOffline('camping');
  // Applied in the page at once, and kept for later.
  await page.waitForFunction(() => document.querySelector('.os-cart-badge__count')?.dataset.count === '1');
  await page.getByText('You are offline').first().waitFor();
  const queued = await page.evaluate(() => JSON.parse(localStorage.getItem('os-cart-queue') || '[]'));
  assert.equal(queued.length, 1);
  // The console reports the failed fetch; that is the point of this test.
  page.errors = [];

  await page.context().setOffline(false);
  await page.getByText('Back online: your cart is up to date.').first().waitFor({ timeout: 10000 });
  assert.equal(await page.evaluate(() => localStorage.getItem('os-cart-queue')), null);
  // The page is reloaded and the queue is not sent again.
  await page.reload();
  await hydrated(page);
  await page.waitForTimeout(500);
  assert.deepEqual(await cartQuantities(page.context()), { [a.replace('/p/', '')]: 1 });
  await page.context().close();
});

test('JavaScript off: add to cart, change quantity and remove with plain forms', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  const [a] = await buyableProducts(page, 'lighting', 1);
  await page.goto(a);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  // The server sends the form back where it came from.
  await page.waitForURL((u) => u.pathname === a);
  await page.getByRole('link', { name: 'Cart, 1 item' }).waitFor();
  await page.getByRole('link', { name: 'Cart, 1 item' }).click();
  await page.waitForURL((u) => u.pathname === '/cart');
  await page.getByLabel('Quantity').fill('3');
  await page.getByRole('button', { name: 'Update' }).click();
  await page.waitForURL((u) => u.pathname === '/cart');
  await page.getByRole('link', { name: 'Cart, 3 items' }).waitFor();
  await page.getByRole('button', { name: /^Remove/ }).click();
  await page.getByText('Your cart is empty.').waitFor();
  // A failed sign-in comes back to the form with the reason.
  await page.goto('/login');
  await page.getByLabel('E-mail').fill('nobody@example.com');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/login\?error=credentials/);
  await page.getByRole('alert').getByText('Wrong e-mail or password.').waitFor();
  await page.context().close();
});

test('accessibility: cart, sign-in, registration and account pages', async () => {
  const page = await newPage(browser);
  const [a] = await buyableProducts(page, 'lighting', 1);
  for (const path of ['/login', '/register']) {
    await page.goto(path);
    await hydrated(page);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${path}: ${violations.join('; ')}`);
  }
  const address = email('a11y');
  await registerVia(page.context(), address);
  await addOnProductPage(page, a);
  await page.waitForFunction(() => document.querySelector('.os-cart-badge__count')?.dataset.count === '1');
  // The open mini-cart is checked too.
  let violations = await axeViolations(page);
  assert.deepEqual(violations, [], `mini-cart: ${violations.join('; ')}`);
  for (const path of ['/cart', '/account']) {
    await page.goto(path);
    await hydrated(page);
    await page.getByRole('heading', { level: 1 }).waitFor();
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${path}: ${violations.join('; ')}`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // A bookmarked account page without a session: the sign-in form, then
  // straight back to the account.
  const visitor = await newPage(browser);
  await visitor.goto('/account');
  await visitor.waitForURL(/\/login\?next=\/account$/);
  await hydrated(visitor);
  await visitor.getByLabel('E-mail').fill(address);
  await visitor.getByLabel('Password').fill(PASSWORD);
  await visitor.getByRole('button', { name: 'Sign in' }).click();
  await visitor.waitForURL(/\/account$/);
  await visitor.getByRole('heading', { name: 'My account' }).waitFor();
  assert.deepEqual(visitor.errors, []);
  await visitor.context().close();
});

test('the account page needs no wasm of its own: its forms answer in place', async () => {
  const page = await newPage(browser);
  await registerVia(page.context(), email('forms'));
  const packs = ownPacks(page);
  await page.goto('/account');
  await hydrated(page);
  await page.evaluate(() => { window.__sameDocument = true; });

  // A refused address: the refusal names the field, the form stays open with the focus on it.
  await page.getByText('Add an address').click();
  const form = page.locator('details[open] form');
  await form.getByLabel('Name').fill('Ala Test');
  await form.getByLabel('Street').fill('Rynek 1');
  await form.getByLabel('Postcode').fill('123');
  await form.getByLabel('City').fill('Kraków');
  await form.getByLabel('Phone').fill('600100200');
  await form.getByRole('button', { name: 'Save' }).click();
  const refused = page.getByRole('alert').filter({ hasText: /^Postcode: / });
  await refused.waitFor();
  assert.ok(await refused.evaluate((el) => el === document.activeElement), 'the focus is on the refusal');
  const again = page.locator('details[open] form');
  assert.equal(await again.getByLabel('Street').inputValue(), 'Rynek 1', 'what was typed is kept');
  await again.getByLabel('Postcode').fill('31-042');
  await page.locator('details[open] form').getByRole('button', { name: 'Save' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Saved.' });
  await saved.waitFor();
  assert.ok(await saved.evaluate((el) => el === document.activeElement), 'the focus is on what was done');
  await page.getByText('Ala Test, Rynek 1, 31-042 Kraków').waitFor();

  // Deleted, and a wrong current password.
  await page.getByRole('button', { name: 'Delete — Ala Test, Rynek 1, 31-042 Kraków' }).click();
  await page.getByRole('status').filter({ hasText: 'Address deleted.' }).waitFor();
  assert.equal(await page.getByText('Ala Test, Rynek 1').count(), 0);
  await page.getByLabel('Current password').fill('not my password');
  await page.getByLabel('New password').fill('another long password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('alert').filter({ hasText: 'That is not your current password.' }).waitFor();

  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page did not reload');
  assert.deepEqual(packs, [], 'no wasm of its own');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the cart page needs no wasm of its own: a change answers in place and the header follows', async () => {
  const page = await newPage(browser);
  const [a] = await buyableProducts(page, 'lighting', 1);
  await addOnProductPage(page, a);
  await page.waitForFunction(() => document.querySelector('.os-cart-badge__count')?.dataset.count === '1');
  const packs = ownPacks(page);
  await page.goto('/cart');
  await hydrated(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.getByLabel('Quantity').fill('3');
  await page.getByRole('button', { name: 'Update' }).click();
  await page.waitForFunction(() => document.querySelector('.os-cart-badge__count')?.dataset.count === '3');
  await page.waitForFunction(() => document.querySelector('.os-cart-line__input')?.value === '3');
  await page.getByRole('button', { name: /^Remove/ }).click();
  await page.getByText('Your cart is empty.').waitFor();
  await page.waitForFunction(() => document.querySelector('.os-cart-badge__count')?.dataset.count === '0');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page did not reload');
  assert.deepEqual(packs, [], 'no wasm of its own');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a coupon code in the cart: refused with the reason, applied in place, the same total at checkout', async () => {
  const page = await newPage(browser);
  const [a] = await buyableProducts(page, 'lighting', 1);
  await addOnProductPage(page, a);
  await page.waitForFunction(() => document.querySelector('.os-cart-badge__count')?.dataset.count === '1');
  await page.goto('/cart');
  await hydrated(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  const toPay = () => page.locator('.os-cart-summary').getAttribute('data-to-pay').then(Number);
  const subtotal = Number(await page.locator('.os-cart-summary__subtotal').getAttribute('data-minor'));
  assert.equal(await toPay(), subtotal, 'no discount yet');

  await page.getByLabel('Coupon code').fill('no-such-code');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('alert').getByText('There is no such code.').waitFor();

  await page.getByLabel('Coupon code').fill('welcome10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByText('Code WELCOME10', { exact: true }).waitFor();
  const off = Math.floor(subtotal * 10 / 100);
  await page.getByText('Welcome: 10% off (Code WELCOME10)').waitFor();
  assert.equal(await toPay(), subtotal - off);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'answered in place');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `cart with a code: ${violations.join('; ')}`);

  // The checkout shows the same total and sends it with the order.
  await page.goto('/checkout');
  await hydrated(page);
  assert.equal(await toPay(), subtotal - off);
  assert.equal(await page.locator('input[name="total"]').inputValue(), String(subtotal - off));

  await page.goto('/cart');
  await hydrated(page);
  await page.getByRole('button', { name: 'Remove code' }).click();
  await page.getByLabel('Coupon code').waitFor();
  assert.equal(await toPay(), subtotal);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
