// Writes a Shopify product export of N products (2 variants each, HTML
// descriptions, image rows) to stdout, for timing `omnistore import`
// (scripts/bench-import.sh). The same N gives the same file.
const n = Number(process.argv[2] || 100000);
const out = [];
const flush = () => { process.stdout.write(out.join('')); out.length = 0; };
out.push('Handle,Title,Body (HTML),Vendor,Type,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price,Variant Compare At Price,Variant Barcode,Image Src\n');
const types = ['Garden Benches', 'Planters', 'Hoses', 'Lanterns', 'Parasols', 'Tool Sets', 'Seed Trays', 'Grill Tools'];
for (let i = 0; i < n; i++) {
  const handle = `product-${i}`;
  const type = types[i % types.length];
  const price = 10 + (i * 37) % 990;
  out.push(`${handle},Product ${i},"<p>A <strong>${type.toLowerCase()}</strong> item, number ${i}.</p>",Brand ${i % 50},${type},Size,S,P${i}-S,${i % 20},${price}.00,,,https://cdn.example.com/${i}.jpg\n`);
  out.push(`${handle},,,,,,L,P${i}-L,${(i + 7) % 20},${price + 5}.99,${price + 20}.00,,\n`);
  out.push(`${handle},,,,,,,,,,,,https://cdn.example.com/${i}-b.jpg\n`);
  if (out.length > 3000) flush();
}
flush();
