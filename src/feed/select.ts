/**
 * The page's `transform` and `filter` functions and the `media-types` filter, applied to the
 * loaded items. A function that throws (or returns something unusable) never breaks the feed:
 * the item is kept as loaded and one IgError describes the failures.
 */
import { IgError } from '../api/errors.js';
import type { IgMedia } from '../api/model.js';
import { mediaKind, type MediaKind } from './options.js';

/** Maps an item before it is shown, for example to shorten captions or hide usernames. */
export type IgTransform = (item: IgMedia) => IgMedia;
/** Decides whether an item is shown; return false to hide it. */
export type IgFilter = (item: IgMedia) => unknown;

const TYPES = new Set(['image', 'video', 'carousel']);

function isMedia(value: unknown): value is IgMedia {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<IgMedia>;
  return typeof candidate.id === 'string' && typeof candidate.type === 'string' && TYPES.has(candidate.type);
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Collects failures of one page function and turns them into one IgError. */
class FailureLog {
  private count = 0;
  private first?: { id: string; cause: unknown; message: string };

  add(id: string, cause: unknown, message: string): void {
    this.count += 1;
    this.first ??= { id, cause, message };
  }

  toError(property: string, total: number, outcome: string): IgError | undefined {
    if (!this.first) return undefined;
    const { id, cause, message } = this.first;
    return new IgError('invalid-attribute',
      `The ${property} function failed for ${this.count} of ${total} items (item ${id}: ${message}); ${outcome}`,
      { cause, hint: `Make the ${property} property a function that takes an IgMedia object and does not throw.` });
  }
}

/**
 * Applies `transform` to each item, reusing earlier results for the same item object and
 * function. Returns the mapped items and an error when some items could not be mapped.
 */
export class TransformCache {
  private results = new WeakMap<IgMedia, IgMedia>();
  private transform?: IgTransform;

  apply(items: readonly IgMedia[], transform: IgTransform | undefined): { items: IgMedia[]; error?: IgError } {
    if (transform !== this.transform) {
      this.transform = transform;
      this.results = new WeakMap();
    }
    if (!transform) return { items: [...items] };

    const failures = new FailureLog();
    const mapped = items.map((item) => {
      const known = this.results.get(item);
      if (known) return known;
      let result: IgMedia = item;
      try {
        const value: unknown = transform(item);
        if (isMedia(value)) result = value;
        else failures.add(item.id, value, `it returned ${value === null ? 'null' : typeof value} instead of an item with an id and a type`);
      } catch (error) {
        failures.add(item.id, error, `it threw "${describeFailure(error)}"`);
      }
      this.results.set(item, result);
      return result;
    });
    return { items: mapped, error: failures.toError('transform', items.length, 'those items are shown unchanged.') };
  }
}

/** Keeps the items of the selected kinds that `filter` accepts; an item whose filter call throws is kept. */
export function filterItems(
  items: readonly IgMedia[], kinds: ReadonlySet<MediaKind> | undefined, filter: IgFilter | undefined,
): { items: IgMedia[]; error?: IgError } {
  const ofKind = kinds ? items.filter((item) => kinds.has(mediaKind(item))) : [...items];
  if (!filter) return { items: ofKind };

  const failures = new FailureLog();
  const kept = ofKind.filter((item) => {
    try {
      return Boolean(filter(item));
    } catch (error) {
      failures.add(item.id, error, `it threw "${describeFailure(error)}"`);
      return true;
    }
  });
  return { items: kept, error: failures.toError('filter', ofKind.length, 'those items are shown.') };
}
