import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { createClient } from '../api/index.js';
import type { IgClient, IgClientSettings } from '../api/client.js';
import type { IgRequestOptions, IgUser } from '../api/model.js';
import { IgError } from '../api/errors.js';
import { igContext, type IgConsent, type IgContextValue } from '../context.js';
import { readEnum, readInteger } from '../internal/attributes.js';
import { DEV, warnOnce } from '../internal/dev.js';
import { defineElement } from '../internal/events.js';
import { TokenController } from '../internal/token-controller.js';
import type { IgTokenProvider } from '../internal/token-source.js';

const LOCAL_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/;

/** Warns once that a token sits in a page others can open. A module function, so production builds drop it with its only call. */
function warnAboutExposedToken(): void {
  const host = globalThis.location?.hostname ?? '';
  if (!host || LOCAL_HOSTS.test(host)) return;
  warnOnce(
    'ig-provider|exposed-token',
    `<ig-provider> has an access token on a page served from ${host}: anyone who opens the page can read it. ` +
      'Use a token that can only read public media, refresh it often, or keep it on a server behind a proxy endpoint.',
  );
}

/** Properties that change only the consent state, so a change to them keeps the client (and cached data). */
const CONSENT_PROPERTIES = new Set<PropertyKey>(['consent', 'consentEvent', 'consentDecision']);

/**
 * Holds the access token and API settings for every ig-* element inside it. It renders
 * nothing of its own; its children render as usual.
 *
 * @summary Shares a token and API settings with the elements inside it.
 * @tag ig-provider
 *
 * With `consent="required"` the elements inside send nothing to Instagram's servers (no API
 * call, image, frame or script) until the page calls `grant()` or fires the event named by
 * `consent-event` on `window`. `revoke()` takes consent back: embeds remove their frames.
 * Consent is not stored: call `grant()` on every page load once your consent tool has it.
 *
 * @slot - The ig-* elements (and any other content) that use these settings.
 *
 * @fires ig-token-expired - When the API rejects the token (expired or invalid) and no fresh one can be fetched. Detail: `{ error, dialect }`.
 * @fires ig-error - When the token-url or tokenProvider fails. Detail: `{ error }`.
 */
export class IgProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Access token sent with every API request. Anyone who can read the page can read it: see the README on tokens. */
  @property({ attribute: 'access-token' }) accessToken?: string;

  /**
   * URL on your own server that returns JSON `{ access_token, expires_in? }` to a GET (sent with
   * same-origin cookies). The provider fetches a token from it, again at 90% of `expires_in`, and
   * once more when the API rejects the token. Its token wins over `access-token`.
   */
  @property({ attribute: 'token-url' }) tokenUrl?: string;

  /**
   * Function that returns a token, or a promise of `{ accessToken, expiresIn? }` (seconds), called
   * like `token-url`. It wins over `token-url` and `access-token`.
   */
  @property({ attribute: false }) tokenProvider?: IgTokenProvider;

  /** The token from `token-url` or `tokenProvider`, once one arrived. */
  @property({ attribute: false }) private sourcedToken?: string;

  private readonly tokens = new TokenController(this, {
    setToken: (token) => {
      this.sourcedToken = token;
    },
    currentToken: () => (this.sourcedToken ?? this.accessToken)?.trim(),
    source: () => ({ url: this.tokenUrl, provider: this.tokenProvider }),
    dialect: () => this.value.settings.api,
  });

  /** API dialect: "graph" (today's Instagram Graph API, default) or "legacy" (the v1 API, the island, v1-compatible backends). */
  @property() api?: string;

  /** API base URL; defaults to https://graph.instagram.com (graph) or https://api.instagram.com/v1 (legacy). Relative URLs resolve against the page. */
  @property() endpoint?: string;

  /** Base URL of the Graph calls that only graph.facebook.com serves (hashtag search, oEmbed); default https://graph.facebook.com. Relative URLs resolve against the page. */
  @property({ attribute: 'facebook-endpoint' }) facebookEndpoint?: string;

  /** Graph API version path segment (default "v25.0"). */
  @property({ attribute: 'api-version' }) apiVersion?: string;

  /** App or client token ("app-id|client-token") for endpoints that take one, such as oEmbed. */
  @property({ attribute: 'app-token' }) appToken?: string;

  /** The user whose media feeds show when they name none; with Graph, also the IG user id that hashtag search runs as. */
  @property({ attribute: 'user-id' }) userId?: string;

  /** Response cache shared by every element on the page: "none" (default), "memory", "session" or "local". */
  @property() cache?: string;

  /** Seconds a cached response counts as fresh (default 300); stale entries are shown while a fresh copy loads. */
  @property({ attribute: 'cache-ttl' }) cacheTtl?: string | number;

  /** "required" holds back every request to Instagram until `grant()`; "none" (default) needs no consent. */
  @property() consent?: string;

  /** Name of an event on `window` that grants consent, for consent tools that announce it that way. */
  @property({ attribute: 'consent-event' }) consentEvent?: string;

  /** The page's decision through `grant()` or `revoke()`; undefined until it makes one. */
  @state() private consentDecision?: boolean;

  private listenedEvent?: string;
  private readonly onConsentEvent = (): void => this.grant();

  @provide({ context: igContext })
  protected value: IgContextValue = { settings: { api: 'graph' } };

  /** Registers the element as `tag` (default "ig-provider"); calling it again does nothing. */
  static define(tag = 'ig-provider'): void {
    defineElement(tag, 'ig-provider', this);
  }

  /** The client built from the current settings. */
  get client(): IgClient | undefined {
    return this.value.client;
  }

  /**
   * Consent for requests to Instagram: "granted", or "pending" while `consent="required"` waits
   * for `grant()`. A call to `grant()` or `revoke()` overrides the attribute.
   */
  get consentState(): IgConsent {
    if (this.consentDecision !== undefined) return this.consentDecision ? 'granted' : 'pending';
    return readEnum(this, 'consent', this.consent, ['none', 'required'] as const, 'none') === 'required' ? 'pending' : 'granted';
  }

  /** Allows the elements inside to contact Instagram; elements waiting for consent start loading. */
  grant(): void {
    this.consentDecision = true;
  }

  /** Withdraws consent: elements stop and remove what they loaded from Instagram (frames, images, embed markup). */
  revoke(): void {
    this.consentDecision = false;
  }

  /**
   * Reads the account behind the token: its id (for `user-id`), username and account type. Legacy
   * reads /users/self and returns the numeric user id; Graph reads /me and returns the Instagram
   * user id. With a token-url or tokenProvider it waits for the first token.
   */
  whoami(options?: IgRequestOptions): Promise<IgUser> {
    // A token still on its way from token-url or tokenProvider is waited for, and so is the client built with it.
    return this.tokens.settled().then(() => this.updateComplete).then(() => {
      const client = this.value.client;
      if (!client) throw new IgError('auth', 'The provider has no client yet.');
      return client.whoami(options);
    });
  }

  private settings(): IgClientSettings {
    const settings: IgClientSettings = {
      api: readEnum(this, 'api', this.api, ['graph', 'legacy'] as const, 'graph'),
      cache: readEnum(this, 'cache', this.cache, ['none', 'memory', 'session', 'local'] as const, 'none'),
      cacheTtl: readInteger(this, 'cache-ttl', this.cacheTtl, 0, 31_536_000, 300),
    };
    const token = (this.sourcedToken ?? this.accessToken)?.trim();
    if (token) settings.accessToken = token;
    if (this.endpoint?.trim()) settings.endpoint = this.endpoint.trim();
    if (this.facebookEndpoint?.trim()) settings.facebookEndpoint = this.facebookEndpoint.trim();
    if (this.apiVersion?.trim()) settings.apiVersion = this.apiVersion.trim();
    if (this.appToken?.trim()) settings.appToken = this.appToken.trim();
    if (this.userId?.trim()) settings.userId = this.userId.trim();
    return settings;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.listenForConsentEvent();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.listenedEvent) globalThis.removeEventListener?.(this.listenedEvent, this.onConsentEvent);
    this.listenedEvent = undefined;
  }

  private listenForConsentEvent(): void {
    const name = this.consentEvent?.trim() || undefined;
    if (name === this.listenedEvent || !this.isConnected) return;
    if (this.listenedEvent) globalThis.removeEventListener?.(this.listenedEvent, this.onConsentEvent);
    if (name) globalThis.addEventListener?.(name, this.onConsentEvent);
    this.listenedEvent = name;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('consentEvent')) this.listenForConsentEvent();
    const settingsChanged = [...changed.keys()].some((key) => !CONSENT_PROPERTIES.has(key));
    let { settings, client } = this.value;
    // A fresh token from the token source replacing an earlier one is the same account's, renewed.
    const tokenRenewed = changed.size === 1 && changed.has('sourcedToken' as keyof IgProvider) && changed.get('sourcedToken' as keyof IgProvider) !== undefined;
    if (settingsChanged || !client) {
      settings = this.settings();
      client = createClient(settings);
      if (DEV && settings.accessToken) warnAboutExposedToken();
    }
    this.value = { settings, client, consent: this.consentState, grant: () => this.grant(), tokenRenewed };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ig-provider': IgProvider;
  }
}
