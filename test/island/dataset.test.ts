import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildDataset, MAX_SANDBOX_USERS, SANDBOX_MEDIA_LIMIT, shortcodeFromPk } from '../../src/island/dataset.js';
import type { IslandPost } from '../../src/island/types.js';
import { startIsland, type TestIsland } from './helpers.js';

const dataset = buildDataset();
const postsOf = (userId: string) => dataset.posts.filter((post) => post.ownerId === userId);
const visible = dataset.posts.filter((post) => post.visible);
const withTrait = (trait: string) => visible.filter((post) => post.traits.includes(trait));

describe('dataset users', () => {
  it('has the four sandbox users and one outsider', () => {
    const summary = dataset.users.map((user) => [user.id, user.username, user.graphId, user.sandbox]);
    assert.deepEqual(summary, [
      ['1001', 'harbour.lights', '17841400000001001', true],
      ['1002', 'alpine.kitchen', '17841400000001002', true],
      ['1003', 'city.cyclist', '17841400000001003', true],
      ['1004', 'quiet.account', '17841400000001004', true],
      ['2001', 'outside.world', '17841400000002001', false],
    ]);
    assert.ok(dataset.users.filter((user) => user.sandbox).length <= MAX_SANDBOX_USERS);
  });

  it('gives each user the expected post count', () => {
    assert.equal(postsOf('1001').length, 27);
    assert.equal(postsOf('1002').length, 8);
    assert.equal(postsOf('1003').length, 5);
    assert.equal(postsOf('1004').length, 0);
    assert.ok(postsOf('2001').length > 0);
  });

  it('shows only the 20 newest posts of a sandbox user', () => {
    const harbour = postsOf('1001');
    assert.equal(SANDBOX_MEDIA_LIMIT, 20);
    assert.deepEqual(harbour.map((post) => post.visible), harbour.map((_, index) => index < 20));
    assert.ok(postsOf('2001').every((post) => !post.visible));
  });
});

describe('dataset posts', () => {
  it('sorts posts newest first', () => {
    const times = dataset.posts.map((post) => post.createdTime);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    assert.ok(times[0] < Date.parse('2026-11-01T12:00:00Z') / 1000);
  });

  it('derives ids and shortcodes consistently', () => {
    for (const post of dataset.posts) {
      assert.match(post.pk, /^33\d{17}$/);
      assert.equal(post.legacyId, `${post.pk}_${post.ownerId}`);
      assert.equal(post.shortcode, shortcodeFromPk(post.pk));
      assert.match(post.graphId, /^1[78]\d{15}$/);
      assert.match(post.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
      for (const child of post.children) {
        assert.equal(child.shortcode, shortcodeFromPk(child.pk));
        assert.match(child.graphId, /^1[78]\d{15}$/);
      }
    }
  });

  it('never reuses an id', () => {
    const ids = dataset.posts.flatMap((post) => [post.pk, post.graphId, ...post.children.flatMap((child) => [child.pk, child.graphId])]);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('uses the feed and reel sizes', () => {
    const sizes = new Set(dataset.posts.map((post) => `${post.width}x${post.height}`));
    assert.deepEqual([...sizes].sort(), ['1080x1080', '1080x1350', '1080x1920']);
    for (const post of dataset.posts.filter((item) => item.productType === 'REELS')) {
      assert.equal(post.type, 'video');
      assert.equal(post.height, 1920);
      assert.match(post.permalink, /^https:\/\/www\.instagram\.com\/reel\/[\w-]+\/$/);
      assert.equal(typeof post.isSharedToFeed, 'boolean');
    }
  });

  it('gives albums two to five items and mixes types', () => {
    const albums = visible.filter((post) => post.type === 'carousel');
    assert.ok(albums.length >= 3);
    for (const album of albums) assert.ok(album.children.length >= 2 && album.children.length <= 5);
    assert.ok(withTrait('mixed-album').length >= 2);
    assert.ok(withTrait('video-first-album').length >= 1);
  });

  it('parses tags from captions', () => {
    const post = visible.find((item) => item.caption?.startsWith('Three angles')) as IslandPost;
    assert.deepEqual(post.tags, ['pier', 'harbour']);
  });
});

describe('dataset special posts', () => {
  const harbourVisible = visible.filter((post) => post.ownerId === '1001');

  it('has one licensed-audio reel without a media URL', () => {
    const reels = withTrait('licensed-audio');
    assert.equal(reels.length, 1);
    assert.equal(reels[0].hasMediaUrl, false);
    assert.equal(reels[0].productType, 'REELS');
  });

  it('has a visible post without caption', () => {
    const posts = harbourVisible.filter((post) => post.traits.includes('no-caption'));
    assert.equal(posts.length, 1);
    assert.equal(posts[0].caption, null);
    assert.equal(posts[0].captionId, null);
  });

  it('has captions with emoji, HTML-like text, mentions and a long text', () => {
    assert.ok(harbourVisible.some((post) => post.caption?.includes('👩🏽‍🚀')));
    assert.ok(harbourVisible.some((post) => post.caption?.includes('🇯🇵')));
    assert.ok(harbourVisible.some((post) => post.caption?.includes('<img src=x onerror=alert(1)> & <b>bold</b>')));
    assert.ok(harbourVisible.some((post) => post.traits.includes('mentions')));
    assert.ok(harbourVisible.some((post) => (post.caption?.length ?? 0) > 1000));
  });

  it('has images, videos and reels among the visible posts', () => {
    const kinds = new Set(harbourVisible.map((post) => `${post.type}/${post.productType}`));
    assert.deepEqual([...kinds].sort(), ['carousel/FEED', 'image/FEED', 'video/FEED', 'video/REELS']);
  });

  it('has posts liked by harbour.lights', () => {
    assert.ok(harbourVisible.filter((post) => post.likedBy.includes('1001')).length >= 2);
    assert.ok(harbourVisible.some((post) => !post.likedBy.includes('1001')));
  });
});

describe('dataset determinism', () => {
  let first: TestIsland;
  let second: TestIsland;
  before(async () => {
    first = await startIsland();
    second = await startIsland();
  });
  after(async () => {
    await first.close();
    await second.close();
  });

  it('builds identical datasets', () => {
    assert.deepEqual(buildDataset(), buildDataset());
  });

  it('serves identical datasets from two islands', async () => {
    const [a, b] = await Promise.all([first.getJson('/__island/dataset'), second.getJson('/__island/dataset')]);
    assert.equal(a.response.status, 200);
    assert.deepEqual(a.body, b.body);
    assert.deepEqual(a.body, JSON.parse(JSON.stringify(buildDataset())));
  });
});
