/**
 * Like buttons in feeds (`show-like-buttons`): each item gets an <ig-like-button> fed with the
 * item itself, so the button needs no request of its own and keeps all of its behaviour.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { IgMedia } from '../api/model.js';
import type { FeedView } from './tile.js';

let defining: Promise<void> | undefined;

/** Defines <ig-like-button> on first use, so feeds without like buttons never load its code. */
export function ensureLikeButtonDefined(): Promise<void> {
  defining ??= import('../elements/ig-like-button.js').then(({ IgLikeButton }) => IgLikeButton.define());
  return defining;
}

/** Renders the item's like button when the feed shows them. The feed's own token and dialect go along. */
export function renderLikeButton(item: IgMedia, view: FeedView): TemplateResult | typeof nothing {
  const settings = view.likeButtons;
  if (!settings) return nothing;
  return html`<ig-like-button part="like-button" .item=${item} .accessToken=${settings.accessToken}
    .api=${settings.api} .endpoint=${settings.endpoint} .apiVersion=${settings.apiVersion}></ig-like-button>`;
}
