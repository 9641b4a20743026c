import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildDataset } from '../../src/island/dataset.js';
import type { IslandPost } from '../../src/island/types.js';
import { startIsland, withToken, type TestIsland } from './helpers.js';

const dataset = buildDataset();
const harbourVisible = dataset.posts.filter((post) => post.ownerId === '1001' && post.visible);
const find = (predicate: (post: IslandPost) => boolean) => harbourVisible.find(predicate) as IslandPost;
const ALL_FIELDS =
  'id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,shortcode,timestamp,username,like_count,comments_count,is_shared_to_feed';

let island: TestIsland;
let token: string;

before(async () => {
  island = await startIsland();
  token = await island.token();
});
after(() => island.close());

const graph = (path: string) => island.getJson(withToken(`/graph${path}`, token));

describe('graph users', () => {
  it('returns only the id by default', async () => {
    const { response, body } = await graph('/me');
    assert.equal(response.status, 200);
    assert.deepEqual(body, { id: '17841400000001001' });
  });

  it('treats empty fields like absent ones', async () => {
    const { body } = await graph('/me?fields=');
    assert.deepEqual(body, { id: '17841400000001001' });
  });

  it('rejects a malformed node id', async () => {
    const { response, body } = await graph('/%E0%A4%A');
    assert.equal(response.status, 400);
    assert.equal(body.error.error_subcode, 33);
  });

  it('returns the requested user fields', async () => {
    const { body } = await graph('/v25.0/me?fields=id,user_id,username,name,account_type,media_count,profile_picture_url');
    assert.deepEqual(body, {
      id: '17841400000001001',
      user_id: '17841400000001001',
      username: 'harbour.lights',
      name: 'Harbour Lights',
      account_type: 'BUSINESS',
      media_count: 27,
      profile_picture_url: `${island.base}/avatars/1001.svg`,
    });
  });

  it('reads the own user by IG user id and any version', async () => {
    const { body } = await graph('/v19.0/17841400000001001?fields=username');
    assert.deepEqual(body, { username: 'harbour.lights' });
  });

  it('expands the media field on the user', async () => {
    const { body } = await graph('/me?fields=username,media{id,caption}');
    assert.equal(body.media.data.length, 20);
    assert.deepEqual(body.media.data[0], { id: harbourVisible[0].graphId, caption: harbourVisible[0].caption });
    assert.equal(body.media.paging.next, undefined);
  });

  it('rejects unknown user fields', async () => {
    const { response, body } = await graph('/me?fields=id,bogus');
    assert.equal(response.status, 400);
    assert.equal(body.error.message, '(#100) Tried accessing nonexisting field (bogus) on node type (User)');
    assert.equal(body.error.code, 100);
  });

  it('rejects other users with code 100 subcode 33', async () => {
    for (const id of ['17841400000001002', '17841400000002001', '123']) {
      for (const path of [`/${id}`, `/${id}/media`]) {
        const { response, body } = await graph(path);
        assert.equal(response.status, 400);
        assert.equal(body.error.type, 'GraphMethodException');
        assert.equal(body.error.code, 100);
        assert.equal(body.error.error_subcode, 33);
        assert.ok(
          body.error.message.startsWith(
            `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
          ),
        );
        assert.match(body.error.fbtrace_id, /^[\w-]+$/);
      }
    }
  });
});

describe('graph media edge', () => {
  it('returns only ids by default, newest first', async () => {
    const { body } = await graph('/me/media');
    assert.deepEqual(body.data, harbourVisible.map((post) => ({ id: post.graphId })));
    assert.equal(body.paging.next, undefined);
    assert.equal(body.paging.previous, undefined);
  });

  it('returns only the requested fields', async () => {
    const { body } = await graph('/me/media?fields=id,media_type,timestamp');
    for (const [index, item] of body.data.entries()) {
      assert.deepEqual(Object.keys(item), ['id', 'media_type', 'timestamp']);
      assert.equal(item.timestamp, harbourVisible[index].timestamp);
    }
  });

  it('pages through all 20 posts with after cursors', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let path: string | undefined = '/v25.0/me/media?fields=id,caption&limit=6';
    let pageIndex = 0;
    while (path) {
      const { body } = await graph(path);
      sizes.push(body.data.length);
      seen.push(...body.data.map((item: { id: string }) => item.id));
      assert.equal(typeof body.paging.cursors.before, 'string');
      assert.equal(typeof body.paging.cursors.after, 'string');
      assert.equal(body.paging.previous === undefined, pageIndex === 0);
      if (body.paging.next) {
        const next = new URL(body.paging.next);
        assert.equal(next.searchParams.get('access_token'), null);
        assert.equal(next.searchParams.get('fields'), 'id,caption');
        assert.equal(next.searchParams.get('after'), body.paging.cursors.after);
        path = `${next.pathname.replace('/island/graph', '')}${next.search}`;
      } else {
        path = undefined;
      }
      pageIndex += 1;
    }
    assert.deepEqual(sizes, [6, 6, 6, 2]);
    assert.equal(new Set(seen).size, 20);
    assert.deepEqual(seen, harbourVisible.map((post) => post.graphId));
  });

  it('returns the previous page for a before cursor', async () => {
    const first = await graph('/me/media?limit=5');
    const second = await graph(`/me/media?limit=5&after=${first.body.paging.cursors.after}`);
    const back = await graph(`/me/media?limit=5&before=${second.body.paging.cursors.before}`);
    assert.deepEqual(back.body.data, first.body.data);
    assert.equal(back.body.paging.previous, undefined);
  });

  it('caps limit at 100 and defaults to 25', async () => {
    const big = await graph('/me/media?limit=1000');
    assert.equal(big.body.data.length, 20);
    const cyclist = await island.token({ user: 'city.cyclist' });
    const { body } = await island.getJson(withToken('/graph/me/media?limit=0', cyclist));
    assert.equal(body.data.length, 5);
  });

  it('rejects an invalid cursor', async () => {
    const { response, body } = await graph('/me/media?after=not-a-cursor');
    assert.equal(response.status, 400);
    assert.equal(body.error.code, 100);
  });

  it('returns an empty list without paging for a user without posts', async () => {
    const quiet = await island.token({ user: 'quiet.account' });
    const { body } = await island.getJson(withToken('/graph/me/media', quiet));
    assert.deepEqual(body, { data: [] });
  });

  it('expands album children', async () => {
    const { body } = await graph('/me/media?fields=id,children{id,media_type,media_url,thumbnail_url,permalink}');
    for (const [index, item] of body.data.entries()) {
      const post = harbourVisible[index];
      if (post.type !== 'carousel') {
        assert.equal(item.children, undefined);
        continue;
      }
      assert.deepEqual(item.children.data.map((child: { id: string }) => child.id), post.children.map((child) => child.graphId));
      for (const [childIndex, child] of item.children.data.entries()) {
        const source = post.children[childIndex];
        assert.equal(child.media_type, source.type.toUpperCase());
        assert.equal(child.permalink, `https://www.instagram.com/p/${source.shortcode}/`);
        assert.equal(child.thumbnail_url !== undefined, source.type === 'video');
        assert.match(child.media_url, new RegExp(`/media/${source.shortcode}\\.(svg|mp4)\\?`));
      }
    }
  });

  it('rejects unknown media fields, also inside children', async () => {
    for (const fields of ['id,nope', 'children{id,nope}']) {
      const { response, body } = await graph(`/me/media?fields=${encodeURIComponent(fields)}`);
      assert.equal(response.status, 400);
      assert.deepEqual(
        { message: body.error.message, type: body.error.type, code: body.error.code },
        { message: '(#100) Tried accessing nonexisting field (nope) on node type (Media)', type: 'OAuthException', code: 100 },
      );
    }
  });
});

describe('graph media nodes', () => {
  const node = async (post: IslandPost, fields = ALL_FIELDS) => (await graph(`/${post.graphId}?fields=${fields}`)).body;

  it('renders an image', async () => {
    const post = find((item) => item.type === 'image' && item.caption !== null);
    const body = await node(post);
    assert.deepEqual(Object.keys(body), [
      'id', 'caption', 'media_type', 'media_product_type', 'media_url', 'permalink', 'shortcode', 'timestamp', 'username',
      'like_count', 'comments_count',
    ]);
    assert.equal(body.media_type, 'IMAGE');
    assert.equal(body.media_product_type, 'FEED');
    assert.match(body.media_url, new RegExp(`^${island.base}/media/${post.shortcode}\\.svg\\?w=1080&oe=[0-9A-F]+$`));
    assert.equal(body.like_count, post.likeCount);
    assert.equal(body.username, 'harbour.lights');
  });

  it('renders a reel with poster and is_shared_to_feed', async () => {
    const post = find((item) => item.productType === 'REELS' && item.hasMediaUrl);
    const body = await node(post);
    assert.equal(body.media_type, 'VIDEO');
    assert.equal(body.media_product_type, 'REELS');
    assert.equal(body.permalink, `https://www.instagram.com/reel/${post.shortcode}/`);
    assert.match(body.media_url, /\.mp4\?/);
    assert.match(body.thumbnail_url, /\.svg\?/);
    assert.equal(body.is_shared_to_feed, post.isSharedToFeed);
  });

  it('leaves out media_url for the licensed-audio reel', async () => {
    const body = await node(find((item) => item.traits.includes('licensed-audio')));
    assert.equal('media_url' in body, false);
    assert.match(body.thumbnail_url, /\.svg\?/);
  });

  it('leaves out caption when there is none', async () => {
    const body = await node(find((item) => item.caption === null));
    assert.equal('caption' in body, false);
    assert.equal(body.media_type, 'IMAGE');
  });

  it('renders an album and its children edge', async () => {
    const album = find((item) => item.traits.includes('mixed-album'));
    const body = await node(album, 'id,media_type,media_url,children');
    assert.equal(body.media_type, 'CAROUSEL_ALBUM');
    assert.match(body.media_url, new RegExp(`/media/${album.children[0].shortcode}\\.svg`));
    assert.deepEqual(body.children, { data: album.children.map((child) => ({ id: child.graphId })) });

    const edge = await graph(`/v25.0/${album.graphId}/children?fields=id,media_type,shortcode`);
    assert.deepEqual(edge.body, {
      data: album.children.map((child) => ({ id: child.graphId, media_type: child.type.toUpperCase(), shortcode: child.shortcode })),
    });
  });

  it('reads an album item by its own id', async () => {
    const album = find((item) => item.traits.includes('mixed-album'));
    const child = album.children[1];
    const { body } = await graph(`/${child.graphId}?fields=id,media_type,timestamp,caption,like_count`);
    assert.deepEqual(body, { id: child.graphId, media_type: child.type.toUpperCase(), timestamp: album.timestamp });
  });

  it('hides other users\' media and hidden posts', async () => {
    const other = dataset.posts.find((post) => post.ownerId === '1002' && post.visible) as IslandPost;
    const hidden = dataset.posts.find((post) => post.ownerId === '1001' && !post.visible) as IslandPost;
    for (const post of [other, hidden]) {
      const { body } = await graph(`/${post.graphId}`);
      assert.equal(body.error.error_subcode, 33);
    }
  });

  it('rejects unknown edges', async () => {
    const { response, body } = await graph('/me/stories');
    assert.equal(response.status, 400);
    assert.equal(body.error.message, 'Unknown path components: /stories');
    assert.equal(body.error.code, 2500);
  });
});

describe('graph usage headers', () => {
  it('reports usage as percentages keyed by the IG user id', async () => {
    const limited = await island.token({ rateLimit: 4 });
    const { response } = await island.getJson(withToken('/graph/me', limited));
    assert.deepEqual(JSON.parse(response.headers.get('x-app-usage') ?? ''), { call_count: 25, total_cputime: 25, total_time: 25 });
    const business = JSON.parse(response.headers.get('x-business-use-case-usage') ?? '');
    assert.deepEqual(Object.keys(business), ['17841400000001001']);
    assert.deepEqual(business['17841400000001001'][0], {
      type: 'instagram',
      call_count: 25,
      total_cputime: 25,
      total_time: 25,
      estimated_time_to_regain_access: 0,
    });
  });
});
