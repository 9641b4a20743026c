/** The lightbox's markup: the dialog, its media (image, video or fallback), navigation, caption and date. */
import { html, nothing, type TemplateResult } from 'lit';
import type { IgMedia } from '../api/model.js';
import { safeUrl } from '../api/normalize.js';
import { renderDate } from './dates.js';
import { altText, kindLabel, posterUrl } from './media.js';
import { glyph, shownEntry } from './tile.js';

export interface LightboxView {
  item: IgMedia;
  index: number;
  total: number;
  child: number;
  hasMore: boolean;
  locale: string | undefined;
  /** Whether the item's images failed again after a refetch. */
  broken: boolean;
  videoFailed(url: string): boolean;
  onVideoError(url: string): void;
  onImageError(event: Event): void;
  onClose(): void;
  onClosed(): void;
  onKeydown(event: KeyboardEvent): void;
  onClick(event: MouseEvent): void;
  go(delta: number): void;
  goChild(delta: number): void;
}

const icon = (path: string) => html`<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" d=${path}/></svg>`;
const closeIcon = icon('M6 6l12 12M18 6L6 18');
const previousIcon = icon('M15 5l-7 7 7 7');
const nextIcon = icon('M9 5l7 7-7 7');

function postLink(item: IgMedia, text: string): TemplateResult | typeof nothing {
  const href = safeUrl(item.permalink);
  if (!href) return nothing;
  return html`<a part="lightbox-link" href=${href} target="_blank" rel="noopener noreferrer">${text}</a>`;
}

/** Renders a video that cannot play (no file URL, or a file that failed to load) as its poster and a link, never a broken player. */
function renderVideoFallback(entry: IgMedia, item: IgMedia, view: LightboxView): TemplateResult {
  const poster = view.broken ? undefined : safeUrl(entry.thumbnailUrl) ?? posterUrl(item);
  return html`<div part="video-fallback">
    ${poster
      ? html`<img part="lightbox-media" src=${poster} alt=${altText(item)} @error=${view.onImageError} />`
      : html`<span part="placeholder">${glyph}</span>`}
    <p part="video-fallback-message">This video cannot play here. ${postLink(item, 'Watch it on Instagram')}</p>
  </div>`;
}

function renderMedia(item: IgMedia, view: LightboxView): TemplateResult {
  const entry = shownEntry(item, view.child);
  if (entry.type === 'video') {
    const url = safeUrl(entry.mediaUrl);
    if (!url || view.videoFailed(url)) return renderVideoFallback(entry, item, view);
    const poster = view.broken ? undefined : safeUrl(entry.thumbnailUrl);
    return html`<video part="lightbox-video" src=${url} poster=${poster ?? nothing} controls playsinline preload="metadata"
      aria-label=${altText(item)} @error=${() => view.onVideoError(url)}></video>`;
  }
  // Images show their full-size file; posterUrl never returns a video file.
  const image = view.broken ? undefined : (entry.type === 'image' ? safeUrl(entry.mediaUrl) : undefined) ?? posterUrl(entry) ?? posterUrl(item);
  if (!image) return html`<span part="placeholder">${glyph}<span part="placeholder-label">${kindLabel(item)} on Instagram</span></span>`;
  return html`<img part="lightbox-media" src=${image} alt=${altText(item)}
    width=${entry.width ?? nothing} height=${entry.height ?? nothing} @error=${view.onImageError} />`;
}

function renderAlbumControls(item: IgMedia, view: LightboxView): TemplateResult | typeof nothing {
  const total = item.children?.length ?? 0;
  if (total < 2) return nothing;
  return html`<div part="album-nav">
    <button part="album-button album-previous" type="button" aria-label="Previous item in this album" aria-keyshortcuts="Shift+ArrowLeft"
      aria-disabled=${view.child === 0 ? 'true' : 'false'} @click=${() => view.goChild(-1)}>${previousIcon}</button>
    <span part="album-status"><span aria-hidden="true">${view.child + 1} / ${total}</span></span>
    <button part="album-button album-next" type="button" aria-label="Next item in this album" aria-keyshortcuts="Shift+ArrowRight"
      aria-disabled=${view.child === total - 1 ? 'true' : 'false'} @click=${() => view.goChild(1)}>${nextIcon}</button>
  </div>`;
}

/** Returns the sentence the status line announces: the post's position and, for albums, the child's. */
function statusText(item: IgMedia, view: LightboxView): string {
  const total = view.hasMore ? `${view.total}+` : String(view.total);
  const post = `${kindLabel(item)} ${view.index + 1} of ${total}`;
  const children = item.children?.length ?? 0;
  if (children < 2) return post;
  const child = shownEntry(item, view.child);
  return `${post}, ${kindLabel(child).toLowerCase()} ${view.child + 1} of ${children} in the album`;
}

export function renderLightbox(view: LightboxView): TemplateResult {
  const { item } = view;
  const atStart = view.index === 0;
  const atEnd = view.index >= view.total - 1 && !view.hasMore;
  return html`<dialog part="lightbox" aria-label="Instagram post" @close=${view.onClosed} @keydown=${view.onKeydown} @click=${view.onClick}>
    <div part="lightbox-content">
      <div part="lightbox-header">
        <p part="lightbox-status" aria-live="polite" aria-atomic="true">${statusText(item, view)}</p>
        <button part="lightbox-button lightbox-close" type="button" aria-label="Close" aria-keyshortcuts="Escape" autofocus @click=${view.onClose}>${closeIcon}</button>
      </div>
      <div part="lightbox-stage">
        <button part="lightbox-button lightbox-previous" type="button" aria-label="Previous post" aria-keyshortcuts="ArrowLeft"
          aria-disabled=${atStart ? 'true' : 'false'} @click=${() => view.go(-1)}>${previousIcon}</button>
        <figure part="lightbox-figure">${renderMedia(item, view)}</figure>
        <button part="lightbox-button lightbox-next" type="button" aria-label="Next post" aria-keyshortcuts="ArrowRight"
          aria-disabled=${atEnd ? 'true' : 'false'} @click=${() => view.go(1)}>${nextIcon}</button>
      </div>
      ${renderAlbumControls(item, view)}
      <div part="lightbox-details">
        ${item.username ? html`<p part="username">@${item.username}</p>` : nothing}
        ${item.caption ? html`<p part="lightbox-caption">${item.caption}</p>` : nothing}
        <p part="lightbox-meta">${renderDate(item.timestamp, view.locale)} ${postLink(item, 'View on Instagram')}</p>
      </div>
    </div>
  </dialog>`;
}
