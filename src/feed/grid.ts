/** The grid layout: a responsive list of square tiles, `columns` or `--ig-columns` at most. */
import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { IgMedia } from '../api/model.js';
import { renderTile, renderTileText, type FeedView } from './tile.js';

/** Inline style that sets the column count from the `columns` attribute, or '' to leave it to CSS. */
export function columnsStyle(columns: number | undefined): string {
  return columns === undefined ? '' : `--ig-columns: ${columns}`;
}

function renderCell(item: IgMedia, index: number, view: FeedView): TemplateResult {
  const custom = view.custom(item, index);
  return html`<li part="item" data-type=${item.type} data-id=${item.id} data-index=${index}>
    ${custom === undefined ? html`${renderTile(item, index, view)}${renderTileText(item, view)}` : custom}
  </li>`;
}

export function renderGrid(view: FeedView, columns: number | undefined): TemplateResult {
  return html`<ul part="grid" style=${columnsStyle(columns)}>
    ${repeat(view.items, (item) => item.id, (item, index) => renderCell(item, index, view))}
  </ul>`;
}
