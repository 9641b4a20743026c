/**
 * The data side of the feeds: fetching pages through the client, consent, waiting for a
 * token, load-more and refresh, and the states they lead to. IgFeedBase adds presentation
 * on top, and a feed element implements only fetching one page and naming what selects it.
 */
import { property, state } from 'lit/decorators.js';
import type { PropertyValues } from 'lit';
import type { IgClient } from '../api/client.js';
import { IgError } from '../api/errors.js';
import type { IgMedia, IgPage } from '../api/model.js';
import { readEnum, readInteger } from '../internal/attributes.js';
import { emit } from '../internal/events.js';
import { IgElement, TOKEN_GRACE_MS, toIgError } from '../internal/ig-element.js';
import { LOAD_MORE_MODES, type LoadMoreMode } from './options.js';
import type { IgLoadDetail } from './feed-base.js';

export const DEFAULT_LIMIT = 12;
export const MAX_LIMIT = 100;

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

/** Returns whether an <ig-provider> above `element` is not defined yet, so its token and consent setting are unknown. */
function providerNotDefined(element: Element): boolean {
  let node: Node | null = element;
  while (node) {
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    if (node instanceof Element && node.localName === 'ig-provider' && !node.matches(':defined')) return true;
  }
  return false;
}

export abstract class IgFeedLoader extends IgElement {
  /** How many items to show, and how many each "load more" adds (1–100, default 12). */
  @property() limit?: string | number;

  /** "button" shows a "Load more" button while more items exist, "scroll" loads the next page when the end of the feed comes into view, "none" (default) shows only the first `limit` items. */
  @property({ attribute: 'load-more' }) loadMoreMode?: string;

  /** Items loaded so far, in the API's order, before `transform`, filters and sorting. */
  @state() items: IgMedia[] = [];

  /** Whether another page exists. */
  @state() hasMore = false;

  @state() protected loadingMore = false;
  @state() protected moreError?: IgError;

  private cursor?: string;
  /** Cursors already fetched since the first page, so no page is ever requested twice. */
  private fetchedCursors = new Set<string>();
  private generation = 0;
  private controller?: AbortController;
  private lastQuery?: string;
  private lastClientId?: number;
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

  /** Number of items the feed shows; the state is "empty" when it is 0. */
  protected shownCount(): number {
    return this.items.length;
  }

  /** Builds the detail of `ig-load` for a page that added `added`. */
  protected loadDetail(added: IgMedia[]): IgLoadDetail {
    return { items: this.items, page: added, hasMore: this.hasMore };
  }

  /** Called whenever the loaded items are discarded: on the first page, refresh, and consent withdrawal. */
  protected itemsReset(): void {}

  protected get effectiveLimit(): number {
    return readInteger(this, 'limit', this.limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
  }

  protected get effectiveLoadMore(): LoadMoreMode {
    return readEnum(this, 'load-more', this.loadMoreMode, LOAD_MORE_MODES, 'none');
  }

  /** True while `<ig-provider consent="required">` holds back requests to Instagram. */
  protected get consentPending(): boolean {
    return this.provided?.consent === 'pending';
  }

  /** Loads the first page again, discarding what is shown and any response still on its way. */
  refresh(): Promise<void> {
    this.lastQuery = this.query();
    this.lastClientId = clientId(this.client);
    return this.loadFirstPage();
  }

  /** Appends the next page; does nothing when there is none or one is already loading. */
  loadMore(): Promise<void> {
    if (this.morePromise) return this.morePromise;
    if (!this.hasMore || !this.cursor || (this.state !== 'ready' && this.state !== 'empty')) return Promise.resolve();
    this.morePromise = this.loadNextPage().finally(() => {
      this.morePromise = undefined;
    });
    return this.morePromise;
  }

  /** Replaces the loaded item that has the same id as `fresh`, keeping its place. */
  protected replaceItem(fresh: IgMedia): void {
    this.items = this.items.map((item) => (item.id === fresh.id ? fresh : item));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    clearTimeout(this.tokenTimer);
    // Reconnecting fetches again, because the aborted response never arrived.
    this.lastQuery = undefined;
  }

  /** Everything that selects the data except the token, which a provider may renew at any time. */
  private query(): string {
    const waiting = this.consentPending || (!this.provided && providerNotDefined(this));
    const settings = this.client ? { ...this.client.settings, accessToken: !!this.client.settings.accessToken, transport: undefined } : null;
    return `${JSON.stringify(settings)}|${this.selection()}|${this.effectiveLimit}|${waiting}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const query = this.query();
    const client = clientId(this.client);
    if (query !== this.lastQuery) {
      this.lastQuery = query;
      this.lastClientId = client;
      void this.loadFirstPage();
    } else if (client !== this.lastClientId) {
      this.lastClientId = client;
      const shown = this.state === 'ready' || this.state === 'empty';
      // A renewed token reads the same account: what is shown stays, and later pages use the new token.
      if (shown && this.provided?.tokenRenewed) return;
      // Another token may read another account: reload without blanking what is shown meanwhile.
      void this.loadFirstPage(shown);
    }
  }

  /** Loads the first page; a `quiet` reload keeps the current items on screen until the new ones arrive. */
  private async loadFirstPage(quiet = false): Promise<void> {
    const generation = ++this.generation;
    this.controller?.abort();
    clearTimeout(this.tokenTimer);
    if (quiet && this.client?.settings.accessToken) {
      await this.reloadQuietly(generation, this.client);
      return;
    }
    this.items = [];
    this.cursor = undefined;
    this.fetchedCursors = new Set();
    this.hasMore = false;
    this.loadingMore = false;
    this.moreError = undefined;
    this.error = undefined;
    this.itemsReset();

    const invalid = this.validate();
    if (invalid) {
      this.fail(invalid);
      return;
    }
    if (this.consentPending || (!this.provided && providerNotDefined(this))) {
      // Nothing is requested until consent is granted; an undefined provider may still require it.
      this.state = 'loading';
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

  private async reloadQuietly(generation: number, client: IgClient): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    this.loadingMore = false;
    try {
      const page = await this.fetchPage(client, undefined, this.effectiveLimit, controller.signal);
      if (generation !== this.generation) return;
      this.fetchedCursors = new Set();
      this.moreError = undefined;
      this.itemsReset();
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
        ? 'No access token: the <ig-provider> around this element has none, from access-token, token-url or tokenProvider.'
        : 'No access token: this element is not inside an <ig-provider> and has no access-token attribute.';
      this.fail(new IgError('auth', message, {
        hint: 'Set access-token on <ig-provider> (or on this element) to a token from the Instagram API.',
      }));
    }, TOKEN_GRACE_MS);
  }

  private async loadNextPage(): Promise<void> {
    const client = this.client;
    const cursor = this.cursor;
    if (!client || !cursor) return;
    if (this.fetchedCursors.has(cursor)) {
      // The API sent a cursor it sent before; following it would repeat a page forever.
      this.hasMore = false;
      return;
    }
    const generation = this.generation;
    this.loadingMore = true;
    this.moreError = undefined;
    const controller = new AbortController();
    this.controller = controller;
    try {
      const page = await this.fetchPage(client, cursor, this.effectiveLimit, controller.signal);
      if (generation !== this.generation) return;
      this.fetchedCursors.add(cursor);
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
    this.hasMore = !!page.next && (first || added.length > 0) && !this.fetchedCursors.has(page.next);
    this.state = this.shownCount() > 0 ? 'ready' : 'empty';
    void this.updateComplete.then(() => emit<IgLoadDetail>(this, 'ig-load', this.loadDetail(added)));
  }
}
