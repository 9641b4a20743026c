// Checks the README's API tables, runs the island's Node tests and the browser tests, then prints
// one closing line "N passed, N failed, N skipped" with the totals, and exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(command, args, { capture = false } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

function countNodeTests(output) {
  // The spec reporter ends with lines such as "ℹ pass 12" and "ℹ fail 0".
  const read = (label) => Number(output.match(new RegExp(`^ℹ ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: read('pass'), failed: read('fail'), skipped: read('skipped') + read('todo') };
}

// The recorded API responses live outside the repository; without them the fixture tests fail.
const fixtures = process.env.IG_FIXTURES_DIR ?? resolve(root, '../shared/fixtures');
const fixturesMissing = !existsSync(fixtures);
if (fixturesMissing) {
  console.error(`The recorded fixtures folder ${fixtures} does not exist, so the fixture tests will fail: set IG_FIXTURES_DIR to it.`);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

console.log('== README API tables ==');
const docs = await run(process.execPath, [join(root, 'scripts/docs.mjs'), '--check']);
const docsCounts = { passed: docs.code === 0 ? 1 : 0, failed: docs.code === 0 ? 0 : 1, skipped: 0 };
if (docs.code !== 0) exitCode = 1;

console.log('\n== island (Node) ==');
// Node 20's --test takes no globs, so the files are listed here.
const islandFiles = readdirSync(join(root, 'test/island'))
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => join('test/island', name));
const island = await run(bin('tsx'), ['--test', '--test-reporter=spec', ...islandFiles], { capture: true });
const nodeCounts = countNodeTests(island.output);
if (island.code !== 0) exitCode = 1;
if (island.code !== 0 && nodeCounts.failed === 0) nodeCounts.failed = 1;

console.log('\n== browser (web-test-runner) ==');
rmSync(join(root, '.test-results'), { recursive: true, force: true });
const browser = await run(bin('tsx'), [join(root, 'node_modules/@web/test-runner/dist/bin.js'), ...process.argv.slice(2)]);
let browserCounts = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
try {
  browserCounts = JSON.parse(readFileSync(join(root, '.test-results/browser.json'), 'utf8'));
} catch {
  console.error('The browser test run wrote no results: see its output above.');
}
if (browser.code !== 0) exitCode = 1;
const browserFailed = browserCounts.failed + browserCounts.sessionErrors;

for (const counts of [docsCounts, nodeCounts, { ...browserCounts, failed: browserFailed }]) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}
if (browser.code !== 0 && browserFailed === 0) totals.failed += 1;
if (totals.passed === 0) exitCode = 1;

const failedParts = [
  fixturesMissing && `recorded fixtures not found at ${fixtures} (set IG_FIXTURES_DIR)`,
  docs.code !== 0 && 'README API tables are stale (run npm run docs)',
  island.code !== 0 && 'island Node tests',
  browser.code !== 0 && 'browser tests',
].filter(Boolean);
console.log(`\nREADME tables: ${docs.code === 0 ? 'ok' : 'stale'}, island: ${nodeCounts.passed} passed, browser: ${browserCounts.passed} passed`);
if (failedParts.length > 0) console.log(`Failed: ${failedParts.join('; ')}.`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
