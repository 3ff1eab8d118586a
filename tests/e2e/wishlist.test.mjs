// The wishlist in a real browser: kept by a guest, joined to the account at
// sign-in, the same on a second device, moved to the cart there; its page
// is markup whose forms answer in place, and accessible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, axeViolations, ownPacks, buyableProducts, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PASSWORD = 'correct horse battery';

/// The first product of a category that can be bought online, opened on
/// `page`, and its name.
async function openBuyable(page, category) {
  const [href] = await buyableProducts(page, category, 1);
  await page.goto(href);
  const name = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  return { href, name };
}

test('a guest\'s wishlist joins the account at sign-in and is the same on a second device, where it moves to the cart', async () => {
  const phone = await newPage(browser);
  const { href, name } = await openBuyable(phone, 'lighting');
  await hydrated(phone);
  await phone.evaluate(() => { window.__sameDocument = true; });
  await phone.getByRole('button', { name: 'Add to wishlist' }).click();
  await phone.getByRole('status').filter({ hasText: 'Saved to your wishlist.' }).waitFor();
  await phone.getByRole('link', { name: 'See your wishlist' }).waitFor();
  assert.equal(await phone.evaluate(() => window.__sameDocument), true, 'the form answered in place');

  // The account, made on a laptop; the phone's guest signs in to it.
  const address = `wish-${Date.now()}@example.com`;
  const laptop = await newPage(browser);
  const res = await laptop.context().request.post(`${BASE}/api/auth/register`, {
    form: { name: 'Ala Test', email: address, password: PASSWORD },
    headers: { origin: BASE, accept: 'application/json' },
  });
  assert.ok(res.ok(), `register: ${res.status()}`);
  await laptop.goto('/wishlist');
  await laptop.getByText('Your wishlist is empty').waitFor();

  await phone.goto('/login');
  await hydrated(phone);
  await phone.getByLabel('E-mail').fill(address);
  await phone.getByLabel('Password').fill(PASSWORD);
  await phone.getByRole('button', { name: 'Sign in' }).click();
  await phone.waitForURL(/\/account/);

  // The laptop's page, as markup with no wasm of its own, shows the wish.
  const packs = ownPacks(laptop);
  await laptop.getByRole('link', { name: 'Wishlist' }).click();
  await laptop.waitForURL(/\/wishlist$/);
  await hydrated(laptop);
  const item = laptop.getByRole('listitem').filter({ has: laptop.getByRole('heading', { name }) });
  await item.waitFor();
  const violations = await axeViolations(laptop);
  assert.deepEqual(violations, [], `/wishlist: ${violations.join('; ')}`);

  await laptop.evaluate(() => { window.__sameDocument = true; });
  await item.getByRole('button', { name: 'Move to cart' }).click();
  await laptop.getByRole('status').filter({ hasText: 'Moved to your cart.' }).waitFor();
  await laptop.getByText('Your wishlist is empty').waitFor();
  await laptop.getByRole('link', { name: 'Cart, 1 item' }).waitFor();
  assert.equal(await laptop.evaluate(() => window.__sameDocument), true, 'the form answered in place');
  assert.deepEqual(packs, [], 'the wishlist page fetched no wasm of its own');

  // The phone, now the same customer, has the line in its cart and the
  // wishlist emptied.
  await phone.goto('/wishlist');
  await phone.getByText('Your wishlist is empty').waitFor();
  const cart = await (await phone.request.get('/api/cart')).json();
  assert.deepEqual(cart.lines.map((l) => `/p/${l.product_slug}`), [href]);
  assert.deepEqual(phone.errors, []);
  assert.deepEqual(laptop.errors, []);
  await phone.context().close();
  await laptop.context().close();
});

test('JavaScript off: add to and remove from the wishlist with plain forms', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  const { name } = await openBuyable(page, 'garden-tools');
  await page.getByRole('button', { name: 'Add to wishlist' }).click();
  await page.waitForURL(/done=wished/);
  await page.getByText('Saved to your wishlist.').waitFor();
  await page.goto('/wishlist');
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await item.getByRole('button', { name: 'Remove from wishlist' }).click();
  await page.waitForURL(/\/wishlist\?done=unwished$/);
  await page.getByText('Removed from your wishlist.').waitFor();
  await page.getByText('Your wishlist is empty').waitFor();
  await page.context().close();
});

test('a card\'s "Add to wishlist" answers in place on the listing, on that card', async () => {
  const page = await newPage(browser);
  let found;
  for (const category of ['lighting', 'garden-tools', 'kitchen', 'camping', 'watering']) {
    await page.goto(`/c/${category}`);
    if (await page.locator('.os-product-card .os-wish').count() > 0) { found = category; break; }
  }
  assert.ok(found, 'a listing with a one-variant product');
  await hydrated(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  const card = page.locator('.os-product-card').filter({ has: page.locator('.os-wish') }).first();
  const name = (await card.locator('.os-product-card__title').innerText()).trim();
  await card.getByRole('button', { name: `Add to wishlist — ${name}` }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Saved to your wishlist.' });
  await saved.waitFor();
  assert.equal(await saved.count(), 1);
  assert.equal(await page.locator('.os-product-card').filter({ has: saved }).locator('.os-product-card__title').innerText(), name);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the form answered in place');
  assert.match(page.url(), new RegExp(`/c/${found}\\?done=wished&saved=\\d+$`));
  await page.getByRole('link', { name: 'See your wishlist' }).click();
  await page.waitForURL(/\/wishlist$/);
  await page.getByRole('heading', { level: 2, name }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
