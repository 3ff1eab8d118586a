// The in-store kiosk on a 1080x1920 touch screen: staff start it with the
// PIN, a shopper scans an EAN and adds to the cart, sends the cart to their
// phone (one use only), and the idle reset leaves nothing of them behind.
// Last: five wrong PINs and the sixth attempt is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, axeViolations, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PIN = '2468'; // the demo stores' PIN (README)
const KIOSK = { viewport: { width: 1080, height: 1920 }, hasTouch: true };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

async function storeSlug(city) {
  const res = await fetch(`${BASE}/api/v1/stores?q=${encodeURIComponent(city)}&limit=1`);
  return (await res.json()).stores[0].slug;
}

async function startKiosk(slug, options = {}) {
  const kiosk = await newPage(browser, { ...KIOSK, ...options });
  await kiosk.goto(`/kiosk/${slug}`);
  await hydrated(kiosk);
  await kiosk.getByLabel('Staff PIN').fill(PIN);
  await kiosk.getByRole('button', { name: 'Start kiosk mode' }).click();
  await kiosk.getByRole('link', { name: 'Touch to start' }).waitFor();
  return kiosk;
}

/// An EAN of a variant on this kiosk's shelf (the server renders its stock
/// for the kiosk's cookies).
async function eanOnShelf(kiosk) {
  for (const category of ['garden-tools', 'lighting', 'kitchen', 'watering', 'paint-diy', 'camping']) {
    const html = await (await kiosk.request.get(`/c/${category}?mystore=1`)).text();
    const hrefs = [...new Set([...html.matchAll(/href="(\/p\/[a-z0-9-]+)"/g)].map((m) => m[1]))];
    for (const href of hrefs.slice(0, 6)) {
      const product = await (await kiosk.request.get(href)).text();
      const units = product.match(/data-units="(\d+)" class="os-product__local-stock/);
      const ean = product.match(/<dt>EAN<\/dt><dd>(\d{13})<\/dd>/);
      if (units && Number(units[1]) > 1 && ean) return ean[1];
    }
  }
  throw new Error('nothing on this kiosk\'s shelf');
}

async function scanAndAdd(kiosk, ean) {
  await kiosk.getByRole('link', { name: 'Touch to start' }).tap();
  await kiosk.waitForURL(/\/shop$/);
  await hydrated(kiosk);
  // A keyboard-wedge scanner: digits, then Enter.
  await kiosk.locator('#os-kiosk-shop-scan').pressSequentially(ean);
  await kiosk.keyboard.press('Enter');
  await kiosk.waitForURL(/\/p\/[a-z0-9-]+\?variant=\d+$/);
  await hydrated(kiosk);
  await kiosk.getByText(/On the shelf here: Aisle \d+ · \d+ in stock/).waitFor();
  await kiosk.getByRole('button', { name: 'Add to cart' }).tap();
  const drawer = kiosk.getByRole('dialog', { name: 'Your cart' });
  await drawer.getByText('Added to your cart').waitFor();
  await drawer.getByRole('button', { name: 'Close' }).tap();
  await drawer.waitFor({ state: 'hidden' });
}

test('kiosk: scan, touch targets, unknown codes, and the cart handed to a phone once', async () => {
  const slug = await storeSlug('Wrocław');
  const kiosk = await startKiosk(slug);
  assert.deepEqual(await axeViolations(kiosk), []);
  const ean = await eanOnShelf(kiosk);

  // Unknown and malformed codes get a clear message, on the kiosk.
  await kiosk.goto(`/kiosk/${slug}/shop`);
  await hydrated(kiosk);
  await kiosk.locator('#os-kiosk-shop-scan').fill('0000000000000');
  await kiosk.keyboard.press('Enter');
  await kiosk.getByRole('alert').getByText('0000000000000: no product has this code').waitFor();
  await kiosk.locator('#os-kiosk-shop-scan').fill('5900000000018');
  await kiosk.keyboard.press('Enter');
  await kiosk.getByRole('alert').getByText(/wrong check digit/).waitFor();
  // Every button of the kiosk bar is a large touch target.
  for (const box of await kiosk.locator('.os-kiosk-bar__button').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height]))) {
    assert.ok(box[0] >= 48 && box[1] >= 48, `touch target ${box} is at least 48x48`);
  }

  await kiosk.goto(`/kiosk/${slug}`);
  await hydrated(kiosk);
  await scanAndAdd(kiosk, ean);
  await kiosk.getByRole('button', { name: 'Send to my phone' }).tap();
  const dialog = kiosk.getByRole('dialog', { name: 'Send to my phone' });
  await dialog.getByRole('img', { name: 'Send to my phone' }).waitFor();
  const link = await dialog.locator('[data-handoff]').getAttribute('data-handoff');
  assert.match(link, /\/handoff\/[0-9a-f]{64}$/, 'a 256-bit one-time token');

  const phone = await newPage(browser, PHONE);
  await phone.goto(link);
  await hydrated(phone);
  await phone.getByText(/1 item: waiting for you at the kiosk in/).waitFor();
  await phone.getByRole('button', { name: 'Add them to my cart' }).tap();
  await phone.waitForURL(/\/cart\?merged=/);
  await phone.getByRole('link', { name: /Cart, 1 item/ }).waitFor();

  // The kiosk sees the cart taken and starts over.
  await kiosk.waitForURL(new RegExp(`/kiosk/${slug}$`), { timeout: 15000 });
  await kiosk.getByRole('link', { name: 'Touch to start' }).waitFor();

  // The link works once.
  const again = await phone.request.get(link);
  assert.equal(again.status(), 410);
  assert.match(await again.text(), /already taken with this link/);
  assert.deepEqual(phone.errors, []);
});

test('kiosk: a dialog whose code fails to arrive leaves the kiosk working, and the next press opens it', async () => {
  const slug = await storeSlug('Kraków');
  // No service worker: it would answer from its copy, out of the route's reach.
  const kiosk = await startKiosk(slug, { serviceWorkers: 'block' });
  const ean = await eanOnShelf(kiosk);
  await kiosk.goto(`/kiosk/${slug}`);
  await hydrated(kiosk);
  await scanAndAdd(kiosk, ean);
  const dialogCode = /\/pkg\/pack_kiosk_phone\./;
  let refused = 0;
  await kiosk.route(dialogCode, (route) => { refused += 1; return route.abort(); });
  const send = kiosk.getByRole('button', { name: 'Send to my phone' });
  await send.tap();
  for (let i = 0; i < 100 && refused === 0; i += 1) await new Promise((r) => setTimeout(r, 100));
  assert.ok(refused >= 1, 'the dialog\'s code was asked for');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await kiosk.getByRole('dialog', { name: 'Send to my phone' }).count(), 0);
  // The refused fetch is reported; that is the point of this test.
  kiosk.errors = [];
  await kiosk.unroute(dialogCode);
  await send.tap();
  const dialog = kiosk.getByRole('dialog', { name: 'Send to my phone' });
  await dialog.getByRole('img', { name: 'Send to my phone' }).waitFor();
  assert.deepEqual(kiosk.errors, []);
  await kiosk.context().close();
});

test('kiosk: "Start over", a plain form, ends the visit and empties the storage', async () => {
  const slug = await storeSlug('Gdańsk');
  const kiosk = await startKiosk(slug);
  const ean = await eanOnShelf(kiosk);
  await kiosk.goto(`/kiosk/${slug}`);
  await hydrated(kiosk);
  await scanAndAdd(kiosk, ean);
  await kiosk.getByRole('link', { name: /Cart, 1 item/ }).waitFor();
  await kiosk.evaluate(() => localStorage.setItem('probe', 'shopper'));
  await kiosk.getByRole('button', { name: 'Start over' }).tap();
  await kiosk.waitForURL(new RegExp(`/kiosk/${slug}$`));
  await kiosk.getByRole('link', { name: 'Touch to start' }).waitFor();
  await kiosk.getByRole('link', { name: /Cart, 0 items/ }).waitFor();
  assert.equal(await kiosk.evaluate(() => localStorage.length), 0, 'Clear-Site-Data emptied the storage');
  assert.deepEqual(kiosk.errors, []);
  await kiosk.context().close();
});

test('kiosk: the idle reset ends the visit and leaves nothing behind', async () => {
  const slug = await storeSlug('Poznań');
  const kiosk = await startKiosk(slug);
  const ean = await eanOnShelf(kiosk);
  await scanAndAdd(kiosk, ean);
  await kiosk.getByRole('link', { name: /Cart, 1 item/ }).waitFor();
  const before = await kiosk.context().cookies();
  const oldCart = before.find((c) => c.name === 'os_cart').value;
  await kiosk.evaluate(async () => {
    localStorage.setItem('probe', 'shopper');
    await (await caches.open('probe')).put('/probe', new Response('shopper'));
  });

  // Staff shorten the timing for this test (the PIN is asked again).
  await kiosk.getByRole('button', { name: 'Staff' }).tap();
  await kiosk.getByLabel('Staff PIN').fill(PIN);
  await kiosk.getByLabel('Seconds without input before asking').fill('5');
  await kiosk.getByLabel('Seconds to answer').fill('3');
  await kiosk.getByRole('button', { name: 'Save timing' }).tap();
  await kiosk.waitForURL(new RegExp(`/kiosk/${slug}/shop$`));
  await hydrated(kiosk);

  await kiosk.getByRole('alertdialog', { name: 'Are you still there?' }).waitFor({ timeout: 15000 });
  await kiosk.waitForURL(new RegExp(`/kiosk/${slug}$`), { timeout: 15000 });
  await hydrated(kiosk);
  await kiosk.getByRole('link', { name: /Cart, 0 items/ }).waitFor();

  // The old cart cookie is refused when replayed.
  const replay = await fetch(`${BASE}/api/cart`, { headers: { cookie: `os_cart=${oldCart}` } });
  assert.equal(replay.status, 401);
  // Nothing of the shopper in the browser's storage.
  const left = await kiosk.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    caches: await caches.keys(),
    idb: (await indexedDB.databases()).length,
  }));
  assert.deepEqual(left, { local: 0, session: 0, caches: [], idb: 0 });
  assert.ok(!(await kiosk.context().cookies()).some((c) => c.value === oldCart));
  // Back: the product page again, but no cart of theirs.
  await kiosk.goBack();
  await hydrated(kiosk);
  await kiosk.getByRole('link', { name: /Cart, 0 items/ }).waitFor();
});

test('kiosk: five wrong staff PINs, then attempts are refused for a while', async () => {
  const slug = await storeSlug('Łódź');
  const kiosk = await newPage(browser, KIOSK);
  await kiosk.goto(`/kiosk/${slug}`);
  await hydrated(kiosk);
  // The PIN form is a plain form (the page is loaded anew as the kiosk's
  // when it is right): a refusal comes back to the page with ?staff=.
  const attempt = async (pin) => {
    await kiosk.getByLabel('Staff PIN').fill(pin);
    const [res] = await Promise.all([
      kiosk.waitForResponse((r) => r.url().includes(`/kiosk/${slug}?staff=`)),
      kiosk.getByRole('button', { name: 'Start kiosk mode' }).click(),
    ]);
    return new URL(res.url()).searchParams.get('staff');
  };
  for (let i = 0; i < 5; i++) assert.equal(await attempt('0000'), 'wrong', `wrong PIN ${i + 1}`);
  await kiosk.getByRole('alert').getByText('that PIN is not right').waitFor();
  // Even the right PIN waits now.
  assert.equal(await attempt(PIN), 'throttled');
  await kiosk.getByRole('alert').getByText(/too many wrong PINs/i).waitFor();
  assert.equal(await kiosk.getByRole('link', { name: 'Touch to start' }).count(), 0);
});
