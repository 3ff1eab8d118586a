// Shared set-up for the browser tests: Debian's Chromium driven by
// playwright-core (no browser download), pointed at the server that
// scripts/test.sh started (OMNISTORE_URL).
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const BASE = process.env.OMNISTORE_URL || 'http://127.0.0.1:3000';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/// A page that fails the test on any console error or uncaught exception.
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ baseURL: BASE, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return page;
}

export async function hydrated(page) {
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 20000 });
}

/// The packs of a page's own islands it fetches from now on (the shell's
/// `pack_omnistore_*` pieces, such as the mini-cart drawer, aside): a page
/// that is markup fetches none.
export function ownPacks(page) {
  const packs = [];
  page.on('requestfinished', (r) => {
    const path = new URL(r.url()).pathname;
    if (/^\/pkg\/pack_/.test(path) && !/^\/pkg\/pack_omnistore_/.test(path)) packs.push(path);
  });
  return packs;
}

export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/// Staff sign in at the desk of store `slug` and move order `number` to
/// ready; then a colleague's desk collects it, and this desk's now stale
/// "Mark collected" is refused in place, saying so, and shows it collected.
/// The desk's page (for its errors).
export async function staffHandOver(browser, slug, number) {
  const desk = await newPage(browser);
  await desk.goto('/login');
  await hydrated(desk);
  await desk.getByLabel('E-mail').fill('staff@omnistore.test');
  await desk.getByLabel('Password').fill('staff-demo-password');
  await desk.getByRole('button', { name: 'Sign in' }).click();
  await desk.waitForURL(/\/account/);
  await desk.goto(`/staff/${slug}/orders`);
  await hydrated(desk);
  // The desk's forms are posted in place (nav.js, data-swap): this marker
  // on the window stays.
  await desk.evaluate(() => { window.__sameDocument = true; });
  await desk.getByRole('button', { name: `Mark ready #${number}` }).click();
  // The status cell exactly: the row's "Mark collected" button would match
  // a plain (case-insensitive, substring) hasText before the move is saved.
  const status = (text) => desk.locator(`tr[data-order="${number}"] td`).filter({ hasText: new RegExp(`^${text}$`) });
  await status('Ready for pickup').waitFor();
  const colleague = await desk.request.post('/api/staff/move', {
    form: { store: slug, number: String(number), to: 'collected' },
    headers: { Accept: 'application/json', Origin: BASE },
  });
  if (!colleague.ok()) throw new Error(`the colleague's move: ${colleague.status()}`);
  await desk.getByRole('button', { name: `Mark collected #${number}` }).click();
  const refused = desk.getByRole('alert').filter({ hasText: 'This order cannot make that move now' });
  await refused.waitFor();
  await status('Collected').waitFor();
  if (!(await refused.evaluate((el) => el === document.activeElement))) throw new Error('the focus is not on the refusal');
  if (await desk.evaluate(() => window.__sameDocument) !== true) throw new Error('the desk reloaded for a move');
  return desk;
}

/// Product pages whose first variant can be bought online, from a category.
export async function buyableProducts(page, category, n) {
  const res = await page.request.get(`/c/${category}`);
  const html = await res.text();
  const hrefs = [...new Set([...html.matchAll(/href="(\/p\/[a-z0-9-]+)"/g)].map((m) => m[1]))];
  const found = [];
  for (const href of hrefs) {
    const product = await (await page.request.get(href)).text();
    const button = product.match(/<button[^>]*os-add-to-cart__button[^>]*>/);
    if (button && !button[0].includes('disabled')) found.push(href);
    if (found.length === n) return found;
  }
  throw new Error(`fewer than ${n} buyable products in ${category}`);
}
