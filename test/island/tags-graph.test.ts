import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildDataset, DATASET_BASE_TIME } from '../../src/island/dataset.js';
import { hashtagId } from '../../src/island/hashtags.js';
import { startIsland, withToken, type TestIsland } from './helpers.js';

const dataset = buildDataset();
const tagged = (name: string) => dataset.posts.filter((post) => post.visible && post.tags.includes(name));
const USER = '17841400000001001';
const FIELDS = 'id,caption,media_type,media_url,permalink,timestamp,like_count,comments_count,children{id,media_type,media_url,permalink}';

let island: TestIsland;
let token: string;

before(async () => {
  island = await startIsland();
  token = await island.token({ scopes: ['basic', 'public_content'] });
});
after(() => island.close());

const graph = (path: string, as = token) => island.getJson(withToken(`/graph/v25.0${path}`, as));
const ids = (body: { data: Array<{ id: string }> }) => body.data.map((item) => item.id);

async function searchId(name: string, as = token): Promise<string> {
  const { body } = await graph(`/ig_hashtag_search?user_id=${USER}&q=${encodeURIComponent(name)}`, as);
  return body.data[0].id;
}

describe('graph ig_hashtag_search', () => {
  it('returns a stable id, with the name when asked', async () => {
    const { response, body } = await graph(`/ig_hashtag_search?user_id=${USER}&q=reels&fields=id,name`);
    assert.equal(response.status, 200);
    assert.deepEqual(body, { data: [{ id: hashtagId('reels'), name: 'reels' }] });
    assert.match(body.data[0].id, /^17843\d{12}$/);
    const other = await startIsland();
    try {
      const otherToken = await other.token({ scopes: ['public_content'] });
      const { body: again } = await other.getJson(withToken(`/graph/ig_hashtag_search?user_id=${USER}&q=reels`, otherToken));
      assert.deepEqual(again, { data: [{ id: body.data[0].id }] });
    } finally {
      await other.close();
    }
  });

  it('treats names case-insensitively and allows any script', async () => {
    assert.equal(await searchId('REELS'), hashtagId('reels'));
    assert.equal(await searchId('Straße'), hashtagId('straße'));
    assert.equal(await searchId('東京'), hashtagId('東京'));
    assert.equal(await searchId('cafe\u0301'), hashtagId('café'));
  });

  it('requires user_id and q', async () => {
    for (const [path, message] of [
      ['/ig_hashtag_search?q=reels', '(#100) The parameter user_id is required'],
      [`/ig_hashtag_search?user_id=${USER}`, '(#100) The parameter q is required'],
    ]) {
      const { response, body } = await graph(path);
      assert.equal(response.status, 400, path);
      assert.equal(body.error.code, 100);
      assert.equal(body.error.message, message);
      assert.equal(body.error.type, 'OAuthException');
    }
  });

  it('rejects a user_id of another account', async () => {
    const { response, body } = await graph('/ig_hashtag_search?user_id=17841400000001002&q=reels');
    assert.equal(response.status, 400);
    assert.equal(body.error.code, 100);
    assert.match(body.error.message, /not the IG user id/);
  });

  it('rejects names with # or punctuation', async () => {
    for (const q of ['#reels', 'two words', 'dot.ted', '🌊']) {
      const { response, body } = await graph(`/ig_hashtag_search?user_id=${USER}&q=${encodeURIComponent(q)}`);
      assert.equal(response.status, 400, q);
      assert.equal(body.error.code, 100, q);
    }
  });

  it('needs public content access', async () => {
    const basic = await island.token();
    const paths = [`/ig_hashtag_search?user_id=${USER}&q=reels`, `/${hashtagId('reels')}/top_media?user_id=${USER}`];
    for (const path of paths) {
      const { response, body } = await graph(path, basic);
      assert.equal(response.status, 400, path);
      assert.equal(body.error.code, 10);
      assert.equal(body.error.message, '(#10) Application does not have permission for this action');
    }
  });

  it('rejects fields a hashtag does not have', async () => {
    const { response, body } = await graph(`/ig_hashtag_search?user_id=${USER}&q=reels&fields=id,media_count`);
    assert.equal(response.status, 400);
    assert.equal(body.error.message, '(#100) Tried accessing nonexisting field (media_count) on node type (Hashtag)');
  });
});

describe('graph hashtag node and media', () => {
  it('reads the hashtag node', async () => {
    const id = hashtagId('soup');
    const { body } = await graph(`/${id}?fields=id,name`);
    assert.deepEqual(body, { id, name: 'soup' });
    const unknown = await graph('/17843000000000000?fields=id,name');
    assert.equal(unknown.body.error.error_subcode, 33);
  });

  it('sorts top_media by like count and renders only hashtag fields', async () => {
    const { response, body } = await graph(`/${hashtagId('reels')}/top_media?user_id=${USER}&fields=${FIELDS}&limit=50`);
    assert.equal(response.status, 200);
    const expected = [...tagged('reels')].sort((a, b) => b.likeCount - a.likeCount);
    assert.deepEqual(ids(body), expected.map((post) => post.graphId));
    for (const item of body.data) {
      const post = expected.find((candidate) => candidate.graphId === item.id)!;
      assert.equal(item.like_count, post.likeCount);
      assert.equal(item.permalink, post.permalink);
      assert.equal('username' in item, false);
      assert.equal('thumbnail_url' in item, false);
      if (post.type === 'video' && post.hasMediaUrl) assert.match(item.media_url, /\.mp4\?/);
      if (!post.hasMediaUrl) assert.equal('media_url' in item, false);
    }
    assert.equal(body.paging.next, undefined);
    assert.equal(typeof body.paging.cursors.after, 'string');
    assert.equal(body.paging.cursors.before, undefined);
  });

  it('returns album children with the allowed fields', async () => {
    const { body } = await graph(`/${hashtagId('rösti')}/top_media?user_id=${USER}&fields=${FIELDS}`);
    const [album] = body.data;
    assert.equal(album.media_type, 'CAROUSEL_ALBUM');
    assert.deepEqual(Object.keys(album.children.data[0]), ['id', 'media_type', 'media_url', 'permalink']);
  });

  it('rejects fields outside the hashtag list', async () => {
    for (const field of ['username', 'thumbnail_url', 'shortcode', 'owner', 'children{username}', 'children{thumbnail_url}']) {
      const { response, body } = await graph(`/${hashtagId('reels')}/top_media?user_id=${USER}&fields=id,${field}`);
      assert.equal(response.status, 400, field);
      assert.equal(body.error.code, 100, field);
      assert.match(body.error.message, /^\(#100\) Tried accessing nonexisting field \(\w+\)/, field);
    }
  });

  it('pages forward with after cursors only', async () => {
    const expected = [...tagged('reels')].sort((a, b) => b.likeCount - a.likeCount).map((post) => post.graphId);
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 10; page += 1) {
      const { body } = await graph(`/${hashtagId('reels')}/top_media?user_id=${USER}&limit=3${after ? `&after=${after}` : ''}`);
      seen.push(...ids(body));
      if (!body.paging?.next) break;
      const next = new URL(body.paging.next);
      assert.equal(next.searchParams.get('user_id'), USER);
      assert.equal(next.searchParams.get('access_token'), null);
      after = body.paging.cursors.after;
      assert.equal(next.searchParams.get('after'), after);
    }
    assert.deepEqual(seen, expected);
    const back = await graph(`/${hashtagId('reels')}/top_media?user_id=${USER}&before=${after}`);
    assert.equal(back.response.status, 400);
    const foreign = await graph(`/${hashtagId('soup')}/top_media?user_id=${USER}&after=${after}`);
    assert.equal(foreign.response.status, 400);
  });

  it('allows a limit of 50 at most', async () => {
    for (const limit of ['51', '0', 'ten']) {
      const { response, body } = await graph(`/${hashtagId('reels')}/recent_media?user_id=${USER}&limit=${limit}`);
      assert.equal(response.status, 400, limit);
      assert.equal(body.error.code, 100, limit);
    }
  });

  it('requires user_id on media edges', async () => {
    const { response, body } = await graph(`/${hashtagId('reels')}/recent_media`);
    assert.equal(response.status, 400);
    assert.equal(body.error.message, '(#100) The parameter user_id is required');
  });

  it('sees only visible posts', async () => {
    const { body } = await graph(`/${hashtagId('archive')}/top_media?user_id=${USER}`);
    assert.deepEqual(body, { data: [] });
  });
});

describe('graph recent_media and the hashtag clock', () => {
  it('is empty for the old dataset on the real clock', async () => {
    const { body } = await graph(`/${hashtagId('reels')}/recent_media?user_id=${USER}`);
    assert.deepEqual(body, { data: [] });
  });

  it('lists the last 24 hours of the token clock', async () => {
    const own = await island.token({ scopes: ['public_content'] });
    const set = await island.control('POST', '/__island/hashtag-clock', { token: own, now: DATASET_BASE_TIME });
    assert.equal(set.status, 200);
    assert.equal(set.body.now, new Date(DATASET_BASE_TIME).toISOString());

    const base = Date.parse(DATASET_BASE_TIME) / 1000;
    const expected = tagged('reels').filter((post) => post.createdTime > base - 86_400 && post.createdTime <= base + 60);
    assert.ok(expected.length >= 1, 'some #reels post lies within 24 hours of the base time');
    assert.ok(expected.length < tagged('reels').length, 'some #reels post lies outside those 24 hours');
    const { body } = await graph(`/${hashtagId('reels')}/recent_media?user_id=${USER}&fields=id,timestamp`, own);
    assert.deepEqual(ids(body), expected.map((post) => post.graphId));

    const other = await graph(`/${hashtagId('reels')}/recent_media?user_id=${USER}`);
    assert.deepEqual(other.body.data, [], 'another token keeps the real clock');

    await island.control('POST', '/__island/hashtag-clock', { token: own, now: null });
    const reset = await graph(`/${hashtagId('reels')}/recent_media?user_id=${USER}`, own);
    assert.deepEqual(reset.body.data, []);
  });

  it('rejects bad clock requests', async () => {
    for (const body of [{ now: DATASET_BASE_TIME }, { token: 'unknown', now: 0 }, { token, now: 'soon' }, { token }]) {
      const response = await island.control('POST', '/__island/hashtag-clock', body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(typeof response.body.error, 'string');
    }
  });
});

describe('graph hashtag quota', () => {
  it('answers the 31st unique hashtag in 7 days with an error', async () => {
    let now = Date.parse('2026-12-01T00:00:00Z');
    const own = await startIsland({ now: () => now });
    try {
      const quotaToken = await own.token({ scopes: ['public_content'] });
      const search = (q: string) => own.getJson(withToken(`/graph/ig_hashtag_search?user_id=${USER}&q=${q}`, quotaToken));
      for (let index = 0; index < 30; index += 1) {
        now += 60_000;
        const { response } = await search(`tag${index}`);
        assert.equal(response.status, 200, `tag${index}`);
      }
      const again = await search('TAG0');
      assert.equal(again.response.status, 200, 'a counted tag may be searched again');

      const refused = await search('tag30');
      assert.equal(refused.response.status, 400);
      assert.equal(refused.body.error.code, 613);
      const freesAt = new Date(Date.parse('2026-12-01T00:00:00Z') + 60_000 + 7 * 86_400_000).toISOString();
      assert.ok(refused.body.error.message.includes(freesAt), refused.body.error.message);

      const listed = await own.getJson(withToken(`/graph/${USER}/recently_searched_hashtags?user_id=${USER}`, quotaToken));
      assert.equal(listed.body.data.length, 30);
      assert.deepEqual(listed.body.data[0], { id: hashtagId('tag0'), name: 'tag0' });

      now = Date.parse(freesAt) + 1;
      const later = await search('tag30');
      assert.equal(later.response.status, 200, 'the oldest tag left the window');
      const full = await search('tag31');
      assert.equal(full.response.status, 400, 'only one tag left the window');
    } finally {
      await own.close();
    }
  });
});
