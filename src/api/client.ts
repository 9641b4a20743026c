/** IgClient: the one interface the elements use to read Instagram data, whatever the dialect. */
import { IgError } from './errors.js';
import type { CacheMode } from './cache.js';
import type {
  IgDialectName, IgListOptions, IgMedia, IgOEmbed, IgOEmbedOptions, IgPage, IgRequestOptions, IgUser,
} from './model.js';
import type { IgTagOptions } from './tags.js';
import { sharedTransport, type Transport, type TransportResponse } from './transport.js';
import { badResponse, httpError, type ErrorResponse } from './wire-errors.js';

/** Everything a client needs to know; the provider and the elements' own attributes fill it in. */
export interface IgClientSettings {
  api: IgDialectName;
  accessToken?: string;
  /** Base URL of the API; relative URLs resolve against the page. */
  endpoint?: string;
  /** Base URL for the Graph calls served only by graph.facebook.com: hashtags and oEmbed. */
  facebookEndpoint?: string;
  /** Graph API version path segment such as "v25.0"; ignored by the legacy dialect. */
  apiVersion?: string;
  appToken?: string;
  /** The user whose media is read when an element names none. */
  userId?: string;
  cache?: CacheMode;
  /** Seconds a cached response counts as fresh. */
  cacheTtl?: number;
  transport?: Transport;
}

export interface IgClient {
  readonly settings: Readonly<IgClientSettings>;
  readonly dialect: IgDialectName;
  /** Reads one page of a user's recent media, newest first; `userId` defaults to the token's own user. */
  userMedia(userId: string | undefined, options?: IgListOptions): Promise<IgPage>;
  /**
   * Reads one page of a hashtag's media. `tag` may carry a leading "#" and any case; an invalid
   * tag rejects with an `invalid-attribute` IgError. Legacy: /tags/{tag}/media/recent (scope
   * public_content). Graph: ig_hashtag_search, then /recent_media or /top_media on
   * graph.facebook.com, which needs an IG user id and counts toward 30 hashtags a week.
   */
  tagMedia(tag: string, options?: IgTagOptions): Promise<IgPage>;
  /** Reads the account behind the token. */
  whoami(options?: IgRequestOptions): Promise<IgUser>;
  /** Reads one media item by its id in this dialect. */
  media(id: string, options?: IgRequestOptions): Promise<IgMedia>;
  /** Reads oEmbed data for a post URL; the app token is sent when the settings have one. */
  oembed(url: string, options?: IgOEmbedOptions): Promise<IgOEmbed>;
  /** Reads one media item by its shortcode. Only the legacy dialect has this lookup; Graph rejects with `unsupported`. */
  mediaByShortcode(shortcode: string, options?: IgRequestOptions): Promise<IgMedia>;
  /** Likes a post as the token's user (legacy scope `likes`). Graph has no like endpoint and rejects with `unsupported`. */
  like(id: string, options?: IgRequestOptions): Promise<void>;
  /** Removes the token user's like from a post. Graph rejects with `unsupported`. */
  unlike(id: string, options?: IgRequestOptions): Promise<void>;
}

export const DEFAULT_ENDPOINTS: Record<IgDialectName, string> = {
  graph: 'https://graph.instagram.com',
  legacy: 'https://api.instagram.com/v1',
};
export const DEFAULT_FACEBOOK_ENDPOINT = 'https://graph.facebook.com';
export const DEFAULT_API_VERSION = 'v25.0';
export const DEFAULT_CACHE_TTL = 300;

/** Shared request plumbing for the dialect clients: URL building, the token, error mapping. */
export abstract class BaseClient implements IgClient {
  abstract readonly dialect: IgDialectName;
  readonly settings: Readonly<IgClientSettings>;
  protected readonly transport: Transport;

  constructor(settings: IgClientSettings) {
    this.settings = Object.freeze({ ...settings });
    this.transport = settings.transport ?? sharedTransport;
  }

  abstract userMedia(userId: string | undefined, options?: IgListOptions): Promise<IgPage>;
  abstract tagMedia(tag: string, options?: IgTagOptions): Promise<IgPage>;
  abstract whoami(options?: IgRequestOptions): Promise<IgUser>;
  abstract media(id: string, options?: IgRequestOptions): Promise<IgMedia>;
  abstract oembed(url: string, options?: IgOEmbedOptions): Promise<IgOEmbed>;
  abstract mediaByShortcode(shortcode: string, options?: IgRequestOptions): Promise<IgMedia>;
  abstract like(id: string, options?: IgRequestOptions): Promise<void>;
  abstract unlike(id: string, options?: IgRequestOptions): Promise<void>;

  /** Maps an error response in this dialect's wire format to IgError, or returns undefined for any other response. */
  protected abstract readError(response: ErrorResponse): IgError | undefined;

  protected baseUrl(endpointSetting = this.settings.endpoint, fallback = DEFAULT_ENDPOINTS[this.dialect]): string {
    const endpoint = (endpointSetting || fallback).replace(/\/+$/, '');
    const base = globalThis.document?.baseURI ?? globalThis.location?.href;
    try {
      return new URL(endpoint, base).href.replace(/\/+$/, '');
    } catch {
      throw new IgError('invalid-attribute', `The endpoint "${endpoint}" is not a valid URL.`, {
        hint: 'Set endpoint to an absolute URL such as https://graph.instagram.com, or a path on this site.',
      });
    }
  }

  protected requireToken(): string {
    const token = this.settings.accessToken;
    if (!token) {
      throw new IgError('auth', 'No access token is set, so the API cannot be called.', {
        hint: 'Set access-token on <ig-provider> (or on the element), or give the provider a token-url.',
      });
    }
    return token;
  }

  /** Sends a GET and returns the JSON body, or rejects with the mapped IgError. */
  protected async getJson(url: URL, signal: AbortSignal | undefined, cacheable = true): Promise<unknown> {
    const mode = cacheable ? (this.settings.cache ?? 'none') : 'none';
    const response = await this.transport.request({
      url: url.href,
      signal,
      cache: { mode, ttlSeconds: this.settings.cacheTtl ?? DEFAULT_CACHE_TTL },
    });
    return this.check(response);
  }

  /** Sends a POST or DELETE, never cached or retried, and returns the JSON body or rejects with the mapped IgError. */
  protected async sendJson(url: URL, method: 'POST' | 'DELETE', body: URLSearchParams | undefined, signal?: AbortSignal): Promise<unknown> {
    return this.check(await this.transport.request({ url: url.href, method, body, signal }));
  }

  protected check(response: TransportResponse): unknown {
    const mapped = this.readError(response);
    if (mapped) throw mapped;
    if (!response.ok) throw httpError(response);
    if (response.body === undefined) {
      const what = response.text ? 'the body is not valid JSON' : 'the body is empty';
      throw badResponse(response.url, `${what} (HTTP ${response.status}).`, response.status);
    }
    return response.body;
  }
}
