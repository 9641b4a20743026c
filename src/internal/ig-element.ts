/**
 * The base of every ig-* element: it takes settings and a client from the nearest
 * <ig-provider> (its own access-token, api, endpoint and api-version attributes win),
 * reflects a `state` attribute for styling, and reports errors one way.
 */
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { createClient } from '../api/index.js';
import type { IgClient, IgClientSettings } from '../api/client.js';
import { IgError } from '../api/errors.js';
import { igContext, type IgContextValue } from '../context.js';
import { API_ALIASES, readEnum } from './attributes.js';
import { emit } from './events.js';

/** Milliseconds an element waits for a token before it reports that none is set. */
export const TOKEN_GRACE_MS = 1500;

export type IgState = 'loading' | 'ready' | 'empty' | 'error' | 'unsupported';

/** Detail of `ig-error`. */
export interface IgErrorDetail {
  error: IgError;
}

declare global {
  interface HTMLElementEventMap {
    'ig-error': CustomEvent<IgErrorDetail>;
  }
}

/** Turns anything thrown into an IgError, keeping the original as the cause. */
export function toIgError(error: unknown): IgError {
  if (error instanceof IgError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new IgError('bad-response', `Unexpected failure: ${message}`, { cause: error });
}

export abstract class IgElement extends LitElement {
  /** Settings and client from the nearest <ig-provider>, updated when the provider changes. */
  @consume({ context: igContext, subscribe: true })
  @state()
  protected provided?: IgContextValue;

  /** Access token for this element only; it wins over the provider's. Prefer setting it on <ig-provider>. */
  @property({ attribute: 'access-token' }) accessToken?: string;

  /** API dialect for this element only: "graph" or "legacy". */
  @property() api?: string;

  /** API base URL for this element only. */
  @property() endpoint?: string;

  /** Graph API version for this element only, such as "v25.0". */
  @property({ attribute: 'api-version' }) apiVersion?: string;

  /** Display state: loading, ready, empty, error, or unsupported where the dialect lacks a feature. Reflected for CSS. */
  @property({ reflect: true }) state: IgState = 'loading';

  /** The last error, while `state` is "error". */
  @state() error?: IgError;

  private ownClient?: { key: string; client: IgClient };
  private lastLogged?: string;

  /** Returns the client for this element: the provider's, or one built with this element's own settings on top. */
  protected get client(): IgClient | undefined {
    const own: Partial<IgClientSettings> = {};
    if (this.accessToken) own.accessToken = this.accessToken;
    if (this.api) own.api = readEnum(this, 'api', this.api, ['graph', 'legacy'] as const, 'graph', API_ALIASES);
    if (this.endpoint) own.endpoint = this.endpoint;
    if (this.apiVersion) own.apiVersion = this.apiVersion;
    if (Object.keys(own).length === 0) return this.provided?.client;

    const settings: IgClientSettings = { api: 'graph', ...this.provided?.settings, ...own };
    const { transport, ...rest } = settings;
    const key = JSON.stringify(rest) + (transport ? '+transport' : '');
    if (this.ownClient?.key !== key) this.ownClient = { key, client: createClient(settings) };
    return this.ownClient.client;
  }

  /** True once a provider has responded to this element's context request. */
  protected get hasProvider(): boolean {
    return this.provided !== undefined;
  }

  /** Shows the error state, fires `ig-error`, and logs the message with its hint once per distinct message. */
  protected fail(error: IgError): void {
    this.error = error;
    this.state = 'error';
    this.report(error);
  }

  /** Fires `ig-error` and logs it, without changing the state (for failures that keep content visible). */
  protected report(error: IgError): void {
    emit<IgErrorDetail>(this, 'ig-error', { error });
    const line = `${error.kind}: ${error.message}`;
    if (line === this.lastLogged) return;
    this.lastLogged = line;
    const message = /[.!?]$/.test(error.message) ? error.message : `${error.message}.`;
    const hint = error.hint ? ` Fix: ${error.hint}` : '';
    console.error(`[ig-elements] <${this.localName}> ${message}${hint}`, this);
  }
}
