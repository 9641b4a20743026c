/** Everything a feed renders besides its items: skeletons, the consent box, empty and error messages, and the footer. */
import { html, nothing, type TemplateResult } from 'lit';
import type { IgError, IgErrorKind } from '../api/errors.js';
import { columnsStyle } from './grid.js';
import type { FeedLayout, LoadMoreMode } from './options.js';
import { renderSentinel } from './scroll.js';

/** Skeleton tiles in the shape of the layout, while the first page loads. */
export function renderSkeleton(layout: FeedLayout, count: number, columns: number | undefined): TemplateResult {
  let shown = Math.min(count, 12);
  if (layout === 'list') shown = Math.min(count, 4);
  if (layout === 'carousel') shown = 1;
  const part = { grid: 'grid skeleton-grid', list: 'list skeleton-list', carousel: 'grid skeleton-carousel' }[layout];
  return html`<slot name="loading">
    <ul part=${part} style=${layout === 'grid' ? columnsStyle(columns) : ''} aria-busy="true" aria-label="Loading Instagram posts">
      ${Array.from({ length: shown }, () => html`<li part="skeleton"></li>`)}
    </ul>
  </slot>`;
}

/** Renders the box shown while `<ig-provider consent="required">` holds back every request; the fallback children stay visible. */
export function renderConsent(onAllow: (() => void) | undefined): TemplateResult {
  return html`<div part="message consent">
    <slot name="consent">
      <strong>These posts are hosted on Instagram.</strong>
      They are shown once you allow content from Instagram.
      ${onAllow ? html`<button part="consent-button" type="button" @click=${onAllow}>Allow Instagram content</button>` : nothing}
    </slot>
  </div><slot></slot>`;
}

/** The sentence shown to visitors for each kind of failure. The API's own message goes under "Details". */
const VISIBLE_REASONS: Partial<Record<IgErrorKind, string>> = {
  auth: "The site's connection to Instagram has expired or is not set up.",
  permission: "The site's Instagram connection is not allowed to show these posts.",
  'rate-limit': "The site has reached a request limit of Instagram's. Try again later.",
  'not-found': 'The account or posts could not be found.',
  network: 'Instagram could not be reached. Check the connection and try again.',
  timeout: 'Instagram took too long to answer. Try again later.',
  server: 'Instagram had a problem. Try again later.',
};

/**
 * Renders the error state: a plain sentence for visitors, and the API's message (which can
 * quote a raw response) folded under "Details" for the developer. Attribute errors are the
 * page's own, so their message, which names the value, is shown directly.
 */
export function renderError(error: IgError | undefined): TemplateResult {
  const reason = error && error.kind !== 'invalid-attribute'
    ? VISIBLE_REASONS[error.kind] ?? 'Instagram sent an answer this page cannot use.'
    : error?.message ?? '';
  const details = error && error.kind !== 'invalid-attribute'
    ? html`<details part="error-details"><summary>Details</summary>${error.message}</details>`
    : nothing;
  return html`<div part="message error" role="alert">
    <slot name="error"><strong>Instagram posts could not be loaded.</strong> ${reason}${details}</slot>
  </div><slot></slot>`;
}

export function renderEmpty(reason: string | undefined): TemplateResult {
  return html`<div part="message empty" role="status">
    <slot name="empty"><strong>No posts to show.</strong>${reason ?? nothing}</slot>
  </div>`;
}

export interface FooterOptions {
  mode: LoadMoreMode;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: IgError | undefined;
  loadMore(): void;
}

/**
 * Renders the area under the items: the "Load more" button, or in scroll mode the loading
 * status. After a failed page it shows the error and a "Try again" button in both modes,
 * because scrolling does not retry by itself.
 */
export function renderFooter({ mode, hasMore, loadingMore, moreError, loadMore }: FooterOptions): TemplateResult | typeof nothing {
  if (mode === 'none' || (!hasMore && !moreError)) return nothing;
  const button = mode === 'button' || moreError;
  if (!button && !loadingMore) return nothing;
  return html`<div part="footer">
    ${moreError ? html`<span part="more-error" role="alert">Loading more failed: ${moreError.message}</span>` : nothing}
    ${button
      ? html`<button part="load-more" type="button" ?disabled=${loadingMore} aria-busy=${loadingMore ? 'true' : 'false'} @click=${loadMore}>
          <slot name="load-more-label">${moreError ? 'Try again' : 'Load more'}</slot>
        </button>`
      : nothing}
    ${mode === 'scroll' && loadingMore ? html`<span part="loading-more" role="status">Loading more posts…</span>` : nothing}
  </div>`;
}

/** Renders the sentinel after the items in scroll mode, while there is a next page and the last one did not fail. */
export function renderScrollSentinel(mode: LoadMoreMode, hasMore: boolean, moreError: IgError | undefined): TemplateResult | typeof nothing {
  return mode === 'scroll' && hasMore && !moreError ? renderSentinel() : nothing;
}
