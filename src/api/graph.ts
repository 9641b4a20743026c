/** The Graph dialect: graph.instagram.com (Instagram Login) or graph.facebook.com (Facebook Login). */
import { BaseClient, DEFAULT_API_VERSION } from './client.js';
import { redact, type IgError } from './errors.js';
import type { IgListOptions, IgMedia, IgPage, IgRequestOptions, IgUser } from './model.js';
import { MEDIA_FIELDS, USER_FIELDS, mapGraphMedia, mapGraphUser } from './graph-map.js';
import { asString, isObject, queryParam } from './normalize.js';
import { badResponse, graphError, type ErrorResponse } from './wire-errors.js';

/** Most items one Graph page returns for the /media edge, per python-facebook's note on the limit parameter. */
export const GRAPH_MAX_LIMIT = 100;

export class GraphClient extends BaseClient {
  readonly dialect = 'graph' as const;

  protected readError(response: ErrorResponse): IgError | undefined {
    return graphError(response);
  }

  private url(path: string, params: Record<string, string | undefined> = {}): URL {
    const version = (this.settings.apiVersion ?? DEFAULT_API_VERSION).replace(/^\/+|\/+$/g, '');
    const url = new URL(`${this.baseUrl()}${version ? `/${version}` : ''}${path}`);
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    url.searchParams.set('access_token', this.requireToken());
    return url;
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
