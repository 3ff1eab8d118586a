// The installable shop: the service worker installs, pages visited before
// open offline with the banner (prices marked), a page never visited shows
// the offline page, nothing about the shopper is ever in Cache Storage, and
// a new deployment offers "A new version is available — Reload".
//
// This file runs a server of its own (OMNISTORE_BIN, started by
// scripts/test.sh's build), because it stops it to go offline and starts it
// again as a new release on the same port. A persistent browser profile,
// because Chromium never offers to install from an incognito one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { chromium } from 'playwright-core';
import { axeViolations } from './browser.mjs';

const BIN = process.env.OMNISTORE_BIN;
const work = mkdtempSync(join(tmpdir(), 'omnistore-pwa-'));
let port;
let base;
let server;
let context;
let page;

async function freePort() {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port: free } = probe.address();
  probe.close();
  await once(probe, 'close');
  return free;
}

async function startServer(release) {
  const child = spawn(BIN, ['serve', '--demo', '--addr', `127.0.0.1:${port}`,
    '--database-url', `sqlite://${work}/pwa.db`, '--site-root', 'target/site',
    '--mail-dir', join(work, 'mail'), '--release-tag', release], { stdio: 'ignore' });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return child;
    } catch { /* not listening yet */ }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start in 60 s');
}

async function stopServer() {
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 15000);
  await exited;
  clearTimeout(timer);
}

/// Every URL path in every cache of the origin.
async function cachedPaths() {
  return page.evaluate(async () => {
    const paths = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) {
        paths.push(new URL(request.url).pathname + new URL(request.url).search);
      }
    }
    return paths;
  });
}

before(async () => {
  assert.ok(BIN, 'OMNISTORE_BIN must name the release binary (scripts/test.sh sets it)');
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = await startServer('one');
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    baseURL: base,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] || await context.newPage();
});

after(async () => {
  await context?.close();
  if (server && server.exitCode === null) await stopServer();
  rmSync(work, { recursive: true, force: true });
});

let product;

test('manifest, icons and service worker make the shop installable', async () => {
  const manifest = await (await fetch(`${base}/manifest.webmanifest`)).json();
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, '/');
  for (const icon of manifest.icons) {
    const res = await fetch(base + icon.src);
    assert.equal(res.headers.get('content-type'), 'image/png', icon.src);
    const png = Buffer.from(await res.arrayBuffer());
    const [w, h] = icon.sizes.split('x').map(Number);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [w, h], `${icon.src} is ${icon.sizes}`);
  }
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'));

  await page.goto('/');
  const state = await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (worker.state !== 'activated') {
      await new Promise((done) => worker.addEventListener('statechange', () => {
        if (worker.state === 'activated') done();
      }));
    }
    return worker.state;
  });
  assert.equal(state, 'activated');
  // Chromium's own verdict, the one behind its install prompt and Lighthouse.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const caches = await page.evaluate(() => caches.keys());
  assert.ok(caches.includes('omnistore-shell-one'), caches.join());
  const shell = await cachedPaths();
  assert.ok(shell.includes('/offline'), 'the offline page is stored at install');
  assert.ok(shell.some((p) => /^\/pkg\/omnistore\..*\.wasm$/.test(p)), 'the wasm is stored at install');
  // The shell's own chunks that load on first use, not with the page.
  for (const chunk of ['mini_cart', 'cart_queue']) {
    assert.ok(shell.some((p) => p.startsWith(`/pkg/pack_omnistore_${chunk}.`)), `${chunk} is stored at install`);
  }
});

test('pages visited before open offline with the banner; others show the offline page', async () => {
  // Visited while the worker controls the page, so it keeps copies.
  await page.goto('/');
  await page.waitForSelector('body[data-hydrated="true"]');
  product = await page.locator('a[href^="/p/"]').first().getAttribute('href');
  await page.goto(product);
  await page.waitForSelector('body[data-hydrated="true"]');
  const title = await page.getByRole('heading', { level: 1 }).textContent();
  await page.goto('/cart');
  await page.goto('/account');

  await stopServer();
  await context.setOffline(true);

  await page.goto('/');
  const banner = page.getByRole('status').filter({ hasText: 'You are offline' });
  await banner.waitFor({ state: 'visible' });
  await page.goto(product);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), title);
  await banner.waitFor({ state: 'visible' });
  assert.match(await banner.textContent(), /Prices marked \* may be out of date/);
  const mark = await page.locator('.os-price__amount').first()
    .evaluate((el) => getComputedStyle(el, '::after').content);
  assert.equal(mark, '" *"', 'prices on a saved copy are marked');
  // The mini-cart's code was never fetched by a page, only stored at
  // install: it opens offline all the same.
  await page.waitForSelector('body[data-hydrated="true"]');
  await page.getByRole('link', { name: 'Cart, 0 items' }).click();
  await page.getByRole('dialog', { name: 'Your cart' }).getByText('Your cart is empty').waitFor();

  await page.goto('/c/lighting?sort=price-desc');
  await page.getByRole('heading', { level: 1, name: 'You are offline' }).waitFor();
  assert.match(await page.locator('main').textContent(), /has not been saved on this device yet/);
  await page.goto('/cart');
  await page.getByRole('heading', { level: 1, name: 'You are offline' }).waitFor();
});

test('the cart, the account and checkout are never in Cache Storage', async () => {
  const paths = await cachedPaths();
  assert.ok(paths.includes(product), `the product page was kept: ${paths.join(', ')}`);
  const personal = paths.filter((p) => /^\/(cart|account|checkout|login|orders|kiosk|handoff|api\/)/.test(p));
  assert.deepEqual(personal, []);
});

test('a new deployment offers to reload, and the reload brings it in', async () => {
  server = await startServer('two');
  await context.setOffline(false);
  await page.goto('/');
  const offer = page.getByRole('alert').filter({ hasText: 'A new version is available' });
  await offer.waitFor({ state: 'visible', timeout: 30000 });
  await Promise.all([
    page.waitForEvent('load'),
    offer.getByRole('button', { name: 'Reload' }).click(),
  ]);
  await page.waitForFunction(async () => {
    const names = await caches.keys();
    return names.includes('omnistore-shell-two') && !names.includes('omnistore-shell-one');
  });
  assert.equal(await page.locator('.os-update').isHidden(), true);
  // Copies of the old release (old prices) went with it.
  assert.ok(!(await cachedPaths()).includes(product));
});

test('signing in or out drops the pages kept so far', async () => {
  await page.goto(product);
  await page.waitForSelector('body[data-hydrated="true"]');
  assert.ok((await cachedPaths()).includes(product), 'kept while browsing as a guest');
  // The header's "Sign out" sends this; the worker sees it go by.
  const status = await page.evaluate(async () => (await fetch('/api/auth/logout', {
    method: 'POST', headers: { accept: 'application/json' },
  })).status);
  assert.ok(status < 400, `sign-out answered ${status}`);
  await page.waitForFunction(async (p) => {
    for (const name of await caches.keys()) {
      if (await (await caches.open(name)).match(p)) return false;
    }
    return true;
  }, product);
  const paths = await cachedPaths();
  assert.ok(paths.includes('/offline'), 'the app shell stays');
});

test('the app keeps the loyalty card for offline, and drops it at sign-out', async () => {
  const hasCard = () => page.evaluate(async () => !!(await caches.match('/card.json', { cacheName: 'omnistore-card' })));
  await page.goto('/');
  const registered = await page.evaluate(async (email) => (await fetch('/api/auth/register', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name: 'Karta Testowa', email, password: 'correct horse battery' }),
  })).status, `card-${Date.now()}@example.com`);
  assert.ok(registered < 400, `sign-up answered ${registered}`);
  await page.goto('/card');
  await page.getByText('Your card is not on this device yet').waitFor();

  // Opened once online, the account page leaves the card on the device.
  await page.goto('/account');
  const code = (await page.locator('.os-account__loyalty-code').textContent()).trim();
  await page.waitForFunction(async () => !!(await caches.match('/card.json', { cacheName: 'omnistore-card' })));
  await stopServer();
  await context.setOffline(true);
  await page.goto('/card');
  await page.getByRole('heading', { level: 1, name: 'Your loyalty card' }).waitFor();
  await page.getByRole('img', { name: code }).waitFor();
  assert.equal((await page.locator('.os-card__code').textContent()).trim(), code);
  assert.equal(await page.getByText('Your card is not on this device yet').isHidden(), true);
  assert.deepEqual(await axeViolations(page), []);

  server = await startServer('two');
  await context.setOffline(false);
  await page.goto('/');
  const out = await page.evaluate(async () => (await fetch('/api/auth/logout', {
    method: 'POST', headers: { accept: 'application/json' },
  })).status);
  assert.ok(out < 400, `sign-out answered ${out}`);
  await page.waitForFunction(async () => !(await caches.match('/card.json', { cacheName: 'omnistore-card' })));
  assert.equal(await hasCard(), false);
  await page.goto('/card');
  await page.getByText('Your card is not on this device yet').waitFor();
});
