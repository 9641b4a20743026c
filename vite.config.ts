// The dev server for demo/: serves the page on 127.0.0.1:5173 with the island mounted at /island,
// so every element works offline against the emulator.
import { defineConfig, type Plugin } from 'vite';
import { createIsland } from './src/island/index.ts';
import { standInHandler } from './scripts/stand-in-middleware.mjs';

function islandPlugin(): Plugin {
  return {
    name: 'ig-island',
    configureServer(server) {
      const island = createIsland({ prefix: '/island', log: (line) => server.config.logger.info(`[island] ${line}`) });
      server.middlewares.use((req, res, next) => island(req, res, next));
      // A real Graph token from the environment switches the demo to the real API. It is served only
      // to this local page, never written to disk or logged.
      server.middlewares.use('/demo-config.json', (_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify({ graphToken: process.env.IG_ACCESS_TOKEN || null }));
      });
    },
  };
}

/** Serves the stand-ins for Instagram's embed page and embed.js under /stand-in, for the <ig-embed> demos. */
function standInPlugin(): Plugin {
  return {
    name: 'ig-stand-in',
    configureServer(server) {
      server.middlewares.use((req, res, next) => standInHandler(req, res, next));
    },
  };
}

export default defineConfig({
  root: 'demo',
  // PORT (or `npm start -- --port N`) moves the server when 5173 is taken.
  server: { host: '127.0.0.1', port: Number(process.env.PORT) || 5173, strictPort: true, fs: { allow: ['..'] } },
  preview: { host: '127.0.0.1', port: 4173 },
  plugins: [islandPlugin(), standInPlugin()],
});
