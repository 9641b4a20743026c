// Hashtag facts that both dialects' tag endpoints share: valid names, stable hashtag ids and the
// visible posts that carry a tag. It also keeps per-token state for the Graph hashtag endpoints:
// the token's hashtag clock, and the unique hashtags it searched in the last 7 days.

import { createHash } from 'node:crypto';
import { jsonReply, type Reply, type RequestContext } from './http.js';
import type { IslandState } from './state.js';
import type { Dataset, IslandPost } from './types.js';

/** Graph allows 30 unique hashtags per account in a rolling 7-day window. */
export const HASHTAG_QUOTA = 30;
export const HASHTAG_WINDOW_MS = 7 * 24 * 3600 * 1000;
/** Graph recent_media lists only media published in the 24 hours before the query. */
export const RECENT_WINDOW_MS = 24 * 3600 * 1000;

/** A hashtag name: letters (any script), combining marks, digits and underscores, not starting with a mark. */
const NAME = /^[\p{L}\p{N}_][\p{L}\p{M}\p{N}_]*$/u;

/** Returns the canonical name (NFC, lowercase) of a hashtag without '#', or undefined when it is not a valid name. */
export function canonicalHashtag(raw: string): string | undefined {
  const name = raw.normalize('NFC').toLowerCase();
  return NAME.test(name) ? name : undefined;
}

/**
 * Returns the hashtag id of a name: "17843" and 12 digits of a SHA-256 of the name. Real
 * hashtag ids are global and never change, so the island derives them instead of counting.
 */
export function hashtagId(name: string): string {
  const digest = createHash('sha256').update(`hashtag:${name}`).digest('hex');
  const digits = (BigInt(`0x${digest.slice(0, 16)}`) % 10n ** 12n).toString().padStart(12, '0');
  return `17843${digits}`;
}

/** Returns the visible posts that carry the tag, newest first: hidden sandbox posts are never found. */
export function taggedPosts(dataset: Dataset, name: string): IslandPost[] {
  return dataset.posts.filter((post) => post.visible && post.tags.includes(name));
}

interface TokenHashtags {
  /** Added to the island's clock for this token's hashtag requests. */
  clockOffsetMs: number;
  /** Unique hashtag names this token searched, with the time of the first search in the current window. */
  searched: Map<string, number>;
}

/** Per-island hashtag state, kept beside IslandState so the island's own records stay unchanged. */
export class HashtagState {
  /** Hashtag id to name, for every tag in the dataset and every name searched on this island. */
  readonly names = new Map<string, string>();
  private readonly tokens = new Map<string, TokenHashtags>();

  constructor(dataset: Dataset) {
    for (const post of dataset.posts) for (const tag of post.tags) this.register(tag);
  }

  register(name: string): string {
    const id = hashtagId(name);
    this.names.set(id, name);
    return id;
  }

  forToken(token: string): TokenHashtags {
    let entry = this.tokens.get(token);
    if (!entry) {
      entry = { clockOffsetMs: 0, searched: new Map() };
      this.tokens.set(token, entry);
    }
    return entry;
  }

  /** Returns the time the hashtag endpoints see for this token: the request time plus the token's clock offset. */
  now(ctx: RequestContext, token: string): number {
    return ctx.now + (this.tokens.get(token)?.clockOffsetMs ?? 0);
  }

  /** Returns the names the token searched in the 7 days before `now`, oldest first, dropping older ones. */
  activeSearches(token: string, now: number): Array<[string, number]> {
    const { searched } = this.forToken(token);
    for (const [name, firstSearch] of searched) {
      if (firstSearch <= now - HASHTAG_WINDOW_MS) searched.delete(name);
    }
    return [...searched].sort((a, b) => a[1] - b[1]);
  }
}

const hashtagStates = new WeakMap<IslandState, HashtagState>();

export function hashtagState(state: IslandState): HashtagState {
  let tags = hashtagStates.get(state);
  if (!tags) {
    tags = new HashtagState(state.dataset);
    hashtagStates.set(state, tags);
  }
  return tags;
}

/**
 * Handles POST /__island/hashtag-clock with JSON {token, now}: from then on the Graph hashtag
 * endpoints see `now` (ISO 8601 or milliseconds) for this token, advancing with the island's
 * clock; `now: null` resets it. Tests use it to put the fixed dataset inside recent_media's
 * 24 hours without changing the dataset or the clock of other tokens.
 */
export function setHashtagClock(ctx: RequestContext, state: IslandState): Reply {
  const { token, now } = ctx.body;
  if (typeof token !== 'string' || token === '') {
    return jsonReply(400, { error: 'token must be the access token whose hashtag clock to set.' });
  }
  const lookup = state.tokens.lookup(token);
  if (lookup.status === 'missing' || lookup.status === 'unknown') {
    return jsonReply(400, { error: 'token is not a token this island issued.' });
  }
  let target: number;
  if (now === null) target = ctx.now;
  else if (typeof now === 'number' && Number.isFinite(now)) target = now;
  else if (typeof now === 'string' && !Number.isNaN(Date.parse(now))) target = Date.parse(now);
  else return jsonReply(400, { error: 'now must be an ISO 8601 time, milliseconds since 1970, or null to reset.' });

  const entry = hashtagState(state).forToken(token);
  entry.clockOffsetMs = target - ctx.now;
  return jsonReply(200, { now: new Date(target).toISOString() });
}
