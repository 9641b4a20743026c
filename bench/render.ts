// Measures how long a feed takes from insertion to its `ig-load` event, in headless Chromium,
// against the island on 127.0.0.1 with the production all-in-one build. Also counts the API
// requests that four identical feeds cause. Run: npm run build && npx tsx bench/render.ts
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import puppeteer from 'puppeteer-core';
import { createIsland } from '../src/island/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
let apiRequests = 0;
const island = createIsland({
  prefix: '/island',
  log: (line) => {
    if (/ \/island\/(v1|graph)\//.test(line)) apiRequests += 1;
  },
});

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/dist/ig-elements.all.js"></script></head><body><main id="stage"></main></body></html>`;

const server = createServer((req, res) => {
  if (req.url === '/') {
    res.setHeader('Content-Type', 'text/html');
    res.end(page);
  } else if (req.url === '/dist/ig-elements.all.js') {
    res.setHeader('Content-Type', 'text/javascript');
    res.end(readFileSync(join(root, 'dist/ig-elements.all.js')));
  } else {
    island(req, res);
  }
});
await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timeFeed(api: 'graph' | 'legacy', limit: number): Promise<{ times: number[]; items: number }> {
  const tab = await browser.newPage();
  await tab.goto(origin, { waitUntil: 'load' });
  await tab.waitForFunction(() => customElements.get('ig-feed') !== undefined);
  const token = await tab.evaluate(async () => {
    const response = await fetch('/island/__island/tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"rateLimit":100000}' });
    return ((await response.json()) as { access_token: string }).access_token;
  });
  const times: number[] = [];
  let items = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const result = await tab.evaluate(
      (api, limit, token) =>
        new Promise<{ elapsed: number; items: number }>((done) => {
          const stage = document.querySelector('#stage')!;
          stage.replaceChildren();
          const provider = document.createElement('ig-provider');
          provider.setAttribute('api', api);
          provider.setAttribute('endpoint', api === 'graph' ? '/island/graph' : '/island/v1');
          provider.setAttribute('access-token', token);
          const feed = document.createElement('ig-feed');
          feed.setAttribute('limit', String(limit));
          provider.append(feed);
          const started = performance.now();
          feed.addEventListener(
            'ig-load',
            (event) => {
              const elapsed = performance.now() - started;
              done({ elapsed, items: (event as CustomEvent<{ items: unknown[] }>).detail.items.length });
            },
            { once: true },
          );
          stage.append(provider);
        }),
      api, limit, token,
    );
    times.push(result.elapsed);
    items = result.items;
  }
  await tab.close();
  return { times, items };
}

async function countDeduplicated(): Promise<number> {
  const tab = await browser.newPage();
  await tab.goto(origin, { waitUntil: 'load' });
  await tab.waitForFunction(() => customElements.get('ig-feed') !== undefined);
  const before = apiRequests;
  await tab.evaluate(async () => {
    const response = await fetch('/island/__island/tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const token = ((await response.json()) as { access_token: string }).access_token;
    const provider = document.createElement('ig-provider');
    provider.setAttribute('endpoint', '/island/graph');
    provider.setAttribute('access-token', token);
    const loads: Promise<unknown>[] = [];
    for (let index = 0; index < 4; index += 1) {
      const feed = document.createElement('ig-feed');
      feed.setAttribute('limit', '12');
      loads.push(new Promise((done) => feed.addEventListener('ig-load', done, { once: true })));
      provider.append(feed);
    }
    document.body.append(provider);
    await Promise.all(loads);
  });
  await tab.close();
  return apiRequests - before;
}

console.log(`Runs per case: ${RUNS}; Chromium headless; island on 127.0.0.1; dist/ig-elements.all.js.`);
console.log('| dialect | limit | items rendered | median ms to ig-load | min | max |');
console.log('|---|---|---|---|---|---|');
for (const [api, limit] of [['graph', 12], ['graph', 50], ['graph', 100], ['legacy', 12], ['legacy', 33]] as const) {
  const { times, items } = await timeFeed(api, limit);
  const row = [api, limit, items, median(times).toFixed(1), Math.min(...times).toFixed(1), Math.max(...times).toFixed(1)];
  console.log(`| ${row.join(' | ')} |`);
}
console.log(`\nFour identical feeds on one page sent ${await countDeduplicated()} API request(s).`);

await browser.close();
server.close();
