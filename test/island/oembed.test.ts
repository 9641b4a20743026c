import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildDataset } from '../../src/island/dataset.js';
import { startIsland, type TestIsland } from './helpers.js';

const dataset = buildDataset();
const sandboxIds = new Set(dataset.users.filter((user) => user.sandbox).map((user) => user.id));
const post = dataset.posts.find((candidate) => sandboxIds.has(candidate.ownerId) && candidate.caption && candidate.type === 'image')!;
const owner = dataset.users.find((user) => user.id === post.ownerId)!;
const hiddenOwnerPost = dataset.posts.find((candidate) => !sandboxIds.has(candidate.ownerId));
const postUrl = `https://www.instagram.com/p/${post.shortcode}/`;

let island: TestIsland;

before(async () => {
  island = await startIsland();
});
after(() => island.close());

function query(url: string, extra = ''): string {
  return `?url=${encodeURIComponent(url)}${extra}`;
}

describe('legacy GET /oembed', () => {
  it('returns the legacy shape without a token', async () => {
    const { response, body } = await island.getJson(`/oembed${query(postUrl)}`);

    assert.equal(response.status, 200);
    assert.equal(body.version, '1.0');
    assert.equal(body.type, 'rich');
    assert.equal(body.title, post.caption);
    assert.equal(body.author_name, owner.username);
    assert.equal(body.author_url, `https://www.instagram.com/${owner.username}`);
    assert.equal(body.author_id, Number(owner.id));
    assert.equal(body.media_id, post.legacyId);
    assert.equal(body.provider_name, 'Instagram');
    assert.equal(body.provider_url, 'https://www.instagram.com');
    assert.equal(body.width, 658);
    assert.equal(body.height, null);
    assert.equal(body.thumbnail_width, 640);
    assert.equal(body.thumbnail_height, Math.round((640 * post.height) / post.width));
    assert.match(body.html, /^<blockquote class="instagram-media" data-instgrm-captioned /);
    assert.ok(body.html.includes(`data-instgrm-permalink="https://www.instagram.com/p/${post.shortcode}/?utm_source=ig_embed&amp;utm_campaign=loading"`));
    assert.ok(body.html.endsWith('<script async src="//www.instagram.com/embed.js"></script>'));
  });

  it('serves a thumbnail the island hosts', async () => {
    const { body } = await island.getJson(`/oembed${query(postUrl)}`);
    const thumbnail = new URL(body.thumbnail_url);
    assert.equal(thumbnail.origin, new URL(island.base).origin);
    const image = await fetch(thumbnail);
    assert.equal(image.status, 200);
    assert.match(image.headers.get('content-type') ?? '', /^image\/svg\+xml/);
  });

  it('accepts every permalink form', async () => {
    const forms = [
      `http://instagram.com/p/${post.shortcode}`,
      `https://instagr.am/p/${post.shortcode}/`,
      `https://www.instagram.com/${owner.username}/p/${post.shortcode}/?igsh=MzRlODBiNWFlZA==`,
      `https://m.instagram.com/reel/${post.shortcode}/?utm_source=ig_web_copy_link#x`,
    ];
    for (const form of forms) {
      const { response, body } = await island.getJson(`/oembed${query(form)}`);
      assert.equal(response.status, 200, form);
      assert.equal(body.media_id, post.legacyId, form);
    }
  });

  it('honours hidecaption, omitscript and maxwidth', async () => {
    const { body } = await island.getJson(`/oembed${query(postUrl, '&hidecaption=true&omitscript=true&maxwidth=400')}`);
    assert.ok(!body.html.includes('data-instgrm-captioned'));
    assert.ok(!body.html.includes('<script'));
    assert.equal(body.width, 400);
    assert.ok(body.html.includes('max-width:400px'));
  });

  it('escapes the caption in html', async () => {
    const markupPost = dataset.posts.find((candidate) => sandboxIds.has(candidate.ownerId) && candidate.caption?.includes('<img'))!;
    assert.ok(markupPost, 'the dataset has a caption with markup');
    const { body } = await island.getJson(`/oembed${query(`https://www.instagram.com/p/${markupPost.shortcode}/`)}`);
    assert.equal(body.title, markupPost.caption, 'title is plain text, as in the real API');
    assert.ok(body.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    const markup = body.html.replace(/<\/?(blockquote|div|a|p|script)\b[^>]*>/g, '');
    assert.ok(!/[<>]/.test(markup), `unescaped markup in ${body.html}`);
  });

  it('returns 404 for an unknown shortcode', async () => {
    const { response, body } = await island.getJson(`/oembed${query('https://www.instagram.com/p/NoSuchPost1/')}`);
    assert.equal(response.status, 404);
    assert.equal(body.meta.error_type, 'APINotFoundError');
    assert.match(body.meta.error_message, /NoSuchPost1/);
  });

  it('treats posts outside the sandbox as not found', { skip: hiddenOwnerPost === undefined }, async () => {
    const { response } = await island.getJson(`/oembed${query(`https://www.instagram.com/p/${hiddenOwnerPost!.shortcode}/`)}`);
    assert.equal(response.status, 404);
  });

  it('rejects a missing or foreign url', async () => {
    const missing = await island.getJson('/oembed');
    assert.equal(missing.response.status, 400);
    assert.match(missing.body.meta.error_message, /url parameter is missing/);

    const foreign = await island.getJson(`/oembed${query(`https://instagram.com.example.test/p/${post.shortcode}/`)}`);
    assert.equal(foreign.response.status, 400);
    assert.equal(foreign.body.meta.error_type, 'APIInvalidParametersError');
  });

  it('rejects a maxwidth that is not a number', async () => {
    const { response } = await island.getJson(`/oembed${query(postUrl, '&maxwidth=wide')}`);
    assert.equal(response.status, 400);
  });
});

describe('Graph GET /graph/instagram_oembed', () => {
  it("returns today's shape without author or thumbnail", async () => {
    const { response, body } = await island.getJson(`/graph/v25.0/instagram_oembed${query(postUrl)}`);

    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys(body).sort(), ['height', 'html', 'provider_name', 'provider_url', 'type', 'version', 'width']);
    assert.equal(body.type, 'rich');
    assert.equal(body.version, '1.0');
    assert.equal(body.provider_name, 'Instagram');
    assert.equal(body.width, 658);
    assert.equal(body.height, null);
    assert.ok(body.html.includes(`/p/${post.shortcode}/`));
  });

  it('works without version or token', async () => {
    const { response } = await island.getJson(`/graph/instagram_oembed${query(postUrl)}`);
    assert.equal(response.status, 200);
  });

  it('accepts an app token without checking it', async () => {
    const { response } = await island.getJson(`/graph/v25.0/instagram_oembed${query(postUrl, '&access_token=123%7Cclient-token')}`);
    assert.equal(response.status, 200);
  });

  it('returns code 24 for an unknown shortcode', async () => {
    const { response, body } = await island.getJson(`/graph/v25.0/instagram_oembed${query('https://www.instagram.com/reel/NoSuchReel1/')}`);
    assert.equal(response.status, 400);
    assert.equal(body.error.code, 24);
    assert.equal(body.error.error_subcode, 2207045);
    assert.match(body.error.message, /Media Not Found/);
    assert.equal(typeof body.error.fbtrace_id, 'string');
  });

  it('returns code 100 for a bad url', async () => {
    for (const path of ['/graph/instagram_oembed', `/graph/instagram_oembed${query('javascript:alert(1)')}`]) {
      const { response, body } = await island.getJson(path);
      assert.equal(response.status, 400, path);
      assert.equal(body.error.code, 100, path);
    }
  });

  it('returns only the requested fields', async () => {
    const { body } = await island.getJson(`/graph/instagram_oembed${query(postUrl, '&fields=html,width')}`);
    assert.deepEqual(Object.keys(body).sort(), ['html', 'width']);

    const removed = await island.getJson(`/graph/instagram_oembed${query(postUrl, '&fields=author_name')}`);
    assert.equal(removed.response.status, 400);
    assert.match(removed.body.error.message, /author_name/);
  });

  it('leaves other Graph paths to the Graph dialect', async () => {
    const { body } = await island.getJson('/graph/v25.0/me');
    assert.equal(body.error.code, 2500, 'still asks for a token');
  });
});
