// Makes signed-in customers for the soak (scripts/soak.sh): each registers,
// chooses a store and puts something in the cart, as a shopper would, over
// HTTP. Prints one Cookie header per line for wrk's script, then a line with
// a product path and a listing path.
// With "guests", the shoppers only put something in the cart (no account,
// no store): a guest with a cart (scripts/bench.sh).
//   node scripts/soak.mjs http://127.0.0.1:PORT COUNT [guests]
const [base, countArg, kind] = process.argv.slice(2);
const guests = kind === 'guests';
const count = Number(countArg ?? 50);
const origin = new URL(base).origin;

async function call(jar, path, form) {
  const res = await fetch(base + path, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      ...(form ? { origin, 'sec-fetch-site': 'same-origin', accept: 'application/json',
                   'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
  if (res.status >= 400) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.text();
}

const home = await call(new Map(), '/c/grills');
const product = home.match(/href="(\/p\/[^"]+)"/)[1];
const page = await call(new Map(), product);
const variant = page.match(/name="variant_id" value="(\d+)"/)?.[1]
  ?? page.match(/"variant_id":(\d+)/)?.[1];
const stores = await call(new Map(), '/stores');
const store = stores.match(/href="\/stores\/([a-z0-9-]+)"/)[1];
if (!variant) throw new Error(`no variant id on ${product}`);
const run = Date.now();
for (let n = 0; n < count; n++) {
  const jar = new Map();
  if (!guests) {
    await call(jar, '/api/auth/register', {
      name: `Soak ${n}`, email: `soak-${run}-${n}@example.test`, password: 'correct horse battery',
    });
    await call(jar, '/api/my-store', { store });
  }
  await call(jar, '/api/cart/add', { variant_id: variant, quantity: '1' });
  console.log([...jar].map(([k, v]) => `${k}=${v}`).join('; '));
}
console.log(`PATHS ${product} /c/grills`);
