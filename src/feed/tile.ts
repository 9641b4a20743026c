/** Renders one feed item as a tile: a link to the post with its poster, a badge and an optional caption. */
import { html, nothing, type TemplateResult } from 'lit';
import type { IgMedia } from '../api/model.js';
import { safeUrl } from '../api/normalize.js';
import { clip } from '../internal/text.js';
import { altText, kindLabel, posterUrl } from './media.js';

export interface TileOptions {
  showCaptions: boolean;
  captionLength: number;
}

const playIcon = html`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M8 5v14l11-7z"/></svg>`;
const albumIcon = html`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 6h12v12H4zM8 2h12v12h-2V4H8z"/></svg>`;
const glyph = html`<svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="1.8" d="M7 3h10a4 4 0 0 1 4 4v10a4 4 0 0 1-4 4H7a4 4 0 0 1-4-4V7a4 4 0 0 1 4-4z"/><circle cx="12" cy="12" r="4.2" fill="none" stroke="currentColor" stroke-width="1.8"/><circle cx="17.4" cy="6.6" r="1.1" fill="currentColor"/></svg>`;

function badge(item: IgMedia): TemplateResult | typeof nothing {
  if (item.type === 'video' || item.isReel) return html`<span part="badge badge-video">${playIcon}</span>`;
  if (item.type === 'carousel') return html`<span part="badge badge-album">${albumIcon}</span>`;
  return nothing;
}

function media(item: IgMedia): TemplateResult {
  const poster = posterUrl(item);
  if (!poster) {
    // No usable image (for example a reel whose media_url is withheld): a neutral tile that still leads to the post.
    return html`<span part="placeholder">${glyph}<span part="placeholder-label">${kindLabel(item)} on Instagram</span></span>`;
  }
  return html`<img part="media" src=${poster} alt=${altText(item)} loading="lazy" decoding="async"
    width=${item.width ?? 640} height=${item.height ?? 640} />`;
}

export function renderTile(item: IgMedia, options: TileOptions): TemplateResult {
  const permalink = safeUrl(item.permalink);
  const body = html`${media(item)}${badge(item)}`;
  const caption = options.showCaptions && item.caption
    ? html`<p part="caption">${clip(item.caption, options.captionLength)}</p>`
    : nothing;
  const label = posterUrl(item) ? nothing : altText(item);
  return html`<li part="item" data-type=${item.type} data-id=${item.id}>
    ${permalink
      ? html`<a part="link" href=${permalink} target="_blank" rel="noopener noreferrer" aria-label=${label}>${body}</a>`
      : html`<span part="link" role="img" aria-label=${altText(item)}>${body}</span>`}
    ${caption}
  </li>`;
}
