/**
 * The behaviour shared by <ig-feed> and <ig-tag-feed>: fetching pages through the client,
 * the loading, empty and error states, load-more, refresh, and the grid of tiles. A
 * subclass says only how to fetch one page and which of its properties select the data.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { IgClient } from '../api/client.js';
import { IgError } from '../api/errors.js';
import type { IgMedia, IgPage } from '../api/model.js';
import { readEnum, readInteger } from '../internal/attributes.js';
import { emit } from '../internal/events.js';
import { IgElement, toIgError } from '../internal/ig-element.js';
import { feedStyles } from './styles.js';
import { renderTile } from './tile.js';

/** Detail of `ig-load`. */
export interface IgLoadDetail {
  /** Every item shown so far. */
  items: IgMedia[];
  /** The items this page added. */
  page: IgMedia[];
  hasMore: boolean;
}

declare global {
  interface HTMLElementEventMap {
    'ig-load': CustomEvent<IgLoadDetail>;
  }
}

export const LOAD_MORE_MODES = ['button', 'none'] as const;
export type LoadMoreMode = (typeof LOAD_MORE_MODES)[number];
export const LAYOUTS = ['grid'] as const;
export const DEFAULT_LIMIT = 12;
export const MAX_LIMIT = 100;
/** Milliseconds a feed waits for a token before it reports that none is set. */
export const TOKEN_GRACE_MS = 1500;

const clientIds = new WeakMap<object, number>();
let nextClientId = 1;
function clientId(client: IgClient | undefined): number {
  if (!client) return 0;
  let id = clientIds.get(client);
  if (!id) {
    id = nextClientId++;
    clientIds.set(client, id);
  }
  return id;
}

export abstract class IgFeedBase extends IgElement {
  static override styles = feedStyles;

  /** How many items to show, and how many each "load more" adds (1–100). */
  @property() limit?: string | number;

  /** Arrangement of the items. Only "grid" is available so far. */
  @property() layout?: string;

  /** Fixed number of grid columns (1–12); without it the grid fills the width with tiles of at least --ig-tile-min-width. */
  @property() columns?: string | number;

  /** "button" shows a "Load more" button while more items exist; "none" shows only the first `limit` items. */
  @property({ attribute: 'load-more' }) loadMoreMode?: string;

  /** Shows each caption under its tile, clipped to `caption-length` characters. */
  @property({ attribute: 'show-captions', type: Boolean }) showCaptions = false;

  /** Longest caption shown under a tile, counted in user-perceived characters (10–2200). */
  @property({ attribute: 'caption-length' }) captionLength?: string | number;

  /** Items shown, in order. */
  @state() items: IgMedia[] = [];

  /** Whether another page exists. */
  @state() hasMore = false;

  @state() private loadingMore = false;
  @state() private moreError?: IgError;

  private cursor?: string;
  private generation = 0;
  private controller?: AbortController;
  private lastQuery?: string;
  private morePromise?: Promise<void>;
  private tokenTimer?: ReturnType<typeof setTimeout>;

  /** Fetches one page for this feed; `cursor` is undefined for the first page. */
  protected abstract fetchPage(client: IgClient, cursor: string | undefined, limit: number, signal: AbortSignal): Promise<IgPage>;

  /** A string that changes whenever the subclass's own selection (user, tag, …) changes. */
  protected abstract selection(): string;

  /** Checks the subclass's own attributes; an IgError here is shown instead of fetching. */
  protected validate(): IgError | undefined {
    return undefined;
  }

  /** Explains an empty result, when the subclass knows why it may be empty. */
  protected emptyReason(): string | undefined {
    return undefined;
  }

  protected get effectiveLimit(): number {
    return readInteger(this, 'limit', this.limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
  }

  protected get effectiveLoadMore(): LoadMoreMode {
    return readEnum(this, 'load-more', this.loadMoreMode, LOAD_MORE_MODES, 'none');
  }

  /** Loads the first page again, discarding what is shown and any response still on its way. */
  refresh(): Promise<void> {
    this.lastQuery = this.query();
    return this.loadFirstPage();
  }

  /** Appends the next page; does nothing when there is none or one is already loading. */
  loadMore(): Promise<void> {
    if (this.morePromise) return this.morePromise;
    if (!this.hasMore || !this.cursor || this.state !== 'ready') return Promise.resolve();
    this.morePromise = this.loadNextPage().finally(() => {
      this.morePromise = undefined;
    });
    return this.morePromise;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    clearTimeout(this.tokenTimer);
    // Reconnecting fetches again, because the aborted response never arrived.
    this.lastQuery = undefined;
  }

  private query(): string {
    return `${clientId(this.client)}|${this.selection()}|${this.effectiveLimit}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('layout')) readEnum(this, 'layout', this.layout, LAYOUTS, 'grid');
    const query = this.query();
    if (query !== this.lastQuery) {
      this.lastQuery = query;
      void this.loadFirstPage();
    }
  }

  private async loadFirstPage(): Promise<void> {
    const generation = ++this.generation;
    this.controller?.abort();
    clearTimeout(this.tokenTimer);
    this.items = [];
    this.cursor = undefined;
    this.hasMore = false;
    this.moreError = undefined;
    this.error = undefined;

    const invalid = this.validate();
    if (invalid) {
      this.fail(invalid);
      return;
    }
    const client = this.client;
    if (!client?.settings.accessToken) {
      this.waitForToken(generation);
      return;
    }

    this.state = 'loading';
    const controller = new AbortController();
    this.controller = controller;
    try {
      const page = await this.fetchPage(client, undefined, this.effectiveLimit, controller.signal);
      if (generation !== this.generation) return;
      this.accept(page, true);
    } catch (error) {
      if (generation !== this.generation) return;
      this.fail(toIgError(error));
    }
  }

  /**
   * Stays in the loading state while no token is available, because pages often set the token
   * a moment after the elements (from their own server, or through a provider defined later).
   * After TOKEN_GRACE_MS without one, the missing token is reported as an error.
   */
  private waitForToken(generation: number): void {
    this.state = 'loading';
    this.tokenTimer = setTimeout(() => {
      if (generation !== this.generation) return;
      const message = this.hasProvider
        ? 'No access token: the <ig-provider> around this element has no access-token.'
        : 'No access token: this element is not inside an <ig-provider> and has no access-token attribute.';
      this.fail(new IgError('auth', message, {
        hint: 'Set access-token on <ig-provider> (or on this element) to a token from the Instagram API.',
      }));
    }, TOKEN_GRACE_MS);
  }

  private async loadNextPage(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const generation = this.generation;
    this.loadingMore = true;
    this.moreError = undefined;
    const controller = new AbortController();
    this.controller = controller;
    try {
      const page = await this.fetchPage(client, this.cursor, this.effectiveLimit, controller.signal);
      if (generation !== this.generation) return;
      this.accept(page, false);
    } catch (error) {
      if (generation !== this.generation) return;
      const igError = toIgError(error);
      if (igError.kind === 'aborted') return;
      // The items already shown stay; the error appears beside the button, which retries.
      this.moreError = igError;
      this.report(igError);
    } finally {
      if (generation === this.generation) this.loadingMore = false;
    }
  }

  private accept(page: IgPage, first: boolean): void {
    const known = new Set(first ? [] : this.items.map((item) => item.id));
    const added = page.items.filter((item) => !known.has(item.id) && (known.add(item.id), true));
    this.items = first ? added : [...this.items, ...added];
    this.cursor = page.next;
    // A page that adds nothing new cannot lead anywhere new, so paging stops there.
    this.hasMore = !!page.next && (first || added.length > 0);
    this.state = this.items.length > 0 ? 'ready' : 'empty';
    const detail: IgLoadDetail = { items: this.items, page: added, hasMore: this.hasMore };
    void this.updateComplete.then(() => emit<IgLoadDetail>(this, 'ig-load', detail));
  }

  protected renderState(): TemplateResult {
    if (this.state === 'loading') {
      const count = Math.min(this.effectiveLimit, 12);
      return html`<slot name="loading">
        <ul part="grid skeleton-grid" class=${this.gridClass()} style=${this.gridStyle()} aria-busy="true" aria-label="Loading Instagram posts">
          ${Array.from({ length: count }, () => html`<li part="skeleton"></li>`)}
        </ul>
      </slot>`;
    }
    if (this.state === 'error') {
      return html`<div part="message error" role="alert">
        <slot name="error"><strong>Instagram posts could not be loaded.</strong>${this.error?.message ?? ''}</slot>
      </div><slot></slot>`;
    }
    if (this.state === 'empty') {
      const reason = this.emptyReason();
      return html`<div part="message empty" role="status">
        <slot name="empty"><strong>No posts to show.</strong>${reason ?? nothing}</slot>
      </div>`;
    }
    return this.renderItems();
  }

  private gridClass(): string {
    return this.columns !== undefined && this.columns !== null && this.columns !== '' ? 'fixed-columns' : '';
  }

  private gridStyle(): string {
    if (!this.gridClass()) return '';
    return `--ig-columns: ${readInteger(this, 'columns', this.columns, 1, 12, 3)}`;
  }

  protected renderItems(): TemplateResult {
    const options = {
      showCaptions: this.showCaptions,
      captionLength: readInteger(this, 'caption-length', this.captionLength, 10, 2200, 140),
    };
    return html`<ul part="grid" class=${this.gridClass()} style=${this.gridStyle()}>
      ${this.items.map((item) => renderTile(item, options))}
    </ul>
    ${this.renderFooter()}`;
  }

  private renderFooter(): TemplateResult | typeof nothing {
    if (this.effectiveLoadMore !== 'button' || (!this.hasMore && !this.moreError)) return nothing;
    return html`<div part="footer">
      ${this.moreError ? html`<span part="more-error" role="alert">Loading more failed: ${this.moreError.message}</span>` : nothing}
      <button part="load-more" type="button" ?disabled=${this.loadingMore} aria-busy=${this.loadingMore ? 'true' : 'false'}
        @click=${() => void this.loadMore()}>
        <slot name="load-more-label">${this.moreError ? 'Try again' : 'Load more'}</slot>
      </button>
    </div>`;
  }

  protected override render(): TemplateResult {
    return this.renderState();
  }
}
