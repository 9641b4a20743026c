// The legacy likes endpoints under /v1/media/{id}/likes: GET lists who liked a post, POST likes
// it and DELETE unlikes it. Likes change the post in the island's dataset, so later media and
// feed reads show the new `user_has_liked` and count. Liking needs the `likes` scope and has its
// own per-token limit over a sliding hour, apart from the global one.

import { jsonReply, type Reply, type RequestContext } from './http.js';
import { v1UserShort } from './legacy-shape.js';
import { MediaUrls } from './media.js';
import { findUser, findVisiblePostByLegacyId } from './queries.js';
import type { IslandState } from './state.js';
import type { TokenRecord } from './tokens.js';
import type { IslandUser } from './types.js';

/** Trait of the dataset post that no user may like: a like request for it gets APINotAllowedError. */
export const NOT_LIKEABLE_TRAIT = 'not-likeable';

const WINDOW_MS = 3600 * 1000;
const LIKES_PATH = /^\/v1\/media\/([^/]+)\/likes\/?$/;

const MESSAGES = {
  likesScope:
    'This request requires scope=likes, but this access token is not authorized with this scope. The user must re-authorize your application with scope=likes to be granted this permissions.',
  publicContent:
    'This request requires scope=public_content, but this access token is not authorized with this scope. The user must re-authorize your application with scope=public_content to be granted this permissions.',
  notAllowed: 'you cannot like this media',
  rateLimit: 'The maximum number of requests per hour has been exceeded.',
  // NOTE: the same unverified wording that legacy.ts uses for unknown media ids.
  mediaNotFound: 'invalid media id',
};

/** Times of the likes and unlikes each token made in the current window, oldest first. */
const likeHits = new WeakMap<TokenRecord, number[]>();

/** Returns the media id when the path is a likes path, else undefined. */
export function matchLikesPath(path: string): string | undefined {
  const match = LIKES_PATH.exec(path);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

function legacyError(status: number, errorType: string, message: string): Reply {
  return jsonReply(status, { meta: { error_type: errorType, code: status, error_message: message } });
}

/**
 * Handles GET, POST and DELETE on /v1/media/{id}/likes for a valid token that the global limit
 * already counted. A POST with `_method=DELETE` counts as a DELETE, as older browsers sent it.
 */
export function handleLikes(ctx: RequestContext, state: IslandState, record: TokenRecord, mediaId: string): Reply {
  const override = typeof ctx.body._method === 'string' ? ctx.body._method.toUpperCase() : ctx.query.get('_method')?.toUpperCase();
  const method = ctx.method === 'POST' && override === 'DELETE' ? 'DELETE' : ctx.method;
  if (method !== 'GET' && method !== 'POST' && method !== 'DELETE') {
    return legacyError(405, 'APINotAllowedError', `The likes endpoint accepts GET, POST and DELETE, not ${ctx.method}.`);
  }

  const post = findVisiblePostByLegacyId(state.dataset, mediaId);
  if (!post) return legacyError(400, 'APINotFoundError', MESSAGES.mediaNotFound);
  const ownPost = post.ownerId === record.userId;

  if (method === 'GET') {
    if (!ownPost && !record.scopes.includes('public_content')) {
      return legacyError(400, 'OAuthPermissionsException', MESSAGES.publicContent);
    }
    const urls = new MediaUrls(ctx);
    const users = post.likedBy
      .map((id) => findUser(state.dataset, id))
      .filter((user): user is IslandUser => user !== undefined);
    return jsonReply(200, { meta: { code: 200 }, data: users.map((user) => v1UserShort(user, urls)) });
  }

  if (!record.scopes.includes('likes')) return legacyError(400, 'OAuthPermissionsException', MESSAGES.likesScope);
  if (!consumeLike(record, ctx.now)) return legacyError(429, 'OAuthRateLimitException', MESSAGES.rateLimit);
  if (post.traits.includes(NOT_LIKEABLE_TRAIT)) return legacyError(400, 'APINotAllowedError', MESSAGES.notAllowed);

  // Liking twice or unliking a post that is not liked changes nothing, and both still succeed.
  const index = post.likedBy.indexOf(record.userId);
  if (method === 'POST' && index < 0) {
    post.likedBy.push(record.userId);
    post.likeCount += 1;
  } else if (method === 'DELETE' && index >= 0) {
    post.likedBy.splice(index, 1);
    post.likeCount = Math.max(0, post.likeCount - 1);
  }
  return jsonReply(200, { meta: { code: 200 }, data: null });
}

/** Counts one like or unlike and returns true, or returns false when the token's likes limit is reached. */
function consumeLike(record: TokenRecord, now: number): boolean {
  const hits = likeHits.get(record) ?? [];
  while (hits.length > 0 && hits[0] <= now - WINDOW_MS) hits.shift();
  likeHits.set(record, hits);
  if (hits.length >= record.likesRateLimit) return false;
  hits.push(now);
  return true;
}
