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
// Idempotent: a rewritten `__wasm_split.js` still names every file, and packs
// that went missing are made again from it. The chunk files stay. Packs are named
// by their content's hash, and get the brotli and gzip twins the server
// serves, as `--precompress` does for the other files.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
const packed = source.includes(MARK);

// The shapes cargo-leptos 0.3 writes: a chunk loads one file and depends on
// nothing; an exported loader loads its module after its chunks. Read from
// the file as written, or as rewritten here before.
const chunkDef = /const __chunk_(\d+) = makeLoad\(\(\) => \{\n\s+const src = (?:fetch\(new URL\(|__source\(\d+, )"(?:\.\/)?([^"]+)"/g;
const exportDef = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\n\s+const src = (?:fetch\(new URL\(|__source\()"(?:\.\/)?([^"]+)"[\s\S]*?\n, \[(?:__pack\([^)]*\), )?([^\]]*)\]\)\);/g;
const chunkFile = new Map();
for (const m of source.matchAll(chunkDef)) chunkFile.set(Number(m[1]), m[2]);
const loaders = [];
for (const m of source.matchAll(exportDef)) {
  const chunks = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => {
    const n = Number(d.replace('__chunk_', ''));
    if (!chunkFile.has(n)) throw new Error(`pack-chunks: ${d} has no file`);
    return n;
  });
  loaders.push({ whole: m[0], name: m[1], own: m[2], chunks });
}
if (loaders.length === 0) throw new Error(`pack-chunks: no exported loader found in ${loaderFile}`);
const packs = new Map(loaders.map((l) => [
  l.name,
  writePack(l.name, [[-1, l.own], ...l.chunks.map((n) => [n, chunkFile.get(n)])]),
]));
if (packed) {
  console.log(`pack-chunks: ${loaderFile} already packed (${packs.size} packs there)`);
  process.exit(0);
}

// A chunk is known by its number, a loader's own module by its file's name.
let out = source;
for (const l of loaders) {
  const [pack, own] = [JSON.stringify(packs.get(l.name)), JSON.stringify(l.own)];
  const rewritten = l.whole
    .replace(/fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\)/, `__source(${own})`)
    .replace(/\n, \[/, `\n, [__pack(${pack}, ${own}), `);
  out = out.replace(l.whole, rewritten);
}
out = out.replace(/const __chunk_(\d+) = makeLoad\(\(\) => \{\n(\s+)const src = fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\);/g,
  (_, n, indent, file) => `const __chunk_${n} = makeLoad(() => {\n${indent}const src = __source(${n}, ${JSON.stringify(file)});`);
out = out.replaceAll('(WebAssembly.instantiateStreaming(src, imports))', '(WebAssembly.instantiate(await src, imports))');
// Modules from fetched packs: a loader's own under its file's name, a chunk
// under its number. A pack says what it holds, so a module looked for while
// a pack is on its way waits for it, then is fetched alone if not in it. The
// pack is the loader's first dependency: it starts before the modules are
// looked for. A pack that does not come leaves its modules to be fetched
// alone. (Comments stay here: the first page downloads this code.)
const runtime = `
${MARK}scripts/pack-chunks.mjs */
const __packed = new Map();
const __pending = new Map();
function __pack(file, own) {
  return () => {
    if (!__packed.has(own) && !__pending.has(file)) {
      const arrived = fetch(new URL("./" + file, import.meta.url))
        .then((r) => {
          if (!r.ok) throw new Error(file + ": " + r.status);
          return r.arrayBuffer();
        })
        .then((b) => {
          const head = new DataView(b);
          const n = head.getUint32(0, true);
          let at = 4 * (1 + 2 * n);
          for (let i = 0; i < n; i++) {
            const key = head.getUint32(4 * (1 + i), true);
            const len = head.getUint32(4 * (1 + n + i), true);
            const k = key === 0xffffffff ? own : key;
            if (!__packed.has(k)) __packed.set(k, Promise.resolve(new Uint8Array(b, at, len)));
            at += len;
          }
        })
        .catch((e) => console.warn(e))
        .finally(() => __pending.delete(file));
      __pending.set(file, arrived);
    }
    return Promise.resolve();
  };
}
async function __source(key, file = key) {
  if (!__packed.has(key) && __pending.size > 0) await Promise.all(__pending.values());
  if (__packed.has(key)) return __packed.get(key);
  const r = await fetch(new URL("./" + file, import.meta.url));
  if (!r.ok) throw new Error(file + ": " + r.status);
  return r.arrayBuffer();
}
`;
if (out.includes('instantiateStreaming') || out.includes('fetch(new URL("./')) {
  throw new Error('pack-chunks: a loader was not rewritten');
}
// After the imports and helpers, before the first loader.
const firstLoader = out.search(/\n\/\*|\nconst __chunk_|\nexport const /);
out = out.slice(0, firstLoader) + '\n' + runtime + out.slice(firstLoader);
writeFileSync(loaderPath, out);
twins(loaderPath, Buffer.from(out));
console.log(`pack-chunks: ${packs.size} packs written for ${chunkFile.size} chunks`);
