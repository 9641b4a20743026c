// Access tokens issued by the control plane, with expiry and a per-token rate limit over a
// sliding hour. Both dialects share one store, so a token works in either.

import { randomBytes } from 'node:crypto';

export const DEFAULT_SCOPES = ['basic'];
/** The legacy sandbox allowed 500 requests per token per hour. */
export const DEFAULT_RATE_LIMIT = 500;
/** The legacy sandbox allowed 30 likes and unlikes per token per hour (60 for live apps). */
export const DEFAULT_LIKES_RATE_LIMIT = 30;
/** Lifetime of a long-lived Instagram token: 60 days. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 60 * 24 * 3600;
const WINDOW_MS = 3600 * 1000;

export interface TokenRecord {
  token: string;
  userId: string;
  scopes: string[];
  issuedAt: number;
  /** Expiry in milliseconds since the epoch. */
  expiresAt: number;
  /** Requests allowed per sliding hour. */
  rateLimit: number;
  /** Likes and unlikes allowed per sliding hour, counted apart from `rateLimit`. */
  likesRateLimit: number;
  /** Times of the requests counted in the current window, oldest first. */
  hits: number[];
}

export type TokenLookup =
  | { status: 'missing' }
  | { status: 'unknown' }
  | { status: 'expired'; record: TokenRecord }
  | { status: 'valid'; record: TokenRecord };

export interface RateLimitUsage {
  limit: number;
  used: number;
  remaining: number;
  /** Milliseconds until the oldest counted request leaves the window; 0 when nothing is counted. */
  resetInMs: number;
}

export class TokenStore {
  private readonly records = new Map<string, TokenRecord>();

  constructor(private readonly now: () => number) {}

  issue(
    userId: string, scopes: string[], expiresInSeconds: number, rateLimit: number, likesRateLimit = DEFAULT_LIKES_RATE_LIMIT,
  ): TokenRecord {
    const issuedAt = this.now();
    const record: TokenRecord = {
      token: `ISL${randomBytes(24).toString('base64url')}`,
      userId,
      scopes: [...scopes],
      issuedAt,
      expiresAt: issuedAt + expiresInSeconds * 1000,
      rateLimit,
      likesRateLimit,
      hits: [],
    };
    this.records.set(record.token, record);
    return record;
  }

  lookup(token: string | undefined): TokenLookup {
    if (token === undefined) return { status: 'missing' };
    const record = this.records.get(token);
    if (!record) return { status: 'unknown' };
    if (record.expiresAt <= this.now()) return { status: 'expired', record };
    return { status: 'valid', record };
  }

  usage(record: TokenRecord): RateLimitUsage {
    const now = this.now();
    while (record.hits.length > 0 && record.hits[0] <= now - WINDOW_MS) record.hits.shift();

    const used = record.hits.length;
    return {
      limit: record.rateLimit,
      used,
      remaining: Math.max(0, record.rateLimit - used),
      resetInMs: used === 0 ? 0 : record.hits[0] + WINDOW_MS - now,
    };
  }

  /** Counts one request and returns true, or returns false without counting when the limit is reached. */
  consume(record: TokenRecord): boolean {
    if (this.usage(record).remaining === 0) return false;
    record.hits.push(this.now());
    return true;
  }
}
