// The legacy v1 dialect under /v1: users, recent media with max_id/min_id paging, single media,
// the `{meta, data, pagination}` envelope, sandbox rules and the X-Ratelimit-* headers.

import { jsonReply, type Reply, type RequestContext } from './http.js';
import { v1Media, v1User } from './legacy-shape.js';
import { handleLikes, matchLikesPath } from './likes.js';
import { MediaUrls } from './media.js';
import { handleLegacyTags, matchLegacyTagRoute } from './tags-legacy.js';
import { findMediaByShortcode, findUser, findVisiblePostByLegacyId, visiblePosts } from './queries.js';
import type { IslandState } from './state.js';
import { DEFAULT_RATE_LIMIT, type TokenRecord } from './tokens.js';
import type { IslandPost, IslandUser } from './types.js';

const DEFAULT_COUNT = 20;
// NOTE: the maximum of 33 is unverified, because no legacy documentation of a `count` limit was found.
const MAX_COUNT = 33;

export const MESSAGES = {
  missingToken:
    '"client_id" or "access_token" URL parameter missing. This OAuth request requires either a "client_id" or "access_token" URL parameter.',
  invalidToken: 'The access_token provided is invalid.',
  rateLimit: 'The maximum number of requests per hour has been exceeded.',
  userNotFound: 'this user does not exist',
  // NOTE: this wording for unknown media ids is unverified, because no recorded response contains it.
  mediaNotFound: 'invalid media id',
  publicContent:
    'This request requires scope=public_content, but this access token is not authorized with this scope. The user must re-authorize your application with scope=public_content to be granted this permissions.',
};

/** Builds a legacy error envelope. */
export function legacyError(status: number, errorType: string, message: string): Reply {
  return jsonReply(status, { meta: { error_type: errorType, code: status, error_message: message } });
}

export function legacyRateLimitError(): Reply {
  return legacyError(429, 'OAuthRateLimitException', MESSAGES.rateLimit);
}

/** Handles a request under /v1 and returns the reply. */
export function handleLegacy(ctx: RequestContext, state: IslandState): Reply {
  const route = /^\/v1\/(?:users\/([^/]+)(\/media\/recent)?|media\/shortcode\/([^/]+)|media\/([^/]+))\/?$/.exec(ctx.path);
  const likedMediaId = matchLikesPath(ctx.path);
  const tagRoute = matchLegacyTagRoute(ctx.path);
  if (likedMediaId === undefined && ((!route && !tagRoute) || ctx.method !== 'GET')) {
    return withRateHeaders(legacyError(404, 'APINotFoundError', `No API endpoint matches ${ctx.method} ${ctx.path}.`));
  }

  const lookup = state.tokens.lookup(ctx.token);
  if (lookup.status === 'missing') return withRateHeaders(legacyError(400, 'OAuthParameterException', MESSAGES.missingToken));
  if (lookup.status !== 'valid') return withRateHeaders(legacyError(400, 'OAuthParameterException', MESSAGES.invalidToken));

  const record = lookup.record;
  const allowed = state.tokens.consume(record);
  const usage = state.tokens.usage(record);
  const rateHeaders = { 'X-Ratelimit-Limit': String(usage.limit), 'X-Ratelimit-Remaining': String(usage.remaining) };
  let reply: Reply;
  if (!allowed) reply = legacyRateLimitError();
  else if (tagRoute) reply = handleLegacyTags(ctx, state, record, tagRoute);
  else if (likedMediaId !== undefined) reply = handleLikes(ctx, state, record, likedMediaId);
  else reply = dispatchRoute(ctx, state, record, route as RegExpExecArray);
  Object.assign(reply.headers, rateHeaders);
  return reply;
}

function dispatchRoute(ctx: RequestContext, state: IslandState, record: TokenRecord, route: RegExpExecArray): Reply {
  const [, userKey, recent, shortcode, mediaId] = route;
  if (userKey !== undefined) {
    const user = resolveUser(state, record, userKey);
    if (isReply(user)) return user;
    return recent ? recentMedia(ctx, state, record, user, userKey) : ok(v1User(user, state.dataset, new MediaUrls(ctx)));
  }

  let post: IslandPost | undefined;
  if (shortcode !== undefined) {
    const match = findMediaByShortcode(state.dataset, shortcode);
    post = match && !match.child && match.post.visible ? match.post : undefined;
  } else {
    post = findVisiblePostByLegacyId(state.dataset, mediaId);
  }
  if (!post) return legacyError(400, 'APINotFoundError', MESSAGES.mediaNotFound);
  if (post.ownerId !== record.userId && !record.scopes.includes('public_content')) {
    return legacyError(400, 'OAuthPermissionsException', MESSAGES.publicContent);
  }
  return ok(renderPost(ctx, state, record, post));
}

/** Resolves `self` or a user id, enforcing the public_content scope and the sandbox. */
function resolveUser(state: IslandState, record: TokenRecord, key: string): IslandUser | Reply {
  const id = key === 'self' ? record.userId : key;
  if (id !== record.userId && !record.scopes.includes('public_content')) {
    return legacyError(400, 'OAuthPermissionsException', MESSAGES.publicContent);
  }
  const user = findUser(state.dataset, id);
  if (!user || user.id !== id || !user.sandbox) return legacyError(400, 'APINotFoundError', MESSAGES.userNotFound);
  return user;
}

function isReply(value: IslandUser | Reply): value is Reply {
  return 'status' in value;
}

function recentMedia(ctx: RequestContext, state: IslandState, record: TokenRecord, user: IslandUser, userKey: string): Reply {
  const posts = visiblePosts(state.dataset, user.id);
  const count = readCount(ctx.query.get('count'));
  let candidates = posts;

  for (const [name, older] of [['max_id', true], ['min_id', false]] as const) {
    const value = ctx.query.get(name);
    if (value === null || value === '') continue;
    const index = posts.findIndex((post) => post.legacyId === value || post.pk === value);
    if (index < 0) return legacyError(400, 'APIInvalidParametersError', `The ${name} parameter is not the id of a media item of this user.`);
    const bound = posts[index].createdTime;
    candidates = candidates.filter((post) => (older ? post.createdTime < bound : post.createdTime > bound));
  }
  for (const [name, atLeast] of [['min_timestamp', true], ['max_timestamp', false]] as const) {
    const value = ctx.query.get(name);
    if (value === null || value === '') continue;
    if (!/^\d+$/.test(value)) return legacyError(400, 'APIInvalidParametersError', `The ${name} parameter must be unix seconds.`);
    candidates = candidates.filter((post) => (atLeast ? post.createdTime >= Number(value) : post.createdTime <= Number(value)));
  }

  const page = candidates.slice(0, count);
  const data = page.map((post) => renderPost(ctx, state, record, post));
  if (candidates.length <= count) return jsonReply(200, { meta: { code: 200 }, data, pagination: {} });

  const nextMaxId = page[page.length - 1].legacyId;
  // The real API put the caller's access_token into next_url, so clients could fetch it as is.
  const next = new URLSearchParams({ access_token: record.token });
  for (const [key, value] of ctx.query) if (key !== 'access_token' && key !== 'max_id') next.append(key, value);
  next.set('max_id', nextMaxId);
  const nextUrl = `${ctx.origin}${ctx.prefix}/v1/users/${encodeURIComponent(userKey)}/media/recent?${next}`;
  return jsonReply(200, { meta: { code: 200 }, data, pagination: { next_url: nextUrl, next_max_id: nextMaxId } });
}

function readCount(value: string | null): number {
  if (value === null || !/^\d+$/.test(value) || Number(value) === 0) return DEFAULT_COUNT;
  return Math.min(MAX_COUNT, Number(value));
}

function renderPost(ctx: RequestContext, state: IslandState, record: TokenRecord, post: IslandPost) {
  const owner = findUser(state.dataset, post.ownerId) as IslandUser;
  return v1Media(post, owner, record.userId, new MediaUrls(ctx));
}

function ok(data: unknown): Reply {
  return jsonReply(200, { meta: { code: 200 }, data });
}

/** Adds rate-limit headers to a reply for a request without a valid token. Such requests count against no limit, so the headers show the sandbox default. */
function withRateHeaders(reply: Reply): Reply {
  reply.headers['X-Ratelimit-Limit'] = String(DEFAULT_RATE_LIMIT);
  reply.headers['X-Ratelimit-Remaining'] = String(DEFAULT_RATE_LIMIT);
  return reply;
}
