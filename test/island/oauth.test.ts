import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startIsland, withToken, type TestIsland } from './helpers.js';

const FIXTURES = process.env.IG_FIXTURES_DIR ?? fileURLToPath(new URL('../../../shared/fixtures', import.meta.url));
const REDIRECT_ERROR = JSON.parse(readFileSync(join(FIXTURES, 'legacy/oauth-error-redirect-uri.json'), 'utf8'));
const REDIRECT = 'http://example.test/oauth';

let island: TestIsland;
let clock = Date.parse('2026-11-02T09:00:00Z');
let client: { client_id: string; client_secret: string };

before(async () => {
  island = await startIsland({ now: () => clock });
  const { status, body } = await island.control('POST', '/__island/clients', {
    name: 'Ferry <Times> & Co',
    redirect_uris: [REDIRECT, 'https://app.example.test/callback?from=island'],
    sandbox_users: ['harbour.lights', 'alpine.kitchen'],
    invited: ['city.cyclist'],
  });
  assert.equal(status, 201, JSON.stringify(body));
  client = body;
});
after(() => island.close());

function authorizeQuery(overrides: Record<string, string | undefined> = {}): string {
  const params: Record<string, string | undefined> = {
    client_id: client.client_id, redirect_uri: REDIRECT, response_type: 'code', scope: 'basic likes', ...overrides,
  };
  const defined = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return new URLSearchParams(defined).toString();
}

/** Posts the consent form as a browser would and returns the redirect target. */
async function decide(fields: Record<string, string>, query: Record<string, string | undefined> = {}) {
  const form = new URLSearchParams(authorizeQuery(query));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const response = await fetch(`${island.base}/oauth/authorize`, {
    method: 'POST',
    body: form,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  return { response, location: response.headers.get('location') ?? '', text: await response.text() };
}

async function exchange(fields: Record<string, string>) {
  const form = new URLSearchParams({
    client_id: client.client_id, client_secret: client.client_secret, grant_type: 'authorization_code', redirect_uri: REDIRECT, ...fields,
  });
  const response = await fetch(`${island.base}/oauth/access_token`, { method: 'POST', body: form });
  return { response, body: (await response.json()) as any };
}

async function codeFor(username: string, scope = 'basic likes'): Promise<string> {
  const { response, location } = await decide({ username, decision: 'approve' }, { scope });
  assert.equal(response.status, 302);
  return new URL(location).searchParams.get('code') ?? '';
}

describe('island OAuth authorize page', () => {
  it('shows an escaped consent form', async () => {
    const response = await fetch(`${island.base}/oauth/authorize/?${authorizeQuery({ state: '"><script>x</script>' })}`);
    const html = await response.text();
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(html, /Ferry &lt;Times&gt; &amp; Co/);
    assert.doesNotMatch(html, /<script>x<\/script>/);
    assert.match(html, /value="&quot;&gt;&lt;script&gt;x&lt;\/script&gt;"/);
    assert.match(html, /<form method="post" action="\/island\/oauth\/authorize">/);
    assert.match(html, /<code>likes<\/code>/);
    assert.match(html, /name="decision" value="approve"/);
  });

  it('matches redirect_uri exactly', async () => {
    for (const uri of ['example.test/oauth', 'http://example.test/oauth/', 'HTTP://example.test/oauth', 'http://example.test:80/oauth', '']) {
      const response = await fetch(`${island.base}/oauth/authorize?${authorizeQuery({ redirect_uri: uri })}`);
      assert.equal(response.status, 400, uri);
      assert.deepEqual(await response.json(), REDIRECT_ERROR, uri);
    }
    const registered = await fetch(`${island.base}/oauth/authorize?${authorizeQuery({ redirect_uri: 'https://app.example.test/callback?from=island' })}`);
    assert.equal(registered.status, 200);
  });

  it('rejects unknown scopes with their names', async () => {
    const response = await fetch(`${island.base}/oauth/authorize?${authorizeQuery({ scope: 'basic x likes y' })}`);
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { code: 400, error_type: 'OAuthException', error_message: 'Invalid scope field(s): x,y' });
  });

  it('rejects unknown clients and response types', async () => {
    const unknown = await fetch(`${island.base}/oauth/authorize?${authorizeQuery({ client_id: 'nope' })}`);
    assert.equal(unknown.status, 400);
    assert.equal(((await unknown.json()) as any).error_type, 'OAuthParameterException');

    const badType = await fetch(`${island.base}/oauth/authorize?${authorizeQuery({ response_type: 'id_token' })}`);
    assert.equal(badType.status, 400);
    const body = (await badType.json()) as any;
    assert.equal(body.error_type, 'OAuthException');
    assert.equal(body.meta, undefined);
  });
});

describe('island OAuth flows', () => {
  it('completes the code flow', async () => {
    const { response, location } = await decide({ username: 'alpine.kitchen', decision: 'approve' }, { state: 's1' });
    assert.equal(response.status, 302);
    const target = new URL(location);
    assert.equal(`${target.origin}${target.pathname}`, REDIRECT);
    assert.equal(target.searchParams.get('state'), 's1');
    const code = target.searchParams.get('code') ?? '';
    assert.match(code, /^[0-9a-f]{32}$/);

    const { response: tokenResponse, body } = await exchange({ code });
    assert.equal(tokenResponse.status, 200);
    assert.deepEqual(Object.keys(body).sort(), ['access_token', 'user']);
    assert.deepEqual(body.user, { id: '1002', username: 'alpine.kitchen', full_name: 'Alpine Kitchen', profile_picture: `${island.base}/avatars/1002.svg` });

    const { body: self } = await island.getJson(withToken('/v1/users/self', body.access_token));
    assert.equal(self.data.username, 'alpine.kitchen');
  });

  it('grants the requested scopes', async () => {
    const { body } = await exchange({ code: await codeFor('harbour.lights', 'likes') });
    const post = (await island.getJson('/__island/dataset')).body.posts.find((item: any) => item.ownerId === '1001' && item.visible);
    const like = await fetch(`${island.base}${withToken(`/v1/media/${post.legacyId}/likes`, body.access_token)}`, { method: 'POST' });
    assert.equal(like.status, 200);
    await fetch(`${island.base}${withToken(`/v1/media/${post.legacyId}/likes`, body.access_token)}`, { method: 'DELETE' });

    const { body: withoutLikes } = await exchange({ code: await codeFor('harbour.lights', '') });
    const denied = await fetch(`${island.base}${withToken(`/v1/media/${post.legacyId}/likes`, withoutLikes.access_token)}`, { method: 'POST' });
    assert.equal(denied.status, 400);
  });

  it('completes the implicit flow in the fragment', async () => {
    const { response, location } = await decide({ username: 'harbour.lights', decision: 'approve' }, { response_type: 'token', state: 'xyz' });
    assert.equal(response.status, 302);
    const target = new URL(location);
    assert.equal(target.search, '');
    const fragment = new URLSearchParams(target.hash.slice(1));
    assert.equal(fragment.get('state'), 'xyz');
    const token = fragment.get('access_token') ?? '';
    const { response: self } = await island.getJson(withToken('/v1/users/self', token));
    assert.equal(self.status, 200);
  });

  it('keeps the registered query in the redirect', async () => {
    const uri = 'https://app.example.test/callback?from=island';
    const { location } = await decide({ username: 'harbour.lights', decision: 'approve' }, { redirect_uri: uri });
    const target = new URL(location);
    assert.equal(target.searchParams.get('from'), 'island');
    assert.ok(target.searchParams.get('code'));
  });

  it('redirects a denial with access_denied', async () => {
    const { response, location } = await decide({ username: 'harbour.lights', decision: 'deny' }, { state: 'abc' });
    assert.equal(response.status, 302);
    const target = new URL(location);
    assert.equal(target.searchParams.get('error'), 'access_denied');
    assert.equal(target.searchParams.get('error_reason'), 'user_denied');
    assert.equal(target.searchParams.get('state'), 'abc');
    assert.equal(target.searchParams.get('code'), null);
  });

  it('lets a pending invitation authorize', async () => {
    const { response } = await decide({ username: 'city.cyclist', decision: 'approve' });
    assert.equal(response.status, 302);
  });

  it('rejects users outside the sandbox', async () => {
    for (const username of ['outside.world', 'quiet.account', 'nobody']) {
      const { response, text } = await decide({ username, decision: 'approve' });
      assert.equal(response.status, 403, username);
      assert.equal(response.headers.get('location'), null);
      assert.match(text, /neither one of its sandbox users nor invited/);
    }
  });
});

describe('island OAuth code exchange', () => {
  it('accepts each code once', async () => {
    const code = await codeFor('harbour.lights');
    assert.equal((await exchange({ code })).response.status, 200);
    const again = await exchange({ code });
    assert.equal(again.response.status, 400);
    assert.deepEqual(again.body, { code: 400, error_type: 'OAuthException', error_message: 'Matching code was not found or was already used.' });
  });

  it('expires codes after ten minutes', async () => {
    const code = await codeFor('harbour.lights');
    clock += 10 * 60 * 1000 + 1;
    const { response, body } = await exchange({ code });
    assert.equal(response.status, 400);
    assert.equal(body.error_message, 'Matching code was not found or was already used.');
  });

  it('answers a wrong redirect_uri with the recorded body', async () => {
    const code = await codeFor('harbour.lights');
    for (const uri of ['example.test/oauth', 'http://example.test/oauth/']) {
      const { response, body } = await exchange({ code, redirect_uri: uri });
      assert.equal(response.status, 400, uri);
      assert.deepEqual(body, REDIRECT_ERROR, uri);
    }
    // The other registered URI is valid, but not the one the code was issued for.
    const { body } = await exchange({ code, redirect_uri: 'https://app.example.test/callback?from=island' });
    assert.deepEqual(body, REDIRECT_ERROR);
  });

  it('rejects a wrong secret, client or grant type', async () => {
    const code = await codeFor('harbour.lights');
    const cases: Array<[Record<string, string>, string]> = [
      [{ client_secret: 'wrong' }, 'OAuthException'],
      [{ client_id: 'unknown' }, 'OAuthParameterException'],
      [{ grant_type: 'password' }, 'OAuthException'],
    ];
    for (const [fields, errorType] of cases) {
      const { response, body } = await exchange({ code, ...fields });
      assert.equal(response.status, 400, JSON.stringify(fields));
      assert.equal(body.error_type, errorType);
      assert.equal(body.code, 400);
    }
    // None of those spent the code.
    assert.equal((await exchange({ code })).response.status, 200);
  });

  it('never logs codes, secrets or tokens', async () => {
    const code = await codeFor('harbour.lights');
    const { body } = await exchange({ code });
    const logs = island.logs.join('\n');
    assert.ok(!logs.includes(code));
    assert.ok(!logs.includes(client.client_secret));
    assert.ok(!logs.includes(body.access_token));
  });
});
