import { property } from 'lit/decorators.js';
import type { IgClient } from '../api/client.js';
import { createClient } from '../api/index.js';
import type { IgDialectName, IgMedia, IgPage } from '../api/model.js';
import { invalidTagError, normalizeTag, TAG_ORDERS, type IgTagOrder } from '../api/tags.js';
import type { IgError } from '../api/errors.js';
import { IgFeedBase, type FeedSort, type IgLoadDetail } from '../feed/feed-base.js';
import { readEnum } from '../internal/attributes.js';
import { warnOnce } from '../internal/dev.js';
import { defineElement } from '../internal/events.js';

/** Explains why a tag feed may be empty, for the empty state and the `ig-load` detail. */
function emptyTagReason(dialect: IgDialectName | undefined, order: IgTagOrder): string | undefined {
  if (dialect === 'legacy') {
    return 'In sandbox mode (as on the island) the legacy API searches only the 20 most recent posts of each sandbox user.';
  }
  if (dialect === 'graph' && order === 'recent') {
    return 'Instagram lists only posts from the last 24 hours as a hashtag\'s recent media; order="top" shows its most popular posts.';
  }
  return undefined;
}

/**
 * Posts with one hashtag, rendered exactly like `<ig-feed>`: the same layouts, lightbox,
 * templates, states, parts and custom properties.
 *
 * With `api="legacy"` it reads `/tags/{tag}/media/recent`, which needs the `public_content`
 * scope. With `api="graph"` it searches the hashtag on graph.facebook.com. That needs a
 * Facebook Login token with the Instagram Public Content Access feature and the IG user id of
 * a professional account (`user-id`), and each new tag counts toward that account's 30 unique
 * hashtags in 7 days. Graph hashtag media have no username and no video poster, so videos
 * show a neutral tile that links to the post.
 *
 * @summary Posts with one hashtag.
 * @tag ig-tag-feed
 *
 * @attr access-token - Token for this element only; it wins over the provider's.
 * @attr api - Dialect for this element only: "graph" (default) or "legacy".
 * @attr endpoint - API base URL for this element only.
 * @attr api-version - Graph API version for this element only, such as "v25.0".
 *
 * @fires ig-load - After each page renders. Detail: `{ items, page, hasMore, reason? }`, with the items as shown; `reason` explains an empty result by the API's search limits.
 * @fires ig-error - When loading fails or `tag` is invalid, and when `filter`, `transform` or `renderItem` throws. Detail: `{ error }`, an IgError with `kind`, `message` and `hint`.
 * @fires ig-select - Cancelable. When a post is activated, before the lightbox opens (or the link is followed); `preventDefault()` stops both. Detail: `{ item, index, childIndex }`.
 * @fires ig-consent-request - Cancelable. When the visitor presses the built-in "Allow Instagram content" button; unless a listener calls `preventDefault()`, the provider's `grant()` follows. Detail: `{}`.
 *
 * @slot - Fallback content: shown before JavaScript runs, while consent is pending, and in the error state.
 * @slot loading - Replaces the skeleton tiles shown while the first page loads.
 * @slot empty - Replaces the message shown when no post is shown, including the reason.
 * @slot error - Replaces the message shown when loading fails.
 * @slot consent - Replaces the message and button shown while `<ig-provider consent="required">` waits for consent.
 * @slot load-more-label - Replaces the "Load more" button text.
 *
 * @csspart items - The box around the items of any layout.
 * @csspart grid - The list of tiles in the grid layout (also the skeleton list, with `skeleton-grid` or `skeleton-carousel`).
 * @csspart list - The list of rows in the list layout (also the skeleton list, with `skeleton-list`).
 * @csspart item - One item in any layout: a grid cell, a list row (also `row`) or a carousel slide (also `slide`).
 * @csspart link - The tile's control around the image: a link to the post, or a button when the item has no permalink.
 * @csspart media - The tile image.
 * @csspart badge - The video or album badge; also `badge-video` or `badge-album`.
 * @csspart placeholder - The neutral tile for an item without a usable image (every Graph hashtag video), or whose image failed twice.
 * @csspart placeholder-label - The text in the neutral tile.
 * @csspart caption - The caption under a tile (with `show-captions`) or in a list row.
 * @csspart date - The post date: under a tile (with `show-dates`), in list rows and in the lightbox.
 * @csspart username - The author's name in list rows and in the lightbox (legacy only: Graph hashtag media have none).
 * @csspart row-media - The image column of a list row.
 * @csspart row-text - The text column of a list row.
 * @csspart carousel - The carousel region.
 * @csspart track - The scrolling track of carousel slides.
 * @csspart carousel-controls - The bar under the track with the buttons and the position.
 * @csspart carousel-button - The previous and next buttons of the carousel; also `carousel-previous` or `carousel-next`.
 * @csspart carousel-status - The "n / total" position of the carousel.
 * @csspart album-nav - The album child controls in a carousel slide and in the lightbox.
 * @csspart album-button - The previous and next album child buttons; also `album-previous` or `album-next`.
 * @csspart album-status - The "n / total" position within an album.
 * @csspart lightbox - The lightbox `<dialog>`.
 * @csspart lightbox-content - The lightbox's inner box.
 * @csspart lightbox-header - The lightbox's top bar with the position and the close button.
 * @csspart lightbox-status - The position text, announced politely when it changes.
 * @csspart lightbox-button - The lightbox's buttons; also `lightbox-close`, `lightbox-previous` or `lightbox-next`.
 * @csspart lightbox-stage - The row with the media between the previous and next buttons.
 * @csspart lightbox-figure - The box around the lightbox media.
 * @csspart lightbox-media - The lightbox image (also the poster of a video that cannot play).
 * @csspart lightbox-video - The lightbox video player.
 * @csspart video-fallback - What replaces a video that cannot play: its poster and a link to the post.
 * @csspart video-fallback-message - The text and link under that poster.
 * @csspart lightbox-details - The username, caption, date and link under the media.
 * @csspart lightbox-caption - The full caption in the lightbox.
 * @csspart lightbox-meta - The line with the date and the link to the post.
 * @csspart lightbox-link - The links to the post in the lightbox.
 * @csspart like-button - The <ig-like-button> under each item (with `show-like-buttons`); style its inside through its own parts.
 * @csspart skeleton - One loading placeholder tile.
 * @csspart message - The empty, error or consent message box; also `empty`, `error` or `consent`.
 * @csspart error-details - The folded "Details" with the API's own message, in the error state.
 * @csspart consent-button - The built-in "Allow Instagram content" button.
 * @csspart footer - The area under the items holding the load-more button.
 * @csspart load-more - The "Load more" (or "Try again") button.
 * @csspart more-error - The message shown when loading more fails.
 * @csspart loading-more - The status text while load-more="scroll" loads a page.
 * @csspart sentinel - The invisible element whose visibility triggers load-more="scroll".
 *
 * @cssprop --ig-columns - Most grid columns; `columns` sets it, or set it in CSS (media queries work).
 * @cssprop --ig-tile-min-width - Smallest tile width in the grid (default 140px); 0 keeps exactly --ig-columns columns.
 * @cssprop --ig-tile-aspect-ratio - Tile shape (default 1 / 1).
 * @cssprop --ig-gap - Space between tiles (default 4px).
 * @cssprop --ig-radius - Corner radius of tiles, boxes and the lightbox (default 4px).
 * @cssprop --ig-color - Text color.
 * @cssprop --ig-muted-color - Secondary text color (dates, positions).
 * @cssprop --ig-tile-background - Background of tiles, skeletons and messages.
 * @cssprop --ig-accent-color - Focus ring and link color.
 * @cssprop --ig-caption-font-size - Caption font size (default 0.875em).
 * @cssprop --ig-date-font-size - Date font size (default 0.8125em).
 * @cssprop --ig-font - Font shorthand for the element.
 * @cssprop --ig-list-media-width - Image width in list rows (default 96px).
 * @cssprop --ig-slide-width - Width of one carousel slide (default 100%).
 * @cssprop --ig-control-size - Size of the round carousel and lightbox buttons (default 36px).
 * @cssprop --ig-control-background - Background of buttons (default Canvas).
 * @cssprop --ig-lightbox-max-width - Largest width of the lightbox (default 960px).
 * @cssprop --ig-lightbox-background - Background of the lightbox (default Canvas).
 * @cssprop --ig-lightbox-backdrop - What covers the page behind the lightbox (default rgb(0 0 0 / 0.8)).
 */
export class IgTagFeed extends IgFeedBase {
  /** The hashtag, with or without "#", in any case: letters of any script, digits and underscores, such as "#lighthouse" or "東京". */
  @property() tag?: string;

  /** "recent" (default) or "top" (Graph only: the most popular posts). With api="legacy", "top" warns once and shows recent posts. */
  @property() order?: string;

  /** Graph: IG user id of the professional account that searches; defaults to the provider's `user-id`. Ignored by the legacy dialect. */
  @property({ attribute: 'user-id' }) userId?: string;

  /** Graph: base URL for the hashtag endpoints, for this element only; defaults to the provider's `facebook-endpoint`, then https://graph.facebook.com. */
  @property({ attribute: 'facebook-endpoint' }) facebookEndpoint?: string;

  private facebookClient?: { base: IgClient; endpoint: string; client: IgClient };

  /** Registers the element as `tag` (default "ig-tag-feed"); calling it again does nothing. */
  static define(tag = 'ig-tag-feed'): void {
    defineElement(tag, 'ig-tag-feed', this);
  }

  /** The hashtag in canonical form (without "#", lowercase), or undefined while `tag` is invalid. */
  get normalizedTag(): string | undefined {
    return normalizeTag(this.tag);
  }

  protected get effectiveOrder(): IgTagOrder {
    return readEnum(this, 'order', this.order, TAG_ORDERS, 'recent');
  }

  /** Returns the client with this element's `facebook-endpoint` applied on top of the provider's or its own settings. */
  protected override get client(): IgClient | undefined {
    const base = super.client;
    const endpoint = this.facebookEndpoint?.trim();
    if (!base || !endpoint || base.settings.facebookEndpoint === endpoint) return base;
    if (this.facebookClient?.base !== base || this.facebookClient.endpoint !== endpoint) {
      // Kept while its inputs stay the same, because a new client object makes the feed load again.
      this.facebookClient = { base, endpoint, client: createClient({ ...base.settings, facebookEndpoint: endpoint }) };
    }
    return this.facebookClient.client;
  }

  protected selection(): string {
    return [this.tag ?? '', this.effectiveOrder, this.userId ?? ''].join('|');
  }

  protected override validate(): IgError | undefined {
    return this.normalizedTag === undefined ? invalidTagError(this.tag) : undefined;
  }

  /** Keeps the API's order (newest tagging or most popular) unless `sort` is set. */
  protected override defaultSort(): FeedSort {
    return 'none';
  }

  /** Explains an empty result by the API's search limits; items hidden by filters need no such reason. */
  protected override emptyReason(): string | undefined {
    if (this.items.length > 0) return undefined;
    return emptyTagReason(this.client?.dialect, this.effectiveOrder);
  }

  protected override loadDetail(added: IgMedia[]): IgLoadDetail {
    const detail = super.loadDetail(added);
    const reason = detail.items.length === 0 ? this.emptyReason() : undefined;
    return reason ? { ...detail, reason } : detail;
  }

  protected fetchPage(client: IgClient, cursor: string | undefined, limit: number, signal: AbortSignal): Promise<IgPage> {
    const order = this.effectiveOrder;
    if (order === 'top' && client.dialect === 'legacy') {
      warnOnce(
        `${this.localName}|order|top-legacy`,
        `<${this.localName}> order="top" is not available with api="legacy": the v1 API lists only a tag's recent media. Showing recent posts.`,
        this,
      );
    }
    const userId = this.userId?.trim() || undefined;
    return client.tagMedia(this.tag ?? '', { limit, cursor, signal, order, userId });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ig-tag-feed': IgTagFeed;
  }
}
