import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildDataset } from '../../src/island/dataset.js';
import { startIsland, withToken, type TestIsland } from './helpers.js';

const dataset = buildDataset();
const tagged = (name: string) => dataset.posts.filter((post) => post.visible && post.tags.includes(name));

let island: TestIsland;
let token: string;

before(async () => {
  island = await startIsland();
  token = await island.token({ scopes: ['basic', 'public_content'] });
});
after(() => island.close());

const legacy = (path: string, as = token) => island.getJson(withToken(`/v1${path}`, as));

describe('legacy tag media', () => {
  it('lists visible posts with the tag, newest first', async () => {
    const { response, body } = await legacy('/tags/reels/media/recent');
    assert.equal(response.status, 200);
    assert.deepEqual(body.meta, { code: 200 });
    assert.deepEqual(body.data.map((item: { id: string }) => item.id), tagged('reels').map((post) => post.legacyId));
    assert.ok(body.data.length >= 4);
    assert.deepEqual(body.pagination, {});
    assert.ok(body.data.every((item: { tags: string[] }) => item.tags.includes('reels')));
    assert.ok(response.headers.get('x-ratelimit-remaining'));
  });

  it('finds posts of every sandbox user', async () => {
    const { body } = await legacy('/tags/soup/media/recent');
    const owners = new Set(body.data.map((item: { user: { username: string } }) => item.user.username));
    assert.deepEqual([...owners].sort(), ['alpine.kitchen', 'harbour.lights']);
  });

  it('pages with opaque max_tag_id cursors', async () => {
    const expected = tagged('reels').map((post) => post.legacyId);
    const seen: string[] = [];
    let path: string | undefined = '/tags/reels/media/recent?count=3';
    while (path) {
      const { body } = await legacy(path);
      seen.push(...body.data.map((item: { id: string }) => item.id));
      const { pagination } = body;
      if (pagination.next_max_tag_id) {
        assert.match(pagination.next_max_tag_id, /^AQ[\w-]+$/);
        assert.equal(pagination.next_max_id, pagination.next_max_tag_id);
        assert.match(pagination.deprecation_warning, /use min_tag_id and max_tag_id/);
        const next = new URL(pagination.next_url);
        assert.equal(next.searchParams.get('max_tag_id'), pagination.next_max_tag_id);
        assert.equal(next.searchParams.get('count'), '3');
        assert.equal(next.searchParams.get('access_token'), token);
        path = `/tags/reels/media/recent?count=3&max_tag_id=${pagination.next_max_tag_id}`;
      } else {
        path = undefined;
      }
    }
    assert.deepEqual(seen, expected);
  });

  it('returns newer posts for min_tag_id', async () => {
    const first = await legacy('/tags/reels/media/recent?count=2');
    const newer = await legacy(`/tags/reels/media/recent?min_tag_id=${first.body.pagination.next_max_tag_id}`);
    assert.deepEqual(newer.body.data.map((item: { id: string }) => item.id), [first.body.data[0].id]);
    const second = await legacy(`/tags/reels/media/recent?count=1&max_tag_id=${first.body.pagination.next_max_tag_id}`);
    const backToFirst = await legacy(`/tags/reels/media/recent?min_tag_id=${second.body.pagination.min_tag_id}`);
    assert.deepEqual(backToFirst.body.data.map((item: { id: string }) => item.id), first.body.data.map((item: { id: string }) => item.id));
  });

  it('rejects a cursor that is not of this tag', async () => {
    for (const cursor of ['garbage', 'AQ', 'AQaXNsYW5kLXRhZzox']) {
      const { response, body } = await legacy(`/tags/reels/media/recent?max_tag_id=${cursor}`);
      assert.equal(response.status, 400, cursor);
      assert.equal(body.meta.error_type, 'APIInvalidParametersError');
    }
  });

  it('matches tags case-insensitively and in any script', async () => {
    const upper = await legacy('/tags/REELS/media/recent');
    assert.equal(upper.body.data.length, tagged('reels').length);
    const unicode = await legacy(`/tags/${encodeURIComponent('Rösti')}/media/recent`);
    assert.deepEqual(unicode.body.data.map((item: { id: string }) => item.id), tagged('rösti').map((post) => post.legacyId));
    assert.equal(unicode.body.data.length, 1);
    const decomposed = await legacy(`/tags/${encodeURIComponent('ro\u0308sti')}/media/recent`);
    assert.equal(decomposed.body.data.length, 1);
  });

  it('sees no hidden or non-sandbox posts', async () => {
    assert.ok(dataset.posts.some((post) => !post.visible && post.tags.includes('archive')));
    for (const name of ['archive', 'outside', 'nothing_here', '東京']) {
      const { response, body } = await legacy(`/tags/${encodeURIComponent(name)}/media/recent`);
      assert.equal(response.status, 200, name);
      assert.deepEqual(body.data, [], name);
    }
  });

  it('rejects malformed tag names', async () => {
    for (const name of ['#reels', 'two words', 'dot.ted', '🌊']) {
      const { response, body } = await legacy(`/tags/${encodeURIComponent(name)}/media/recent`);
      assert.equal(response.status, 400, name);
      assert.equal(body.meta.error_type, 'APIInvalidParametersError', name);
      assert.match(body.meta.error_message, /Invalid tag name/);
    }
  });

  it('needs the public_content scope, even for own posts', async () => {
    const basic = await island.token();
    for (const path of ['/tags/reels/media/recent', '/tags/reels', '/tags/search?q=re']) {
      const { response, body } = await legacy(path, basic);
      assert.equal(response.status, 400, path);
      assert.equal(body.meta.error_type, 'OAuthPermissionsException');
      assert.match(body.meta.error_message, /^This request requires scope=public_content/);
    }
  });

  it('rejects an invalid token and other methods', async () => {
    const invalid = await island.getJson('/v1/tags/reels/media/recent?access_token=nope');
    assert.equal(invalid.body.meta.error_type, 'OAuthParameterException');
    const posted = await island.getJson(withToken('/v1/tags/reels/media/recent', token), { method: 'POST' });
    assert.equal(posted.response.status, 404);
  });
});

describe('legacy tag info and search', () => {
  it('returns the name and visible media count', async () => {
    const { body } = await legacy('/tags/Reels');
    assert.deepEqual(body.data, { name: 'reels', media_count: tagged('reels').length });
    const hidden = await legacy('/tags/archive');
    assert.deepEqual(hidden.body.data, { name: 'archive', media_count: 0 });
  });

  it('searches tag names by prefix, most used first', async () => {
    const { body } = await legacy('/tags/search?q=r');
    const names = body.data.map((item: { name: string }) => item.name);
    assert.equal(names[0], 'reels');
    assert.ok(names.includes('rösti'));
    assert.ok(names.every((name: string) => name.startsWith('r')));
    assert.deepEqual(body.data[0], { name: 'reels', media_count: tagged('reels').length });
    const none = await legacy('/tags/search?q=archive');
    assert.deepEqual(none.body.data, []);
  });

  it('rejects a missing q and a leading #', async () => {
    for (const path of ['/tags/search', '/tags/search?q=', '/tags/search?q=%23reels']) {
      const { response, body } = await legacy(path);
      assert.equal(response.status, 400, path);
      assert.equal(body.meta.error_type, 'APIInvalidParametersError', path);
    }
  });

  it('treats search as a tag name under media/recent', async () => {
    const { response, body } = await legacy('/tags/search/media/recent');
    assert.equal(response.status, 200);
    assert.deepEqual(body.data, []);
  });
});
