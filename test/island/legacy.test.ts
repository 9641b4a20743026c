import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildDataset } from '../../src/island/dataset.js';
import type { IslandPost } from '../../src/island/types.js';
import { startIsland, withToken, type TestIsland } from './helpers.js';

const dataset = buildDataset();
const harbourVisible = dataset.posts.filter((post) => post.ownerId === '1001' && post.visible);
const find = (predicate: (post: IslandPost) => boolean) => dataset.posts.find(predicate) as IslandPost;

const PUBLIC_CONTENT_MESSAGE =
  'This request requires scope=public_content, but this access token is not authorized with this scope. The user must re-authorize your application with scope=public_content to be granted this permissions.';

let island: TestIsland;
let token: string;
let publicToken: string;

before(async () => {
  island = await startIsland();
  token = await island.token();
  publicToken = await island.token({ scopes: ['basic', 'public_content'] });
});
after(() => island.close());

describe('legacy users', () => {
  it('returns the token user for /users/self', async () => {
    const { response, body } = await island.getJson(withToken('/v1/users/self', token));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(body.meta, { code: 200 });
    assert.deepEqual(body.data, {
      id: '1001',
      username: 'harbour.lights',
      full_name: 'Harbour Lights',
      profile_picture: `${island.base}/avatars/1001.svg`,
      bio: 'Night ferries, lighthouses and the water in between.',
      website: 'https://harbour-lights.example/',
      is_business: false,
      counts: { media: 27, follows: 180, followed_by: 4210 },
    });
  });

  it('reads another user with public_content', async () => {
    const { response, body } = await island.getJson(withToken('/v1/users/1002', publicToken));
    assert.equal(response.status, 200);
    assert.equal(body.data.username, 'alpine.kitchen');
    assert.equal(body.data.counts.media, 8);
  });

  it('reads the own user by id without public_content', async () => {
    const { response, body } = await island.getJson(withToken('/v1/users/1001', token));
    assert.equal(response.status, 200);
    assert.equal(body.data.id, '1001');
  });

  it('rejects another user without public_content', async () => {
    for (const path of ['/v1/users/1002', '/v1/users/1002/media/recent']) {
      const { response, body } = await island.getJson(withToken(path, token));
      assert.equal(response.status, 400);
      assert.deepEqual(body, { meta: { error_type: 'OAuthPermissionsException', code: 400, error_message: PUBLIC_CONTENT_MESSAGE } });
    }
  });

  it('treats non-sandbox and unknown users as nonexistent', async () => {
    for (const path of ['/v1/users/2001', '/v1/users/2001/media/recent', '/v1/users/999999', '/v1/users/harbour.lights']) {
      const { response, body } = await island.getJson(withToken(path, publicToken));
      assert.equal(response.status, 400, path);
      assert.deepEqual(body, { meta: { error_type: 'APINotFoundError', code: 400, error_message: 'this user does not exist' } }, path);
    }
  });
});

describe('legacy media/recent', () => {
  it('returns the 20 visible posts newest first by default', async () => {
    const { response, body } = await island.getJson(withToken('/v1/users/self/media/recent', token));
    assert.equal(response.status, 200);
    assert.deepEqual(body.meta, { code: 200 });
    assert.deepEqual(body.pagination, {});
    assert.deepEqual(body.data.map((item: { id: string }) => item.id), harbourVisible.map((post) => post.legacyId));
  });

  it('pages through all 20 posts with max_id', async () => {
    const seen: string[] = [];
    let next: string | undefined = `${island.base}${withToken('/v1/users/self/media/recent?count=7', token)}`;
    const pageSizes: number[] = [];
    while (next) {
      const response: Response = await fetch(next);
      const body = await response.json();
      assert.equal(response.status, 200);
      pageSizes.push(body.data.length);
      seen.push(...body.data.map((item: { id: string }) => item.id));
      if (body.pagination.next_url) {
        assert.ok(body.pagination.next_url.startsWith(`${island.base}/v1/users/self/media/recent?`));
        assert.equal(new URL(body.pagination.next_url).searchParams.get('access_token'), token);
        assert.equal(body.pagination.next_max_id, body.data.at(-1).id);
      } else {
        assert.deepEqual(body.pagination, {});
      }
      next = body.pagination.next_url;
    }
    assert.deepEqual(pageSizes, [7, 7, 6]);
    assert.equal(new Set(seen).size, 20);
    assert.deepEqual(seen, harbourVisible.map((post) => post.legacyId));
  });

  it('puts the token into next_url when it came in a header', async () => {
    const { body } = await island.getJson('/v1/users/self/media/recent?count=5', { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(new URL(body.pagination.next_url).searchParams.get('access_token'), token);
    assert.equal(new URL(body.pagination.next_url).searchParams.get('count'), '5');
  });

  it('never returns more than the 20 sandbox posts', async () => {
    const { body } = await island.getJson(withToken('/v1/users/self/media/recent?count=50', token));
    assert.equal(body.data.length, 20);
    assert.deepEqual(body.pagination, {});
  });

  it('returns posts newer than min_id', async () => {
    const minId = harbourVisible[3].legacyId;
    const { body } = await island.getJson(withToken(`/v1/users/self/media/recent?min_id=${minId}`, token));
    assert.deepEqual(body.data.map((item: { id: string }) => item.id), harbourVisible.slice(0, 3).map((post) => post.legacyId));
  });

  it('rejects an unknown max_id', async () => {
    const hidden = dataset.posts.filter((post) => post.ownerId === '1001' && !post.visible)[0];
    for (const maxId of ['123_1001', hidden.legacyId]) {
      const { response, body } = await island.getJson(withToken(`/v1/users/self/media/recent?max_id=${maxId}`, token));
      assert.equal(response.status, 400);
      assert.equal(body.meta.error_type, 'APIInvalidParametersError');
      assert.equal(body.meta.code, 400);
    }
  });

  it('reads another user\'s media with public_content', async () => {
    const { body } = await island.getJson(withToken('/v1/users/1003/media/recent', publicToken));
    assert.equal(body.data.length, 5);
    assert.ok(body.data.every((item: { user: { id: string } }) => item.user.id === '1003'));
  });

  it('returns an empty list for a user without posts', async () => {
    const quiet = await island.token({ user: 'quiet.account' });
    const { body } = await island.getJson(withToken('/v1/users/self/media/recent', quiet));
    assert.deepEqual(body, { meta: { code: 200 }, data: [], pagination: {} });
  });
});

describe('legacy media shape', () => {
  const getMedia = async (post: IslandPost) => (await island.getJson(withToken(`/v1/media/${post.legacyId}`, publicToken))).body.data;

  it('renders an image with renditions, caption and counts', async () => {
    const post = find((item) => item.visible && item.ownerId === '1001' && item.type === 'image' && item.height === 1350 && item.caption !== null);
    const media = await getMedia(post);
    assert.deepEqual(Object.keys(media), [
      'id', 'type', 'user', 'images', 'caption', 'created_time', 'link', 'likes', 'comments', 'user_has_liked', 'tags', 'filter',
      'location', 'users_in_photo', 'attribution',
    ]);
    assert.equal(media.type, 'image');
    assert.equal(media.created_time, String(post.createdTime));
    assert.equal(media.link, `https://www.instagram.com/p/${post.shortcode}/`);
    assert.deepEqual(media.likes, { count: post.likeCount });
    assert.deepEqual(media.comments, { count: post.commentCount });
    assert.deepEqual(media.caption, {
      id: post.captionId,
      text: post.caption,
      created_time: String(post.createdTime),
      from: { id: '1001', username: 'harbour.lights', full_name: 'Harbour Lights', profile_picture: `${island.base}/avatars/1001.svg` },
    });
    assert.deepEqual(
      Object.fromEntries(Object.entries(media.images).map(([name, value]: [string, any]) => [name, [value.width, value.height]])),
      { thumbnail: [150, 150], low_resolution: [320, 400], standard_resolution: [640, 800] },
    );
    assert.match(media.images.standard_resolution.url, new RegExp(`^${island.base}/media/${post.shortcode}\\.svg\\?w=640&oe=[0-9A-F]+$`));
    assert.equal(media.location, null);
    assert.deepEqual(media.users_in_photo, []);
    assert.equal(media.attribution, null);
  });

  it('renders a video with a poster and video renditions', async () => {
    const post = find((item) => item.visible && item.type === 'video' && item.productType === 'FEED');
    const media = await getMedia(post);
    assert.equal(media.type, 'video');
    assert.match(media.images.standard_resolution.url, /\.svg\?/);
    assert.deepEqual(Object.keys(media.videos), ['standard_resolution', 'low_resolution', 'low_bandwidth']);
    assert.match(media.videos.standard_resolution.url, new RegExp(`/media/${post.shortcode}\\.mp4\\?w=640&oe=`));
  });

  it('renders a reel as a video with its reel link', async () => {
    const post = find((item) => item.visible && item.productType === 'REELS' && item.hasMediaUrl);
    const media = await getMedia(post);
    assert.equal(media.type, 'video');
    assert.equal(media.link, `https://www.instagram.com/reel/${post.shortcode}/`);
    assert.deepEqual([media.videos.standard_resolution.width, media.videos.standard_resolution.height], [640, 1138]);
  });

  it('leaves out videos for the licensed-audio reel', async () => {
    const media = await getMedia(find((item) => item.traits.includes('licensed-audio')));
    assert.equal(media.type, 'video');
    assert.equal(media.videos, undefined);
    assert.ok(media.images.standard_resolution.url);
  });

  it('renders albums with carousel_media and a video cover', async () => {
    const album = find((item) => item.visible && item.traits.includes('video-first-album'));
    const media = await getMedia(album);
    assert.equal(media.type, 'carousel');
    assert.deepEqual(media.carousel_media.map((item: { type: string }) => item.type), album.children.map((child) => child.type));
    assert.match(media.videos.standard_resolution.url, new RegExp(`/media/${album.children[0].shortcode}\\.mp4`));
    assert.match(media.images.standard_resolution.url, new RegExp(`/media/${album.children[0].shortcode}\\.svg`));
    for (const [index, item] of media.carousel_media.entries()) {
      assert.deepEqual(item.users_in_photo, []);
      const key = item.type === 'video' ? 'videos' : 'images';
      assert.match(item[key].standard_resolution.url, new RegExp(`/media/${album.children[index].shortcode}\\.`));
    }
  });

  it('renders a post without caption as caption null', async () => {
    const media = await getMedia(find((item) => item.visible && item.caption === null));
    assert.equal(media.caption, null);
    assert.deepEqual(media.tags, []);
  });

  it('keeps HTML-like caption text as plain data', async () => {
    const media = await getMedia(find((item) => item.visible && item.traits.includes('html-caption')));
    assert.ok(media.caption.text.includes('<'));
  });

  it('sets user_has_liked for the token user', async () => {
    const { body } = await island.getJson(withToken('/v1/users/self/media/recent', token));
    const liked = body.data.map((item: { user_has_liked: boolean }) => item.user_has_liked);
    assert.deepEqual(liked, harbourVisible.map((post) => post.likedBy.includes('1001')));
  });

  it('finds a post by shortcode and by bare pk', async () => {
    const post = harbourVisible[4];
    const byShortcode = await island.getJson(withToken(`/v1/media/shortcode/${post.shortcode}`, token));
    const byPk = await island.getJson(withToken(`/v1/media/${post.pk}`, token));
    assert.equal(byShortcode.body.data.id, post.legacyId);
    assert.equal(byPk.body.data.id, post.legacyId);
  });

  it('treats hidden and outside posts as not found', async () => {
    const hidden = find((item) => item.ownerId === '1001' && !item.visible);
    const outside = find((item) => item.ownerId === '2001');
    for (const path of [`/v1/media/${hidden.legacyId}`, `/v1/media/shortcode/${outside.shortcode}`, '/v1/media/1_1']) {
      const { response, body } = await island.getJson(withToken(path, publicToken));
      assert.equal(response.status, 400, path);
      assert.deepEqual(body, { meta: { error_type: 'APINotFoundError', code: 400, error_message: 'invalid media id' } });
    }
  });

  it('requires public_content for another user\'s post', async () => {
    const post = find((item) => item.visible && item.ownerId === '1002');
    const { body } = await island.getJson(withToken(`/v1/media/${post.legacyId}`, token));
    assert.equal(body.meta.error_type, 'OAuthPermissionsException');
  });
});

describe('legacy requests', () => {
  it('accepts the token from a form body', async () => {
    // Only GET routes exist, so a POST with a valid token gets the unknown-endpoint response.
    const response = await fetch(`${island.base}/v1/users/self`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: token }),
    });
    const body = await response.json();
    assert.equal(response.status, 404);
    assert.equal(body.meta.error_type, 'APINotFoundError');
  });

  it('answers unknown paths with a 404 meta error', async () => {
    const { response, body } = await island.getJson(withToken('/v1/nothing/here', token));
    assert.equal(response.status, 404);
    assert.deepEqual(body, { meta: { error_type: 'APINotFoundError', code: 404, error_message: 'No API endpoint matches GET /v1/nothing/here.' } });
    assert.equal(response.headers.get('x-ratelimit-limit'), '500');
  });

  it('sends X-Ratelimit headers on every response', async () => {
    const fresh = await island.token();
    const first = await island.getJson(withToken('/v1/users/self', fresh));
    const second = await island.getJson(withToken('/v1/users/self', fresh));
    assert.equal(first.response.headers.get('x-ratelimit-limit'), '500');
    assert.equal(first.response.headers.get('x-ratelimit-remaining'), '499');
    assert.equal(second.response.headers.get('x-ratelimit-remaining'), '498');
    assert.equal(first.response.headers.get('cache-control'), 'no-store');
  });
});
