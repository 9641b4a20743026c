/** Browser-side helpers for the hashtag tests: the island's hashtag clock, budget seeding and request logs. */
import { HASHTAG_BUDGET_PREFIX, HASHTAG_BUDGET_WINDOW_MS } from '../../src/api/hashtag-budget.js';
import { ISLAND } from './island.js';

/** Time of the island dataset's newest post; a hashtag clock set to it puts a few posts inside recent_media's 24 hours. */
export const DATASET_BASE_TIME = '2026-11-01T12:00:00Z';

/** Sets the time the island's Graph hashtag endpoints see for one token; null resets it. */
export async function setHashtagClock(token: string, now: string | number | null): Promise<void> {
  const response = await fetch(`${ISLAND}/__island/hashtag-clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token, now }),
  });
  if (!response.ok) throw new Error(`hashtag clock: HTTP ${response.status} ${await response.text()}`);
}

/**
 * Writes `count` hashtags "tag0"… into the budget of `userId`, first used one minute apart
 * starting `startMsAgo` before now, and returns a function that restores what was stored before.
 */
export function seedBudget(userId: string, count: number, startMsAgo = HASHTAG_BUDGET_WINDOW_MS / 2): () => void {
  const key = HASHTAG_BUDGET_PREFIX + userId;
  const previous = localStorage.getItem(key);
  const start = Date.now() - startMsAgo;
  const usage = Object.fromEntries(Array.from({ length: count }, (_, index) => [`tag${index}`, start + index * 60_000]));
  localStorage.setItem(key, JSON.stringify(usage));
  return () => {
    if (previous === null) localStorage.removeItem(key);
    else localStorage.setItem(key, previous);
  };
}

/** Collects the URLs this page fetched from the island's Graph or legacy API since `start()`, from Resource Timing. */
export class RequestLog {
  private from = 0;

  constructor() {
    performance.setResourceTimingBufferSize(10_000);
  }

  start(): void {
    this.from = performance.now();
  }

  /** API requests since start(), as URLs, oldest first. */
  urls(): URL[] {
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime >= this.from && /\/island\/(graph|v1)\//.test(entry.name))
      .map((entry) => new URL(entry.name));
  }

  /** Requests since start() whose path contains `fragment`. */
  matching(fragment: string): URL[] {
    return this.urls().filter((url) => url.pathname.includes(fragment));
  }
}

/** Throws when this page fetched anything from a host other than its own (the test server on 127.0.0.1). */
export function assertOnlyLocalRequests(): void {
  const foreign = performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin !== location.origin);
  if (foreign.length > 0) throw new Error(`requests left the test server: ${foreign.map((url) => url.origin).join(', ')}`);
}
