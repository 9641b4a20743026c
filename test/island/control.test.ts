import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createIsland } from '../../src/island/index.js';
import { startIsland, withToken, type TestIsland } from './helpers.js';

let island: TestIsland;
before(async () => {
  island = await startIsland();
});
after(() => island.close());

describe('control tokens', () => {
  it('issues a token for harbour.lights by default', async () => {
    const issued = await island.issue();
    assert.match(issued.access_token, /^[\w-]{20,}$/);
    assert.deepEqual({ ...issued, access_token: undefined, expires_at: undefined }, {
      access_token: undefined,
      user_id: '1001',
      graph_user_id: '17841400000001001',
      username: 'harbour.lights',
      scopes: ['basic'],
      expires_at: undefined,
    });
    const lifetime = Date.parse(issued.expires_at) - Date.now();
    assert.ok(lifetime > 59 * 24 * 3600_000, `lifetime ${lifetime} ms is under 59 days`);
    assert.ok(lifetime <= 60 * 24 * 3600_000, `lifetime ${lifetime} ms is over 60 days`);
  });

  it('issues tokens by user id or username with scopes', async () => {
    const byId = await island.issue({ user: 1002, scopes: ['basic', 'likes'] });
    assert.equal(byId.username, 'alpine.kitchen');
    assert.deepEqual(byId.scopes, ['basic', 'likes']);
    const byName = await island.issue({ user: 'city.cyclist' });
    assert.equal(byName.user_id, '1003');
    assert.notEqual(byId.access_token, byName.access_token);
  });

  it('rejects unknown and non-sandbox users and bad options', async () => {
    const cases = [{ user: 'nobody' }, { user: 'outside.world' }, { scopes: ['everything'] }, { scopes: 'basic' }, { rateLimit: 0 }, { expiresIn: 'soon' }];
    for (const body of cases) {
      const response = await island.control('POST', '/__island/tokens', body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(typeof response.body.error, 'string');
    }
  });

  it('rejects a body that is not JSON', async () => {
    const response = await fetch(`${island.base}/__island/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'The request body is not valid JSON.' });
  });
});

describe('control users', () => {
  it('adds sandbox users up to 10 and rejects the 11th', async () => {
    const own = await startIsland();
    try {
      for (let index = 5; index <= 10; index += 1) {
        const { status, body } = await own.control('POST', '/__island/users', { username: `tester_${index}` });
        assert.equal(status, 201);
        assert.equal(body.id, String(1000 + index));
        assert.equal(body.graphId, `178414000000010${String(index).padStart(2, '0')}`);
      }
      const { status, body } = await own.control('POST', '/__island/users', { username: 'tester_11' });
      assert.equal(status, 400);
      assert.equal(body.error, 'Sandbox mode allows at most 10 users, and this island already has 10.');
    } finally {
      await own.close();
    }
  });

  it('lets a new user get a token and an empty feed', async () => {
    const own = await startIsland();
    try {
      await own.control('POST', '/__island/users', { username: 'new.friend' });
      const token = await own.token({ user: 'new.friend' });
      const { body } = await own.getJson(withToken('/v1/users/self/media/recent', token));
      assert.deepEqual(body.data, []);
      const dataset = await own.getJson('/__island/dataset');
      assert.ok(dataset.body.users.some((user: { username: string }) => user.username === 'new.friend'));
    } finally {
      await own.close();
    }
  });

  it('rejects invalid and taken usernames', async () => {
    for (const username of ['', 'has space', 'x'.repeat(31), 'harbour.lights', 42]) {
      const { status } = await island.control('POST', '/__island/users', { username });
      assert.equal(status, 400, String(username));
    }
  });
});

describe('control dataset and index page', () => {
  it('returns the dataset with visibility', async () => {
    const { response, body } = await island.getJson('/__island/dataset');
    assert.equal(response.status, 200);
    assert.equal(body.baseTime, '2026-11-01T12:00:00Z');
    assert.equal(body.posts.filter((post: { visible: boolean }) => post.visible).length, 33);
  });

  it('serves an escaped HTML index page', async () => {
    const response = await fetch(`${island.base}/`);
    const html = await response.text();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(html, /POST \/__island\/tokens/);
    assert.match(html, /\{&quot;user&quot;:&quot;harbour\.lights&quot;\}/);
    assert.doesNotMatch(html, /<script/i);
  });

  it('answers unknown paths with a JSON 404', async () => {
    for (const path of ['/__island/nothing', '/nothing']) {
      const { response, body } = await island.getJson(path);
      assert.equal(response.status, 404);
      assert.equal(typeof body.error, 'string');
    }
  });
});

describe('island http', () => {
  it('answers preflights with CORS headers', async () => {
    const response = await fetch(`${island.base}/v1/users/self`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('access-control-allow-methods'), 'GET, POST, DELETE');
    assert.equal(response.headers.get('access-control-allow-headers'), 'Authorization, Content-Type');
  });

  it('sends CORS and no-store on API, error and media responses', async () => {
    const token = await island.token();
    const { body } = await island.getJson(withToken('/graph/me/media?fields=media_url&limit=1', token));
    for (const url of [`${island.base}/v1/users/self`, `${island.base}/graph/me`, body.data[0].media_url]) {
      const response = await fetch(url);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', url);
      assert.equal(response.headers.get('cache-control'), 'no-store', url);
      assert.match(response.headers.get('access-control-expose-headers') ?? '', /X-Ratelimit-Remaining/);
    }
  });

  it('calls next() for paths outside the prefix', async () => {
    const handler = createIsland({ prefix: '/island/' });
    const server = createServer((req, res) =>
      handler(req, res, () => {
        res.writeHead(418, { 'Content-Type': 'text/plain' });
        res.end('next');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const path of ['/', '/islander', '/v1/users/self', '/other/island']) {
        const response = await fetch(`${base}${path}`);
        assert.equal(response.status, 418, path);
        assert.equal(await response.text(), 'next');
      }
      assert.equal((await fetch(`${base}/island`)).status, 200);
      assert.equal((await fetch(`${base}/island/v1/users/self`)).status, 400);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('answers 404 outside the prefix when there is no next()', async () => {
    const response = await fetch(`${island.base.replace('/island', '')}/elsewhere`);
    assert.equal(response.status, 404);
    assert.match((await response.json()).error, /outside the island's prefix \/island/);
  });

  it('mounts at the root with an empty prefix', async () => {
    const root = await startIsland({ prefix: '' });
    try {
      const base = root.base;
      const token = await root.token();
      const response = await fetch(`${base}/v1/users/self?access_token=${token}`);
      assert.equal(response.status, 200);
      const body = await response.json();
      assert.equal(body.data.profile_picture, `${base}/avatars/1001.svg`);
    } finally {
      await root.close();
    }
  });
});
