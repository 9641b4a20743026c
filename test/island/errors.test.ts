import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startIsland, withToken, type TestIsland } from './helpers.js';

const START = Date.parse('2026-11-01T12:00:00Z');
let clock = START;
let island: TestIsland;

before(async () => {
  island = await startIsland({ now: () => clock });
});
after(() => island.close());

const LEGACY_MISSING =
  '"client_id" or "access_token" URL parameter missing. This OAuth request requires either a "client_id" or "access_token" URL parameter.';

describe('legacy token errors', () => {
  it('rejects a missing token', async () => {
    const { response, body } = await island.getJson('/v1/users/self/media/recent');
    assert.equal(response.status, 400);
    assert.deepEqual(body, { meta: { error_type: 'OAuthParameterException', code: 400, error_message: LEGACY_MISSING } });
  });

  it('rejects an unknown token', async () => {
    const { response, body } = await island.getJson('/v1/users/self?access_token=not-a-token');
    assert.equal(response.status, 400);
    assert.deepEqual(body, { meta: { error_type: 'OAuthParameterException', code: 400, error_message: 'The access_token provided is invalid.' } });
  });

  it('rejects an expired token like an invalid one', async () => {
    const expired = await island.token({ expiresIn: 0 });
    const { response, body } = await island.getJson(withToken('/v1/users/self', expired));
    assert.equal(response.status, 400);
    assert.deepEqual(body, { meta: { error_type: 'OAuthParameterException', code: 400, error_message: 'The access_token provided is invalid.' } });
  });

  it('expires a token when the clock passes expires_at', async () => {
    const issued = await island.issue({ expiresIn: 60 });
    assert.equal(issued.expires_at, new Date(clock + 60_000).toISOString());
    const fresh = await island.getJson(withToken('/v1/users/self', issued.access_token));
    assert.equal(fresh.response.status, 200);
    clock += 61_000;
    try {
      const stale = await island.getJson(withToken('/v1/users/self', issued.access_token));
      assert.equal(stale.body.meta.error_message, 'The access_token provided is invalid.');
    } finally {
      clock = START;
    }
  });
});

describe('graph token errors', () => {
  it('rejects a missing token with code 2500', async () => {
    const { response, body } = await island.getJson('/graph/v25.0/me/media');
    assert.equal(response.status, 400);
    const { fbtrace_id: trace, ...rest } = body.error;
    assert.deepEqual(rest, {
      message: 'An active access token must be used to query information about the current user.',
      type: 'OAuthException',
      code: 2500,
    });
    assert.equal(typeof trace, 'string');
  });

  it('rejects an unknown token with code 190', async () => {
    const { response, body } = await island.getJson('/graph/me', { headers: { Authorization: 'Bearer nonsense' } });
    assert.equal(response.status, 400);
    const { fbtrace_id: _trace, ...rest } = body.error;
    assert.deepEqual(rest, { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190 });
  });

  it('rejects an expired token with code 190 subcode 463', async () => {
    const expired = await island.token({ expiresIn: -3600 });
    const { response, body } = await island.getJson(withToken('/graph/me', expired));
    assert.equal(response.status, 400);
    assert.equal(body.error.code, 190);
    assert.equal(body.error.error_subcode, 463);
    assert.equal(body.error.type, 'OAuthException');
    assert.equal(
      body.error.message,
      'Error validating access token: Session has expired on Sunday, 01-Nov-26 03:00:00 PST. The current time is Sunday, 01-Nov-26 04:00:00 PST.',
    );
  });
});

describe('rate limits', () => {
  it('counts legacy requests down and then answers 429', async () => {
    const limited = await island.token({ rateLimit: 3 });
    const remaining: Array<string | null> = [];
    for (let index = 0; index < 3; index += 1) {
      const { response } = await island.getJson(withToken('/v1/users/self', limited));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('x-ratelimit-limit'), '3');
      remaining.push(response.headers.get('x-ratelimit-remaining'));
    }
    assert.deepEqual(remaining, ['2', '1', '0']);

    const { response, body } = await island.getJson(withToken('/v1/users/self', limited));
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('x-ratelimit-remaining'), '0');
    assert.deepEqual(body, {
      meta: { error_type: 'OAuthRateLimitException', code: 429, error_message: 'The maximum number of requests per hour has been exceeded.' },
    });
  });

  it('shares the limit between dialects and answers Graph with code 4', async () => {
    const limited = await island.token({ rateLimit: 2 });
    assert.equal((await island.getJson(withToken('/v1/users/self', limited))).response.status, 200);
    assert.equal((await island.getJson(withToken('/graph/me', limited))).response.status, 200);

    const { response, body } = await island.getJson(withToken('/graph/me', limited));
    assert.equal(response.status, 400);
    const { fbtrace_id: _trace, ...rest } = body.error;
    assert.deepEqual(rest, { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, is_transient: true });
    const usage = JSON.parse(response.headers.get('x-business-use-case-usage') ?? '{}')['17841400000001001'][0];
    assert.equal(usage.call_count, 100);
    assert.equal(usage.estimated_time_to_regain_access, 60);
  });

  it('frees requests once they leave the sliding hour', async () => {
    const limited = await island.token({ rateLimit: 2 });
    try {
      await island.getJson(withToken('/v1/users/self', limited));
      clock += 30 * 60_000;
      await island.getJson(withToken('/v1/users/self', limited));
      assert.equal((await island.getJson(withToken('/v1/users/self', limited))).response.status, 429);

      clock += 30 * 60_000 + 1;
      const { response } = await island.getJson(withToken('/v1/users/self', limited));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('x-ratelimit-remaining'), '0');
    } finally {
      clock = START;
    }
  });

  it('keeps separate counters per token', async () => {
    const first = await island.token({ rateLimit: 1 });
    const second = await island.token({ rateLimit: 1 });
    await island.getJson(withToken('/v1/users/self', first));
    const { response } = await island.getJson(withToken('/v1/users/self', second));
    assert.equal(response.status, 200);
  });
});
