/**
 * The presentation shared by <ig-feed> and <ig-tag-feed>: layouts (grid, carousel, list),
 * the lightbox, sorting and filters, item templates, dates, infinite scroll, consent and
 * image recovery. Loading lives in IgFeedLoader. A subclass implements only fetching one page
 * and naming the properties that select its data.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { IgMedia } from '../api/model.js';
import { readEnum, readInteger, warnInvalid } from '../internal/attributes.js';
import { emit } from '../internal/events.js';
import { Carousel } from './carousel.js';
import { CustomItems, type IgRenderItem } from './custom.js';
import { localeOf } from './dates.js';
import { renderGrid } from './grid.js';
import { Lightbox } from './lightbox.js';
import { renderList } from './list.js';
import { IgFeedLoader } from './loader.js';
import { LAYOUTS, SORTS, readFunction, readSwitch, type FeedLayout, type FeedSort } from './options.js';
import { ImageRefresher } from './refetch.js';
import { InfiniteScroll } from './scroll.js';
import type { IgFilter, IgTransform } from './select.js';
import { ShownItems } from './shown.js';
import { renderConsent, renderEmpty, renderError, renderFooter, renderScrollSentinel, renderSkeleton } from './states.js';
import { ensureLikeButtonDefined } from './like.js';
import { feedStyles } from './styles.js';
import { ItemTemplate } from './template.js';
import type { FeedView } from './tile.js';

export { DEFAULT_LIMIT, MAX_LIMIT } from './loader.js';
export { TOKEN_GRACE_MS } from '../internal/ig-element.js';
export { LAYOUTS, LOAD_MORE_MODES, MEDIA_KINDS, SORTS, type FeedLayout, type FeedSort, type LoadMoreMode, type MediaKind } from './options.js';
export type { IgFilter, IgTransform } from './select.js';
export type { IgRenderItem } from './custom.js';

/** Detail of `ig-load`. */
export interface IgLoadDetail {
  /** Every item shown so far, after `transform`, filters and sorting. */
  items: IgMedia[];
  /** The items this page added that are shown. */
  page: IgMedia[];
  hasMore: boolean;
  /** Explanation of an empty result, when the element has one (for example a tag feed's search limits). */
  reason?: string;
}

/** Detail of `ig-select`. */
export interface IgSelectDetail {
  item: IgMedia;
  /** Position of the item among the shown items, from 0. */
  index: number;
  /** The album child shown when the item was chosen, from 0 (0 for other items). */
  childIndex: number;
}

declare global {
  interface HTMLElementEventMap {
    'ig-load': CustomEvent<IgLoadDetail>;
    'ig-select': CustomEvent<IgSelectDetail>;
  }
}

export abstract class IgFeedBase extends IgFeedLoader {
  static override styles = feedStyles;

  /** Arrangement of the items: "grid" (default), "carousel" or "list". */
  @property() layout?: string;

  /** Number of grid columns (1–12). Narrow screens get fewer, so tiles stay at least --ig-tile-min-width (64px) wide. Without it, --ig-columns or the width decides. */
  @property() columns?: string | number;

  /** Shows each caption under its tile, clipped to `caption-length` characters. */
  @property({ attribute: 'show-captions', type: Boolean }) showCaptions = false;

  /** Maximum caption length under a tile or in a list row, in user-perceived characters (10–2200). */
  @property({ attribute: 'caption-length' }) captionLength?: string | number;

  /** Shows each post's date under its tile, formatted in the language of the nearest `lang` attribute. */
  @property({ attribute: 'show-dates', type: Boolean }) showDates = false;

  /** Puts an <ig-like-button> under each item: a like toggle on the legacy dialect, a "Like on Instagram" link on Graph. */
  @property({ attribute: 'show-like-buttons', type: Boolean }) showLikeButtons = false;

  /** Order of the items: "newest", "oldest", "most-liked" (items without a like count last) or "random". Unset, <ig-feed> shows the newest first and <ig-tag-feed> keeps the API's order. */
  @property() sort?: string;

  /** Seed of sort="random": the same seed gives the same order on every load. Without it the order changes per page load. */
  @property() seed?: string;

  /** Kinds of media to show, separated by spaces or commas: "image", "video", "carousel", "reel". All kinds by default. */
  @property({ attribute: 'media-types' }) mediaTypes?: string;

  /** Whether activating a tile opens the lightbox ("on", the default) or follows the link to the post ("off"). */
  @property() lightbox?: string | boolean;

  /** A function that decides which items are shown: it receives an IgMedia and returns true to keep it. */
  @property({ attribute: false }) filter?: IgFilter;

  /** A function that maps each IgMedia before it is shown, for example to shorten captions. */
  @property({ attribute: false }) transform?: IgTransform;

  /** A function that renders an item instead of the built-in tile: `(item, index) => TemplateResult | Node | string`. Strings are shown as text. */
  @property({ attribute: false }) renderItem?: IgRenderItem;

  private readonly randomSeed = Math.random().toString(36).slice(2);
  private readonly shown = new ShownItems(this, (error) => this.report(error));
  private readonly custom = new CustomItems(this, (error) => this.report(error));
  private readonly carousel = new Carousel(this);
  private readonly images: ImageRefresher;
  private readonly lightboxController = new Lightbox(this, {
    loadMore: () => (this.effectiveLoadMore === 'none' ? undefined : this.loadMore()),
    locale: () => localeOf(this),
    isBroken: (item) => this.images.isBroken(item),
    imageFailed: (item, event) => this.images.imageFailed(item, event),
  });
  private template?: ItemTemplate;
  private templateObserver?: MutationObserver;

  constructor() {
    super();
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the adapter's getters need the element, not themselves.
    const host = this;
    this.images = new ImageRefresher({
      get client() { return host.client; },
      get items() { return host.items; },
      replaceItem: (fresh) => this.replaceItem(fresh),
      report: (error) => this.report(error),
      requestUpdate: () => this.requestUpdate(),
    });
    new InfiniteScroll(this, {
      active: () => this.effectiveLoadMore === 'scroll',
      canLoad: () => this.hasMore && !this.loadingMore && !this.moreError && (this.state === 'ready' || this.state === 'empty'),
      load: () => this.loadMore(),
      root: () => (this.effectiveLayout === 'carousel' ? this.shadowRoot?.querySelector('[part~="track"]') ?? null : null),
    });
  }

  /** Items as shown: the loaded items after `transform`, `media-types`, `filter` and `sort`. */
  get shownItems(): IgMedia[] {
    return this.computeShown();
  }

  /** The sort order used when the `sort` attribute is absent; a subclass whose API order matters returns "none". */
  protected defaultSort(): FeedSort {
    return 'newest';
  }

  /** Returns an explanation of an empty result, when the subclass can tell why it may be empty. */
  protected emptyReason(): string | undefined {
    return undefined;
  }

  protected get effectiveLayout(): FeedLayout {
    return readEnum(this, 'layout', this.layout, LAYOUTS, 'grid');
  }

  private get effectiveColumns(): number | undefined {
    const unset = this.columns === undefined || this.columns === null || this.columns === '';
    if (unset) return undefined;
    const columns = Number(String(this.columns).trim());
    if (Number.isInteger(columns) && columns >= 1 && columns <= 12) return columns;
    // An invalid count leaves the grid responsive, as without the attribute.
    warnInvalid(this, 'columns', this.columns, 'a whole number from 1 to 12', undefined);
    return undefined;
  }

  private get effectiveSort(): FeedSort {
    return readEnum<FeedSort>(this, 'sort', this.sort, SORTS, this.defaultSort());
  }

  private get lightboxEnabled(): boolean {
    return readSwitch(this, 'lightbox', this.lightbox, true);
  }

  private computeShown(): IgMedia[] {
    return this.shown.get({
      items: this.items,
      transform: this.transform,
      mediaTypes: this.mediaTypes,
      filter: this.filter,
      sort: this.effectiveSort,
      seed: this.seed ?? this.randomSeed,
    });
  }

  protected override shownCount(): number {
    return this.computeShown().length;
  }

  protected override loadDetail(added: IgMedia[]): IgLoadDetail {
    const ids = new Set(added.map((item) => item.id));
    const items = this.computeShown();
    return { items, page: items.filter((item) => ids.has(item.id)), hasMore: this.hasMore };
  }

  protected override itemsReset(): void {
    this.images.reset();
    this.carousel.reset();
    this.lightboxController.close();
  }

  /** Fires `ig-select`; unless a listener cancels it, opens the lightbox (or lets the link open the post). */
  private activate(index: number, childIndex: number, event: Event): void {
    // Middle clicks and modified clicks keep their meaning: open the post in a new tab or window.
    if (event instanceof MouseEvent && (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) return;
    const item = this.computeShown()[index];
    if (!item) return;
    const allowed = emit<IgSelectDetail>(this, 'ig-select', { item, index, childIndex }, { cancelable: true });
    if (!allowed) {
      event.preventDefault();
      return;
    }
    if (!this.lightboxEnabled) return;
    event.preventDefault();
    this.lightboxController.open(index, childIndex);
  }

  /** Opens the lightbox for `[data-ig-open]` elements in templates and `renderItem` output. */
  private readonly onItemsClick = (event: MouseEvent): void => {
    const path = event.composedPath();
    const trigger = path.find((node): node is Element => node instanceof Element && node.hasAttribute('data-ig-open'));
    const holder = path.find((node): node is HTMLElement => node instanceof HTMLElement && node.dataset.index !== undefined);
    if (!trigger || !holder || !holder.contains(trigger)) return;
    this.activate(Number(holder.dataset.index), 0, event);
  };

  private readTemplate(): void {
    const template = ItemTemplate.read(this, this.template);
    if (template === this.template) return;
    this.template = template;
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readTemplate();
    this.templateObserver = new MutationObserver(() => this.readTemplate());
    this.templateObserver.observe(this, { childList: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.templateObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('layout')) this.carousel.reset();
    if (this.showLikeButtons) void ensureLikeButtonDefined();
    // Filters and the sort run here rather than in render(), so the ig-error they may fire is not sent mid-render.
    const count = this.shownCount();
    if (this.state === 'ready' || this.state === 'empty') this.state = count > 0 ? 'ready' : 'empty';
  }

  private view(): FeedView {
    const locale = localeOf(this);
    const template = this.template;
    const renderItem = readFunction<IgRenderItem>(this, 'renderItem', this.renderItem);
    return {
      items: this.computeShown(),
      locale,
      showCaptions: this.showCaptions,
      showDates: this.showDates,
      captionLength: readInteger(this, 'caption-length', this.captionLength, 10, 2200, 140),
      lightbox: this.lightboxEnabled,
      likeButtons: this.showLikeButtons
        ? { accessToken: this.accessToken, api: this.api, endpoint: this.endpoint, apiVersion: this.apiVersion }
        : undefined,
      custom: (item, index) => this.custom.render(item, index, renderItem, template, locale),
      isBroken: (item) => this.images.isBroken(item),
      activate: (index, childIndex, event) => this.activate(index, childIndex, event),
      imageFailed: (item, event) => this.images.imageFailed(item, event),
    };
  }

  private renderFooter(): TemplateResult | typeof nothing {
    return renderFooter({
      mode: this.effectiveLoadMore,
      hasMore: this.hasMore,
      loadingMore: this.loadingMore,
      moreError: this.moreError,
      loadMore: () => void this.loadMore(),
    });
  }

  private renderItems(): TemplateResult {
    const layout = this.effectiveLayout;
    const view = this.view();
    const sentinel = renderScrollSentinel(this.effectiveLoadMore, this.hasMore, this.moreError);
    const items = layout === 'carousel'
      ? this.carousel.render(view, sentinel)
      : html`${layout === 'list' ? renderList(view) : renderGrid(view, this.effectiveColumns)}${sentinel}`;
    return html`<div part="items" @click=${this.onItemsClick}>${items}</div>
      ${this.renderFooter()}${this.lightboxController.render()}`;
  }

  protected override render(): TemplateResult {
    switch (this.state) {
      case 'loading':
        if (this.consentPending) return renderConsent(this.provided?.grant ? () => this.requestConsent() : undefined);
        return renderSkeleton(this.effectiveLayout, this.effectiveLimit, this.effectiveColumns);
      case 'error':
        return renderError(this.error);
      case 'empty':
        return html`${renderEmpty(this.emptyReason())}${this.renderFooter()}`;
      default:
        return this.renderItems();
    }
  }

  private requestConsent(): void {
    const allowed = emit<{ url?: string }>(this, 'ig-consent-request', {}, { cancelable: true });
    if (allowed) this.provided?.grant?.();
  }
}
