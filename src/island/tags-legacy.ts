// The legacy v1 tag endpoints: /v1/tags/{tag}, /v1/tags/{tag}/media/recent with max_tag_id and
// min_tag_id paging, and /v1/tags/search. Like the sandbox they see only visible posts (each
// sandbox user's 20 newest) and need the public_content scope, even for the token's own posts.

import { canonicalHashtag, taggedPosts } from './hashtags.js';
import { jsonReply, type Reply, type RequestContext } from './http.js';
import { legacyError, MESSAGES } from './legacy.js';
import { v1Media } from './legacy-shape.js';
import { MediaUrls } from './media.js';
import { findUser } from './queries.js';
import type { IslandState } from './state.js';
import type { TokenRecord } from './tokens.js';
import type { IslandPost, IslandUser } from './types.js';

const DEFAULT_COUNT = 20;
// NOTE: the maximum of 33 is unverified, as for user media.
const MAX_COUNT = 33;
const DEPRECATION_WARNING = 'next_max_id and min_id are deprecated for this endpoint; use min_tag_id and max_tag_id instead';

const TAG_ROUTE = /^\/v1\/tags\/([^/]+)(\/media\/recent)?\/?$/;

/** Returns the route match for a tag path, or null when the path is not a tag endpoint. */
export function matchLegacyTagRoute(path: string): RegExpExecArray | null {
  return TAG_ROUTE.exec(path);
}

/** Handles a GET under /v1/tags for a valid, rate-counted token. */
export function handleLegacyTags(ctx: RequestContext, state: IslandState, record: TokenRecord, route: RegExpExecArray): Reply {
  if (!record.scopes.includes('public_content')) return legacyError(400, 'OAuthPermissionsException', MESSAGES.publicContent);

  const [, segment, recent] = route;
  if (segment === 'search' && !recent) return searchTags(ctx, state);

  const name = canonicalHashtag(decodeSegment(segment));
  if (name === undefined) return invalidName(decodeSegment(segment));
  if (!recent) {
    return jsonReply(200, { meta: { code: 200 }, data: { name, media_count: taggedPosts(state.dataset, name).length } });
  }
  return recentTagMedia(ctx, state, record, name);
}

function recentTagMedia(ctx: RequestContext, state: IslandState, record: TokenRecord, name: string): Reply {
  // Tagging time is the posting time here, because every tag is in the caption written at posting.
  const posts = taggedPosts(state.dataset, name);
  const count = readCount(ctx.query.get('count'));
  let candidates = posts;

  for (const [parameter, older] of [['max_tag_id', true], ['min_tag_id', false]] as const) {
    const value = ctx.query.get(parameter);
    if (value === null || value === '') continue;
    const pk = decodeTagCursor(value);
    const bound = posts.find((post) => post.pk === pk);
    if (!bound) return legacyError(400, 'APIInvalidParametersError', `The ${parameter} parameter is not a cursor of this tag.`);
    candidates = candidates.filter((post) => (older ? post.createdTime < bound.createdTime : post.createdTime > bound.createdTime));
  }

  const page = candidates.slice(0, count);
  const urls = new MediaUrls(ctx);
  const data = page.map((post) => v1Media(post, findUser(state.dataset, post.ownerId) as IslandUser, record.userId, urls));
  if (candidates.length <= count) return jsonReply(200, { meta: { code: 200 }, data, pagination: {} });

  const nextMaxTagId = encodeTagCursor(page[page.length - 1]);
  // As with user media, the real next_url carried the caller's access_token.
  const next = new URLSearchParams({ access_token: record.token });
  for (const [key, value] of ctx.query) if (key !== 'access_token' && key !== 'max_tag_id' && key !== 'min_tag_id') next.append(key, value);
  next.set('max_tag_id', nextMaxTagId);
  const pagination = {
    next_url: `${ctx.origin}${ctx.prefix}/v1/tags/${encodeURIComponent(name)}/media/recent?${next}`,
    next_max_tag_id: nextMaxTagId,
    min_tag_id: encodeTagCursor(page[0]),
    next_max_id: nextMaxTagId,
    deprecation_warning: DEPRECATION_WARNING,
  };
  return jsonReply(200, { meta: { code: 200 }, data, pagination });
}

/** Lists the tags of visible posts that start with `q`, most used first. */
function searchTags(ctx: RequestContext, state: IslandState): Reply {
  const q = ctx.query.get('q');
  // NOTE: the wording of both errors is unverified, because the real API's responses to a missing or '#'-prefixed q were not found.
  if (q === null || q.trim() === '') return legacyError(400, 'APIInvalidParametersError', 'The q parameter is missing: send the start of a tag name without "#".');
  const prefix = canonicalHashtag(q.trim());
  if (prefix === undefined) return invalidName(q);

  const counts = new Map<string, number>();
  for (const post of state.dataset.posts) {
    if (!post.visible) continue;
    for (const tag of post.tags) if (tag.startsWith(prefix)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const data = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, mediaCount]) => ({ name, media_count: mediaCount }));
  return jsonReply(200, { meta: { code: 200 }, data });
}

// NOTE: the error type and wording for a malformed tag name are unverified.
function invalidName(raw: string): Reply {
  return legacyError(400, 'APIInvalidParametersError', `Invalid tag name "${raw}": use letters, digits and underscores without "#".`);
}

function readCount(value: string | null): number {
  if (value === null || !/^\d+$/.test(value) || Number(value) === 0) return DEFAULT_COUNT;
  return Math.min(MAX_COUNT, Number(value));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Builds an opaque tag cursor, shaped like the "AQ…" strings the API sent from 2018 on. */
function encodeTagCursor(post: IslandPost): string {
  return `AQ${Buffer.from(`island-tag:${post.pk}`).toString('base64url')}`;
}

function decodeTagCursor(cursor: string): string | undefined {
  if (!cursor.startsWith('AQ')) return undefined;
  const match = /^island-tag:(\d+)$/.exec(Buffer.from(cursor.slice(2), 'base64url').toString('utf8'));
  return match?.[1];
}
