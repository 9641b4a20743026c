/**
 * The token lifecycle of <ig-provider>: it keeps the token from a `token-url` or `tokenProvider`
 * fresh, and it listens for `ig-error` events from the elements inside. When the API rejects the
 * token, it fetches a new one once, and the elements retry with it. When no new token can be
 * fetched, it fires `ig-token-expired`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IgDialectName } from '../api/model.js';
import type { IgError } from '../api/errors.js';
import { emit } from './events.js';
import type { IgErrorDetail } from './ig-element.js';
import { TokenSource, type IgTokenProvider } from './token-source.js';

/** Detail of `ig-token-expired`. */
export interface IgTokenExpiredDetail {
  /** The API's rejection, or the failure of the fetch that should have replaced the token. */
  error: IgError;
  dialect: IgDialectName;
}

declare global {
  interface HTMLElementEventMap {
    'ig-token-expired': CustomEvent<IgTokenExpiredDetail>;
  }
}

/**
 * Checks that an error means the API rejected the token as expired or invalid: legacy "The
 * access_token provided is invalid." or OAuthAccessTokenException, Graph code 190 (from either
 * dialect, as a v1-compatible proxy may send Graph errors), or HTTP 401. A missing token, which
 * the client reports before sending anything, does not count.
 */
export function isTokenRejection(error: IgError): boolean {
  if (error.kind !== 'auth' || error.status === undefined) return false;
  if (error.code === 190 || error.code === 'OAuthAccessTokenException' || error.status === 401) return true;
  return error.code === 'OAuthParameterException' && /access_token provided is invalid/i.test(error.message);
}

export interface TokenControllerOptions {
  /** Receives each fetched token, and undefined when the token-url and tokenProvider are removed. */
  setToken(token: string | undefined): void;
  /** The token in use now, from the source or the access-token attribute. */
  currentToken(): string | undefined;
  /** The host's `token-url` and `tokenProvider`, read before each update. */
  source(): { url: string | undefined; provider: IgTokenProvider | undefined };
  dialect(): IgDialectName;
}

export class TokenController implements ReactiveController {
  private readonly source: TokenSource;
  /** The token fetched because the API rejected the one before: a rejection of it is final. */
  private replacement?: string;
  /** The last token reported with `ig-token-expired`, so each is reported once. */
  private reported?: string;
  private configured?: { url: string | undefined; provider: IgTokenProvider | undefined };
  /** The last token-source failure logged to the console. */
  private loggedFailure?: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: TokenControllerOptions,
  ) {
    this.source = new TokenSource({
      acceptToken: (token) => options.setToken(token),
      tokenFailed: (error) => {
        emit<IgErrorDetail>(host, 'ig-error', { error });
        // Logged once per distinct message, because a failing token-url is retried on every refresh.
        if (this.loggedFailure === error.message) return;
        this.loggedFailure = error.message;
        const hint = error.hint ? ` Fix: ${error.hint}` : '';
        console.error(`[ig-elements] <${host.localName}> ${error.message}${hint}`, host);
      },
    });
    host.addController(this);
  }

  /** Starts fetching again when the host's token-url or tokenProvider changed since the last update. */
  hostUpdate(): void {
    const { url, provider } = this.options.source();
    const trimmed = url?.trim() || undefined;
    if (this.configured && this.configured.url === trimmed && this.configured.provider === provider) return;
    this.configured = { url: trimmed, provider };
    this.replacement = undefined;
    const callable = typeof provider === 'function' ? provider : undefined;
    // Deferred, because a property set during this update would miss the host's willUpdate.
    if (!trimmed && !callable) void Promise.resolve().then(() => this.options.setToken(undefined));
    this.source.configure(trimmed, callable);
  }

  /** Resolves once a token fetch in flight has finished, so callers can use the fresh token. */
  settled(): Promise<void> {
    return this.source.settled();
  }

  hostConnected(): void {
    this.host.addEventListener('ig-error', this.onError);
    if (!this.configured) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('ig-error', this.onError);
    this.source.stop();
    // Reconnecting fetches a token again, because the scheduled refresh was cancelled.
    this.configured = undefined;
  }

  private readonly onError = (event: CustomEvent<IgErrorDetail>): void => {
    // The provider's own token-fetch errors and elements with their own access-token are not about this token.
    const target = event.target as (Element & { accessToken?: string }) | null;
    if (target === this.host || target?.accessToken) return;
    const error = event.detail?.error;
    if (!error || !isTokenRejection(error)) return;
    void this.handleRejection(error);
  };

  private async handleRejection(error: IgError): Promise<void> {
    const rejected = this.options.currentToken();
    if (this.source.active && rejected !== this.replacement) {
      const fresh = await this.source.refresh();
      if (fresh) {
        this.replacement = fresh;
        return;
      }
    }
    if (rejected === this.reported) return;
    this.reported = rejected;
    emit<IgTokenExpiredDetail>(this.host, 'ig-token-expired', { error, dialect: this.options.dialect() });
  }
}
