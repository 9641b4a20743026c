/**
 * Recovery from images that fail to load. Instagram's CDN URLs are signed and expire: the
 * `oe` parameter is the expiry, and an expired URL gets HTTP 403. So the first failure of an
 * item's image fetches that one item again for fresh URLs. A second failure, or a fresh copy
 * with the same URL, leaves the item's neutral placeholder tile in place of the image.
 */
import type { IgClient } from '../api/client.js';
import type { IgError } from '../api/errors.js';
import type { IgMedia } from '../api/model.js';
import { toIgError } from '../internal/ig-element.js';

export interface RefetchHost {
  readonly client: IgClient | undefined;
  readonly items: IgMedia[];
  replaceItem(fresh: IgMedia): void;
  report(error: IgError): void;
  requestUpdate(): void;
}

function urlsOf(item: IgMedia): string[] {
  const own = [item.mediaUrl, item.thumbnailUrl].filter((url): url is string => !!url);
  return [...own, ...(item.children ?? []).flatMap(urlsOf)];
}

/** Copies the fresh item's fields over the loaded one, keeping fields the single-item response lacks. */
function merge(loaded: IgMedia, fresh: IgMedia): IgMedia {
  const merged: IgMedia = { ...loaded };
  for (const [key, value] of Object.entries(fresh)) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return merged;
}

export class ImageRefresher {
  private attempted = new Set<string>();
  /** Items being fetched again; their other images failing meanwhile (such as the lightbox's) wait for the fresh copy. */
  private pending = new Set<string>();
  private broken = new Set<string>();
  private controller = new AbortController();

  constructor(private readonly host: RefetchHost) {}

  /** Forgets every attempt and cancels the ones in flight, for a new first page. */
  reset(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.attempted = new Set();
    this.pending = new Set();
    this.broken = new Set();
  }

  isBroken(item: IgMedia): boolean {
    return this.broken.has(item.id);
  }

  private giveUp(id: string): void {
    this.broken.add(id);
    this.host.requestUpdate();
  }

  /** Handles the error event of an image that belongs to `item` (an album's child images belong to the album). */
  imageFailed(item: IgMedia, event: Event): void {
    const image = event.currentTarget as HTMLImageElement | null;
    const failedUrl = image?.currentSrc || image?.getAttribute('src') || '';
    const id = item.id;
    if (this.broken.has(id) || this.pending.has(id)) return;
    const client = this.host.client;
    if (this.attempted.has(id) || !client) {
      this.giveUp(id);
      return;
    }
    this.attempted.add(id);
    this.pending.add(id);
    const { signal } = this.controller;
    client.media(id, { signal }).then(
      (fresh) => {
        if (signal.aborted) return;
        this.pending.delete(id);
        const loaded = this.host.items.find((candidate) => candidate.id === id);
        if (!loaded) return;
        if (failedUrl && urlsOf(fresh).includes(failedUrl)) this.giveUp(id);
        else this.host.replaceItem(merge(loaded, fresh));
      },
      (error: unknown) => {
        if (signal.aborted) return;
        this.pending.delete(id);
        const igError = toIgError(error);
        if (igError.kind === 'aborted') return;
        this.giveUp(id);
        this.host.report(igError);
      },
    );
  }
}
