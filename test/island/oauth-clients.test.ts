import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startIsland, withToken, type TestIsland } from './helpers.js';

let island: TestIsland;

before(async () => {
  island = await startIsland();
});
after(() => island.close());

describe('island OAuth clients', () => {
  it('registers a client with defaults', async () => {
    const { status, body } = await island.control('POST', '/__island/clients', { name: 'Demo', redirect_uris: ['http://127.0.0.1:5173/oauth.html'] });
    assert.equal(status, 201);
    assert.match(body.client_id, /^[0-9a-f]{32}$/);
    assert.match(body.client_secret, /^[0-9a-f]{32}$/);
    assert.deepEqual(body.sandbox_users, ['1001', '1002', '1003', '1004']);
    assert.deepEqual(body.invited, []);

    const { body: listed } = await island.control('GET', '/__island/clients');
    const entry = listed.clients.find((client: { client_id: string }) => client.client_id === body.client_id);
    assert.equal(entry.name, 'Demo');
    assert.equal(entry.client_secret, undefined);
  });

  it('rejects invalid registrations', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ redirect_uris: ['http://a.test/'] }, /name must be a string/],
      [{ name: 'x', redirect_uris: [] }, /redirect_uris must be an array of 1 to 10/],
      [{ name: 'x', redirect_uris: ['example.test/oauth'] }, /invalid URL: example\.test\/oauth/],
      [{ name: 'x', redirect_uris: ['javascript:alert(1)'] }, /not http or https/],
      [{ name: 'x', redirect_uris: ['http://a.test/#frag'] }, /has a fragment/],
      [{ name: 'x', redirect_uris: ['http://a.test/'], sandbox_users: ['ghost'] }, /unknown user: ghost/],
      [{ name: 'x', redirect_uris: ['http://a.test/'], sandbox_users: ['harbour.lights'], invited: ['1001'] }, /both a sandbox user and invited/],
      [{ name: 'x', redirect_uris: ['http://a.test/'], invited: 'city.cyclist' }, /invited must be an array/],
    ];
    for (const [body, message] of cases) {
      const response = await island.control('POST', '/__island/clients', body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.match(response.body.error, message);
    }
  });

  it('registers through the escaped admin page', async () => {
    const page = await fetch(`${island.base}/__island/admin`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<form method="post" action="\/island\/__island\/admin">/);

    const form = new URLSearchParams({
      name: '<b>Admin</b> app',
      redirect_uris: 'http://a.test/one\r\nhttp://a.test/two',
      sandbox_users: 'harbour.lights',
      invited: 'alpine.kitchen, city.cyclist',
    });
    const created = await fetch(`${island.base}/__island/admin`, { method: 'POST', body: form });
    const html = await created.text();
    assert.equal(created.status, 201);
    assert.match(html, /&lt;b&gt;Admin&lt;\/b&gt; app/);
    assert.doesNotMatch(html, /<b>Admin<\/b>/);
    assert.match(html, /client_secret <code>[0-9a-f]{32}<\/code>/);
    assert.match(html, /invited: alpine\.kitchen, city\.cyclist/);

    const { body } = await island.control('GET', '/__island/clients');
    const client = body.clients.find((entry: { name: string }) => entry.name === '<b>Admin</b> app');
    assert.deepEqual(client.redirect_uris, ['http://a.test/one', 'http://a.test/two']);

    const invalid = await fetch(`${island.base}/__island/admin`, { method: 'POST', body: new URLSearchParams({ name: 'y', redirect_uris: 'nope' }) });
    assert.equal(invalid.status, 400);
    assert.match(await invalid.text(), /role="alert">redirect_uris contains an invalid URL: nope/);
  });
});

describe('island token endpoint', () => {
  it('serves a working short-lived token', async () => {
    const { response, body } = await island.getJson('/__island/token-endpoint?user=alpine.kitchen&expires_in=5&scopes=likes');
    assert.equal(response.status, 200);
    assert.equal(body.expires_in, 5);
    assert.equal(body.token_type, 'bearer');
    const { body: self } = await island.getJson(withToken('/v1/users/self', body.access_token));
    assert.equal(self.data.username, 'alpine.kitchen');
    assert.ok(!island.logs.join('\n').includes(body.access_token));
  });

  it('issues a new token on every call', async () => {
    const first = await island.getJson('/__island/token-endpoint');
    const second = await island.getJson('/__island/token-endpoint');
    assert.notEqual(first.body.access_token, second.body.access_token);
    assert.equal(first.body.expires_in, 3600);
  });

  it('rejects invalid parameters', async () => {
    for (const query of ['user=outside.world', 'expires_in=0', 'expires_in=soon', 'scopes=admin']) {
      const { response, body } = await island.getJson(`/__island/token-endpoint?${query}`);
      assert.equal(response.status, 400, query);
      assert.ok(typeof body.error === 'string' && body.error.length > 10, query);
    }
  });
});
