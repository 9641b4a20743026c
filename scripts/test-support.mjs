// Test-server helpers: the recorded fixtures served read-only over HTTP, and a reporter
// that writes the browser test counts to a file for scripts/test.mjs to add up.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const fixturesDir = process.env.IG_FIXTURES_DIR ?? resolve(root, '../shared/fixtures');

/** Serves GET /fixtures/<dialect>/<name>.json from the recorded fixtures folder. */
export async function fixturesMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/fixtures/')) return next();
  const relative = normalize(decodeURIComponent(ctx.path.slice('/fixtures/'.length)));
  if (relative.startsWith('..') || !relative.endsWith('.json')) {
    ctx.status = 404;
    return;
  }
  try {
    ctx.body = readFileSync(join(fixturesDir, relative), 'utf8');
    ctx.type = 'application/json';
  } catch {
    ctx.status = 404;
  }
}

function countTests(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countTests(child, counts);
}

/** Wraps the default reporter and records passed, failed and skipped browser tests. */
export function countingReporter() {
  const base = defaultReporter();
  return {
    ...base,
    onTestRunFinished(args) {
      base.onTestRunFinished?.(args);
      const counts = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
      for (const session of args.sessions) {
        if (session.testResults) countTests(session.testResults, counts);
        // A test file that fails to load or throws outside a test has errors but no results.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.sessionErrors += 1;
      }
      const out = join(root, '.test-results');
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'browser.json'), JSON.stringify(counts));
    },
  };
}
