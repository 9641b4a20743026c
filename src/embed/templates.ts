/** The parts of <ig-embed> that show no third-party content: the consent box, the click facade, the oEmbed card and the fallback. */
import { html, nothing, type TemplateResult } from 'lit';
import type { IgOEmbed } from '../api/model.js';
import type { IgPostKind } from '../api/permalink.js';
import { clip } from '../internal/text.js';

const KIND_WORDS: Record<IgPostKind, string> = { post: 'post', reel: 'reel', tv: 'video' };

/** "post", "reel" or "video", for visible text. */
export function kindWord(kind: IgPostKind | undefined): string {
  return KIND_WORDS[kind ?? 'post'];
}

const glyph = html`<svg viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="1.6" d="M7 3h10a4 4 0 0 1 4 4v10a4 4 0 0 1-4 4H7a4 4 0 0 1-4-4V7a4 4 0 0 1 4-4z"/><circle cx="12" cy="12" r="4.2" fill="none" stroke="currentColor" stroke-width="1.6"/><circle cx="17.4" cy="6.6" r="1.1" fill="currentColor"/></svg>`;

function postLink(href: string | undefined, text: string): TemplateResult | typeof nothing {
  if (!href) return nothing;
  return html`<a part="link" href=${href} target="_blank" rel="noopener noreferrer">${text}</a>`;
}

export interface ConsentOptions {
  kind: IgPostKind | undefined;
  href: string | undefined;
  /** Handler of the built-in "allow" button; without one the button is not shown. */
  onAllow: (() => void) | undefined;
}

/** Renders the box shown while consent is pending. The `consent` slot replaces its message and button. */
export function renderConsent({ kind, href, onAllow }: ConsentOptions): TemplateResult {
  return html`<div part="placeholder consent">
    ${glyph}
    <slot name="consent">
      <p part="message">This ${kindWord(kind)} is hosted on Instagram. It is shown once you allow content from Instagram.</p>
      ${onAllow
        ? html`<button part="consent-button" type="button" @click=${onAllow}>Allow Instagram content</button>`
        : nothing}
    </slot>
    ${postLink(href, 'Open it on Instagram')}
  </div>`;
}

export interface FacadeOptions {
  kind: IgPostKind | undefined;
  label: string;
  href: string | undefined;
  onActivate: () => void;
  onIntent: () => void;
}

/** Renders the click-to-load facade: a real button named after the post, and a link to it. */
export function renderFacade({ kind, label, href, onActivate, onIntent }: FacadeOptions): TemplateResult {
  return html`<div part="placeholder facade">
    ${glyph}
    <button part="activate" type="button" @click=${onActivate} @pointerenter=${onIntent} @focus=${onIntent}>
      Load Instagram ${kindWord(kind)}<span class="visually-hidden">: ${label}</span>
    </button>
    <p part="message">Loading it connects to Instagram.</p>
    ${postLink(href, 'Open it on Instagram')}
  </div>`;
}

/** Renders the oEmbed card from the response's data (thumbnail, author, title), never from its `html`. */
export function renderCard(data: IgOEmbed, label: string, href: string): TemplateResult {
  const title = data.title?.trim();
  const author = data.authorName?.trim();
  const thumbnail = data.thumbnailUrl
    ? html`<img part="thumbnail" src=${data.thumbnailUrl} alt=${author ? `Image of ${author}'s Instagram post` : 'Image of the Instagram post'}
        width=${data.thumbnailWidth ?? nothing} height=${data.thumbnailHeight ?? nothing} decoding="async" />`
    : nothing;
  const byline = author
    ? html`<p part="author">${data.authorUrl
        ? html`<a href=${data.authorUrl} target="_blank" rel="noopener noreferrer">@${author}</a>`
        : html`@${author}`}</p>`
    : nothing;
  return html`<article part="card" aria-label=${label}>
    ${thumbnail}${byline}
    ${title ? html`<p part="title">${clip(title, 300)}</p>` : nothing}
    ${postLink(href, 'View this post on Instagram')}
  </article>`;
}

/**
 * Renders the fallback after a failure: the element's own light-DOM children when it has any,
 * otherwise a short message with a link to the post (when the input named one).
 */
export function renderFallback(hasOwnFallback: boolean, kind: IgPostKind | undefined, href: string | undefined, onSlotChange: () => void): TemplateResult {
  return html`<slot @slotchange=${onSlotChange}></slot>${hasOwnFallback
    ? nothing
    : html`<div part="fallback">
        <p part="message">This Instagram ${kindWord(kind)} cannot be shown here.</p>
        ${postLink(href, 'View it on Instagram')}
      </div>`}`;
}
