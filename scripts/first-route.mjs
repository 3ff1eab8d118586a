// What the browser downloads to hydrate one page (default: the home page):
// every /pkg file with its bytes on the wire (brotli, as served) and
// decoded: at load, and with every island the page has (those that wait
// for the shopper to come near them too). Lazy pieces loaded on first use
// (the mini-cart drawer) do not count.
//   node scripts/first-route.mjs http://127.0.0.1:3000/ [more URLs]
// A kiosk's pages, measured on a kiosk started with the staff PIN first
// (KIOSK_PIN, the demo's by default):
//   node scripts/first-route.mjs --kiosk=<store slug> URL...
import { chromium } from 'playwright-core';

const kiosk = process.argv.find((a) => a.startsWith('--kiosk='))?.slice('--kiosk='.length);
const urls = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (urls.length === 0) urls.push('http://127.0.0.1:3000/');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
for (const url of urls) {
  const context = await browser.newContext();
  if (kiosk) {
    const start = await context.newPage();
    await start.goto(new URL(`/kiosk/${kiosk}`, url).href);
    await start.getByLabel('Staff PIN').fill(process.env.KIOSK_PIN || '2468');
    await start.getByRole('button', { name: 'Start kiosk mode' }).click();
    await start.getByRole('link', { name: 'Touch to start' }).waitFor();
    await start.close();
  }
  const page = await context.newPage();
  const files = [];
  page.on('requestfinished', async (req) => {
    const u = new URL(req.url());
    if (!u.pathname.startsWith('/pkg/') || u.pathname.endsWith('.css')) return;
    const sizes = await req.sizes();
    const res = await req.response();
    // Chromium reports no body size (a negative number) for a file the page
    // preloaded; the served (precompressed) file's length is then the header's.
    const length = Number((await res.allHeaders())['content-length']);
    const wire = sizes.responseBodySize >= 0 ? sizes.responseBodySize : length;
    files.push({ name: u.pathname.replace('/pkg/', ''), wire, raw: (await res.body()).length });
  });
  await page.goto(url);
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 30000 });
  await page.waitForLoadState('networkidle');
  const short = (n) => n.replace(/\.[0-9A-Za-z_-]{20,}\./, '.');
  console.log(`### ${new URL(url).pathname}\n\n| file | raw | on the wire (br) |\n|---|---:|---:|`);
  let raw = 0; let wire = 0;
  const table = (list) => {
    for (const f of list.sort((a, b) => b.raw - a.raw)) {
      console.log(`| ${short(f.name)} | ${f.raw} | ${f.wire} |`);
      raw += f.raw; wire += f.wire;
    }
  };
  table(files.splice(0));
  console.log(`| **wasm + JS at load** | ${raw} | ${wire} |`);
  // Islands that wait for the shopper (app/src/islands.js) load when the
  // pointer comes near them: the page's whole interactive code is what
  // comes once the pointer has been over every one.
  for (const wrapper of await page.locator('os-intent').all()) {
    await wrapper.dispatchEvent('pointerover');
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.waitForLoadState('networkidle');
  table(files.splice(0));
  console.log(`| **wasm + JS with every island** | ${raw} | ${wire} |\n`);
  await context.close();
}
await browser.close();
