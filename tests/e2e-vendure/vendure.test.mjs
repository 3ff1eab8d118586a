// The shop on Vendure in a real browser (scripts/test.sh starts Vendure 3.7
// with its sample catalog and an omnistore server with --backend vendure in
// front of it, at OMNISTORE_URL): browse Vendure's catalog, choose my store,
// add for pickup, check out as a guest, see the order with its QR code,
// staff hand it over; and the kiosk scanning a Vendure SKU.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, axeViolations, staffHandOver, BASE } from '../e2e/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const email = (tag) => `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

async function storeSlug(city) {
  const res = await fetch(`${BASE}/api/v1/stores?q=${encodeURIComponent(city)}&limit=1`);
  return (await res.json()).stores[0].slug;
}

test('a guest browses Vendure\'s catalog, picks up at their store and staff hand the order over', async () => {
  const page = await newPage(browser);
  // Everything the pages load comes from omnistore: Vendure's photographs
  // included, never hot-linked from its asset server.
  const elsewhere = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith('http') && url.origin !== new URL(BASE).origin) elsewhere.push(r.url());
  });
  await page.goto('/');
  await hydrated(page);
  // Vendure's sample collections are the shop's categories.
  await page.getByRole('link', { name: /Plants/ }).first().click();
  await page.waitForURL(/\/c\/plants/);
  await page.getByRole('link', { name: /Bonsai Tree/ }).first().click();
  await page.waitForURL(/\/p\/bonsai-tree/);
  await hydrated(page);
  await page.getByRole('heading', { level: 1, name: 'Bonsai Tree' }).waitFor();
  await page.getByText(/\$\d+\.\d\d/).first().waitFor();
  // Its photograph, through omnistore, drawn by the browser.
  const photo = page.getByRole('img', { name: /^Bonsai Tree/ });
  await photo.waitFor();
  assert.match(await photo.getAttribute('src'), /^\/media\/preview\/.+\.jpe?g$/);
  await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await photo.elementHandle());
  assert.deepEqual(elsewhere, []);

  // My store, then the product for pickup there.
  const slug = await storeSlug('Kraków');
  await page.goto(`/stores/${slug}`);
  await hydrated(page);
  const store = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
  await page.getByRole('button', { name: /Set as my store/ }).click();
  await page.locator('.os-my-store__name', { hasText: store }).waitFor();
  await page.goto('/p/bonsai-tree');
  await hydrated(page);
  await page.getByLabel(`Pick up at ${store}`).check();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('dialog', { name: 'Your cart' }).getByText('Added to your cart').waitFor();

  // Checkout as a guest: the order is placed in Vendure.
  await page.goto('/checkout');
  await hydrated(page);
  await page.getByLabel('E-mail').fill(email('vendure-guest'));
  await page.getByLabel('Name').fill('Gość Vendure');
  await page.getByLabel('Phone').fill('+48 600 700 800');
  assert.ok(await page.getByRole('group', { name: 'Pickup time' }).getByRole('radio').first().isChecked());
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\/\d+\?key=[0-9a-f]{64}$/);
  await page.getByRole('heading', { name: /^Order #\d+$/ }).waitFor();
  const number = Number(page.url().match(/\/orders\/(\d+)/)[1]);
  await page.getByRole('img', { name: /^Pickup code [2-9A-Z]{8}$/ }).waitFor();
  await page.locator('.os-order__lines', { hasText: 'Bonsai Tree' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  const orderUrl = page.url();

  // Staff move it along; Vendure gets the fulfilment.
  const desk = await staffHandOver(browser, slug, number);

  await page.goto(orderUrl);
  await page.locator('.os-order__status', { hasText: 'Collected' }).waitFor();
  assert.deepEqual(page.errors, []);
  assert.deepEqual(desk.errors, []);
});

test('the kiosk scans a Vendure SKU and adds it to the cart', async () => {
  const slug = await storeSlug('Kraków');
  const kiosk = await newPage(browser, { viewport: { width: 1080, height: 1920 }, hasTouch: true });
  await kiosk.goto(`/kiosk/${slug}`);
  await hydrated(kiosk);
  await kiosk.getByLabel('Staff PIN').fill('2468');
  await kiosk.getByRole('button', { name: 'Start kiosk mode' }).click();
  await kiosk.getByRole('link', { name: 'Touch to start' }).tap();
  await kiosk.waitForURL(/\/shop$/);
  await hydrated(kiosk);
  // A keyboard-wedge scanner: the code, then Enter (the sample's Tripod).
  await kiosk.locator('#os-kiosk-shop-scan').pressSequentially('B00XI87KV8');
  await kiosk.keyboard.press('Enter');
  await kiosk.waitForURL(/\/p\/tripod\?variant=\d+$/);
  await hydrated(kiosk);
  await kiosk.getByRole('heading', { level: 1, name: 'Tripod' }).waitFor();
  await kiosk.getByRole('button', { name: 'Add to cart' }).tap();
  await kiosk.getByRole('dialog', { name: 'Your cart' }).getByText('Added to your cart').waitFor();
  assert.deepEqual(kiosk.errors, []);
});
