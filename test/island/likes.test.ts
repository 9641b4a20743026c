import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildDataset } from '../../src/island/dataset.js';
import type { IslandPost } from '../../src/island/types.js';
import { startIsland, withToken, type TestIsland } from './helpers.js';

const dataset = buildDataset();
const cyclistPosts = dataset.posts.filter((post) => post.ownerId === '1003' && post.visible);
const likeable = cyclistPosts.filter((post) => !post.traits.includes('not-likeable'));
const notLikeable = dataset.posts.find((post) => post.traits.includes('not-likeable')) as IslandPost;

const LIKES_SCOPE_MESSAGE =
  'This request requires scope=likes, but this access token is not authorized with this scope. The user must re-authorize your application with scope=likes to be granted this permissions.';
const RATE_LIMIT_BODY = {
  meta: { error_type: 'OAuthRateLimitException', code: 429, error_message: 'The maximum number of requests per hour has been exceeded.' },
};

let island: TestIsland;
let clock = Date.parse('2026-11-02T09:00:00Z');

before(async () => {
  island = await startIsland({ now: () => clock });
});
after(() => island.close());

async function send(method: string, path: string, token: string, form?: Record<string, string>) {
  const init: RequestInit = { method };
  if (form) {
    init.body = new URLSearchParams({ ...form, access_token: token });
    init.headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
  }
  const url = form ? `${island.base}${path}` : `${island.base}${withToken(path, token)}`;
  const response = await fetch(url, init);
  return { response, body: (await response.json()) as any };
}

async function mediaState(post: IslandPost, token: string) {
  const { body } = await island.getJson(withToken(`/v1/media/${post.legacyId}`, token));
  return { liked: body.data.user_has_liked as boolean, count: body.data.likes.count as number };
}

describe('legacy likes', () => {
  it('likes with the token in the form body', async () => {
    const token = await island.token({ user: 'city.cyclist', scopes: ['basic', 'likes'] });
    const post = likeable[0];
    const before = await mediaState(post, token);
    assert.equal(before.liked, false);

    const { response, body } = await send('POST', `/v1/media/${post.legacyId}/likes`, token, {});
    assert.equal(response.status, 200);
    assert.deepEqual(body, { meta: { code: 200 }, data: null });
    assert.deepEqual(await mediaState(post, token), { liked: true, count: before.count + 1 });
  });

  it('unlikes with DELETE and the token in the query', async () => {
    const token = await island.token({ user: 'city.cyclist', scopes: ['basic', 'likes'] });
    const post = likeable[1];
    const start = await mediaState(post, token);
    await send('POST', `/v1/media/${post.legacyId}/likes`, token, {});

    const { response, body } = await send('DELETE', `/v1/media/${post.legacyId}/likes`, token);
    assert.equal(response.status, 200);
    assert.deepEqual(body, { meta: { code: 200 }, data: null });
    assert.deepEqual(await mediaState(post, token), start);
  });

  it('treats POST with _method=DELETE as an unlike', async () => {
    const token = await island.token({ user: 'city.cyclist', scopes: ['basic', 'likes'] });
    const post = likeable[2];
    const start = await mediaState(post, token);
    await send('POST', `/v1/media/${post.legacyId}/likes`, token, {});
    await send('POST', `/v1/media/${post.legacyId}/likes`, token, { _method: 'DELETE' });
    assert.deepEqual(await mediaState(post, token), start);
  });

  it('keeps the count when liking twice', async () => {
    const token = await island.token({ user: 'city.cyclist', scopes: ['basic', 'likes'] });
    const post = likeable[3];
    const start = await mediaState(post, token);
    await send('POST', `/v1/media/${post.legacyId}/likes`, token, {});
    await send('POST', `/v1/media/${post.legacyId}/likes`, token, {});
    assert.deepEqual(await mediaState(post, token), { liked: true, count: start.count + 1 });
    await send('DELETE', `/v1/media/${post.legacyId}/likes`, token);
    await send('DELETE', `/v1/media/${post.legacyId}/likes`, token);
    assert.deepEqual(await mediaState(post, token), start);
  });

  it('shows likes in the feed and to other users', async () => {
    const token = await island.token({ user: 'city.cyclist', scopes: ['basic', 'likes'] });
    const other = await island.token({ user: 'harbour.lights', scopes: ['basic', 'public_content'] });
    const post = likeable[0];
    const { body: feed } = await island.getJson(withToken('/v1/users/self/media/recent', token));
    const item = feed.data.find((entry: { id: string }) => entry.id === post.legacyId);
    assert.equal(item.user_has_liked, true);

    const seenByOther = await mediaState(post, other);
    assert.equal(seenByOther.liked, false);
    assert.equal(seenByOther.count, post.likeCount + 1);

    const { body: likers } = await island.getJson(withToken(`/v1/media/${post.legacyId}/likes`, other));
    assert.ok(likers.data.some((user: { username: string }) => user.username === 'city.cyclist'));
    assert.deepEqual(Object.keys(likers.data[0]).sort(), ['full_name', 'id', 'profile_picture', 'username']);
  });

  it('requires the likes scope with the legacy message', async () => {
    const token = await island.token({ user: 'city.cyclist', scopes: ['basic'] });
    for (const method of ['POST', 'DELETE']) {
      const { response, body } = await send(method, `/v1/media/${likeable[0].legacyId}/likes`, token);
      assert.equal(response.status, 400, method);
      assert.deepEqual(body, { meta: { error_type: 'OAuthPermissionsException', code: 400, error_message: LIKES_SCOPE_MESSAGE } });
    }
  });

  it('rejects the post that cannot be liked', async () => {
    assert.ok(notLikeable.visible, 'the not-likeable post is visible');
    const token = await island.token({ user: 'city.cyclist', scopes: ['basic', 'likes'] });
    const { response, body } = await send('POST', `/v1/media/${notLikeable.legacyId}/likes`, token, {});
    assert.equal(response.status, 400);
    assert.deepEqual(body, { meta: { error_type: 'APINotAllowedError', code: 400, error_message: 'you cannot like this media' } });
    assert.equal((await mediaState(notLikeable, token)).count, notLikeable.likeCount);
  });

  it('answers unknown and hidden media with APINotFoundError', async () => {
    const token = await island.token({ user: 'city.cyclist', scopes: ['basic', 'likes'] });
    const hidden = dataset.posts.find((post) => !post.visible) as IslandPost;
    for (const id of ['123_456', hidden.legacyId]) {
      const { response, body } = await send('POST', `/v1/media/${id}/likes`, token, {});
      assert.equal(response.status, 400, id);
      assert.equal(body.meta.error_type, 'APINotFoundError');
    }
  });

  it('limits likes per token apart from the global limit', async () => {
    const token = await island.token({ user: 'city.cyclist', scopes: ['basic', 'likes'], likesRateLimit: 2 });
    const post = likeable[1];
    const path = `/v1/media/${post.legacyId}/likes`;
    assert.equal((await send('POST', path, token, {})).response.status, 200);
    assert.equal((await send('DELETE', path, token)).response.status, 200);

    const limited = await send('POST', path, token, {});
    assert.equal(limited.response.status, 429);
    assert.deepEqual(limited.body, RATE_LIMIT_BODY);
    // Reads still work, because the global limit is separate.
    const { response } = await island.getJson(withToken(`/v1/media/${post.legacyId}`, token));
    assert.equal(response.status, 200);
    assert.equal((await mediaState(post, token)).liked, false);

    clock += 3600 * 1000 + 1;
    assert.equal((await send('POST', path, token, {})).response.status, 200);
    await send('DELETE', path, token);
  });

  it('defaults to 30 likes an hour', async () => {
    const token = await island.token({ user: 'city.cyclist', scopes: ['basic', 'likes'] });
    const path = `/v1/media/${likeable[2].legacyId}/likes`;
    const statuses: number[] = [];
    for (let index = 0; index < 31; index += 1) {
      statuses.push((await send(index % 2 === 0 ? 'POST' : 'DELETE', path, token, index % 2 === 0 ? {} : undefined)).response.status);
    }
    assert.deepEqual(statuses.slice(0, 30), Array(30).fill(200));
    assert.equal(statuses[30], 429);
    clock += 3600 * 1000 + 1;
    await send('DELETE', path, token);
  });

  it('rejects an invalid likesRateLimit', async () => {
    const { status, body } = await island.control('POST', '/__island/tokens', { likesRateLimit: 0 });
    assert.equal(status, 400);
    assert.match(body.error, /likesRateLimit must be a positive integer/);
  });

  it('rejects other methods and missing tokens', async () => {
    const token = await island.token({ user: 'city.cyclist', scopes: ['basic', 'likes'] });
    const put = await send('PUT', `/v1/media/${likeable[0].legacyId}/likes`, token);
    assert.equal(put.response.status, 405);
    assert.match(put.body.meta.error_message, /GET, POST and DELETE/);

    const response = await fetch(`${island.base}/v1/media/${likeable[0].legacyId}/likes`, { method: 'POST' });
    const body = (await response.json()) as any;
    assert.equal(response.status, 400);
    assert.equal(body.meta.error_type, 'OAuthParameterException');
  });
});
