import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

interface RunningCli {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function runCli(args: string[]): RunningCli {
  const child = spawn(TSX, ['src/island/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(check: () => RegExpMatchArray | null, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = check();
    if (match) return match;
    if (Date.now() > deadline) throw new Error('timed out waiting for CLI output');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('island CLI', () => {
  it('serves, logs requests without tokens and stops on SIGTERM', async () => {
    const cli = runCli(['--port', '0']);
    try {
      const [, base] = await waitFor(() => cli.output().match(/legacy API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/), 8000);
      assert.match(cli.output(), new RegExp(`Graph API\\s+${base}/graph`));
      assert.match(cli.output(), /curl -s -X POST http:\/\/127\.0\.0\.1:\d+\/__island\/tokens/);

      const issued = await (await fetch(`${base}/__island/tokens`, { method: 'POST' })).json();
      const response = await fetch(`${base}/v1/users/self/media/recent?access_token=${issued.access_token}`);
      assert.equal(response.status, 200);
      await waitFor(() => cli.output().match(/GET \/v1\/users\/self\/media\/recent 200/), 2000);

      cli.child.kill('SIGTERM');
      assert.equal(await cli.exited, 0);
      assert.match(cli.output(), /stopping on SIGTERM/);
      assert.match(cli.output(), /\[island\] stopped/);
      assert.equal(cli.output().includes(issued.access_token), false);
    } finally {
      cli.child.kill('SIGKILL');
    }
  });

  it('rejects a host that is not loopback', async () => {
    const cli = runCli(['--host', '0.0.0.0', '--port', '0']);
    assert.equal(await cli.exited, 2);
    assert.match(cli.output(), /Refusing to listen on 0\.0\.0\.0: .*loopback/);
  });

  it('rejects an invalid port', async () => {
    const cli = runCli(['--port', 'eighty']);
    assert.equal(await cli.exited, 2);
    assert.match(cli.output(), /Invalid port: eighty/);
  });
});
