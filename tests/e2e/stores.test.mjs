// Stores and click & collect in a real browser: find a store, make it "my
// store", see its stock on a product, add for pickup, choose a slot, place the
// order as a guest and as a customer, see the QR code, and the staff desk
// moving the order to ready and collected. axe on /stores, /checkout, orders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, axeViolations, ownPacks, staffHandOver, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PASSWORD = 'correct horse battery';
const email = (tag) => `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/// Finds a store by city in the locator and makes it "my store"; its name.
async function chooseStore(page, city) {
  await page.goto('/stores');
  await hydrated(page);
  await page.getByLabel('City, postcode or street').fill(city);
  await page.getByRole('button', { name: 'Search', exact: true }).last().click();
  await page.waitForURL(/\/stores\?q=/);
  const list = page.getByRole('list', { name: 'Stores found' });
  const first = list.locator('.os-store-card').first();
  const name = (await first.locator('.os-store-card__name').textContent()).trim();
  assert.match(name, new RegExp(city));
  await first.getByRole('button', { name: /Set as my store/ }).click();
  await page.getByText('This is now your store.').waitFor();
  await page.locator('.os-my-store__name', { hasText: name }).waitFor();
  return name;
}

/// A product page whose selected variant is on my store's shelf (the server
/// renders "In stock at …" with the shopper's cookies).
async function productInMyStore(page) {
  for (const category of ['garden-tools', 'lighting', 'kitchen', 'watering', 'paint-diy', 'camping']) {
    const html = await (await page.request.get(`/c/${category}`)).text();
    const hrefs = [...new Set([...html.matchAll(/href="(\/p\/[a-z0-9-]+)"/g)].map((m) => m[1]))];
    for (const href of hrefs) {
      const product = await (await page.request.get(href)).text();
      const units = product.match(/data-units="(\d+)" class="os-product__local-stock"/);
      if (units && Number(units[1]) > 1) return href;
    }
  }
  throw new Error('no product on the shelf of my store');
}

async function addForPickup(page, store) {
  const href = await productInMyStore(page);
  await page.goto(href);
  await hydrated(page);
  await page.getByText(new RegExp(`In stock at ${store}: \\d+|Low stock at ${store}: \\d+`)).waitFor();
  await page.getByLabel(`Pick up at ${store}`).check();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('dialog', { name: 'Your cart' }).getByText('Added to your cart').waitFor();
  return href;
}

async function checkout(page, store, contact) {
  await page.goto('/cart');
  await hydrated(page);
  await page.getByText(`Pick up at ${store}`).first().waitFor();
  await page.getByText(/Ready (today|tomorrow|\w+day) from \d\d:\d\d/).first().waitFor();
  await page.getByRole('link', { name: 'Go to checkout' }).click();
  await page.waitForURL(/\/checkout$/);
  await hydrated(page);
  if (contact) {
    await page.getByLabel('E-mail').fill(contact.email);
    await page.getByLabel('Name').fill(contact.name);
  }
  await page.getByLabel('Phone').fill('+48 600 700 800');
  const slot = page.getByRole('group', { name: 'Pickup time' }).getByRole('radio').first();
  assert.ok(await slot.isChecked(), 'the earliest slot is chosen');
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\/\d+/);
  await page.getByRole('heading', { name: /^Order #\d+$/ }).waitFor();
  const number = Number(page.url().match(/\/orders\/(\d+)/)[1]);
  await page.getByRole('img', { name: /^Pickup code [2-9A-Z]{8}$/ }).waitFor();
  return number;
}

test('a guest finds a store, picks up there and staff hand the order over', async () => {
  const page = await newPage(browser);
  const store = await chooseStore(page, 'Kraków');
  await addForPickup(page, store);
  const number = await checkout(page, store, { email: email('guest'), name: 'Gość Testowy' });
  assert.match(page.url(), /\?key=[0-9a-f]{64}$/, 'a guest gets a secret link');
  await page.getByText('Placed — we are preparing it').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  const orderUrl = page.url();

  // Staff sign in and move it along.
  const slug = (await page.locator('.os-order__facts a[href^="/stores/"]').getAttribute('href')).split('/').pop();
  await staffHandOver(browser, slug, number);

  await page.goto(orderUrl);
  await page.locator('.os-order__status', { hasText: 'Collected' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('a customer checks out with their details filled in; the order is in their history', async () => {
  const page = await newPage(browser);
  const address = email('buyer');
  await page.goto('/register');
  await hydrated(page);
  await page.getByLabel('Name').fill('Ala Kupująca');
  await page.getByLabel('E-mail').fill(address);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.waitForURL(/\/account/);
  const store = await chooseStore(page, 'Gdańsk');
  await addForPickup(page, store);
  await page.goto('/checkout');
  await hydrated(page);
  assert.equal(await page.getByLabel('E-mail').inputValue(), address);
  assert.deepEqual(await axeViolations(page), []);
  const number = await checkout(page, store, null);
  assert.doesNotMatch(page.url(), /key=/, 'a customer needs no secret link');
  await page.goto('/account');
  await page.getByRole('link', { name: `#${number}` }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('the locator: list and map in sync, my location, and a denied location', async () => {
  const page = await newPage(browser, {
    permissions: ['geolocation'],
    geolocation: { latitude: 54.35, longitude: 18.65 },
  });
  await page.goto('/stores?q=Warszawa');
  await hydrated(page);
  assert.deepEqual(await axeViolations(page), []);
  const cards = page.locator('.os-store-card');
  const second = cards.nth(1);
  // The list and the map select each other by links, with no wasm.
  const packs = ownPacks(page);
  await second.getByRole('link', { name: 'Show on map' }).click();
  await page.locator('.os-store-map__marker:target[aria-label^="2. "]').waitFor();
  await page.getByRole('link', { name: /^1\. / }).click();
  await cards.first().and(page.locator('.os-store-card:target')).waitFor();
  assert.deepEqual(packs, [], 'the list and the map need no wasm');

  await page.getByRole('button', { name: 'Use my location' }).click();
  await page.waitForURL(/near=54\.35/);
  await page.locator('.os-store-card').first().getByText('Gdańsk').first().waitFor();
  await page.locator('.os-store-card__distance').first().waitFor();

  const denied = await newPage(browser);
  await denied.goto('/stores');
  await hydrated(denied);
  await denied.getByRole('button', { name: 'Use my location' }).click();
  await denied.getByText('Location is off for this site').waitFor();
  assert.deepEqual(page.errors, []);
});

/// A product page (with its variant) that my store has none of on its shelf
/// but that can be ordered: the server renders my store's stock with the
/// shopper's cookies.
async function productMissingInMyStore(page) {
  const none = /class="os-product__local-stock" data-units="0"|data-units="0" class="os-product__local-stock"/;
  for (const category of ['garden-tools', 'lighting', 'kitchen', 'watering', 'paint-diy', 'camping']) {
    const html = await (await page.request.get(`/c/${category}?stock=1`)).text();
    const hrefs = [...new Set([...html.matchAll(/href="(\/p\/[a-z0-9-]+)"/g)].map((m) => m[1]))];
    for (const href of hrefs) {
      const product = await (await page.request.get(href)).text();
      if (none.test(product) && !/os-add-to-cart__button"[^>]* disabled/.test(product)) return href;
    }
  }
  throw new Error('no product missing from my store');
}

// The path of issue 12: the checkout of a cart whose pickup line my store
// lacks offers the store that has everything ("Pick up there"), a form of
// its own that used to sit inside the checkout form, so "Place order" did
// nothing (and the wasm trapped). Both ways end on the order's page; without
// JavaScript the offer is taken first.
for (const javaScriptEnabled of [true, false]) {
  test(`my store lacks an item: the checkout still places the order (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const page = await newPage(browser, { javaScriptEnabled });
    const ready = async () => { if (javaScriptEnabled) await hydrated(page); };
    await page.goto('/stores/warszawa-mokotow');
    await ready();
    const store = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
    await page.getByRole('button', { name: /Set as my store/ }).click();
    await page.locator('.os-my-store__name', { hasText: store }).waitFor();

    await page.goto(await productMissingInMyStore(page));
    await ready();
    await page.getByText(`Out of stock at ${store}`).waitFor();
    await page.getByLabel(`Pick up at ${store}`).check();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    if (javaScriptEnabled) {
      await page.getByRole('dialog', { name: 'Your cart' }).getByText('Added to your cart').waitFor();
    } else {
      await page.waitForLoadState();
    }

    await page.goto('/checkout');
    await ready();
    const offer = page.locator('.os-pickup-promise__switch');
    await offer.waitFor();
    const other = (await offer.textContent()).split(' (')[0].trim();
    assert.notEqual(other, store);
    if (!javaScriptEnabled) {
      await offer.getByRole('button').click();
      await page.waitForURL(/\/checkout$/);
      await page.getByRole('heading', { name: new RegExp(`Pickup at.*${other}`) }).waitFor();
      assert.equal(await page.locator('.os-pickup-promise__switch').count(), 0, 'the new store has everything');
    }
    await page.getByLabel('E-mail').fill(email('lacking'));
    await page.getByLabel('Name').fill('Ola Brakująca');
    await page.getByLabel('Phone').fill('+48 600 700 800');
    assert.ok(await page.getByRole('group', { name: 'Pickup time' }).getByRole('radio').first().isChecked());
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/\d+\?key=[0-9a-f]{64}$/);
    await page.getByRole('heading', { name: /^Order #\d+$/ }).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('loyalty points end to end: earned when staff hand the order over and at the till, spent at the next checkout', async () => {
  const page = await newPage(browser);
  await page.goto('/register');
  await hydrated(page);
  await page.getByLabel('Name').fill('Ola Punktowa');
  await page.getByLabel('E-mail').fill(email('points'));
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.waitForURL(/\/account/);
  const points = async () => Number(await page.locator('.os-account__points').getAttribute('data-points'));
  await page.getByRole('heading', { name: 'Loyalty points' }).waitFor();
  assert.equal(await points(), 0);
  const code = (await page.locator('.os-account__loyalty-code').textContent()).trim();
  assert.match(code, /^OSL-[2-9A-Z]{12}$/);
  await page.getByRole('img', { name: code }).waitFor();

  const store = await chooseStore(page, 'Wrocław');
  await addForPickup(page, store);
  const number = await checkout(page, store, null);
  const slug = (await page.locator('.os-order__facts a[href^="/stores/"]').getAttribute('href')).split('/').pop();
  await page.goto('/account');
  assert.equal(await points(), 0, 'nothing when placed');

  // Staff hand it over; then they record a till purchase by the code.
  const desk = await staffHandOver(browser, slug, number);
  await page.goto('/account');
  const earned = await points();
  assert.ok(earned > 0, 'earned when collected');
  await desk.getByLabel('Loyalty code').fill(code.toLowerCase());
  await desk.getByLabel('Amount paid (zł)').fill('100,00');
  await desk.getByRole('button', { name: 'Record purchase' }).click();
  await desk.getByRole('status').filter({ hasText: `100 points earned, 0 spent; balance ${earned + 100}.` }).waitFor();
  assert.deepEqual(await axeViolations(desk), []);
  await desk.context().close();

  await page.goto('/account');
  assert.equal(await points(), earned + 100);
  await page.locator('.os-account__points-history li[data-kind="till"]').filter({ hasText: 'at the till' }).waitFor();
  await page.locator('.os-account__points-history li[data-kind="earned"]').filter({ hasText: `#${number}` }).waitFor();
  assert.deepEqual(await axeViolations(page), []);

  // The next order spends as many as it may.
  await addForPickup(page, store);
  await page.goto('/checkout');
  await hydrated(page);
  await page.getByLabel('Phone').fill('+48 600 700 800');
  const field = page.getByLabel(/^Use points/);
  const max = Number(await field.getAttribute('max'));
  assert.ok(max > 0 && max <= earned + 100);
  await field.fill(String(max));
  const toPay = Number(await page.locator('input[name="total"]').inputValue());
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\/\d+/);
  await page.locator('.os-order__points', { hasText: `Points used: ${max}` }).waitFor();
  await page.goto('/account');
  assert.equal(await points(), earned + 100 - max);
  assert.ok(max <= toPay / 2, 'at most half the order');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a return: the guest returns an item from the order page, staff accept it at the desk', async () => {
  const page = await newPage(browser);
  const store = await chooseStore(page, 'Kraków');
  await addForPickup(page, store);
  const number = await checkout(page, store, { email: email('return'), name: 'Zwrot Testowy' });
  const orderUrl = page.url();
  const slug = (await page.locator('.os-order__facts a[href^="/stores/"]').getAttribute('href')).split('/').pop();
  assert.equal(await page.getByRole('heading', { name: 'Return items' }).count(), 0, 'not before it is collected');
  const desk = await staffHandOver(browser, slug, number);

  // The shopper chooses what to give back; paid at the store, it comes back at a store.
  await page.goto(orderUrl);
  await page.getByRole('heading', { name: 'Return items' }).waitFor();
  assert.equal(await page.getByLabel('I send them by courier').count(), 0);
  assert.ok(await page.getByLabel('I bring them to a store (any store)').isChecked());
  await page.getByLabel(/^Units of .+ to return \(at most 1\)$/).fill('1');
  await page.getByRole('button', { name: 'Start the return' }).click();
  await page.waitForURL(/returned=OSR-/);
  const code = decodeURIComponent(page.url().match(/returned=(OSR-[2-9A-Z]{8})/)[1]);
  await page.getByRole('heading', { name: `Return code: ${code}` }).waitFor();
  await page.getByRole('img', { name: code }).waitFor();
  await page.getByText('Waiting for the items').waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Return items' }).count(), 0, 'nothing left to return');
  assert.deepEqual(await axeViolations(page), []);

  // Staff scan the code at the desk and accept it; the money is paid back at the counter.
  await desk.goto(`/staff/${slug}/orders`);
  await desk.getByLabel('Return code (scan or type)').fill(code.toLowerCase());
  await desk.getByRole('button', { name: 'Find the return' }).click();
  await desk.getByRole('heading', { name: `Return ${code} of order #${number}` }).waitFor();
  assert.deepEqual(await axeViolations(desk), []);
  await desk.getByRole('button', { name: /^Accept the return and refund / }).click();
  await desk.getByRole('status').filter({ hasText: `Return ${code} accepted` }).filter({ hasText: 'at the counter now' }).waitFor();
  await desk.context().close();

  await page.goto(orderUrl);
  await page.locator(`#return-${code}[data-accepted="true"]`).getByText('Paid back at the counter.').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
