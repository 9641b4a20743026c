// Signed media URLs and the route that serves them, emulating Instagram's CDN. URLs carry an
// `oe` parameter with the expiry in hexadecimal unix seconds, and an expired URL gets a 403.

import { readFileSync } from 'node:fs';
import { textReply, type Reply, type RequestContext } from './http.js';
import { findMediaByShortcode, findUser } from './queries.js';
import { renderAvatarSvg, renderMediaSvg } from './svg.js';
import type { Dataset, IslandUser } from './types.js';

/** Signed URLs expire 24 hours after the response that issued them. */
export const SIGNED_URL_LIFETIME_SECONDS = 24 * 3600;
const DEFAULT_WIDTH = 640;
const MIN_SIZE = 16;
const MAX_SIZE = 2048;

/** Builds absolute media URLs for one response, all signed with the same expiry. */
export class MediaUrls {
  private readonly base: string;
  private readonly expiry: string;

  constructor(ctx: RequestContext) {
    this.base = `${ctx.origin}${ctx.prefix}`;
    const expiresAt = Math.floor(ctx.now / 1000) + SIGNED_URL_LIFETIME_SECONDS;
    this.expiry = expiresAt.toString(16).toUpperCase();
  }

  /** Returns an SVG image URL. Without `height` the image keeps the media's aspect ratio. */
  image(shortcode: string, width: number, height?: number): string {
    const size = height === undefined ? `w=${width}` : `w=${width}&h=${height}`;
    return `${this.base}/media/${shortcode}.svg?${size}&oe=${this.expiry}`;
  }

  video(shortcode: string, width: number): string {
    return `${this.base}/media/${shortcode}.mp4?w=${width}&oe=${this.expiry}`;
  }

  /** Profile pictures are not signed. */
  avatar(user: IslandUser): string {
    return `${this.base}/avatars/${user.id}.svg`;
  }
}

/** Serves `/media/{shortcode}.svg|mp4` and `/avatars/{user id}.svg`, or returns undefined for other paths. */
export function serveMedia(ctx: RequestContext, dataset: Dataset): Reply | undefined {
  const avatar = /^\/avatars\/(\d+)\.svg$/.exec(ctx.path);
  if (avatar) {
    const user = findUser(dataset, avatar[1]);
    if (!user) return textReply(404, 'No user has this id.');
    return svgReply(renderAvatarSvg(user.username, readSize(ctx.query.get('w')) ?? 150));
  }

  const media = /^\/media\/([A-Za-z0-9_-]+)\.(svg|mp4)$/.exec(ctx.path);
  if (!media) return undefined;

  // The expiry is checked before the lookup, so an expired URL gets a 403 even for unknown media.
  const expiry = ctx.query.get('oe') ?? '';
  if (!/^[0-9A-Fa-f]{1,12}$/.test(expiry)) return textReply(403, 'Bad URL timestamp');
  if (parseInt(expiry, 16) * 1000 <= ctx.now) return textReply(403, 'URL signature expired');

  const [, shortcode, extension] = media;
  const match = findMediaByShortcode(dataset, shortcode);
  if (!match) return textReply(404, `No media has the shortcode ${shortcode}.`);
  const { post, child } = match;
  const item = child ?? post;
  if (extension === 'mp4') {
    if (item.type !== 'video') return textReply(404, `The media ${shortcode} is not a video: request ${shortcode}.svg instead.`);
    return videoReply(ctx.range);
  }

  const width = readSize(ctx.query.get('w')) ?? DEFAULT_WIDTH;
  const height = readSize(ctx.query.get('h')) ?? Math.round((width * item.height) / item.width);
  const owner = findUser(dataset, post.ownerId);
  const position = child ? ` · ${post.children.indexOf(child) + 1}/${post.children.length}` : '';

  return svgReply(
    renderMediaSvg({
      shortcode,
      width,
      height,
      label: `@${owner?.username ?? post.ownerId} · ${shortcode}${position}`,
      video: item.type === 'video',
    }),
  );
}

function readSize(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Math.min(MAX_SIZE, Math.max(MIN_SIZE, Number(value)));
}

function svgReply(svg: string): Reply {
  return textReply(200, svg, 'image/svg+xml; charset=utf-8');
}

let sampleVideo: Buffer | undefined;

/**
 * Serves the island's one sample clip (assets/sample.mp4, made by scripts/make-sample-video.mjs)
 * for every video, honouring a single-range `Range` header as browsers send for media.
 */
function videoReply(range: string | undefined): Reply {
  sampleVideo ??= readFileSync(new URL('./assets/sample.mp4', import.meta.url));
  const size = sampleVideo.length;
  const headers = { 'Content-Type': 'video/mp4', 'Accept-Ranges': 'bytes' };
  const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return { status: 200, headers, body: '', bytes: sampleVideo };

  // "bytes=-N" requests the last N bytes, and "bytes=N-" everything from byte N.
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || start > end) {
    return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` }, body: '' };
  }
  return {
    status: 206,
    headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}` },
    body: '',
    bytes: sampleVideo.subarray(start, end + 1),
  };
}
