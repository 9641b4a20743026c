/**
 * The built-in tile shared by every layout: the item's image (or a neutral placeholder) with a
 * badge, as a link to the post, or as the control that opens the lightbox.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { IgMedia } from '../api/model.js';
import { safeUrl } from '../api/normalize.js';
import { clip } from '../internal/text.js';
import { renderDate } from './dates.js';
import { renderLikeButton } from './like.js';
import { altText, kindLabel, posterUrl } from './media.js';

/** Data and callbacks that every layout renders items with; the feed element provides them. */
export interface FeedView {
  /** The shown items, after transform, filters and sorting. */
  items: IgMedia[];
  locale: string | undefined;
  showCaptions: boolean;
  showDates: boolean;
  captionLength: number;
  /** Whether activating a tile opens the lightbox (else the tile is a plain link). */
  lightbox: boolean;
  /** The feed's own API settings for the like buttons under each item, or undefined without `show-like-buttons`. */
  likeButtons?: { accessToken?: string; api?: string; endpoint?: string; apiVersion?: string };
  /** The page's own rendering of an item, or undefined for the built-in tile. */
  custom(item: IgMedia, index: number): unknown;
  /** Whether the item's image failed again after a refetch, so the placeholder shows. */
  isBroken(item: IgMedia): boolean;
  /** Handles a click on a tile: fires `ig-select`, then opens the lightbox or follows the link. */
  activate(index: number, childIndex: number, event: Event): void;
  /** Handles an image that failed to load, such as an expired signed URL. */
  imageFailed(item: IgMedia, event: Event): void;
}

const playIcon = html`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M8 5v14l11-7z"/></svg>`;
const albumIcon = html`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 6h12v12H4zM8 2h12v12h-2V4H8z"/></svg>`;
export const glyph = html`<svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="1.8" d="M7 3h10a4 4 0 0 1 4 4v10a4 4 0 0 1-4 4H7a4 4 0 0 1-4-4V7a4 4 0 0 1 4-4z"/><circle cx="12" cy="12" r="4.2" fill="none" stroke="currentColor" stroke-width="1.8"/><circle cx="17.4" cy="6.6" r="1.1" fill="currentColor"/></svg>`;

function badge(item: IgMedia): TemplateResult | typeof nothing {
  if (item.type === 'carousel') return html`<span part="badge badge-album">${albumIcon}</span>`;
  if (item.type === 'video' || item.isReel) return html`<span part="badge badge-video">${playIcon}</span>`;
  return nothing;
}

/** Renders the neutral tile for an item without a usable image, which still leads to the post. */
export function placeholder(item: IgMedia): TemplateResult {
  return html`<span part="placeholder">${glyph}<span part="placeholder-label">${kindLabel(item)} on Instagram</span></span>`;
}

/**
 * Returns the accessible name of a tile without an image. It starts with the placeholder's
 * visible text ("Reel on Instagram"), so speech users can say what they see, then describes
 * the post as the alt text would: "Reel on Instagram: Lights dancing…".
 */
export function placeholderName(item: IgMedia): string {
  const kind = kindLabel(item);
  const alt = altText(item);
  const rest = alt.startsWith(kind) ? alt.slice(kind.length) : `: ${alt}`;
  return `${kind} on Instagram${rest}`;
}

/** Returns the album child shown for `childIndex`, or the item itself when it has no children. */
export function shownEntry(item: IgMedia, childIndex: number): IgMedia {
  return item.children?.[childIndex] ?? item;
}

/**
 * Renders the tile's control: a link to the post, or a button when the item has no permalink
 * but the lightbox can show it. The link stays a link when the lightbox opens on a plain
 * click, so a middle click or Ctrl+click still opens the post.
 */
export function renderTile(item: IgMedia, index: number, view: FeedView, childIndex = 0): TemplateResult {
  const entry = shownEntry(item, childIndex);
  const poster = view.isBroken(item) ? undefined : posterUrl(entry) ?? (entry === item ? undefined : posterUrl(item));
  const alt = altText(item);
  const body = html`${poster
    ? html`<img part="media" src=${poster} alt=${alt} loading="lazy" decoding="async"
        width=${entry.width ?? item.width ?? 640} height=${entry.height ?? item.height ?? 640}
        @error=${(event: Event) => view.imageFailed(item, event)} />`
    : placeholder(item)}${badge(item)}`;
  const label = poster ? nothing : placeholderName(item);
  const permalink = safeUrl(item.permalink);
  const onClick = (event: Event) => view.activate(index, childIndex, event);
  if (permalink) {
    return html`<a part="link" href=${permalink} target="_blank" rel="noopener noreferrer" aria-label=${label}
      aria-haspopup=${view.lightbox ? 'dialog' : nothing} @click=${onClick}>${body}</a>`;
  }
  if (view.lightbox) {
    return html`<button part="link" type="button" aria-haspopup="dialog" aria-label=${label} @click=${onClick}>${body}</button>`;
  }
  return html`<span part="link" role="img" aria-label=${alt}>${body}</span>`;
}

/** Renders the caption, date and like button under a tile, as `show-captions`, `show-dates` and `show-like-buttons` request. */
export function renderTileText(item: IgMedia, view: FeedView): TemplateResult | typeof nothing {
  const caption = view.showCaptions && item.caption
    ? html`<p part="caption">${clip(item.caption, view.captionLength)}</p>`
    : nothing;
  const date = view.showDates ? renderDate(item.timestamp, view.locale) : nothing;
  const like = renderLikeButton(item, view);
  if (caption === nothing && date === nothing && like === nothing) return nothing;
  return html`${caption}${date}${like}`;
}
