import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startIsland, type TestIsland } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** Runs scripts/whoami.ts to completion and returns its exit code and output. */
function whoami(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const environment: Record<string, string | undefined> = { ...process.env, ...env };
  if (!('IG_ACCESS_TOKEN' in env)) delete environment.IG_ACCESS_TOKEN;
  const child = spawn(TSX, ['scripts/whoami.ts', ...args], { cwd: ROOT, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

let island: TestIsland;

before(async () => {
  island = await startIsland();
});
after(() => island.close());

describe('whoami CLI', () => {
  it('prints the legacy user without the token', async () => {
    const token = await island.token({ user: 'alpine.kitchen' });
    const { code, stdout, stderr } = await whoami(['--token', token, '--api', 'legacy', '--endpoint', `${island.base}/v1`]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^id:\s+1002$/m);
    assert.match(stdout, /^username:\s+alpine\.kitchen$/m);
    assert.match(stdout, /^scopes:\s+not reported: the legacy \/users\/self response has no scopes/m);
    assert.ok(!stdout.includes(token));
    assert.ok(!stderr.includes(token));
  });

  it('prints the Graph user from IG_ACCESS_TOKEN', async () => {
    const issued = await island.issue({ user: 'city.cyclist' });
    const { code, stdout, stderr } = await whoami(['--endpoint', `${island.base}/graph`], { IG_ACCESS_TOKEN: issued.access_token });
    assert.equal(code, 0, stderr);
    assert.match(stdout, new RegExp(`^id:\\s+${issued.graph_user_id}$`, 'm'));
    assert.match(stdout, /^username:\s+city\.cyclist$/m);
    assert.match(stdout, /^account type:\s+BUSINESS$/m);
    assert.match(stdout, /^scopes:\s+not reported: Graph lists a token's permissions only through GET \/debug_token/m);
    assert.ok(!stdout.includes(issued.access_token));
  });

  it('reports a rejected token without printing it', async () => {
    const token = await island.token({ expiresIn: 0 });
    for (const [api, path, message] of [['legacy', '/v1', /auth: The access_token provided is invalid\./], ['graph', '/graph', /auth: Error validating access token/]] as const) {
      const { code, stdout, stderr } = await whoami(['--token', token, '--api', api, '--endpoint', `${island.base}${path}`]);
      assert.equal(code, 1, api);
      assert.match(stderr, message);
      assert.match(stderr, /^Fix: /m);
      assert.ok(!stderr.includes(token), api);
      assert.ok(!stdout.includes(token), api);
    }
  });

  it('rejects bad arguments with the usage', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /No token: pass --token or set IG_ACCESS_TOKEN\./],
      [['--token', 't', '--api', 'v2'], /Invalid --api "v2": use graph or legacy\./],
      [['--token', 't', '--endpoint', 'example.test/v1'], /Invalid --endpoint "example\.test\/v1"/],
      [['--token', 't', '--verbose'], /Unknown option: --verbose/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await whoami(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
      assert.match(stderr, /^Usage: npm run whoami/m);
    }
  });
});
