// Runs the browser tests in Debian's Chromium (or CHROME_PATH) against the island,
// which the test server mounts at /island so every test talks to it over real HTTP.
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
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
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
  reporters: [countingReporter()],
};
