/** The Graph dialect: graph.instagram.com (Instagram Login) or graph.facebook.com (Facebook Login). */
import { BaseClient, DEFAULT_API_VERSION, DEFAULT_FACEBOOK_ENDPOINT } from './client.js';
import { IgError, redact } from './errors.js';
import type { IgListOptions, IgMedia, IgOEmbed, IgOEmbedOptions, IgPage, IgRequestOptions, IgUser } from './model.js';
import { mapOEmbed, oembedParams } from './oembed-map.js';
import { MEDIA_FIELDS, USER_FIELDS, mapGraphMedia, mapGraphUser } from './graph-map.js';
import { admitHashtag, recordHashtag } from './hashtag-budget.js';
import { cachedHashtagId, storeHashtagId } from './hashtag-ids.js';
import { asString, isObject, queryParam } from './normalize.js';
import {
  graphTagPage, HASHTAG_MAX_LIMIT, HASHTAG_MEDIA_FIELDS, missingUserIdError, readHashtagId, requireTag, withHashtagHint,
  type IgTagOptions,
} from './tags.js';
import { badResponse, graphError, type ErrorResponse } from './wire-errors.js';

/** Most items one Graph page returns for the /media edge, per python-facebook's note on the limit parameter. */
export const GRAPH_MAX_LIMIT = 100;

export class GraphClient extends BaseClient {
  readonly dialect = 'graph' as const;

  protected readError(response: ErrorResponse): IgError | undefined {
    return graphError(response);
  }

  /** Builds a versioned URL on graph.instagram.com (or the configured endpoint) carrying the user token. */
  private url(path: string, params: Record<string, string | undefined> = {}, base = this.baseUrl()): URL {
    const version = (this.settings.apiVersion ?? DEFAULT_API_VERSION).replace(/^\/+|\/+$/g, '');
    const url = new URL(`${base}${version ? `/${version}` : ''}${path}`);
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    url.searchParams.set('access_token', this.requireToken());
    return url;
  }

  /** Base URL of graph.facebook.com (or its configured stand-in), for hashtags and oEmbed. */
  protected facebookBase(): string {
    return this.baseUrl(this.settings.facebookEndpoint, DEFAULT_FACEBOOK_ENDPOINT);
  }

  async userMedia(userId: string | undefined, options: IgListOptions = {}): Promise<IgPage> {
    const user = encodeURIComponent(userId || this.settings.userId || 'me');
    const limit = Math.min(Math.max(1, options.limit ?? 25), GRAPH_MAX_LIMIT);
    const url = this.url(`/${user}/media`, { fields: MEDIA_FIELDS, limit: String(limit), after: options.cursor });
    const body = await this.getJson(url, options.signal);
    if (!isObject(body) || !Array.isArray(body.data)) {
      throw badResponse(redact(url.href), 'expected {"data": [...]} with a list of media.');
    }
    const items = body.data.map(mapGraphMedia).filter((item): item is IgMedia => item !== undefined);
    return { items, next: nextCursor(body.paging) };
  }

  /**
   * Reads a hashtag's recent_media (the last 24 hours) or top_media on graph.facebook.com, as
   * the IG user `options.userId` (default: the settings' `userId`). The hashtag id comes from
   * one ig_hashtag_search per tag, then from a cache. Each new tag counts toward the account's
   * 30 unique hashtags a week, which this browser tracks. Items have no username or poster.
   */
  async tagMedia(tag: string, options: IgTagOptions = {}): Promise<IgPage> {
    const name = requireTag(tag);
    const userId = options.userId?.trim() || this.settings.userId;
    if (!userId) throw missingUserIdError();
    admitHashtag(userId, name);
    // Counted before any await, so feeds starting together cannot all pass the check for the last free slot.
    recordHashtag(userId, name);
    const base = this.facebookBase();
    try {
      const hashtagId = await this.hashtagId(name, userId, base, options.signal);
      const edge = options.order === 'top' ? 'top_media' : 'recent_media';
      const limit = Math.min(Math.max(1, options.limit ?? 25), HASHTAG_MAX_LIMIT);
      const params = { user_id: userId, fields: HASHTAG_MEDIA_FIELDS, limit: String(limit), after: options.cursor };
      const url = this.url(`/${hashtagId}/${edge}`, params, base);
      return graphTagPage(await this.getJson(url, options.signal), redact(url.href), limit);
    } catch (error) {
      throw withHashtagHint(error);
    }
  }

  /** Returns the id of a hashtag: from the cache, else from one ig_hashtag_search. */
  private async hashtagId(name: string, userId: string, base: string, signal: AbortSignal | undefined): Promise<string> {
    const cached = cachedHashtagId(base, name);
    if (cached) return cached;
    const url = this.url('/ig_hashtag_search', { user_id: userId, q: name }, base);
    const id = readHashtagId(await this.getJson(url, signal), name, redact(url.href));
    storeHashtagId(base, name, id);
    return id;
  }

  async whoami(options: IgRequestOptions = {}): Promise<IgUser> {
    const url = this.url('/me', { fields: USER_FIELDS });
    const body = await this.getJson(url, options.signal, false);
    const user = mapGraphUser(body);
    if (!user) throw badResponse(redact(url.href), 'expected {"id": ...} for the user.');
    return user;
  }

  async media(id: string, options: IgRequestOptions = {}): Promise<IgMedia> {
    const url = this.url(`/${encodeURIComponent(id)}`, { fields: MEDIA_FIELDS });
    const item = mapGraphMedia(await this.getJson(url, options.signal));
    if (!item) throw badResponse(redact(url.href), 'expected one media object with an "id".');
    return item;
  }

  /** Rejects: the Graph API has no shortcode lookup. Use the media id, or the permalink for links. */
  mediaByShortcode(shortcode: string): Promise<IgMedia> {
    return Promise.reject(unsupported(`The Graph API cannot look up a post by its shortcode ("${shortcode}").`, 'Pass the Graph media id instead.'));
  }

  /** Rejects: no Instagram API lets an app like a post since Meta removed the like endpoints on 2018-04-04. */
  like(): Promise<void> {
    return Promise.reject(unsupported('The Graph API cannot like posts.', LIKE_HINT));
  }

  /** Rejects, like `like()`. */
  unlike(): Promise<void> {
    return Promise.reject(unsupported('The Graph API cannot unlike posts.', LIKE_HINT));
  }

  /**
   * Reads instagram_oembed on graph.facebook.com. It has needed no token since mid-2026
   * (1,000 requests an hour per endpoint); an app token from the settings raises that limit.
   */
  async oembed(postUrl: string, options: IgOEmbedOptions = {}): Promise<IgOEmbed> {
    const version = (this.settings.apiVersion ?? DEFAULT_API_VERSION).replace(/^\/+|\/+$/g, '');
    const url = oembedParams(new URL(`${this.facebookBase()}${version ? `/${version}` : ''}/instagram_oembed`), postUrl, options);
    if (this.settings.appToken) url.searchParams.set('access_token', this.settings.appToken);
    // Never cached: Meta's terms forbid persisting oEmbed data, and cache="local" would.
    const result = mapOEmbed(await this.getJson(url, options.signal, false));
    if (!result) throw badResponse(redact(url.href), 'expected an oEmbed object with "type": "rich".');
    return result;
  }
}

const LIKE_HINT = 'Link to the post on instagram.com instead, as <ig-like-button> does with api="graph".';

function unsupported(message: string, hint: string): IgError {
  return new IgError('unsupported', message, { hint });
}

/**
 * Returns the `after` cursor when a next page exists. Graph sends `paging.next` only when
 * there is one (the last page still carries cursors), and `next` contains the token, so
 * only the cursor is kept and the URL is built again with the configured endpoint.
 */
function nextCursor(paging: unknown): string | undefined {
  if (!isObject(paging) || typeof paging.next !== 'string') return undefined;
  const cursors = isObject(paging.cursors) ? paging.cursors : {};
  return asString(cursors.after) ?? queryParam(paging.next, 'after');
}
