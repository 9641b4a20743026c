// oEmbed for the island's posts, in both shapes: the legacy GET /oembed?url= (no token, with
// author and thumbnail fields) and Graph's GET /graph[/vNN.N]/instagram_oembed?url=, which has
// had no author_* or thumbnail_* fields since 2025-11-03 and needs no token since mid-2026.

import { parsePermalink, postUrl, type IgPostRef } from '../api/permalink.js';
import { graphError } from './graph-errors.js';
import { escapeHtml, jsonReply, type Reply, type RequestContext } from './http.js';
import { MediaUrls } from './media.js';
import { findUser } from './queries.js';
import type { IslandState } from './state.js';
import type { Dataset, IslandPost, IslandUser } from './types.js';

const GRAPH_PATH = /^\/graph(?:\/v\d+\.\d+)?\/instagram_oembed\/?$/;
const DEFAULT_WIDTH = 658;
const MIN_WIDTH = 320;
const THUMBNAIL_WIDTH = 640;
const GRAPH_FIELDS = ['version', 'type', 'html', 'provider_name', 'provider_url', 'width', 'height'];

/** Handles the two oEmbed paths, or returns undefined for every other path. */
export function handleOEmbed(ctx: RequestContext, state: IslandState): Reply | undefined {
  const legacy = ctx.path === '/oembed' || ctx.path === '/oembed/';
  if (!legacy && !GRAPH_PATH.test(ctx.path)) return undefined;
  // NOTE: neither endpoint checks a token or counts requests. The real Graph endpoint takes an
  // optional app token and allows 1,000 tokenless requests an hour; the island does not emulate that.
  return legacy ? legacyOEmbed(ctx, state.dataset) : graphOEmbed(ctx, state.dataset);
}

/** A post the island can embed, with its owner; posts of users outside the sandbox count as private. */
interface Found {
  ref: IgPostRef;
  post: IslandPost;
  owner: IslandUser;
}

type Lookup = { found: Found } | { problem: 'missing-url' | 'invalid-url' | 'not-found'; url: string };

function lookUp(ctx: RequestContext, dataset: Dataset): Lookup {
  const url = ctx.query.get('url') ?? '';
  if (url.trim() === '') return { problem: 'missing-url', url };
  const ref = parsePermalink(url);
  if (!ref) return { problem: 'invalid-url', url };
  const post = dataset.posts.find((candidate) => candidate.shortcode === ref.shortcode);
  const owner = post ? findUser(dataset, post.ownerId) : undefined;
  if (!post || !owner?.sandbox) return { problem: 'not-found', url };
  return { found: { ref, post, owner } };
}

/** Reads `maxwidth`, clamped to the 320–658 range the Graph reference is quoted with. */
function readWidth(ctx: RequestContext): number | undefined {
  const text = ctx.query.get('maxwidth');
  if (text === null || text === '') return DEFAULT_WIDTH;
  if (!/^\d{1,6}$/.test(text)) return undefined;
  return Math.min(DEFAULT_WIDTH, Math.max(MIN_WIDTH, Number(text)));
}

function readFlag(ctx: RequestContext, name: string): boolean {
  const value = ctx.query.get(name);
  return value !== null && value !== 'false' && value !== '0';
}

/** Builds Instagram's embed markup for the post: the blockquote and, unless omitscript is set, embed.js. */
function embedHtml(ctx: RequestContext, { ref, post, owner }: Found, width: number): string {
  const permalink = `${postUrl(ref.kind === 'tv' ? { ...ref, kind: 'post' } : ref)}?utm_source=ig_embed&amp;utm_campaign=loading`;
  const captioned = readFlag(ctx, 'hidecaption') ? '' : ' data-instgrm-captioned';
  const caption = post.caption && !readFlag(ctx, 'hidecaption') ? `<p>${escapeHtml(post.caption)}</p>` : '';
  const script = readFlag(ctx, 'omitscript') ? '' : '\n<script async src="//www.instagram.com/embed.js"></script>';
  return `<blockquote class="instagram-media"${captioned} data-instgrm-permalink="${permalink}" data-instgrm-version="14" ` +
    `style="max-width:${width}px; min-width:326px; width:calc(100% - 2px);"><div><a href="${permalink}" target="_blank">` +
    `View this post on Instagram</a>${caption}<p>A post shared by @${escapeHtml(owner.username)}</p></div></blockquote>${script}`;
}

function legacyError(status: number, type: string, message: string): Reply {
  return jsonReply(status, { meta: { code: status, error_type: type, error_message: message } });
}

function legacyOEmbed(ctx: RequestContext, dataset: Dataset): Reply {
  if (ctx.method !== 'GET') return legacyError(405, 'APIInvalidParametersError', `oEmbed takes GET, not ${ctx.method}.`);
  const lookup = lookUp(ctx, dataset);
  if ('problem' in lookup) {
    if (lookup.problem === 'not-found') return legacyError(404, 'APINotFoundError', `No media matches the URL ${lookup.url}.`);
    return legacyError(400, 'APIInvalidParametersError', lookup.problem === 'missing-url'
      ? 'The url parameter is missing.'
      : `The url parameter is not an Instagram post URL: ${lookup.url}`);
  }
  const width = readWidth(ctx);
  if (width === undefined) return legacyError(400, 'APIInvalidParametersError', 'maxwidth must be a whole number.');

  const { post, owner } = lookup.found;
  const thumbnailHeight = Math.round((THUMBNAIL_WIDTH * post.height) / post.width);
  return jsonReply(200, {
    version: '1.0',
    type: 'rich',
    title: post.caption ?? '',
    author_name: owner.username,
    author_url: `https://www.instagram.com/${owner.username}`,
    author_id: Number(owner.id),
    media_id: post.legacyId,
    provider_name: 'Instagram',
    provider_url: 'https://www.instagram.com',
    width,
    height: null,
    html: embedHtml(ctx, lookup.found, width),
    thumbnail_url: new MediaUrls(ctx).image(post.shortcode, THUMBNAIL_WIDTH, thumbnailHeight),
    thumbnail_width: THUMBNAIL_WIDTH,
    thumbnail_height: thumbnailHeight,
  });
}

function graphOEmbed(ctx: RequestContext, dataset: Dataset): Reply {
  if (ctx.method !== 'GET') {
    return graphError(400, { message: `Unsupported ${ctx.method.toLowerCase()} request.`, type: 'GraphMethodException', code: 100 });
  }
  const lookup = lookUp(ctx, dataset);
  if ('problem' in lookup) {
    if (lookup.problem === 'not-found') {
      return graphError(400, { message: '(#24) Media Not Found: no public post matches the url parameter.', type: 'OAuthException', code: 24, subcode: 2207045 });
    }
    const message = lookup.problem === 'missing-url'
      ? '(#100) The parameter url is required'
      : '(#100) The url parameter is not a valid Instagram post URL';
    return graphError(400, { message, type: 'OAuthException', code: 100 });
  }
  const width = readWidth(ctx);
  if (width === undefined) return graphError(400, { message: '(#100) Param maxwidth must be an integer', type: 'OAuthException', code: 100 });

  const body: Record<string, unknown> = {
    version: '1.0',
    type: 'rich',
    html: embedHtml(ctx, lookup.found, width),
    provider_name: 'Instagram',
    provider_url: 'https://www.instagram.com/',
    width,
    height: null,
  };
  const fields = ctx.query.get('fields');
  if (!fields) return jsonReply(200, body);

  const requested = fields.split(',').map((field) => field.trim()).filter(Boolean);
  const unknown = requested.find((field) => !GRAPH_FIELDS.includes(field));
  if (unknown) {
    return graphError(400, { message: `(#100) Tried accessing nonexisting field (${unknown}) on node type (InstagramOembed)`, type: 'OAuthException', code: 100 });
  }
  return jsonReply(200, Object.fromEntries(requested.map((field) => [field, body[field]])));
}
