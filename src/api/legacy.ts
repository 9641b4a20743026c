/** The legacy v1 dialect: api.instagram.com/v1, the island, or any v1-compatible backend. */
import { BaseClient } from './client.js';
import { redact, type IgError } from './errors.js';
import type { IgListOptions, IgMedia, IgOEmbed, IgOEmbedOptions, IgPage, IgRequestOptions, IgUser } from './model.js';
import { mapOEmbed, oembedParams } from './oembed-map.js';
import { mapLegacyMedia, mapLegacyUser } from './legacy-map.js';
import { asString, isObject, queryParam } from './normalize.js';
import { legacyTagPage, requireTag, type IgTagOptions } from './tags.js';
import { badResponse, graphError, legacyError, type ErrorResponse } from './wire-errors.js';

/** Most items one legacy page returns. NOTE: commonly cited as 33; not confirmed by an official page. */
export const LEGACY_MAX_COUNT = 33;

export class LegacyClient extends BaseClient {
  readonly dialect = 'legacy' as const;

  protected readError(response: ErrorResponse): IgError | undefined {
    // A v1-compatible backend (a proxy in front of Graph, say) may respond with a Graph error body
    // such as code 190, so that shape is read first. Legacy bodies never have an `error` object.
    return graphError(response) ?? legacyError(response);
  }

  private url(path: string, params: Record<string, string | undefined> = {}): URL {
    const url = new URL(`${this.baseUrl()}${path}`);
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    url.searchParams.set('access_token', this.requireToken());
    return url;
  }

  async userMedia(userId: string | undefined, options: IgListOptions = {}): Promise<IgPage> {
    const user = encodeURIComponent(userId || this.settings.userId || 'self');
    const count = Math.min(Math.max(1, options.limit ?? 20), LEGACY_MAX_COUNT);
    const url = this.url(`/users/${user}/media/recent`, { count: String(count), max_id: options.cursor });
    const body = await this.getJson(url, options.signal);
    if (!isObject(body) || !Array.isArray(body.data)) {
      throw badResponse(redact(url.href), 'expected {"data": [...]} with a list of media.');
    }
    const items = body.data.map(mapLegacyMedia).filter((item): item is IgMedia => item !== undefined);
    const pagination = isObject(body.pagination) ? body.pagination : {};
    // next_url carries the access token, so only the cursor is kept and the next URL is built again.
    const next = asString(pagination.next_max_id) ?? queryParam(pagination.next_url, 'max_id');
    return next ? { items, next } : { items };
  }

  /**
   * Reads /tags/{tag}/media/recent, newest tagging first, with `max_tag_id` paging. It needs
   * the public_content scope. The v1 API has no "top" order, so `options.order` is ignored.
   */
  async tagMedia(tag: string, options: IgTagOptions = {}): Promise<IgPage> {
    const name = requireTag(tag);
    const count = Math.min(Math.max(1, options.limit ?? 20), LEGACY_MAX_COUNT);
    const url = this.url(`/tags/${encodeURIComponent(name)}/media/recent`, { count: String(count), max_tag_id: options.cursor });
    return legacyTagPage(await this.getJson(url, options.signal), redact(url.href));
  }

  async whoami(options: IgRequestOptions = {}): Promise<IgUser> {
    const url = this.url('/users/self');
    const body = await this.getJson(url, options.signal, false);
    const user = isObject(body) ? mapLegacyUser(body.data) : undefined;
    if (!user) throw badResponse(redact(url.href), 'expected {"data": {"id": ...}} for the user.');
    return user;
  }

  async media(id: string, options: IgRequestOptions = {}): Promise<IgMedia> {
    const url = this.url(`/media/${encodeURIComponent(id)}`);
    const body = await this.getJson(url, options.signal);
    const item = isObject(body) ? mapLegacyMedia(body.data) : undefined;
    if (!item) throw badResponse(redact(url.href), 'expected {"data": {...}} with one media object.');
    return item;
  }

  /** Reads a post by shortcode through /media/shortcode/{shortcode}, which returns the full "<pk>_<owner id>" id. */
  async mediaByShortcode(shortcode: string, options: IgRequestOptions = {}): Promise<IgMedia> {
    const url = this.url(`/media/shortcode/${encodeURIComponent(shortcode)}`);
    const body = await this.getJson(url, options.signal);
    const item = isObject(body) ? mapLegacyMedia(body.data) : undefined;
    if (!item) throw badResponse(redact(url.href), 'expected {"data": {...}} with one media object.');
    return item;
  }

  /** Likes a post with POST /media/{id}/likes; the token goes in the form body, which the v1 API accepted. */
  async like(id: string, options: IgRequestOptions = {}): Promise<void> {
    const url = new URL(`${this.baseUrl()}/media/${encodeURIComponent(id)}/likes`);
    const body = new URLSearchParams({ access_token: this.requireToken() });
    await this.sendJson(url, 'POST', body, options.signal);
  }

  /** Removes the like with DELETE /media/{id}/likes, with the token in the query. */
  async unlike(id: string, options: IgRequestOptions = {}): Promise<void> {
    await this.sendJson(this.url(`/media/${encodeURIComponent(id)}/likes`), 'DELETE', undefined, options.signal);
  }

  /** Reads the legacy oEmbed endpoint, which sits beside /v1 (for example api.instagram.com/oembed) and takes no token. */
  async oembed(postUrl: string, options: IgOEmbedOptions = {}): Promise<IgOEmbed> {
    const root = this.baseUrl().replace(/\/v1$/, '');
    const url = oembedParams(new URL(`${root}/oembed`), postUrl, options);
    // Never cached: Meta's terms forbid persisting oEmbed data, and cache="local" would.
    const result = mapOEmbed(await this.getJson(url, options.signal, false));
    if (!result) throw badResponse(url.href, 'expected an oEmbed object with "type": "rich".');
    return result;
  }
}
