import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startIsland, withToken, type TestIsland } from './helpers.js';

const FIXTURES_DIR = process.env.IG_FIXTURES_DIR ?? fileURLToPath(new URL('../../../shared/fixtures', import.meta.url));
const RECENT = '/v1/users/self/media/recent';

let island: TestIsland;
before(async () => {
  island = await startIsland();
});
after(() => island.close());

async function inject(token: string, faults: unknown[]): Promise<void> {
  const { status, body } = await island.control('POST', '/__island/faults', { token, faults });
  assert.equal(status, 201, JSON.stringify(body));
}

function listFixtures(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return listFixtures(path);
    return entry.name.endsWith('.json') ? [relative(FIXTURES_DIR, path)] : [];
  });
}

describe('status faults', () => {
  it('gives 429 the dialect\'s rate-limit body', async () => {
    const token = await island.token();
    await inject(token, [{ match: RECENT, status: 429, headers: { 'Retry-After': '7' } }, { match: '/graph/', status: 429 }]);

    const legacy = await island.getJson(withToken(RECENT, token));
    assert.equal(legacy.response.status, 429);
    assert.equal(legacy.response.headers.get('retry-after'), '7');
    assert.equal(legacy.body.meta.error_type, 'OAuthRateLimitException');

    const graph = await island.getJson(withToken('/graph/me', token));
    assert.equal(graph.response.status, 429);
    assert.equal(graph.body.error.code, 4);
  });

  it('gives Graph 5xx a transient error', async () => {
    const token = await island.token();
    await inject(token, [{ match: '/graph/', status: 503 }]);
    const graph = await island.getJson(withToken('/graph/me', token));
    assert.equal(graph.response.status, 503);
    assert.equal(graph.body.error.code, 2);
    assert.equal(graph.body.error.is_transient, true);
  });

  it('sends other statuses with an empty body', async () => {
    const token = await island.token();
    await inject(token, [{ match: RECENT, status: 500 }]);
    const legacy = await fetch(`${island.base}${withToken(RECENT, token)}`);
    assert.equal(legacy.status, 500);
    assert.equal(await legacy.text(), '');
  });

  it('sends a given body verbatim', async () => {
    const token = await island.token();
    await inject(token, [{ status: 400, body: '{"meta":{"code":400}}' }, { body: { custom: true } }]);
    const first = await fetch(`${island.base}${withToken(RECENT, token)}`);
    assert.equal(first.status, 400);
    assert.equal(await first.text(), '{"meta":{"code":400}}');
    const second = await island.getJson(withToken(RECENT, token));
    assert.equal(second.response.status, 200);
    assert.deepEqual(second.body, { custom: true });
  });
});

describe('malformed faults', () => {
  it('cuts the normal body in half', async () => {
    const token = await island.token();
    const normal = await (await fetch(`${island.base}${withToken('/v1/users/self', token)}`)).text();
    await inject(token, [{ match: '/v1/users/self', malformed: 'truncated' }]);
    const response = await fetch(`${island.base}${withToken('/v1/users/self', token)}`);
    const text = await response.text();
    assert.equal(response.status, 200);
    assert.equal(text, normal.slice(0, Math.floor(normal.length / 2)));
    assert.throws(() => JSON.parse(text));
  });

  it('sends text that is not JSON with a JSON content type', async () => {
    const token = await island.token();
    await inject(token, [{ malformed: 'not-json' }]);
    const response = await fetch(`${island.base}${withToken(RECENT, token)}`);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    await assert.rejects(response.json());
  });

  it('sends an HTML error page, 502 by default', async () => {
    const token = await island.token();
    await inject(token, [{ malformed: 'html' }, { malformed: 'html', status: 504 }]);
    const first = await fetch(`${island.base}${withToken(RECENT, token)}`);
    assert.equal(first.status, 502);
    assert.equal(first.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(await first.text(), /<h1>502 Bad Gateway<\/h1>/);
    const second = await fetch(`${island.base}${withToken(RECENT, token)}`);
    assert.equal(second.status, 504);
  });

  it('sends an empty body', async () => {
    const token = await island.token();
    await inject(token, [{ malformed: 'empty' }]);
    const response = await fetch(`${island.base}${withToken(RECENT, token)}`);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '');
  });
});

describe('delay and hangup faults', () => {
  it('delays and then answers normally', async () => {
    const token = await island.token();
    await inject(token, [{ delayMs: 150 }]);
    const started = Date.now();
    const { response, body } = await island.getJson(withToken('/v1/users/self', token));
    assert.ok(Date.now() - started >= 140);
    assert.equal(response.status, 200);
    assert.equal(body.data.username, 'harbour.lights');
  });

  it('lets a client time out during a delay', async () => {
    const token = await island.token();
    await inject(token, [{ delayMs: 300 }]);
    await assert.rejects(fetch(`${island.base}${withToken(RECENT, token)}`, { signal: AbortSignal.timeout(50) }), { name: 'TimeoutError' });
  });

  it('drops the connection on hangup', async () => {
    const token = await island.token();
    await inject(token, [{ hangup: true }]);
    await assert.rejects(fetch(`${island.base}${withToken(RECENT, token)}`), TypeError);
    const after = await island.getJson(withToken('/v1/users/self', token));
    assert.equal(after.response.status, 200);
    assert.ok(island.logs.some((line) => line.includes('connection dropped (fault)')));
  });
});

describe('fixture faults', () => {
  const fixtures = listFixtures(FIXTURES_DIR);

  it('finds recorded fixtures', () => {
    assert.ok(fixtures.length > 0, `no .json fixtures in ${FIXTURES_DIR}`);
  });

  for (const fixture of fixtures) {
    it(`replays ${fixture}`, async () => {
      const token = await island.token();
      await inject(token, [{ fixture }]);
      const response = await fetch(`${island.base}${withToken('/graph/me/media', token)}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(await response.text(), readFileSync(join(FIXTURES_DIR, fixture), 'utf8'));
    });
  }

  it('replays a fixture with a given status', async () => {
    const token = await island.token();
    await inject(token, [{ fixture: 'graph/error-100-oauthexception.json', status: 400 }]);
    const { response, body } = await island.getJson(withToken('/graph/me', token));
    assert.equal(response.status, 400);
    assert.equal(body.error.code, 100);
  });

  it('rejects paths outside the fixtures folder and missing files', async () => {
    const token = await island.token();
    for (const fixture of ['../DESIGN.md', 'graph/../../API-FACTS.md', '/etc/hostname', 'graph/missing.json']) {
      const { status, body } = await island.control('POST', '/__island/faults', { token, faults: [{ fixture }] });
      assert.equal(status, 400, fixture);
      assert.match(body.error, /fixture/);
    }
  });
});

describe('fault matching', () => {
  it('applies faults in registration order and counts times', async () => {
    const token = await island.token();
    await inject(token, [{ status: 503, times: 2 }, { status: 502 }]);
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      statuses.push((await fetch(`${island.base}${withToken('/v1/users/self', token)}`)).status);
    }
    assert.deepEqual(statuses, [503, 503, 502, 200]);
  });

  it('matches by path substring and method', async () => {
    const token = await island.token();
    await inject(token, [{ match: '/media/recent', method: 'post', status: 500 }, { match: '/media/recent', status: 503 }]);
    assert.equal((await fetch(`${island.base}${withToken('/v1/users/self', token)}`)).status, 200);
    assert.equal((await fetch(`${island.base}${withToken(RECENT, token)}`)).status, 503);
    const post = await fetch(`${island.base}${RECENT}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    assert.equal(post.status, 500);
  });

  it('never applies one token\'s faults to another token', async () => {
    const tokenA = await island.token();
    const tokenB = await island.token();
    await inject(tokenA, [{ status: 503, times: 5 }]);
    for (let index = 0; index < 3; index += 1) {
      assert.equal((await fetch(`${island.base}${withToken('/v1/users/self', tokenB)}`)).status, 200);
    }
    assert.equal((await fetch(`${island.base}${withToken('/v1/users/self', tokenA)}`)).status, 503);
  });

  it('skips requests without a token', async () => {
    const token = await island.token();
    await inject(token, [{ status: 503 }]);
    const { response } = await island.getJson('/v1/users/self');
    assert.equal(response.status, 400);
  });

  it('removes pending faults on DELETE', async () => {
    const token = await island.token();
    await inject(token, [{ status: 503, times: 3 }, { status: 500 }]);
    const { status, body } = await island.control('DELETE', '/__island/faults', { token });
    assert.equal(status, 200);
    assert.deepEqual(body, { removed: 2 });
    assert.equal((await fetch(`${island.base}${withToken('/v1/users/self', token)}`)).status, 200);
  });

  it('rejects invalid fault lists', async () => {
    const token = await island.token();
    const cases: unknown[] = [
      { token, faults: {} },
      { token, faults: [{ stauts: 500 }] },
      { token, faults: [{ status: 42 }] },
      { token, faults: [{ malformed: 'broken' }] },
      { token, faults: [{ times: 0 }] },
      { token, faults: [{ body: 'x', fixture: 'graph/me.json' }] },
      { faults: [] },
    ];
    for (const body of cases) {
      const response = await island.control('POST', '/__island/faults', body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(typeof response.body.error, 'string');
    }
  });
});
