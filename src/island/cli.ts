// Runs the island alone: `npm run island -- --port 8787 [--host 127.0.0.1]`. It listens on a
// loopback address only and logs each request without its token.

import { createServer } from 'node:http';
import { createIsland } from './index.js';

const DEFAULT_PORT = 8787;
const DEFAULT_HOST = '127.0.0.1';
const USAGE = 'Usage: npm run island -- [--port N] [--host 127.0.0.1]\n  --port  TCP port to listen on (default 8787; 0 picks a free port)\n  --host  loopback address to bind (default 127.0.0.1)';

function log(line: string): void {
  console.log(`${new Date().toISOString()} [island] ${line}`);
}

function fail(message: string): never {
  console.error(`island: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArguments(argv: string[]): { port: number; host: string } {
  let port = DEFAULT_PORT;
  let host = DEFAULT_HOST;
  for (let index = 0; index < argv.length; index += 1) {
    const [name, inline] = argv[index].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++index] ?? fail(`${name} needs a value.`);
    if (name === '--port') {
      const text = value();
      if (!/^\d+$/.test(text) || Number(text) > 65535) fail(`Invalid port: ${text}. Use a number from 0 to 65535.`);
      port = Number(text);
    } else if (name === '--host') {
      host = value();
    } else if (name === '--help' || name === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      fail(`Unknown option: ${argv[index]}`);
    }
  }
  return { port, host };
}

/** Returns true for 127.0.0.0/8, ::1 and localhost. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

const { port, host } = parseArguments(process.argv.slice(2));
if (!isLoopback(host)) {
  fail(`Refusing to listen on ${host}: the island hands out test tokens and binds loopback addresses only (127.0.0.1, ::1 or localhost).`);
}

const server = createServer(createIsland({ prefix: '', log }));
server.on('error', (error: NodeJS.ErrnoException) => {
  const hint = error.code === 'EADDRINUSE' ? ` Port ${port} is in use; pick another with --port.` : '';
  console.error(`island: failed to listen on ${host}:${port}: ${error.message}.${hint}`);
  process.exit(1);
});

server.listen(port, host.replace(/^\[|\]$/g, ''), () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const base = `http://${host.includes(':') ? `[${host.replace(/^\[|\]$/g, '')}]` : host}:${actualPort}`;
  log(`started on ${base}`);
  console.log(
    [
      '',
      `  legacy API  ${base}/v1`,
      `  Graph API   ${base}/graph`,
      `  endpoints   ${base}/`,
      '',
      '  Get a token (scopes: basic, public_content; see the endpoints page for the rest):',
      `  curl -s -X POST ${base}/__island/tokens -H 'Content-Type: application/json' -d '{"user":"harbour.lights","scopes":["basic","public_content"]}'`,
      '',
    ].join('\n'),
  );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`stopping on ${signal}`);
    server.close(() => {
      log('stopped');
      process.exit(0);
    });
    server.closeAllConnections();
  });
}
