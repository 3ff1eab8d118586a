// A Vendure server for omnistore: Shop API, Admin API and the job queue in
// one process, on SQLite (better-sqlite3), bound to 127.0.0.1.
//
// Run by scripts/vendure.sh, which installs the packages and passes:
//   VENDURE_PORT          port to listen on
//   VENDURE_DB            SQLite file (created and its schema synchronised if new)
//   VENDURE_ADMIN_USER / VENDURE_ADMIN_PASSWORD   the superadmin
//   VENDURE_POPULATE=1    fill the database with Vendure's own sample catalog,
//                         its photographs included, then exit
//   VENDURE_ASSETS        folder of the asset files (default: `assets` beside
//                         VENDURE_DB), served by Vendure at /assets/
//   VENDURE_PARENT_PID    exit when this process is gone, so a test run that
//                         dies cannot leave Vendure behind
//   VENDURE_IDS=uuid      UUIDs as ids instead of numbers (for a new database
//                         only), as some shops run Vendure; omnistore must
//                         treat ids as opaque text
'use strict';
const path = require('path');
const fs = require('fs');
const {
  bootstrap,
  DefaultSearchPlugin,
  JobQueueService,
  dummyPaymentHandler,
  LogLevel,
  DefaultLogger,
  UuidIdStrategy,
} = require('@vendure/core');
// Vendure's default queue, which its index does not export.
const { AssetServerPlugin } = require('@vendure/asset-server-plugin');
const { InMemoryJobQueueStrategy } = require('@vendure/core/dist/job-queue/in-memory-job-queue-strategy');

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    console.error(`vendure: ${name} is not set`);
    process.exit(2);
  }
  return value;
};

// Kept by name: populating waits until it has nothing left to do.
const jobs = new InMemoryJobQueueStrategy({ concurrency: 1, pollInterval: 10 });
const port = Number(env('VENDURE_PORT'));
const database = env('VENDURE_DB');
const assets = env('VENDURE_ASSETS', path.join(path.dirname(database), 'assets'));
const config = {
  apiOptions: {
    hostname: '127.0.0.1',
    port,
    adminApiPath: 'admin-api',
    shopApiPath: 'shop-api',
    // omnistore pages through collections itself, 100 at a time.
    shopListQueryLimit: 100,
    adminListQueryLimit: 1000,
  },
  authOptions: {
    // omnistore holds the tokens server-side and sends them as bearer tokens;
    // no cookie of Vendure's ever reaches a shopper's browser.
    tokenMethod: 'bearer',
    requireVerification: false,
    superadminCredentials: {
      identifier: env('VENDURE_ADMIN_USER', 'superadmin'),
      password: env('VENDURE_ADMIN_PASSWORD', 'superadmin'),
    },
  },
  dbConnectionOptions: {
    type: 'better-sqlite3',
    database,
    synchronize: true,
    logging: false,
  },
  paymentOptions: { paymentMethodHandlers: [dummyPaymentHandler] },
  ...(process.env.VENDURE_IDS === 'uuid' ? { entityOptions: { entityIdStrategy: new UuidIdStrategy() } } : {}),
  // A barcode field of the shop's own: Vendure has none. `omnistore
  // vendure-seed` fills it, and omnistore's kiosk finds a scanned EAN by it
  // (on a Vendure without it, a scan finds SKUs only).
  customFields: {
    ProductVariant: [
      {
        name: 'ean',
        type: 'string',
        nullable: true,
        label: [{ languageCode: 'en', value: 'EAN barcode' }],
      },
    ],
  },
  // The search index and collections are kept by jobs in this process.
  // Vendure looks for the next job every 200 ms by default, which makes a
  // seed of thousands of variants wait minutes for jobs of a millisecond.
  jobQueueOptions: { jobQueueStrategy: jobs },
  logger: new DefaultLogger({ level: process.env.VENDURE_LOG === 'debug' ? LogLevel.Debug : LogLevel.Warn }),
  plugins: [
    DefaultSearchPlugin.init({ bufferUpdates: false, indexStockStatus: true }),
    // Photographs, with the sizes made on request (Vendure's presets). A shop's
    // browser never loads them from here: omnistore serves them under /media/.
    AssetServerPlugin.init({
      route: 'assets',
      assetUploadDir: assets,
      assetUrlPrefix: `http://127.0.0.1:${port}/assets/`,
    }),
  ],
};

const parent = Number(process.env.VENDURE_PARENT_PID || 0);
if (parent > 0) {
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      process.exit(0);
    }
  }, 1000).unref();
}

async function main() {
  if (process.env.VENDURE_POPULATE === '1') {
    const { populate } = require('@vendure/core/cli');
    const initial = require('@vendure/create/assets/initial-data.json');
    const csv = require.resolve('@vendure/create/assets/products.csv');
    // The CSV names its photographs by file name, looked up in this folder.
    config.importExportOptions = { importAssetsDir: path.join(path.dirname(csv), 'images') };
    const app = await populate(
      () =>
        bootstrap(config).then(async (a) => {
          await a.get(JobQueueService).start();
          return a;
        }),
      initial,
      csv,
    );
    // Collections' products and the search index are made by jobs in this
    // process: wait until none is left (twice in a row: a finished job can
    // queue another) before closing, or the copy would be half a shop.
    for (let i = 0, idle = 0; idle < 2; i++) {
      const { items } = await jobs.findMany();
      const busy = items.filter((j) => ['PENDING', 'RUNNING', 'RETRYING'].includes(j.state)).length;
      idle = busy === 0 ? idle + 1 : 0;
      if (i > 3000) throw new Error(`${busy} jobs still unfinished`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const Database = require('better-sqlite3');
    const db = new Database(database, { readonly: true });
    const count = (sql) => db.prepare(sql).pluck().get();
    for (let i = 0; ; i++) {
      const products = count('SELECT COUNT(*) FROM product WHERE deletedAt IS NULL');
      const indexed = count('SELECT COUNT(DISTINCT productId) FROM search_index_item');
      if (indexed >= products) break;
      if (i > 600) throw new Error(`search index incomplete: ${indexed} of ${products} products`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const empty = count(`SELECT COUNT(*) FROM collection c WHERE c.isRoot = 0 AND NOT EXISTS
      (SELECT 1 FROM collection_product_variants_product_variant x WHERE x.collectionId = c.id)`);
    if (empty > 0) throw new Error(`${empty} collections have no products`);
    db.close();
    await app.close();
    console.log('VENDURE POPULATED');
    process.exit(0);
  }
  const app = await bootstrap(config);
  await app.get(JobQueueService).start();
  console.log(`VENDURE READY http://127.0.0.1:${port}`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
