import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildDataset } from '../../src/island/dataset.js';
import { startIsland, withToken, type TestIsland } from './helpers.js';

const START = Date.parse('2026-11-01T12:00:00Z');
const dataset = buildDataset();
const album = dataset.posts.find((post) => post.visible && post.ownerId === '1001' && post.traits.includes('mixed-album'))!;
const portrait = dataset.posts.find((post) => post.visible && post.ownerId === '1001' && post.type === 'image' && post.height === 1350)!;

let clock = START;
let island: TestIsland;
let token: string;

before(async () => {
  island = await startIsland({ now: () => clock });
  token = await island.token();
});
after(() => island.close());

function svgSize(svg: string): [number, number] {
  const match = /^<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg);
  assert.ok(match, `not an SVG: ${svg.slice(0, 80)}`);
  return [Number(match[1]), Number(match[2])];
}

function collectUrls(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string' && value.startsWith('http://127.0.0.1')) found.push(value);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) collectUrls(item, found);
  return found;
}

describe('media SVGs', () => {
  it('serves every image URL of the legacy feed at its stated size', async () => {
    const { body } = await island.getJson(withToken('/v1/users/self/media/recent', token));
    const renditions: Array<{ url: string; width: number; height: number }> = [];
    const visit = (value: unknown) => {
      if (!value || typeof value !== 'object') return;
      const record = value as Record<string, unknown>;
      if (typeof record.url === 'string' && record.url.includes('.svg')) renditions.push(record as never);
      for (const item of Object.values(record)) visit(item);
    };
    visit(body.data);
    assert.ok(renditions.length >= 60);

    for (const rendition of renditions) {
      const response = await fetch(rendition.url);
      assert.equal(response.status, 200, rendition.url);
      assert.equal(response.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
      assert.deepEqual(svgSize(await response.text()), [rendition.width, rendition.height], rendition.url);
    }
  });

  it('serves every SVG URL of the Graph feed', async () => {
    const fields = 'media_url,thumbnail_url,children{media_url,thumbnail_url}';
    const { body } = await island.getJson(withToken(`/graph/me/media?fields=${encodeURIComponent(fields)}`, token));
    const urls = collectUrls(body.data).filter((url) => url.includes('.svg?'));
    assert.ok(urls.length >= 20);
    for (const url of urls) assert.equal((await fetch(url)).status, 200, url);
  });

  it('keeps the post\'s aspect ratio and is deterministic', async () => {
    const url = `${island.base}/media/${portrait.shortcode}.svg?w=640&oe=FFFFFFFF`;
    const first = await (await fetch(url)).text();
    const second = await (await fetch(url)).text();
    assert.deepEqual(svgSize(first), [640, 800]);
    assert.equal(first, second);
    assert.match(first, new RegExp(`<title>@harbour\\.lights · ${portrait.shortcode}</title>`));
  });

  it('serves album items with their position and a play symbol for videos', async () => {
    const videoIndex = album.children.findIndex((child) => child.type === 'video');
    const child = album.children[videoIndex];
    const svg = await (await fetch(`${island.base}/media/${child.shortcode}.svg?w=320&oe=FFFFFFFF`)).text();
    assert.ok(svg.includes(`${videoIndex + 1}/${album.children.length}`));
    assert.ok(svg.includes('<path d="M'));
  });

  it('answers 403 once the signed URL has expired', async () => {
    const { body } = await island.getJson(withToken(`/graph/${portrait.graphId}?fields=media_url`, token));
    const url: string = body.media_url;
    const expiry = parseInt(new URL(url).searchParams.get('oe') ?? '', 16);
    assert.equal(expiry, START / 1000 + 24 * 3600);

    try {
      clock = START + 24 * 3600_000 - 1000;
      assert.equal((await fetch(url)).status, 200);
      clock = START + 24 * 3600_000 + 1000;
      const response = await fetch(url);
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
      assert.equal(await response.text(), 'URL signature expired');
    } finally {
      clock = START;
    }
  });

  it('answers 403 for a missing or malformed oe', async () => {
    for (const query of ['', '?w=100', '?oe=zz', '?oe=']) {
      const response = await fetch(`${island.base}/media/${portrait.shortcode}.svg${query}`);
      assert.equal(response.status, 403);
      assert.equal(await response.text(), 'Bad URL timestamp');
    }
  });

  it('answers 404 for unknown shortcodes and for images as video', async () => {
    const unknown = await fetch(`${island.base}/media/AAAAAAAAAAA.svg?oe=FFFFFFFF`);
    assert.equal(unknown.status, 404);
    const image = album.children.find((child) => child.type === 'image')!;
    const notVideo = await fetch(`${island.base}/media/${image.shortcode}.mp4?oe=FFFFFFFF`);
    assert.equal(notVideo.status, 404);
    assert.match(await notVideo.text(), /is not a video/);
  });

  it('serves the sample clip for videos, with ranges', async () => {
    const video = album.children.find((child) => child.type === 'video')!;
    const url = `${island.base}/media/${video.shortcode}.mp4?oe=FFFFFFFF`;
    const whole = await fetch(url);
    assert.equal(whole.status, 200);
    assert.equal(whole.headers.get('content-type'), 'video/mp4');
    assert.equal(whole.headers.get('accept-ranges'), 'bytes');
    const bytes = Buffer.from(await whole.arrayBuffer());
    assert.ok(bytes.length > 1000);
    assert.equal(bytes.subarray(4, 8).toString('latin1'), 'ftyp');

    const part = await fetch(url, { headers: { Range: 'bytes=4-7' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 4-7/${bytes.length}`);
    assert.equal(Buffer.from(await part.arrayBuffer()).toString('latin1'), 'ftyp');

    const tail = await fetch(url, { headers: { Range: 'bytes=-10' } });
    assert.equal(tail.status, 206);
    assert.equal(Buffer.from(await tail.arrayBuffer()).length, 10);

    const beyond = await fetch(url, { headers: { Range: `bytes=${bytes.length}-` } });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers.get('content-range'), `bytes */${bytes.length}`);

    const expired = await fetch(`${island.base}/media/${video.shortcode}.mp4?oe=1`);
    assert.equal(expired.status, 403);
  });

  it('serves profile pictures', async () => {
    const response = await fetch(`${island.base}/avatars/1002.svg`);
    assert.equal(response.status, 200);
    const svg = await response.text();
    assert.deepEqual(svgSize(svg), [150, 150]);
    assert.match(svg, /<title>alpine\.kitchen<\/title>/);
    assert.equal((await fetch(`${island.base}/avatars/9999.svg`)).status, 404);
  });
});
