// Signed media URLs and the route that serves them, emulating Instagram's CDN. URLs carry an
// `oe` parameter with the expiry in hexadecimal unix seconds, and an expired URL gets a 403.

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
  if (extension === 'mp4') {
    // TODO: serve a small generated video; until then clients fall back to the poster SVG.
    return textReply(404, 'The island serves no video files yet; use the poster image (thumbnail_url) instead.');
  }

  const { post, child } = match;
  const item = child ?? post;
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
