/**
 * Fresh access tokens for <ig-provider> from a `token-url` or a `tokenProvider` function. It
 * fetches a token when configured, schedules the next fetch at 90% of `expires_in`, and fetches
 * again on demand when the API rejects the current token. Tokens never appear in its errors.
 */
import { IgError } from '../api/errors.js';

/** A token with its lifetime in seconds, as a token function may return it. */
export interface IgTokenGrant {
  accessToken: string;
  expiresIn?: number;
}

/** A function that supplies a fresh token: a string, a grant, or a promise of either. */
export type IgTokenProvider = () => string | IgTokenGrant | Promise<string | IgTokenGrant>;

/** Share of `expires_in` after which the next token is fetched. */
export const REFRESH_AT = 0.9;
/** Shortest wait before a scheduled fetch, so a tiny `expires_in` cannot cause a request loop. */
export const MIN_REFRESH_DELAY_MS = 1000;
// setTimeout fires at once for delays above 2^31 - 1 ms (about 24.8 days), so longer lifetimes wait in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface TokenSourceHost {
  /** Receives each new token. */
  acceptToken(token: string): void;
  /** Receives a failed fetch; the current token, if any, stays in use. */
  tokenFailed(error: IgError): void;
}

type Source = { url: string } | { provider: IgTokenProvider };

export class TokenSource {
  private source?: Source;
  private generation = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private inFlight?: Promise<string | undefined>;

  constructor(private readonly host: TokenSourceHost) {}

  /** Whether a token URL or function is configured. */
  get active(): boolean {
    return this.source !== undefined;
  }

  /** Sets the source and fetches a token from it; undefined for both stops fetching. */
  configure(url: string | undefined, provider: IgTokenProvider | undefined): void {
    this.stop();
    this.generation += 1;
    if (provider) this.source = { provider };
    else if (url) this.source = { url };
    else this.source = undefined;
    if (this.source) void this.refresh();
  }

  /** Fetches a token now, joining a fetch already in flight; resolves with the token or undefined on failure. */
  refresh(): Promise<string | undefined> {
    if (!this.source) return Promise.resolve(undefined);
    if (this.inFlight) return this.inFlight;
    const fetching = this.fetchToken(this.source, this.generation).finally(() => {
      if (this.inFlight === fetching) this.inFlight = undefined;
    });
    this.inFlight = fetching;
    return fetching;
  }

  /** Resolves once the current fetch, if any, has finished. */
  async settled(): Promise<void> {
    await this.inFlight;
  }

  /** Cancels the scheduled fetch; a fetch in flight is ignored when it completes. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.generation += 1;
    this.inFlight = undefined;
  }

  private async fetchToken(source: Source, generation: number): Promise<string | undefined> {
    let grant: IgTokenGrant;
    try {
      grant = 'url' in source ? await fetchFromUrl(source.url) : readGrant(await source.provider(), 'tokenProvider');
    } catch (error) {
      if (generation !== this.generation) return undefined;
      this.host.tokenFailed(error instanceof IgError ? error : new IgError('auth', `The tokenProvider function failed: ${String((error as Error)?.message ?? error)}`, {
        cause: error,
        hint: 'Make tokenProvider return a token string or a promise of { accessToken, expiresIn }.',
      }));
      return undefined;
    }
    if (generation !== this.generation) return undefined;
    this.host.acceptToken(grant.accessToken);
    if (grant.expiresIn !== undefined) this.schedule(grant.expiresIn * 1000 * REFRESH_AT, generation);
    return grant.accessToken;
  }

  private schedule(delayMs: number, generation: number): void {
    clearTimeout(this.timer);
    const wait = Math.max(MIN_REFRESH_DELAY_MS, delayMs);
    this.timer = setTimeout(() => {
      if (generation !== this.generation) return;
      if (wait > MAX_TIMER_MS) this.schedule(wait - MAX_TIMER_MS, generation);
      else void this.refresh();
    }, Math.min(wait, MAX_TIMER_MS));
  }
}

/** Fetches `{access_token, expires_in?}` from the page's own server, sending its cookies. */
async function fetchFromUrl(url: string): Promise<IgTokenGrant> {
  const hint = 'The token-url must answer a GET with JSON {"access_token": "...", "expires_in": seconds}.';
  // Messages name the URL without its query string, which may carry a secret of the page's.
  const shown = url.split(/[?#]/)[0];
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new IgError('network', `The token-url "${shown}" could not be reached: ${(error as Error).message}`, { cause: error, hint });
  }
  // The body is never quoted in messages, because it may contain a token.
  if (!response.ok) throw new IgError('auth', `The token-url "${shown}" failed with HTTP ${response.status}.`, { status: response.status, hint });
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new IgError('bad-response', `The token-url "${shown}" returned a body that is not JSON.`, { hint });
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return readGrant({ accessToken: record.access_token as string, expiresIn: record.expires_in as number | undefined }, `The token-url "${shown}"`);
}

/** Checks a token function's or URL's result and returns it as a grant. */
function readGrant(value: unknown, source: string): IgTokenGrant {
  const grant = typeof value === 'string' ? { accessToken: value } : (value as Partial<IgTokenGrant> | null);
  const hint = 'Return a non-empty token string, or { accessToken, expiresIn } with expiresIn in seconds.';
  if (!grant || typeof grant.accessToken !== 'string' || grant.accessToken.trim() === '') {
    throw new IgError('bad-response', `${source} returned no access token.`, { hint });
  }
  const { expiresIn } = grant;
  if (expiresIn !== undefined && expiresIn !== null && !(typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0)) {
    throw new IgError('bad-response', `${source} returned expires_in ${JSON.stringify(expiresIn)}, which is not a positive number of seconds.`, { hint });
  }
  return { accessToken: grant.accessToken.trim(), ...(typeof expiresIn === 'number' ? { expiresIn } : {}) };
}
