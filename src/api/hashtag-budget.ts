/**
 * The Graph hashtag budget: Instagram allows 30 unique hashtags per professional account in a
 * rolling 7-day window, and searching a hashtag again neither counts again nor restarts its
 * window. This module counts, per IG user id, the hashtags this browser has used, in
 * localStorage (tag and first-use time only, never a token), warns once per tag from the 25th
 * and rejects a 31st before any request is sent. Other browsers and servers that use the same
 * account are not counted, so the API may still reject a tag earlier.
 */
import { warnOnce } from '../internal/dev.js';
import { IgError } from './errors.js';

export const HASHTAG_BUDGET = 30;
export const HASHTAG_BUDGET_WARN_FROM = 25;
export const HASHTAG_BUDGET_WINDOW_MS = 7 * 24 * 3600 * 1000;
export const HASHTAG_BUDGET_PREFIX = 'ig-elements:hashtags:';

/** Tag name to the time (milliseconds since 1970) of its first use in the current window. */
type Usage = Record<string, number>;

/** The counts of this page, used where localStorage cannot be read or written. */
const memory = new Map<string, Usage>();
/** Users whose last count could not be written to localStorage, so memory is the newer copy. */
const memoryOnly = new Set<string>();

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Reading localStorage throws in sandboxed frames and with site data blocked.
    return undefined;
  }
}

/** Reads a user's usage from localStorage (so other tabs count too), or from memory where storage fails. */
function read(userId: string): Usage {
  const store = storage();
  let raw: string | null;
  try {
    if (!store || memoryOnly.has(userId)) return { ...memory.get(userId) };
    raw = store.getItem(HASHTAG_BUDGET_PREFIX + userId);
  } catch {
    return { ...memory.get(userId) };
  }
  const usage: Usage = {};
  if (raw === null) return usage;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      for (const [tag, time] of Object.entries(parsed)) {
        if (typeof time === 'number' && Number.isFinite(time)) usage[tag] = time;
      }
    }
  } catch {
    // A damaged entry counts as empty and is overwritten by the next use.
  }
  return usage;
}

function write(userId: string, usage: Usage): void {
  memory.set(userId, usage);
  try {
    storage()?.setItem(HASHTAG_BUDGET_PREFIX + userId, JSON.stringify(usage));
    memoryOnly.delete(userId);
  } catch {
    // A full or blocked storage keeps the count in memory for this page only.
    memoryOnly.add(userId);
  }
}

/** Returns the tags counted for a user in the 7 days before `now`, oldest first. */
export function hashtagUsage(userId: string, now = Date.now()): Array<{ tag: string; firstUsed: number }> {
  return Object.entries(read(userId))
    .filter(([, firstUsed]) => firstUsed > now - HASHTAG_BUDGET_WINDOW_MS && firstUsed <= now)
    .map(([tag, firstUsed]) => ({ tag, firstUsed }))
    .sort((a, b) => a.firstUsed - b.firstUsed);
}

function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Checks that `tag` may be searched for `userId` now. Throws a `rate-limit` IgError, whose
 * `retryAfter` is in seconds, when 30 other unique tags were used in the last 7 days.
 */
export function admitHashtag(userId: string, tag: string, now = Date.now()): void {
  const used = hashtagUsage(userId, now);
  if (used.length < HASHTAG_BUDGET || used.some((entry) => entry.tag === tag)) return;

  const oldest = used[0];
  const freesAt = oldest.firstUsed + HASHTAG_BUDGET_WINDOW_MS;
  throw new IgError(
    'rate-limit',
    `The hashtag budget is used up: IG user ${userId} has searched ${used.length} unique hashtags in the last 7 days ` +
      `(counted in this browser), and Instagram allows ${HASHTAG_BUDGET}. #${tag} can be searched after ${formatTime(freesAt)}, ` +
      `when #${oldest.tag} leaves the 7-day window.`,
    {
      retryAfter: Math.max(1, Math.ceil((freesAt - now) / 1000)),
      hint: 'Show a hashtag already searched this week (searching it again does not count), or wait until the time in the message.',
    },
  );
}

/** Counts `tag` as used by `userId` (its first use only) and warns once per tag from the 25th unique tag. */
export function recordHashtag(userId: string, tag: string, now = Date.now()): void {
  const current = hashtagUsage(userId, now);
  const usage: Usage = Object.fromEntries(current.map((entry) => [entry.tag, entry.firstUsed]));
  if (usage[tag] === undefined) {
    usage[tag] = now;
    write(userId, usage);
  }

  const count = Object.keys(usage).length;
  if (count < HASHTAG_BUDGET_WARN_FROM) return;
  const oldest = current[0] ?? { tag, firstUsed: now };
  warnOnce(
    `hashtag-budget|${userId}|${tag}`,
    `Hashtag budget: IG user ${userId} has used ${count} of ${HASHTAG_BUDGET} unique hashtags in the last 7 days ` +
      `in this browser (#${tag} included). Instagram rejects a ${HASHTAG_BUDGET + 1}st; ` +
      `the oldest, #${oldest.tag}, frees up at ${formatTime(oldest.firstUsed + HASHTAG_BUDGET_WINDOW_MS)}.`,
  );
}
