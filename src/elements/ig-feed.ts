import { property } from 'lit/decorators.js';
import type { IgClient } from '../api/client.js';
import type { IgPage } from '../api/model.js';
import { IgFeedBase } from '../feed/feed-base.js';
import { defineElement } from '../internal/events.js';

/**
 * A user's recent Instagram posts as a grid of tiles that link to the posts.
 *
 * @summary A user's recent posts.
 * @tag ig-feed
 *
 * @attr access-token - Token for this element only; it wins over the provider's.
 * @attr api - Dialect for this element only: "graph" (default) or "legacy".
 * @attr endpoint - API base URL for this element only.
 * @attr api-version - Graph API version for this element only, such as "v25.0".
 *
 * @fires ig-load - After each page renders. Detail: `{ items, page, hasMore }`.
 * @fires ig-error - When loading fails. Detail: `{ error }`, an IgError with `kind`, `message` and `hint`.
 *
 * @slot - Fallback content: shown before JavaScript runs and again in the error state.
 * @slot loading - Replaces the skeleton tiles shown while the first page loads.
 * @slot empty - Replaces the message shown when the user has no posts.
 * @slot error - Replaces the message shown when loading fails.
 * @slot load-more-label - Replaces the "Load more" button text.
 *
 * @csspart grid - The list of tiles (also the skeleton list, with `skeleton-grid`).
 * @csspart item - One tile's list item.
 * @csspart link - The link to the post around the image.
 * @csspart media - The tile image.
 * @csspart badge - The video or album badge; also `badge-video` or `badge-album`.
 * @csspart placeholder - The neutral tile for an item without a usable image.
 * @csspart caption - The caption under a tile (with `show-captions`).
 * @csspart skeleton - One loading placeholder tile.
 * @csspart message - The empty or error message box; also `empty` or `error`.
 * @csspart footer - The area under the grid holding the load-more button.
 * @csspart load-more - The "Load more" button.
 * @csspart more-error - The message shown when loading more fails.
 *
 * @cssprop --ig-columns - Column count when the `columns` attribute is set.
 * @cssprop --ig-tile-min-width - Smallest tile width in the responsive grid (default 140px).
 * @cssprop --ig-tile-aspect-ratio - Tile shape (default 1 / 1).
 * @cssprop --ig-gap - Space between tiles (default 4px).
 * @cssprop --ig-radius - Corner radius of tiles and boxes (default 4px).
 * @cssprop --ig-color - Text color.
 * @cssprop --ig-muted-color - Secondary text color.
 * @cssprop --ig-tile-background - Background of tiles, skeletons and messages.
 * @cssprop --ig-accent-color - Focus ring color.
 * @cssprop --ig-caption-font-size - Caption font size (default 0.875em).
 * @cssprop --ig-font - Font shorthand for the element.
 */
export class IgFeed extends IgFeedBase {
  /** Whose posts to show: a user id; defaults to the provider's `user-id`, then the token's own user ("self" or "me"). */
  @property({ attribute: 'user-id' }) userId?: string;

  /** Registers the element as `tag` (default "ig-feed"); calling it again does nothing. */
  static define(tag = 'ig-feed'): void {
    defineElement(tag, 'ig-feed', this);
  }

  protected selection(): string {
    return this.userId ?? '';
  }

  protected fetchPage(client: IgClient, cursor: string | undefined, limit: number, signal: AbortSignal): Promise<IgPage> {
    return client.userMedia(this.userId?.trim() || undefined, { limit, cursor, signal });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ig-feed': IgFeed;
  }
}
