/** The list layout: one row per item with its image, caption and date. */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { IgMedia } from '../api/model.js';
import { clip } from '../internal/text.js';
import { renderDate } from './dates.js';
import { renderLikeButton } from './like.js';
import { renderTile, type FeedView } from './tile.js';

function renderRow(item: IgMedia, index: number, view: FeedView): TemplateResult {
  const custom = view.custom(item, index);
  if (custom !== undefined) {
    return html`<li part="item row" data-type=${item.type} data-id=${item.id} data-index=${index}>${custom}</li>`;
  }
  // The list always shows captions and dates: they are what the layout is for.
  return html`<li part="item row" data-type=${item.type} data-id=${item.id} data-index=${index}>
    <div part="row-media">${renderTile(item, index, view)}</div>
    <div part="row-text">
      ${item.username ? html`<p part="username">@${item.username}</p>` : nothing}
      ${item.caption ? html`<p part="caption">${clip(item.caption, view.captionLength)}</p>` : nothing}
      ${renderDate(item.timestamp, view.locale)}
      ${renderLikeButton(item, view)}
    </div>
  </li>`;
}

export function renderList(view: FeedView): TemplateResult {
  return html`<ul part="list">
    ${repeat(view.items, (item) => item.id, (item, index) => renderRow(item, index, view))}
  </ul>`;
}
