// Measures what a page downloads, minified and compressed at the highest gzip and brotli levels:
// each registering entry bundled with Lit (its first chunk, and with the chunks it may import
// later, such as the like button that a feed loads only for show-like-buttons), and the
// all-in-one file that CMS pages load with one script tag. Run: node bench/size.mjs
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles `entry` in memory. Returns the code a page loads at first (the entry chunk and the
 * chunks it imports statically) and the code of every chunk, including those imported lazily.
 */
async function bundle(entry, splitting) {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      modulePreload: false,
      rollupOptions: {
        input: entry,
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es', ...(splitting ? {} : { codeSplitting: false }) },
      },
    },
  });
  const chunks = (Array.isArray(result) ? result[0] : result).output.filter((file) => file.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set();
  const visit = (chunk) => {
    if (initial.has(chunk)) return;
    initial.add(chunk);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  visit(chunks.find((chunk) => chunk.isEntry));
  const code = (list) => Buffer.concat(list.map((chunk) => Buffer.from(chunk.code)));
  return { initial: code([...initial]), all: code(chunks), lazy: chunks.length > initial.size };
}

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const brotli = (code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

console.log('| bundle (with Lit) | minified | gzip -9 | brotli -11 |');
console.log('|---|---|---|---|');
const { all: single } = await bundle(join(root, 'src/index.ts'), false);
console.log(`| all-in-one file, every element | ${kb(single.length)} | ${kb(gzip(single))} | ${kb(brotli(single))} |`);

for (const file of readdirSync(join(root, 'src/define')).sort()) {
  const { initial, all, lazy } = await bundle(join(root, 'src/define', file), true);
  const name = `<${file.replace(/\.ts$/, '')}>`;
  console.log(`| ${name} alone, loaded at first | ${kb(initial.length)} | ${kb(gzip(initial))} | ${kb(brotli(initial))} |`);
  // Compressed separately per chunk would be a little larger; one stream gives a lower bound.
  if (lazy) console.log(`| ${name} alone, with its lazy chunks | ${kb(all.length)} | ${kb(gzip(all))} | ${kb(brotli(all))} |`);
}
