/**
 * HTTP for every client: timeout, abort, bounded retry with backoff on 429 and 5xx
 * (honouring Retry-After), de-duplication of identical GET requests in flight, and an
 * optional response cache. The access token never leaves the request URL: errors carry
 * the URL with `access_token=REDACTED`, and cache keys carry a hash of the token.
 */
import { IgError, redact } from './errors.js';
import { ResponseCache, tokenOf, type CacheMode } from './cache.js';

export interface TransportOptions {
  fetch?: typeof fetch;
  /** Milliseconds before a request attempt is abandoned with a `timeout` error. */
  timeoutMs?: number;
  /** Extra attempts after a 429 or 5xx response to a GET. */
  retries?: number;
  /** Base delay in milliseconds for exponential backoff between attempts. */
  retryDelayMs?: number;
  /** A Retry-After longer than this (seconds) is not waited for: the error goes to the caller. */
  maxRetryAfter?: number;
}

export interface TransportRequest {
  url: string;
  method?: 'GET' | 'POST' | 'DELETE';
  body?: URLSearchParams;
  signal?: AbortSignal;
  /** Cache mode and lifetime for this GET; errors are never cached. */
  cache?: { mode: CacheMode; ttlSeconds: number };
}

export interface TransportResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  /** Parsed JSON, or undefined when the body is not JSON. */
  body: unknown;
  text: string;
  /** The request URL with secrets replaced by REDACTED, for messages. */
  url: string;
  /** Seconds from a Retry-After header, when present. */
  retryAfter?: number;
  fromCache?: boolean;
}

const DEFAULTS = { timeoutMs: 10_000, retries: 2, retryDelayMs: 400, maxRetryAfter: 30 };

function abortError(url: string): IgError {
  return new IgError('aborted', 'The request was aborted because a newer one replaced it.', { url });
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves with the promise's value unless the signal aborts first. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, url: string): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError(url));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(url));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

interface InFlight {
  promise: Promise<TransportResponse>;
  controller: AbortController;
  waiters: number;
}

export class Transport {
  readonly options: Required<Omit<TransportOptions, 'fetch'>> & { fetch?: typeof fetch };
  private readonly inFlight = new Map<string, InFlight>();
  private readonly caches = new Map<CacheMode, ResponseCache>();
  /** Number of HTTP requests sent, for tests and benchmarks. */
  requestCount = 0;

  constructor(options: TransportOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Sends a request. Resolves with any HTTP response, and rejects with IgError on a network failure, a timeout or an abort. */
  async request(request: TransportRequest): Promise<TransportResponse> {
    const method = request.method ?? 'GET';
    const safeUrl = redact(request.url);
    if (method !== 'GET') return this.send(request, safeUrl, request.signal);

    const cache = request.cache && request.cache.mode !== 'none' ? this.cacheFor(request.cache.mode) : undefined;
    const key = await ResponseCache.key(request.url);
    if (cache && request.cache) {
      const hit = cache.get(key, request.cache.ttlSeconds);
      if (hit && !hit.stale) return { ...hit.response, fromCache: true };
      if (hit?.stale) {
        // Stale-while-revalidate: return the cached response now and refresh it in the background.
        void this.shared(key, request, safeUrl).catch(() => undefined);
        return { ...hit.response, fromCache: true };
      }
    }
    return this.shared(key, request, safeUrl);
  }

  /** Forgets cached responses, for refresh(). */
  clearCache(): void {
    for (const cache of this.caches.values()) cache.clear();
  }

  private cacheFor(mode: CacheMode): ResponseCache {
    let cache = this.caches.get(mode);
    if (!cache) {
      cache = new ResponseCache(mode);
      this.caches.set(mode, cache);
    }
    return cache;
  }

  /** Joins an identical GET already in flight, so two callers cause one request. */
  private shared(key: string, request: TransportRequest, safeUrl: string): Promise<TransportResponse> {
    let entry = this.inFlight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const promise = this.send(request, safeUrl, controller.signal).then((response) => {
        if (response.ok && request.cache && request.cache.mode !== 'none') {
          const token = tokenOf(request.url);
          this.cacheFor(request.cache.mode).set(key, response, token ? [token] : []);
        }
        return response;
      });
      const created: InFlight = { promise, controller, waiters: 0 };
      entry = created;
      this.inFlight.set(key, created);
      const forget = () => {
        if (this.inFlight.get(key) === created) this.inFlight.delete(key);
      };
      promise.then(forget, forget);
    }
    const joined = entry;
    joined.waiters += 1;
    const leave = () => {
      joined.waiters -= 1;
      // The shared request is cancelled only when every caller has gone.
      if (joined.waiters === 0) {
        joined.controller.abort();
        if (this.inFlight.get(key) === joined) this.inFlight.delete(key);
      }
    };
    return raceAbort(joined.promise, request.signal, safeUrl).then(
      (value) => {
        joined.waiters -= 1;
        return value;
      },
      (error: unknown) => {
        if (error instanceof IgError && error.kind === 'aborted' && request.signal?.aborted) leave();
        else joined.waiters -= 1;
        throw error;
      },
    );
  }

  private async send(request: TransportRequest, safeUrl: string, signal?: AbortSignal): Promise<TransportResponse> {
    const method = request.method ?? 'GET';
    const attempts = method === 'GET' ? this.options.retries + 1 : 1;
    let last: TransportResponse | undefined;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      if (attempt > 0 && last) {
        const backoff = this.options.retryDelayMs * 2 ** (attempt - 1);
        const delay = last.retryAfter !== undefined ? last.retryAfter * 1000 : backoff;
        try {
          await wait(delay, signal);
        } catch {
          throw abortError(safeUrl);
        }
      }
      last = await this.attempt(request, safeUrl, signal);
      const retryable = last.status === 429 || last.status >= 500;
      const tooLong = last.retryAfter !== undefined && last.retryAfter > this.options.maxRetryAfter;
      if (!retryable || tooLong) return last;
    }
    return last as TransportResponse;
  }

  private async attempt(request: TransportRequest, safeUrl: string, signal?: AbortSignal): Promise<TransportResponse> {
    if (signal?.aborted) throw abortError(safeUrl);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });

    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    try {
      this.requestCount += 1;
      const response = await doFetch(request.url, {
        method: request.method ?? 'GET',
        body: request.body,
        signal: controller.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      return {
        status: response.status,
        ok: response.ok,
        headers: response.headers,
        body,
        text,
        url: safeUrl,
        retryAfter: parseRetryAfter(response.headers.get('retry-after')),
      };
    } catch (error) {
      if (timedOut) {
        throw new IgError('timeout', `The request timed out after ${this.options.timeoutMs} ms.`, {
          url: safeUrl,
          hint: 'Check the network or the endpoint; the provider attribute "timeout" sets the limit in milliseconds.',
        });
      }
      if (signal?.aborted) throw abortError(safeUrl);
      throw new IgError('network', `The request failed before a response arrived: ${(error as Error).message}`, {
        url: safeUrl,
        cause: error,
        hint: 'Check the network connection, the endpoint URL, and that the server allows cross-origin requests (CORS).',
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** The transport every client on the page shares unless given its own, so requests de-duplicate page-wide. */
export const sharedTransport = new Transport();
