import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { property, state } from 'lit/decorators.js';
import { createRef } from 'lit/directives/ref.js';
import type { IgClient } from '../api/client.js';
import { IgError } from '../api/errors.js';
import { createClient } from '../api/index.js';
import type { IgOEmbed } from '../api/model.js';
import { postUrl, type IgPostKind, type IgPostRef } from '../api/permalink.js';
import { readMeasure } from '../embed/measure.js';
import { loadEmbedScript, mountOfficial, requestProcess, type OfficialMount } from '../embed/official.js';
import { frameUrl, scriptUrl } from '../embed/origin.js';
import { renderFrame } from '../embed/frame.js';
import { planKey, resolvePlan, type EmbedMode, type EmbedPlan } from '../embed/plan.js';
import { preconnect } from '../embed/preconnect.js';
import { clientKey, providerNotDefined } from '../embed/provider.js';
import { embedStyles } from '../embed/styles.js';
import { renderCard, renderConsent, renderFacade, renderFallback } from '../embed/templates.js';
import { unobserve, whenNearViewport } from '../embed/visibility.js';
import { emit, defineElement } from '../internal/events.js';
import { IgElement, toIgError } from '../internal/ig-element.js';

/**
 * Stage of an <ig-embed>: waiting for consent, for the viewport or for a click, loading,
 * showing the post, or showing the fallback after an error.
 */
export type IgEmbedPhase = 'consent' | 'waiting' | 'facade' | 'loading' | 'ready' | 'error';

/** Detail of `ig-embed-load`. */
export interface IgEmbedLoadDetail {
  mode: EmbedMode;
  kind: IgPostKind;
  shortcode: string;
  /** Frame height in CSS pixels from the first MEASURE message (mode="iframe" only). */
  height?: number;
}

/** Detail of `ig-consent-request`. */
export interface IgConsentRequestDetail {
  /** The post the visitor wants to see, when the element names one. */
  url?: string;
}

declare global {
  interface HTMLElementEventMap {
    'ig-embed-load': CustomEvent<IgEmbedLoadDetail>;
    'ig-consent-request': CustomEvent<IgConsentRequestDetail>;
  }
}

let defaultClient: IgClient | undefined;

/** Builds the URL sent to oEmbed. Its docs list /p/ and /reel/ URLs but no longer /tv/, so IGTV posts are requested as /p/. */
function oembedUrl(ref: IgPostRef): string {
  return postUrl(ref.kind === 'tv' ? { ...ref, kind: 'post' } : ref);
}

/**
 * One Instagram post, reel or IGTV video: Instagram's embed page in a frame (default),
 * Instagram's own embed code (blockquote and embed.js), or a card built from oEmbed data.
 * It reserves its box before loading, loads nothing from Instagram until it nears the
 * viewport (or is clicked, or consent is granted), and ends in a link to the post when the
 * post is private, deleted or blocked.
 *
 * @summary One embedded Instagram post.
 * @tag ig-embed
 *
 * @attr url - Post URL in any common form: /p/, /reel/, /reels/, /tv/, /USERNAME/p/, with or without www. or m., instagr.am, tracking query strings. Wins over `shortcode`.
 * @attr shortcode - The post's shortcode, instead of `url`.
 * @attr kind - With `shortcode`: "post" (default), "reel" or "tv". Reels get a taller box.
 * @attr mode - "iframe" (default): Instagram's /embed/ page in a frame. "official": blockquote and embed.js in the light DOM. "oembed": a card from the provider's oEmbed client.
 * @attr captioned - Shows the caption in the frame (iframe and official modes).
 * @attr load - "lazy" (default): load when within 400px of the viewport. "eager": load at once. "click": show a button that loads the post.
 * @attr timeout - Milliseconds to wait for the embed to show before falling back to a link; default 10000. What counts as shown: the first MEASURE message, embed.js rendering, or the oEmbed response.
 * @attr embed-origin - Where the embed page and embed.js come from; default https://www.instagram.com. An origin, optionally with a path, for tests and self-hosted mirrors. MEASURE messages are accepted only from this origin.
 * @attr label - Accessible name of the frame, card and button; default "Instagram post SHORTCODE".
 * @attr access-token - Token for this element only (mode="oembed").
 * @attr api - Dialect for this element only: "graph" (default) or "legacy" (mode="oembed").
 * @attr endpoint - API base URL for this element only (mode="oembed").
 * @attr api-version - Graph API version for this element only (mode="oembed").
 *
 * @fires ig-embed-load - When the post shows. Detail: `{ mode, kind, shortcode, height? }`.
 * @fires ig-error - When the post cannot be shown. Detail: `{ error }`, an IgError whose `kind` is `invalid-attribute`, `timeout`, `network`, `not-found` or another client error kind.
 * @fires ig-consent-request - Cancelable. When the visitor presses the built-in "Allow Instagram content" button; unless a listener calls `preventDefault()`, the provider's `grant()` follows. Detail: `{ url }`.
 *
 * @slot - Fallback content, shown after a failure instead of the built-in link card.
 * @slot consent - Replaces the message and button shown while consent is pending.
 * @slot embed - Holds the blockquote of mode="official" in the light DOM; the element fills it, do not use it.
 *
 * @csspart box - The reserved box around the frame, placeholder or skeleton.
 * @csspart frame - The embed iframe (mode="iframe").
 * @csspart placeholder - The consent box or click facade; also `consent` or `facade`.
 * @csspart consent-button - The built-in "Allow Instagram content" button.
 * @csspart activate - The facade's load button (load="click").
 * @csspart card - The oEmbed card.
 * @csspart thumbnail - The card's image, when the oEmbed response has one.
 * @csspart author - The card's author line.
 * @csspart title - The card's caption text.
 * @csspart link - Every link to the post.
 * @csspart message - Explanatory text in the placeholders and the fallback.
 * @csspart fallback - The built-in fallback card.
 *
 * @cssprop --ig-embed-max-width - Largest width of the element (default 540px).
 * @cssprop --ig-embed-height - Reserved height of a post before it measures itself (default calc(100cqw + 190px)).
 * @cssprop --ig-embed-reel-height - Reserved height of a reel or IGTV video (default calc(100cqw * 16 / 9 + 110px)).
 * @cssprop --ig-radius - Corner radius of the box and cards (default 4px).
 * @cssprop --ig-color - Text color.
 * @cssprop --ig-muted-color - Secondary text color.
 * @cssprop --ig-tile-background - Background of the reserved box, placeholders and cards.
 * @cssprop --ig-accent-color - Focus ring color.
 * @cssprop --ig-font - Font shorthand for the element.
 */
export class IgEmbed extends IgElement {
  static override styles = embedStyles;

  /** Post URL in any common form; wins over `shortcode`. */
  @property() url?: string;

  /** The post's shortcode, used when `url` is not set. */
  @property() shortcode?: string;

  /** With `shortcode`: "post" (default), "reel" or "tv". */
  @property() kind?: string;

  /** "iframe" (default), "official" or "oembed". */
  @property() mode?: string;

  /** Shows the caption inside the frame (iframe and official modes). */
  @property({ type: Boolean }) captioned = false;

  /** "lazy" (default), "eager" or "click". */
  @property() load?: string;

  /** Milliseconds to wait for the embed to show before falling back (100–600000, default 10000). */
  @property() timeout?: string | number;

  /** Origin (optionally with a path) of the embed page and embed.js; default https://www.instagram.com. */
  @property({ attribute: 'embed-origin' }) embedOrigin?: string;

  /** Accessible name of the frame, card and load button. */
  @property() label?: string;

  /** Stage of the element; read-only. `state` stays "loading" until the post shows or fails. */
  @state() phase: IgEmbedPhase = 'waiting';

  /** Frame height from the latest MEASURE message. */
  @state() private frameHeight?: number;

  /** oEmbed data shown in the card. */
  @state() private oembed?: IgOEmbed;

  private plan!: EmbedPlan;
  private currentKey?: string;
  private generation = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private controller?: AbortController;
  private official?: OfficialMount;
  private focusOnOpen = false;
  /** Number of reload() calls, which key the frame. */
  private reloads = 0;
  private readonly frame = createRef<HTMLIFrameElement>();

  private readonly onMessage = (event: MessageEvent): void => {
    const height = readMeasure(event, this.plan.embed.origin, this.frame.value?.contentWindow);
    if (height === undefined) return;
    this.frameHeight = height;
    if (this.phase === 'loading') this.succeed(height);
  };

  /** Registers the element as `tag` (default "ig-embed"); calling it again does nothing. */
  static define(tag = 'ig-embed'): void {
    defineElement(tag, 'ig-embed', this);
  }

  /** Starts again from the beginning, for example after a failure; consent and `load` still apply. */
  reload(): void {
    this.reloads += 1;
    this.currentKey = undefined;
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.currentKey = undefined;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.teardown();
    this.currentKey = undefined;
  }

  private get consentGranted(): boolean {
    return this.provided?.consent !== 'pending';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.plan = resolvePlan(this, this);
    const waitForProvider = !this.provided && providerNotDefined(this);
    const client = this.plan.mode === 'oembed' ? this.client : undefined;
    const key = `${planKey(this.plan)}|${this.consentGranted}|${waitForProvider}|${clientKey(client)}`;
    if (key === this.currentKey) return;
    this.currentKey = key;
    this.restart(waitForProvider);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusOnOpen && this.phase !== 'loading' && this.phase !== 'ready') this.focusOnOpen = false;
    // mode="official" moves focus itself once embed.js has rendered (see startOfficial).
    if (!this.focusOnOpen || this.plan.mode === 'official') return;
    const target = this.plan.mode === 'iframe'
      ? this.frame.value
      : this.shadowRoot?.querySelector<HTMLElement>('[part~="card"] [part~="link"]');
    if (target) {
      this.focusOnOpen = false;
      target.focus();
    }
  }

  /** Stops whatever is loading and removes frames and embed markup. */
  private teardown(): void {
    this.generation += 1;
    clearTimeout(this.timer);
    unobserve(this);
    window.removeEventListener('message', this.onMessage);
    this.controller?.abort();
    this.controller = undefined;
    this.official?.observer.disconnect();
    this.official?.box.remove();
    this.official = undefined;
  }

  private restart(waitForProvider: boolean): void {
    this.teardown();
    this.frameHeight = undefined;
    this.oembed = undefined;
    this.error = undefined;
    this.state = 'loading';
    const { error, load } = this.plan;

    if (error) {
      this.phase = 'error';
      this.fail(error);
    } else if (waitForProvider) {
      // The provider's consent setting arrives with its context once it is defined.
      this.phase = 'waiting';
    } else if (!this.consentGranted) {
      this.phase = 'consent';
    } else if (load === 'eager') {
      this.begin();
    } else if (load === 'click') {
      this.phase = 'facade';
    } else {
      this.phase = 'waiting';
      const generation = this.generation;
      whenNearViewport(this, () => {
        if (generation === this.generation) this.begin();
      });
    }
  }

  /** Starts loading the post in the planned mode, with the timeout as the "blocked or gone" signal. */
  private begin(): void {
    const generation = this.generation;
    this.phase = 'loading';
    this.timer = setTimeout(() => {
      if (generation === this.generation) this.timedOut();
    }, this.plan.timeoutMs);

    if (this.plan.mode === 'official') this.startOfficial(generation);
    else if (this.plan.mode === 'oembed') void this.fetchOEmbed(generation);
    else window.addEventListener('message', this.onMessage);
  }

  private activate(): void {
    this.focusOnOpen = true;
    this.begin();
  }

  private warmUp(): void {
    if (this.plan.mode !== 'oembed') preconnect(this.plan.embed.origin);
  }

  private requestConsent(): void {
    const detail: IgConsentRequestDetail = this.plan.ref ? { url: postUrl(this.plan.ref) } : {};
    const allowed = emit<IgConsentRequestDetail>(this, 'ig-consent-request', detail, { cancelable: true });
    if (allowed) this.provided?.grant?.();
  }

  private succeed(height?: number): void {
    clearTimeout(this.timer);
    this.phase = 'ready';
    this.state = 'ready';
    const ref = this.plan.ref!;
    const detail: IgEmbedLoadDetail = { mode: this.plan.mode, kind: ref.kind, shortcode: ref.shortcode };
    if (height !== undefined) detail.height = height;
    void this.updateComplete.then(() => emit<IgEmbedLoadDetail>(this, 'ig-embed-load', detail));
  }

  private failWith(error: IgError): void {
    this.teardown();
    this.phase = 'error';
    this.fail(error);
  }

  private timedOut(): void {
    const { mode, timeoutMs, ref } = this.plan;
    const waitedFor = mode === 'iframe'
      ? 'sent no MEASURE message'
      : mode === 'official' ? 'was not rendered by embed.js' : 'got no oEmbed response';
    this.failWith(new IgError('timeout', `The Instagram embed of ${postUrl(ref!)} ${waitedFor} within ${timeoutMs} ms.`, {
      hint: 'The post may be private, age-restricted or deleted, or the frame or script was blocked (Content-Security-Policy, ad blocker). Raise the timeout attribute for slow connections.',
    }));
  }

  /** Puts Instagram's blockquote into the light DOM and lets embed.js replace it with its frame. */
  private startOfficial(generation: number): void {
    const { ref, embed, captioned, label } = this.plan;
    this.official = mountOfficial(this, ref!, embed, captioned, label, (rendered) => {
      if (generation !== this.generation || this.phase !== 'loading') return;
      this.succeed();
      if (this.focusOnOpen && rendered instanceof HTMLElement) {
        this.focusOnOpen = false;
        rendered.focus();
      }
    });
    if (this.focusOnOpen) this.official.box.querySelector('a')?.focus();

    loadEmbedScript(scriptUrl(embed)).then(
      () => {
        if (generation === this.generation) requestProcess();
      },
      (error: unknown) => {
        if (generation === this.generation) this.failWith(toIgError(error));
      },
    );
  }

  private async fetchOEmbed(generation: number): Promise<void> {
    defaultClient ??= createClient({ api: 'graph' });
    const client = this.client ?? defaultClient;
    const controller = new AbortController();
    this.controller = controller;
    try {
      const data = await client.oembed(oembedUrl(this.plan.ref!), { signal: controller.signal });
      if (generation !== this.generation) return;
      this.oembed = data;
      this.succeed();
    } catch (error) {
      if (generation !== this.generation) return;
      const igError = toIgError(error);
      if (igError.kind !== 'aborted') this.failWith(igError);
    }
  }

  private renderBox(content: TemplateResult | typeof nothing, classes = ''): TemplateResult {
    const tall = this.plan.ref && this.plan.ref.kind !== 'post' ? 'tall' : '';
    return html`<div part="box" class="${tall} ${classes}" aria-busy=${this.phase === 'loading' ? 'true' : 'false'}>${content}</div>`;
  }

  protected override render(): TemplateResult {
    const { ref, mode, label } = this.plan;
    const href = ref ? postUrl(ref) : undefined;
    switch (this.phase) {
      case 'error':
        return renderFallback(this.hasOwnFallback(), ref?.kind, href, () => this.requestUpdate());
      case 'consent':
        return this.renderBox(renderConsent({
          kind: ref?.kind, href, onAllow: this.provided?.grant ? () => this.requestConsent() : undefined,
        }));
      case 'facade':
        return this.renderBox(renderFacade({
          kind: ref?.kind, label, href, onActivate: () => this.activate(), onIntent: () => this.warmUp(),
        }));
      case 'waiting':
        return this.renderBox(nothing);
      default:
        break;
    }
    if (mode === 'oembed') {
      return this.oembed ? renderCard(this.oembed, label, href!) : this.renderBox(nothing);
    }
    if (mode === 'official') {
      return this.renderBox(html`<slot name="embed"></slot>`, this.phase === 'ready' ? 'natural' : '');
    }
    const { embed, captioned } = this.plan;
    const frame = renderFrame(this.frame, frameUrl(ref!, embed, captioned), label, this.frameHeight);
    // Keyed by the reload count, so reload() gets a new frame even when the URL is the same.
    return this.renderBox(html`${keyed(this.reloads, frame)}`, this.frameHeight ? 'measured' : '');
  }

  /** Checks whether the page gave fallback children: elements or text other than whitespace. */
  private hasOwnFallback(): boolean {
    return Array.from(this.childNodes).some((node) =>
      node !== this.official?.box
      && ((node instanceof Element && !node.slot) || (node.nodeType === Node.TEXT_NODE && node.textContent?.trim())));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ig-embed': IgEmbed;
  }
}
