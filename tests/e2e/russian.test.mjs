// Russian in a real browser: the language comes from the browser's
// Accept-Language, the islands speak it after hydration, and the cart
// counts with Russian plural forms (1 товар, 2 товара, 5 товаров).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, axeViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// A product page whose first variant can be bought online.
async function buyable(page) {
  const html = await (await page.request.get('/c/lighting')).text();
  for (const [, href] of html.matchAll(/href="(\/p\/[a-z0-9-]+)"/g)) {
    const product = await (await page.request.get(href)).text();
    const button = product.match(/<button[^>]*os-add-to-cart__button[^>]*>/);
    if (button && !button[0].includes('disabled')) return href;
  }
  throw new Error('no buyable product in lighting');
}

test('a Russian browser gets Russian pages and Russian plurals in the cart', async () => {
  const page = await newPage(browser, { locale: 'ru-RU', extraHTTPHeaders: { 'accept-language': 'ru-RU,ru;q=0.9' } });
  const href = await buyable(page);
  await page.goto(href);
  await hydrated(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
  assert.match(await page.locator('body').innerText(), /PLN/);
  const add = page.getByRole('button', { name: 'В корзину' });
  const badge = page.getByRole('link', { name: /^Корзина, / });
  const counts = [];
  for (const want of ['1 товар', '2 товара', '3 товара', '4 товара', '5 товаров']) {
    await add.click();
    await page.waitForFunction(
      (w) => [...document.querySelectorAll('a[aria-label]')].some((a) => a.getAttribute('aria-label') === `Корзина, ${w}`),
      want,
    );
    counts.push(await badge.first().getAttribute('aria-label'));
    // Adding opens the mini-cart over the page; close it (in Russian) for the next add.
    const drawer = page.getByRole('dialog', { name: 'Ваша корзина' });
    await drawer.getByRole('button', { name: 'Закрыть' }).click();
    await drawer.waitFor({ state: 'hidden' });
  }
  assert.deepEqual(counts, ['1 товар', '2 товара', '3 товара', '4 товара', '5 товаров'].map((w) => `Корзина, ${w}`));
  await page.goto('/cart');
  await hydrated(page);
  assert.equal((await page.getByTestId('cart-count').innerText()).trim(), '5 товаров');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
});
