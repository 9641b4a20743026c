// Measures what a page downloads: each element bundled alone with Lit, and the all-in-one file,
// minified, then gzip and brotli compressed at their highest levels. Run: node bench/size.mjs
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function bundle(entry) {
  const out = mkdtempSync(join(tmpdir(), 'ig-size-'));
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir: out,
        target: 'es2022',
        minify: true,
        modulePreload: false,
        rollupOptions: {
          input: entry,
          preserveEntrySignatures: 'exports-only',
          output: { format: 'es', entryFileNames: 'bundle.js', codeSplitting: false },
        },
      },
    });
    return readFileSync(join(out, 'bundle.js'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

const entries = [
  ['all elements (src/index.ts)', join(root, 'src/index.ts')],
  ...readdirSync(join(root, 'src/define'))
    .sort()
    .map((file) => [`<${file.replace(/\.ts$/, '')}> alone`, join(root, 'src/define', file)]),
];

console.log('| bundle (with Lit) | minified | gzip -9 | brotli -11 |');
console.log('|---|---|---|---|');
for (const [label, entry] of entries) {
  const code = await bundle(entry);
  const gzip = gzipSync(code, { level: 9 }).length;
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`| ${label} | ${kb(code.length)} | ${kb(gzip)} | ${kb(brotli)} |`);
}
