/** Sort orders for feed items, including a seeded random order that is the same on every page load. */
import type { IgMedia } from '../api/model.js';
import type { FeedSort } from './options.js';

/** Hashes text to an unsigned 32-bit integer with FNV-1a over its UTF-16 code units. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * Returns a pseudo-random generator of numbers in [0, 1): Marsaglia's xorshift32 with
 * shifts 13, 17 and 5. The same seed always gives the same sequence. Not for security.
 */
export function seededRandom(seed: number): () => number {
  // xorshift32 never leaves the state 0, so a zero seed is replaced by a fixed odd constant.
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

/**
 * Returns the random-order key of one item: the first output of a generator seeded with the
 * seed and the item's id. Each item's key depends only on those two, so loading more items
 * never changes the relative order of the items already shown.
 */
function randomKey(seed: string, id: string): number {
  const next = seededRandom(hashText(`${seed}\u0000${id}`));
  // The first outputs of xorshift32 from nearby seeds are correlated; a few rounds mix them.
  next();
  next();
  return next();
}

function time(item: IgMedia): number {
  const value = Date.parse(item.timestamp);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** Compares two numbers where NaN (a missing value) sorts after every number. */
function missingLast(a: number, b: number, descending: boolean): number {
  const aMissing = Number.isNaN(a);
  const bMissing = Number.isNaN(b);
  if (aMissing || bMissing) return Number(aMissing) - Number(bMissing);
  return descending ? b - a : a - b;
}

/**
 * Returns the items in the requested order without changing the input. The sort is stable,
 * so items that compare equal (or lack the value) keep the API's order.
 */
export function sortItems(items: readonly IgMedia[], sort: FeedSort, seed: string): IgMedia[] {
  const copy = [...items];
  switch (sort) {
    case 'newest':
      return copy.sort((a, b) => missingLast(time(a), time(b), true));
    case 'oldest':
      return copy.sort((a, b) => missingLast(time(a), time(b), false));
    case 'most-liked':
      return copy.sort((a, b) => missingLast(a.likeCount ?? Number.NaN, b.likeCount ?? Number.NaN, true));
    case 'random': {
      const keys = new Map(copy.map((item) => [item, randomKey(seed, item.id)]));
      return copy.sort((a, b) => keys.get(a)! - keys.get(b)!);
    }
    default:
      return copy;
  }
}
