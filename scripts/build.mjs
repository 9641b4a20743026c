// Builds dist/: one ES module per registering entry (Lit left to the consumer's bundler), one
// all-in-one minified file with Lit inside for a <script type="module"> tag, type declarations,
// and the custom elements manifest. Development warnings are compiled out.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// Development-only warnings are guarded by DEV in src/internal/dev.ts; a literal false lets the
// bundler inline it and drop the guarded code.
const stripDevelopmentWarnings = {
  name: 'ig-strip-development-warnings',
  enforce: 'pre',
  transform(code, id) {
    if (!id.endsWith('/src/internal/dev.ts')) return null;
    const replaced = code.replace(/export const DEV: boolean = true;/, 'export const DEV: boolean = false;');
    if (replaced === code) throw new Error('src/internal/dev.ts no longer declares DEV as expected by the build.');
    // The edit stays on its line and column, so the existing source map remains right.
    return { code: replaced, map: null };
  },
};
const elementEntries = Object.fromEntries(
  readdirSync(join(root, 'src/define')).map((file) => [file.replace(/\.ts$/, ''), join(root, 'src/define', file)]),
);

/**
 * Drops the one expected warning: feeds import the like button lazily, while the library also
 * ships it as an entry of its own, so the lazy import cannot move it into a separate chunk.
 */
function skipExpectedLogs(level, log, handler) {
  if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
  handler(level, log);
}

/** Runs one Vite build into dist/ with the settings both outputs share. */
function buildDist(settings) {
  return build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [stripDevelopmentWarnings],
    build: { outDir: dist, emptyOutDir: false, target: 'es2022', sourcemap: true, ...settings },
  });
}

rmSync(dist, { recursive: true, force: true });

await buildDist({
  minify: false,
  lib: {
    entry: { index: join(root, 'src/index.ts'), classes: join(root, 'src/classes.ts'), ...elementEntries },
    formats: ['es'],
  },
  rollupOptions: { external: [/^lit(\/|$)/, /^@lit\//], onLog: skipExpectedLogs },
});

// Not lib mode: Vite keeps whitespace in ES library output, and this file is meant to be small.
await buildDist({
  minify: true,
  modulePreload: false,
  rollupOptions: {
    input: join(root, 'src/index.ts'),
    preserveEntrySignatures: 'exports-only',
    output: { format: 'es', entryFileNames: 'ig-elements.all.js' },
    onLog: skipExpectedLogs,
  },
});

execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
execFileSync(join(root, 'node_modules/.bin/cem'), ['analyze', '--quiet'], { cwd: root, stdio: 'inherit' });

// Vite 8 does not lower decorators it cannot parse and still reports success, so every emitted
// file must parse in Node before the build counts.
function checkAll(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) checkAll(path);
    else if (name.endsWith('.js')) execFileSync(process.execPath, ['--check', path], { stdio: 'inherit' });
  }
}
checkAll(dist);

// Every registering entry must be importable by its documented subpath.
const { exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const name of Object.keys(elementEntries)) {
  const target = exports[`./${name}.js`]?.default;
  if (target !== `./dist/${name}.js`) throw new Error(`package.json exports lacks "./${name}.js" pointing at ./dist/${name}.js.`);
  statSync(join(root, target));
}
console.log('build: dist/ and custom-elements.json are ready');
