// The Graph hashtag endpoints, which the real API serves on graph.facebook.com only:
// ig_hashtag_search, /{hashtag-id}, /{hashtag-id}/recent_media and /top_media, and
// /{ig-user-id}/recently_searched_hashtags. They need `user_id`, accept only the fields the
// hashtag edges allow, and count unique hashtags per token over 7 days.

import {
  canonicalHashtag, hashtagState, HASHTAG_QUOTA, HASHTAG_WINDOW_MS, RECENT_WINDOW_MS, taggedPosts, type HashtagState,
} from './hashtags.js';
import { graphError, invalidParameterError, unknownFieldError } from './graph-errors.js';
import { findUnknownField, parseFields, renderMediaFields, type FieldRequest } from './graph-fields.js';
import { jsonReply, type Reply, type RequestContext } from './http.js';
import { MediaUrls } from './media.js';
import { findUser } from './queries.js';
import type { IslandState } from './state.js';
import type { TokenRecord } from './tokens.js';
import type { IslandPost, IslandUser } from './types.js';

/** Fields of hashtag media: no username, owner, thumbnail_url or shortcode. */
export const HASHTAG_MEDIA_FIELDS = new Set([
  'id', 'caption', 'media_type', 'media_url', 'permalink', 'timestamp', 'like_count', 'comments_count', 'children',
]);
const HASHTAG_CHILD_FIELDS = new Set(['id', 'media_type', 'media_url', 'permalink']);
const HASHTAG_FIELDS = new Set(['id', 'name']);
/** Hashtag edges return at most 50 items a page. */
export const HASHTAG_MAX_LIMIT = 50;
// NOTE: the default page size of the hashtag edges is undocumented; 25 matches the island's other edges.
const DEFAULT_LIMIT = 25;

// NOTE: the island grants the Instagram Public Content Access feature to tokens with the legacy
// public_content scope. The real error for an app without the feature was not recorded.
const permissionError = (): Reply =>
  graphError(400, { message: '(#10) Application does not have permission for this action', type: 'OAuthException', code: 10 });

/**
 * Handles the request when it is one of the hashtag endpoints, or returns undefined so that
 * the other Graph routes handle it. `nodeId` and `edgePath` come from the Graph router.
 */
export function handleGraphTags(ctx: RequestContext, state: IslandState, record: TokenRecord, nodeId: string, edgePath: string): Reply | undefined {
  const tags = hashtagState(state);
  const viewer = findUser(state.dataset, record.userId) as IslandUser;
  const edge = edgePath.replace(/\/$/, '');

  if (nodeId === 'ig_hashtag_search' && edge === '') return guarded(ctx, record, viewer, () => search(ctx, record, tags));
  if (nodeId === viewer.graphId && edge === '/recently_searched_hashtags') {
    return guarded(ctx, record, viewer, () => recentlySearched(ctx, record, tags));
  }
  const name = tags.names.get(nodeId);
  if (name === undefined) return undefined;
  if (edge === '') return hashtagNode(ctx, nodeId, name);
  if (edge === '/recent_media' || edge === '/top_media') {
    return guarded(ctx, record, viewer, () => hashtagMedia(ctx, state, record, tags, name, edge === '/top_media'));
  }
  return undefined;
}

/** Checks what every hashtag call needs, the feature and a user_id of the token's account, then runs `handler`. */
function guarded(ctx: RequestContext, record: TokenRecord, viewer: IslandUser, handler: () => Reply): Reply {
  if (!record.scopes.includes('public_content')) return permissionError();
  const userId = ctx.query.get('user_id');
  if (userId === null || userId === '') return invalidParameterError('The parameter user_id is required');
  // NOTE: the real error for a user_id of another account was not recorded.
  if (userId !== viewer.graphId) {
    return invalidParameterError(`user_id ${userId} is not the IG user id of the account that this access token belongs to`);
  }
  return handler();
}

function search(ctx: RequestContext, record: TokenRecord, tags: HashtagState): Reply {
  const fields = readFields(ctx, HASHTAG_FIELDS, 'Hashtag');
  if (!Array.isArray(fields)) return fields;
  const q = ctx.query.get('q');
  if (q === null || q === '') return invalidParameterError('The parameter q is required');
  const name = canonicalHashtag(q);
  // NOTE: the real response to a name with '#', spaces or punctuation was not recorded.
  if (name === undefined) return invalidParameterError(`q "${q}" is not a hashtag name: send letters, digits and underscores without "#"`);

  const now = tags.now(ctx, record.token);
  const active = tags.activeSearches(record.token, now);
  const known = active.some(([searched]) => searched === name);
  if (!known && active.length >= HASHTAG_QUOTA) return quotaError(active[0][1] + HASHTAG_WINDOW_MS);
  // Searching a tag again neither counts again nor restarts its 7 days.
  if (!known) tags.forToken(record.token).searched.set(name, now);

  const id = tags.register(name);
  return jsonReply(200, { data: [renderHashtag(fields, id, name)] });
}

// NOTE: the code, subcode and text of the error for a 31st hashtag are undocumented. This is a
// Graph-shaped guess with the throttling code 613, so clients treat it as a rate limit.
function quotaError(freesAt: number): Reply {
  return graphError(400, {
    message: `(#613) This Instagram account has searched ${HASHTAG_QUOTA} unique hashtags in the last 7 days; the next one can be searched after ${new Date(freesAt).toISOString()}`,
    type: 'OAuthException',
    code: 613,
  });
}

function recentlySearched(ctx: RequestContext, record: TokenRecord, tags: HashtagState): Reply {
  const active = tags.activeSearches(record.token, tags.now(ctx, record.token));
  return jsonReply(200, { data: active.map(([name]) => ({ id: tags.register(name), name })) });
}

function hashtagNode(ctx: RequestContext, id: string, name: string): Reply {
  const fields = readFields(ctx, HASHTAG_FIELDS, 'Hashtag');
  if (!Array.isArray(fields)) return fields;
  return jsonReply(200, renderHashtag(fields, id, name));
}

function renderHashtag(fields: FieldRequest[], id: string, name: string): Record<string, string> {
  const output: Record<string, string> = {};
  for (const field of fields) output[field.name] = field.name === 'id' ? id : name;
  return output;
}

function hashtagMedia(ctx: RequestContext, state: IslandState, record: TokenRecord, tags: HashtagState, name: string, top: boolean): Reply {
  const fields = readFields(ctx, HASHTAG_MEDIA_FIELDS, 'Media');
  if (!Array.isArray(fields)) return fields;
  const limit = readLimit(ctx.query.get('limit'));
  if (typeof limit === 'string') return invalidParameterError(limit);
  // NOTE: the real response to a before cursor on a hashtag edge was not recorded, because the edges document only after.
  if (ctx.query.get('before')) return invalidParameterError('Hashtag media edges page forward only: use the after cursor');

  let posts = taggedPosts(state.dataset, name);
  if (top) {
    posts = [...posts].sort((a, b) => b.likeCount - a.likeCount || b.createdTime - a.createdTime);
  } else {
    const now = tags.now(ctx, record.token);
    posts = posts.filter((post) => post.createdTime * 1000 <= now && post.createdTime * 1000 > now - RECENT_WINDOW_MS);
  }

  const start = readCursor(ctx.query.get('after'), name, posts.length);
  if (start === null) return invalidParameterError('The after cursor is not valid.');
  const page = posts.slice(start, start + limit);
  const urls = new MediaUrls(ctx);
  const data = page.map((post) => renderMediaFields({ post }, ownerOf(state, post), fields, urls));
  if (page.length === 0) return jsonReply(200, { data });

  const after = encodeCursor(name, start + page.length);
  const paging: Record<string, unknown> = { cursors: { after } };
  if (start + page.length < posts.length) {
    // NOTE: as on the other edges, next leaves out the access token; the client sends its own.
    const params = new URLSearchParams({ user_id: ctx.query.get('user_id') ?? '', limit: String(limit), after });
    if (ctx.query.get('fields')) params.set('fields', ctx.query.get('fields') as string);
    paging.next = `${ctx.origin}${ctx.prefix}${ctx.path.replace(/\/$/, '')}?${params}`;
  }
  return jsonReply(200, { data, paging });
}

/** Parses `fields` (only `id` when absent) and checks the names, including those inside children{…}. */
function readFields(ctx: RequestContext, allowed: Set<string>, nodeType: string): FieldRequest[] | Reply {
  const fields = parseFields(ctx.query.get('fields') || 'id');
  if (typeof fields === 'string') return invalidParameterError(fields);
  for (const field of fields) {
    if (!allowed.has(field.name)) return unknownFieldError(field.name, nodeType);
    const unknownChild = field.subfields ? findUnknownField(field.subfields, HASHTAG_CHILD_FIELDS) : undefined;
    if (unknownChild !== undefined) return unknownFieldError(unknownChild, nodeType);
  }
  return fields;
}

function readLimit(value: string | null): number | string {
  if (value === null || value === '') return DEFAULT_LIMIT;
  if (!/^\d+$/.test(value) || Number(value) < 1) return `limit must be a whole number from 1 to ${HASHTAG_MAX_LIMIT}`;
  // NOTE: whether the real edges reject or cap a larger limit is undocumented; rejecting catches clients that send one.
  if (Number(value) > HASHTAG_MAX_LIMIT) return `limit ${value} is over the maximum of ${HASHTAG_MAX_LIMIT} for hashtag media`;
  return Number(value);
}

function ownerOf(state: IslandState, post: IslandPost): IslandUser {
  return findUser(state.dataset, post.ownerId) as IslandUser;
}

/** Cursors encode the tag and the index of the next item, so a cursor of another tag is rejected. */
function encodeCursor(name: string, index: number): string {
  return Buffer.from(`island-hashtag:${name}:${index}`).toString('base64url');
}

function readCursor(cursor: string | null, name: string, length: number): number | null {
  if (cursor === null || cursor === '') return 0;
  const match = /^island-hashtag:(.+):(\d+)$/u.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || match[1] !== name || Number(match[2]) > length) return null;
  return Number(match[2]);
}
