// Packs the split wasm chunks each lazy island needs into one file, so that a
// page loads its island in one request instead of one per chunk.
//   node scripts/pack-chunks.mjs target/site/pkg
//
// Why: wasm-split (cargo leptos build --split) gives every set of lazy
// islands that share code a chunk of its own, and `__wasm_split.js` fetches
// each one. A product page needed its island and 43 chunks, most of them a
// few hundred bytes, and in Chromium the 44 fetches and their promises were
// most of the page's main-thread time (Lighthouse TBT). Here each exported
// loader (an island or a `#[lazy]` function) gets a pack: its own module and
// every chunk it depends on, one after another. `__wasm_split.js` is
// rewritten so that starting a loader fetches its pack first and the chunks
// are instantiated from slices of it; a chunk not in any fetched pack is
// still fetched on its own. A chunk two loaders share is in both packs (a
// page rarely has two lazy islands).
//
// Run after every release build (scripts/setup.sh's omnistore_build does).
// `__wasm_split.js` is rewritten as a table (see below). Idempotent: what
// each pack holds is kept in `pack-chunks.json`, and packs that went missing
// are made again from it. The chunk files stay. Packs are named
// by their content's hash, and get the brotli and gzip twins the server
// serves, as `--precompress` does for the other files.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] || 'target/site/pkg';
const loaderFile = readdirSync(dir).find((f) => /^__wasm_split\..*\.js$/.test(f));
if (!loaderFile) {
  console.log(`pack-chunks: no __wasm_split.js in ${dir} (not a split build): nothing to do`);
  process.exit(0);
}
const loaderPath = join(dir, loaderFile);
const MARK = '/* omnistore packs: ';
// What each pack holds, by file name, for a later run (the browser's table
// has numbers only).
const SIDECAR = 'pack-chunks.json';

function twins(path, bytes) {
  writeFileSync(`${path}.br`, brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }));
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
}

/** The pack of `modules` ([key, file] in order; key -1 for the loader's own
 * module, else the chunk's number), written unless it is there. A pack is a
 * little-endian u32 count, the keys, the lengths, then the modules. */
function writePack(name, modules) {
  const parts = modules.map(([, f]) => readFileSync(join(dir, f)));
  const header = Buffer.alloc(4 * (1 + 2 * modules.length));
  header.writeUInt32LE(modules.length, 0);
  modules.forEach(([key], i) => {
    header.writeUInt32LE(key >>> 0, 4 * (1 + i));
    header.writeUInt32LE(parts[i].length, 4 * (1 + modules.length + i));
  });
  const bytes = Buffer.concat([header, ...parts]);
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
  const file = `pack_${name}.${hash}.bin`;
  if (!existsSync(join(dir, file))) {
    writeFileSync(join(dir, file), bytes);
    twins(join(dir, file), bytes);
  }
  return file;
}

const source = readFileSync(loaderPath, 'utf8');
// Written here before in the table form below: nothing to rewrite.
const packed = source.includes(MARK) && source.includes(' = __loader(');

// What the loader file says: each chunk's file (by number), and each exported
// loader's own module and the chunks it needs. Read from the table written
// here before, or from the file as cargo-leptos 0.3 writes it (a chunk loads
// one file and depends on nothing; an exported loader loads its module after
// its chunks), also in the shape an earlier version of this script gave it.
const chunkFile = new Map();
const loaders = [];
if (packed) {
  // The table has no file names: they are kept beside it, for this script.
  const files = JSON.parse(readFileSync(join(dir, SIDECAR), 'utf8'));
  for (const [n, f] of Object.entries(files.chunks)) chunkFile.set(Number(n), f);
  for (const m of source.matchAll(/export const __wasm_split_load_(\w+) = __loader\("[^"]+", \[([^\]]*)\][^)]*\);/g)) {
    loaders.push({ name: m[1], own: files.own[m[1]], chunks: m[2] ? m[2].split(',').map(Number) : [] });
  }
} else {
  const chunkDef = /const __chunk_(\d+) = makeLoad\(\(\) => \{\n\s+const src = (?:fetch\(new URL\(|__source\(\d+, )"(?:\.\/)?([^"]+)"/g;
  const exportDef = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\n\s+const src = (?:fetch\(new URL\(|__source\()"(?:\.\/)?([^"]+)"[\s\S]*?\n, \[(?:__pack\([^)]*\), )?([^\]]*)\]\)\);/g;
  for (const m of source.matchAll(chunkDef)) chunkFile.set(Number(m[1]), m[2]);
  for (const m of source.matchAll(exportDef)) {
    const chunks = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => Number(d.replace('__chunk_', '')));
    loaders.push({ name: m[1], own: m[2], chunks });
  }
}
for (const l of loaders) {
  for (const n of l.chunks) if (!chunkFile.has(n)) throw new Error(`pack-chunks: chunk ${n} has no file`);
}
if (loaders.length === 0) throw new Error(`pack-chunks: no exported loader found in ${loaderFile}`);
const packs = new Map(loaders.map((l) => [
  l.name,
  writePack(l.name, [[-1, l.own], ...l.chunks.map((n) => [n, chunkFile.get(n)])]),
]));

// The loader file again, as a table: one line per exported loader, with
// its pack and its chunks' numbers. The first page downloads this file;
// cargo-leptos writes five lines of code and a comment listing the loaders
// that share it for each of the 285 chunks, and every chunk's hashed file
// name (141 KB, 11.2 KB brotli). Every module a loader needs is in its pack,
// so the file names are not needed in the browser. A pack is its loader's
// first dependency: it starts before the modules are looked for, and a module
// waits for it. A pack that does not come fails the load, and the next load
// fetches it again. (Comments stay here: the first page downloads this code.)
const runtime = `
${MARK}scripts/pack-chunks.mjs */
const __packed = new Map();
const __arrived = new Set();
const __pending = new Map();
function __get(file, patient) {
  const got = fetch(new URL("./" + file, import.meta.url)).then((r) => {
    if (!r.ok) throw new Error(file + ": " + r.status);
    return r.arrayBuffer();
  });
  return patient ? got.catch(() => new Promise((again) => {
    const retry = () => {
      clearTimeout(timer);
      removeEventListener("online", retry);
      again(__get(file, patient));
    };
    const timer = setTimeout(retry, 5000);
    addEventListener("online", retry);
  })) : got;
}
function __pack(file, patient) {
  return () => {
    if (!__arrived.has(file) && !__pending.has(file)) {
      const arrived = __get(file, patient)
        .then((b) => {
          const head = new DataView(b);
          const n = head.getUint32(0, true);
          let at = 4 * (1 + 2 * n);
          for (let i = 0; i < n; i++) {
            const key = head.getUint32(4 * (1 + i), true);
            const len = head.getUint32(4 * (1 + n + i), true);
            const k = key === 0xffffffff ? file : key;
            if (!__packed.has(k)) __packed.set(k, new Uint8Array(b, at, len));
            at += len;
          }
        })
        .then(() => { __arrived.add(file); })
        .finally(() => __pending.delete(file));
      __pending.set(file, arrived);
    }
    return __pending.get(file) ?? Promise.resolve();
  };
}
async function __source(key) {
  while (!__packed.has(key) && __pending.size > 0) await Promise.all(__pending.values());
  if (!__packed.has(key)) throw new Error("wasm module " + key + " is in no pack that arrived");
  return __packed.get(key);
}
const __instantiate = (src) => async (imports) => WebAssembly.instantiate(await src, imports);
const __chunks = [];
function __chunk(n) {
  return (__chunks[n] ??= makeLoad(() => __instantiate(__source(n)), []))();
}
function __loader(pack, chunks, patient) {
  return wrapAsyncCb(makeLoad(() => __instantiate(__source(pack)),
    [__pack(pack, patient), ...chunks.map((n) => () => __chunk(n))]));
}
`;
// A lazy island's loader (`#[island(lazy)]` names it `…_loader_<hash>`)
// cannot fail: leptos unwraps it, and a panic stops the whole wasm. Its pack
// is fetched again (every 5 s, or when the browser is back online) until
// it arrives, and the island waits. `fallible` loaders get the error.
const patient = (name) => /_loader_\d+$/.test(name);
const exports = loaders.map((l) => `export const __wasm_split_load_${l.name} = __loader(`
  + `${JSON.stringify(packs.get(l.name))}, [${l.chunks.join(',')}], ${patient(l.name) ? 1 : 0});`);
const files = {
  chunks: Object.fromEntries(chunkFile),
  own: Object.fromEntries(loaders.map((l) => [l.name, l.own])),
};
// cargo-leptos' imports and helpers (getSharedImports, wrapAsyncCb,
// makeLoad) stay; its chunk and loader definitions are replaced.
const firstLoader = source.search(/\n\/\*|\nconst __chunk_|\nexport const /);
const out = source.slice(0, firstLoader) + '\n' + runtime + exports.join('\n') + '\n';
writeFileSync(join(dir, SIDECAR), JSON.stringify(files));
// Packs of earlier builds would be kept by the service worker (it stores
// the shell's packs by their names' prefix): gone.
const current = new Set(packs.values());
for (const f of readdirSync(dir)) {
  const m = f.match(/^(pack_.*\.bin)(\.br|\.gz)?$/);
  if (m && !current.has(m[1])) unlinkSync(join(dir, f));
}
if (out.includes('instantiateStreaming')) throw new Error('pack-chunks: a loader was not rewritten');
writeFileSync(loaderPath, out);
twins(loaderPath, Buffer.from(out));
console.log(`pack-chunks: ${packs.size} packs written for ${chunkFile.size} chunks`);
