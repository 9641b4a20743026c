// Runs the browser tests in Debian's Chromium (or CHROME_PATH) against the island,
// which the test server mounts at /island so every test talks to it over real HTTP.
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';
import { createIsland } from './src/island/index.ts';
import { fixturesMiddleware, countingReporter } from './scripts/test-support.mjs';
import { standInMiddleware } from './scripts/stand-in-middleware.mjs';

function findChromium() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  try {
    return execSync('command -v chromium', { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium was not found: install Debian\'s "chromium" package or set CHROME_PATH.');
  }
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // No test may reach the internet: every host name but the loopback ones fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/**
 * Chromium by default; IG_BROWSERS=chromium,firefox adds Debian's firefox-esr through WebDriver
 * BiDi. Firefox is opt-in because it made the browser suite about four times slower here.
 */
function browsers() {
  const names = (process.env.IG_BROWSERS ?? 'chromium').split(',').map((name) => name.trim()).filter(Boolean);
  return names.map((name) => {
    if (name === 'chromium') {
      return chromeLauncher({
        launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS },
        // Each test page gets its own browser context, and so its own window. Pages sharing a
        // window are background tabs, which get no animation frames or IntersectionObserver callbacks.
        createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      });
    }
    if (name === 'firefox') {
      const executablePath = process.env.FIREFOX_PATH ?? execSync('command -v firefox-esr || command -v firefox', { encoding: 'utf8' }).trim();
      return chromeLauncher({ puppeteer: puppeteerCore, launchOptions: { browser: 'firefox', executablePath, headless: true } });
    }
    throw new Error(`IG_BROWSERS names an unknown browser "${name}": use chromium, firefox or both, separated by a comma.`);
  });
}

const island = createIsland({ prefix: '/island' });

export default {
  files: ['test/**/*.test.ts', '!test/island/**'],
  nodeResolve: true,
  hostname: '127.0.0.1',
  concurrency: 2,
  testsFinishTimeout: 120000,
  testFramework: { config: { timeout: 8000 } },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  middleware: [
    fixturesMiddleware,
    standInMiddleware,
    async (ctx, next) => {
      if (!ctx.path.startsWith('/island/') && ctx.path !== '/island') return next();
      ctx.respond = false;
      await new Promise((resolve) => {
        ctx.res.on('close', resolve);
        island(ctx.req, ctx.res, () => {
          ctx.respond = true;
          resolve(next());
        });
      });
    },
  ],
  browsers: browsers(),
  reporters: [countingReporter()],
};
