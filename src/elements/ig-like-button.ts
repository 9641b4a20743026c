import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { IgClient } from '../api/client.js';
import { IgError } from '../api/errors.js';
import type { IgMedia } from '../api/model.js';
import { safeUrl } from '../api/normalize.js';
import { DEV, warnOnce } from '../internal/dev.js';
import { defineElement, emit } from '../internal/events.js';
import { warnInvalid } from '../internal/attributes.js';
import { IgElement, TOKEN_GRACE_MS, toIgError } from '../internal/ig-element.js';
import { isTokenRejection } from '../internal/token-controller.js';
import { LikeSync, type LikeState } from '../like/like-sync.js';
import { likeButtonStyles } from '../like/styles.js';
import { readLikeRef, type IgLikeItem, type LikeRef } from '../like/target.js';

/** Detail of `ig-like`. */
export interface IgLikeDetail {
  mediaId: string;
  liked: boolean;
  /** The like count after the change, when known. */
  count?: number;
}

declare global {
  interface HTMLElementEventMap {
    'ig-like': CustomEvent<IgLikeDetail>;
  }
}

const HEART = svg`<path d="M12 20.5s-7.3-4.5-9.3-8.9C1.2 8.3 3.2 4.5 6.9 4.5c2.1 0 3.5 1.1 4.1 2.4h2c.6-1.3 2-2.4 4.1-2.4 3.7 0 5.7 3.8 4.2 7.1-2 4.4-9.3 8.9-9.3 8.9z"/>`;

/** Explains once, in development builds, why the element shows a link on Graph. */
function warnLikesUnsupported(element: Element): void {
  warnOnce(
    'ig-like-button|graph',
    '<ig-like-button> with api="graph" shows a "Like on Instagram" link, because no Instagram API can like a post: ' +
      'Meta removed the like endpoints on 2018-04-04, and the whole legacy API went off on 2020-06-29. ' +
      'The button likes through an API only with api="legacy" (the island or a v1-compatible backend).',
    element,
  );
}

/**
 * A like button for one post. With the legacy dialect it is a toggle button that likes and
 * unlikes through the API; with Graph, which cannot like posts, it is a "Like on Instagram" link.
 *
 * @summary Likes a post (legacy dialect) or links to it (Graph).
 * @tag ig-like-button
 *
 * @attr access-token - Token for this element only; it wins over the provider's.
 * @attr api - Dialect for this element only: "graph" (default) or "legacy".
 * @attr endpoint - API base URL for this element only.
 * @attr api-version - Graph API version for this element only, such as "v25.0".
 *
 * @fires ig-like - When the server confirmed a like or unlike and no further request is needed. Detail: `{ mediaId, liked, count }`.
 * @fires ig-error - When reading the post or a like request fails; a failed like is rolled back. Detail: `{ error }`.
 *
 * @slot - Fallback content: shown before JavaScript runs and in the error state, such as a link to the post.
 *
 * @csspart button - The toggle button (legacy dialect), with `aria-pressed`.
 * @csspart link - The "Like on Instagram" link (Graph dialect).
 * @csspart icon - The heart; filled while liked.
 * @csspart label - The "Like" or "Like on Instagram" text.
 * @csspart count - The like count.
 * @csspart error - The message shown when a like failed or the post could not be read.
 *
 * @cssprop --ig-like-color - Color of the filled heart (default #ed4956).
 * @cssprop --ig-like-border-color - Border of the button and link (default currentColor).
 * @cssprop --ig-like-background - Background of the button and link (default transparent).
 * @cssprop --ig-radius - Corner radius (default 999px).
 * @cssprop --ig-accent-color - Focus ring color.
 * @cssprop --ig-error-color - Color of the error message.
 * @cssprop --ig-color - Text color.
 * @cssprop --ig-font - Font shorthand for the element.
 */
export class IgLikeButton extends IgElement {
  static override styles = likeButtonStyles;

  /** Media id in the dialect's id space: "<pk>_<owner id>" for legacy, a Graph media id for graph. */
  @property({ attribute: 'media-id' }) mediaId?: string;

  /** Post URL in any permalink form. Legacy resolves it to the media id through GET /media/shortcode/{shortcode}. */
  @property() url?: string;

  /** Post shortcode, such as "BSCoDz7Du7k"; resolved like `url`. */
  @property() shortcode?: string;

  /** Whether the viewer likes the post. Set it with `count` to skip the initial request; the element updates it. Reflected for CSS. */
  @property({ type: Boolean, reflect: true }) liked = false;

  /** Like count. Set it with `liked` to skip the initial request; the element updates it. */
  @property({ type: Number }) count?: number;

  /** A feed item (`id`, `permalink`, `likeCount`, `viewerHasLiked`), so a button in a feed needs no request of its own. */
  @property({ attribute: false }) item?: IgLikeItem;

  @state() private permalink?: string;
  @state() private failure?: IgError;
  @state() private sync?: LikeSync;

  private mediaIdInUse?: string;
  private tokenTimer?: ReturnType<typeof setTimeout>;
  private generation = 0;
  private resolvedKey?: string;
  private itemVersion = 0;
  private lastClient?: IgClient;
  /** The intent of a like that the API rejected for its token, sent again once a new token arrives. */
  private retryIntent?: boolean;
  /** The state this element last wrote into `liked` and `count`, to tell page-set values from its own. */
  private written?: LikeState;

  /** Registers the element as `tag` (default "ig-like-button"); calling it again does nothing. */
  static define(tag = 'ig-like-button'): void {
    defineElement(tag, 'ig-like-button', this);
  }

  private get dialect(): 'graph' | 'legacy' {
    return this.client?.dialect ?? 'graph';
  }

  /** Checks that requests may be sent: a token is set and the provider's consent is not pending. */
  private get canRequest(): boolean {
    return !!this.client?.settings.accessToken && this.provided?.consent !== 'pending';
  }

  private onClick(): void {
    if (!this.sync || !this.canRequest) return;
    this.failure = undefined;
    this.retryIntent = undefined;
    this.sync.toggle();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('item')) this.itemVersion += 1;
    const client = this.client;
    const key = [this.dialect, client?.settings.endpoint, this.canRequest, this.mediaId, this.url, this.shortcode, this.itemVersion].join('|');
    if (key !== this.resolvedKey) {
      this.resolvedKey = key;
      void this.resolve();
    } else if (client !== this.lastClient && this.retryIntent !== undefined && this.sync && this.canRequest) {
      // The provider replaced a rejected token: send the rejected like again with the new one.
      this.failure = undefined;
      this.sync.request(this.retryIntent);
      this.retryIntent = undefined;
    }
    this.lastClient = client;
  }

  /** Writes a state into the public properties; `own` marks it as the element's, not the page's. */
  private write(view: LikeState, own = true): void {
    this.liked = view.liked;
    this.count = view.count;
    this.written = own ? { ...view } : undefined;
  }

  /** Returns the initial state the page gave through `item`, or through `liked` and `count` values that the element did not write. */
  private givenState(ref: LikeRef): Partial<LikeState> {
    if (ref.liked !== undefined || ref.count !== undefined) return { liked: ref.liked, count: ref.count };
    const own = this.written;
    // An invalid count (count="lots" gives NaN) counts as not given, so the post is read.
    const countGiven = this.count !== undefined && Number.isFinite(this.count) && this.count !== own?.count;
    if (!countGiven && (own || !this.hasAttribute('liked'))) return {};
    return { liked: this.liked, count: countGiven ? this.count : undefined };
  }

  private async resolve(): Promise<void> {
    const generation = ++this.generation;
    this.sync = undefined;
    this.failure = undefined;
    this.error = undefined;
    this.retryIntent = undefined;
    let ref: LikeRef;
    try {
      ref = readLikeRef({ item: this.item, mediaId: this.mediaId, url: this.url, shortcode: this.shortcode });
    } catch (error) {
      this.fail(toIgError(error));
      return;
    }
    const given = this.givenState(ref);
    this.permalink = ref.permalink;
    if (given.liked !== undefined || given.count !== undefined) this.write({ liked: given.liked ?? false, count: given.count }, false);

    try {
      if (this.dialect === 'graph') await this.resolveGraph(ref, given, generation);
      else await this.resolveLegacy(ref, given, generation);
    } catch (error) {
      if (generation !== this.generation) return;
      const igError = toIgError(error);
      if (igError.kind === 'aborted') return;
      // On Graph the link still works when only the like count could not be read.
      if (this.state === 'unsupported' && this.permalink) this.report(igError);
      else this.fail(igError);
    }
  }

  private async resolveGraph(ref: LikeRef, given: Partial<LikeState>, generation: number): Promise<void> {
    this.state = 'unsupported';
    if (DEV) warnLikesUnsupported(this);
    const needsRead = given.count === undefined || !this.permalink;
    if (!ref.mediaId || !needsRead) return;
    if (!this.canRequest) {
      // Without a permalink the link cannot show until a token reads the post.
      if (!this.permalink) this.waitForToken(generation);
      return;
    }
    const media = await (this.client as IgClient).media(ref.mediaId);
    if (generation !== this.generation) return;
    this.permalink ??= safeUrl(media.permalink);
    if (given.count === undefined) this.write({ liked: false, count: media.likeCount });
  }

  private async resolveLegacy(ref: LikeRef, given: Partial<LikeState>, generation: number): Promise<void> {
    this.state = 'loading';
    if (!this.canRequest) {
      this.waitForToken(generation);
      return;
    }
    const client = this.client as IgClient;
    let mediaId = ref.mediaId;
    let media: IgMedia | undefined;
    // Without the owner id a shortcode gives only the pk, so the full "<pk>_<owner id>" comes from the API.
    if (!mediaId) media = await client.mediaByShortcode(ref.shortcode as string);
    else if (given.liked === undefined || given.count === undefined) media = await client.media(mediaId);
    if (generation !== this.generation) return;

    mediaId ??= media?.id as string;
    this.permalink ??= safeUrl(media?.permalink);
    const initial: LikeState = media
      ? { liked: media.viewerHasLiked ?? false, count: media.likeCount }
      : { liked: given.liked ?? false, count: given.count };
    this.mediaIdInUse = mediaId;
    this.write(initial);
    this.sync = this.createSync(initial, mediaId, generation);
    this.state = 'ready';
  }

  /**
   * Reports a missing token once TOKEN_GRACE_MS have passed without one, as the feeds do. A
   * pending consent is no error: the button waits for it.
   */
  private waitForToken(generation: number): void {
    clearTimeout(this.tokenTimer);
    this.tokenTimer = setTimeout(() => {
      if (generation !== this.generation || this.client?.settings.accessToken || this.provided?.consent === 'pending') return;
      this.fail(new IgError('auth', 'No access token, so the like button cannot read or like the post.', {
        hint: 'Set access-token on <ig-provider> (or on this element), or give the provider a token-url.',
      }));
    }, TOKEN_GRACE_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.tokenTimer);
  }

  private createSync(initial: LikeState, mediaId: string, generation: number): LikeSync {
    const current = () => generation === this.generation;
    return new LikeSync(initial, {
      send: (liked) => {
        const client = this.client;
        if (!client) return Promise.reject(new IgError('auth', 'No access token is set, so the like cannot be sent.'));
        return liked ? client.like(mediaId) : client.unlike(mediaId);
      },
      show: (view) => {
        if (current()) this.write(view);
      },
      confirmed: (confirmed) => {
        if (!current()) return;
        this.write(confirmed);
        emit<IgLikeDetail>(this, 'ig-like', { mediaId, liked: confirmed.liked, count: confirmed.count });
      },
      failed: (error, attempted) => {
        if (!current()) return;
        const igError = toIgError(error);
        this.failure = igError;
        if (isTokenRejection(igError)) this.retryIntent = attempted;
        this.report(igError);
      },
    });
  }

  private renderCount(): TemplateResult | typeof nothing {
    if (this.count === undefined) return nothing;
    if (!Number.isFinite(this.count) || this.count < 0) {
      warnInvalid(this, 'count', this.getAttribute('count') ?? this.count, 'a whole number of likes, 0 or more', undefined);
      return nothing;
    }
    const lang = this.closest('[lang]')?.getAttribute('lang') || undefined;
    let formatted: string;
    try {
      formatted = new Intl.NumberFormat(lang).format(this.count);
    } catch {
      formatted = String(this.count);
    }
    return html`<span part="count">${formatted}<span class="visually-hidden"> ${this.count === 1 ? 'like' : 'likes'}</span></span>`;
  }

  private renderFailure(): TemplateResult | typeof nothing {
    if (!this.failure) return nothing;
    return html`<span part="error" role="alert">The like was not saved: ${this.failure.message}</span>`;
  }

  protected override render(): TemplateResult {
    if (this.state === 'error') {
      return html`<span part="error" role="alert">The like button is unavailable: ${this.error?.message ?? ''}</span><slot></slot>`;
    }
    if (this.state === 'unsupported') {
      if (!this.permalink) return html`<slot></slot>`;
      return html`<a part="link" href=${this.permalink} target="_blank" rel="noopener noreferrer">
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${HEART}</svg>
        <span part="label">Like on Instagram</span> ${this.renderCount()}<span class="visually-hidden"> (opens in a new tab)</span>
      </a>`;
    }
    const disabled = !this.sync || !this.canRequest;
    return html`<button part="button" type="button" aria-pressed=${this.liked ? 'true' : 'false'} ?disabled=${disabled}
        aria-busy=${this.state === 'loading' ? 'true' : 'false'} data-media-id=${this.mediaIdInUse ?? nothing} @click=${this.onClick}>
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${HEART}</svg>
        <span part="label">Like</span> ${this.renderCount()}
      </button>${this.renderFailure()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ig-like-button': IgLikeButton;
  }
}
