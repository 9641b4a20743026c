/** Hashtag input, options and response reading shared by both dialects' `tagMedia`. */
import { IgError } from './errors.js';
import { mapGraphMedia } from './graph-map.js';
import { mapLegacyMedia } from './legacy-map.js';
import type { IgListOptions, IgMedia, IgPage } from './model.js';
import { asString, isObject, queryParam } from './normalize.js';
import { badResponse } from './wire-errors.js';

/** Order of a hashtag's posts: the newest ("recent") or the most popular ("top", Graph only). */
export type IgTagOrder = 'recent' | 'top';
export const TAG_ORDERS: readonly IgTagOrder[] = ['recent', 'top'];

/** Options for one page of a hashtag feed. */
export interface IgTagOptions extends IgListOptions {
  /** "recent" (default) or "top"; the legacy API has only recent media and ignores it. */
  order?: IgTagOrder;
  /** IG user id of the professional account that searches (Graph); defaults to the settings' `userId`. */
  userId?: string;
}

/** Hashtag edges return at most 50 items a page. */
export const HASHTAG_MAX_LIMIT = 50;
/**
 * The only fields hashtag media offer: there is no username, owner, thumbnail_url or shortcode,
 * so a hashtag video has no poster image.
 */
export const HASHTAG_MEDIA_FIELDS =
  'id,caption,media_type,media_url,permalink,timestamp,like_count,comments_count,children{id,media_type,media_url,permalink}';

/** The form a tag must have, for messages. */
export const TAG_FORM = 'letters, digits and underscores (any script), with or without a leading "#", such as "#lighthouse", "café" or "東京"';

/** A hashtag name: letters, combining marks, digits and underscores, not starting with a mark. */
const TAG_NAME = /^[\p{L}\p{N}_][\p{L}\p{M}\p{N}_]*$/u;

/**
 * Returns the canonical form of a hashtag: spaces around it and one leading "#" removed,
 * Unicode NFC, lowercase. Returns undefined for an empty tag, inner spaces or punctuation.
 */
export function normalizeTag(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.trim().replace(/^#/, '').normalize('NFC').toLowerCase();
  return TAG_NAME.test(name) ? name : undefined;
}

/** Builds the `invalid-attribute` error for a tag that `normalizeTag` rejects, naming the value and the allowed form. */
export function invalidTagError(value: unknown): IgError {
  const hint = 'Set tag to one hashtag without spaces or punctuation, for example tag="#lighthouse".';
  if (value === undefined || value === null) return new IgError('invalid-attribute', `No tag is set: expected ${TAG_FORM}.`, { hint });
  const quoted = typeof value === 'string' ? `"${value}"` : String(value);
  const problem = typeof value === 'string' && value.trim().replace(/^#/, '') === '' ? 'is empty' : 'is not a valid hashtag';
  return new IgError('invalid-attribute', `The tag ${quoted} ${problem}: expected ${TAG_FORM}.`, { hint });
}

/** Returns the normalized tag, or throws the `invalid-attribute` error for it. */
export function requireTag(value: unknown): string {
  const name = normalizeTag(value);
  if (name === undefined) throw invalidTagError(value);
  return name;
}

/** Builds the error for a Graph hashtag request without an IG user id. */
export function missingUserIdError(): IgError {
  return new IgError(
    'invalid-attribute',
    'Hashtag search needs the IG user id of the Instagram professional account that searches, and none is set. ' +
      'It works only with Facebook Login, on graph.facebook.com.',
    {
      hint: 'Set user-id on <ig-provider> or on <ig-tag-feed> to the account\'s IG user id (17841…), ' +
        'which GET /{page-id}?fields=instagram_business_account returns for its Facebook Page.',
    },
  );
}

/** Reads the hashtag id from an ig_hashtag_search response. */
export function readHashtagId(body: unknown, tag: string, url: string): string {
  if (!isObject(body) || !Array.isArray(body.data)) throw badResponse(url, 'expected {"data": [{"id": ...}]} for the hashtag search.');
  const first: unknown = body.data[0];
  if (first === undefined) {
    throw new IgError('not-found', `Instagram has no hashtag #${tag}.`, {
      url,
      hint: 'Check the spelling of the tag; hashtags with emoji and banned hashtags cannot be searched.',
    });
  }
  const id = isObject(first) ? asString(first.id) : undefined;
  if (!id || !/^\d+$/.test(id)) throw badResponse(url, 'the hashtag search returned no numeric "id".');
  return id;
}

/**
 * Adds the hashtag-specific fix to permission and token errors: hashtag search needs the
 * Instagram Public Content Access feature and a Facebook Login token.
 */
export function withHashtagHint(error: unknown): unknown {
  if (!(error instanceof IgError)) return error;
  let hint: string | undefined;
  if (error.kind === 'permission') {
    hint = 'Hashtag search needs the app feature "Instagram Public Content Access" (App Review and business verification) and the instagram_basic permission.';
  } else if (error.kind === 'auth' && error.code === 190 && error.subcode === undefined) {
    hint = 'Hashtag search needs a Facebook Login user token: Instagram Login tokens (IGAA…) cannot be parsed by graph.facebook.com.';
  }
  if (!hint) return error;
  return new IgError(error.kind, error.message, {
    status: error.status, code: error.code, subcode: error.subcode, retryAfter: error.retryAfter, url: error.url, hint, cause: error,
  });
}

function mapList(data: unknown[], map: (raw: unknown) => IgMedia | undefined): IgMedia[] {
  return data.map(map).filter((item): item is IgMedia => item !== undefined);
}

/** Reads a legacy /tags/{tag}/media/recent page; the cursor is `next_max_tag_id`, never the token-carrying `next_url`. */
export function legacyTagPage(body: unknown, url: string): IgPage {
  if (!isObject(body) || !Array.isArray(body.data)) throw badResponse(url, 'expected {"data": [...]} with a list of media.');
  const items = mapList(body.data, mapLegacyMedia);
  const pagination = isObject(body.pagination) ? body.pagination : {};
  const next = asString(pagination.next_max_tag_id) ?? queryParam(pagination.next_url, 'max_tag_id');
  return next ? { items, next } : { items };
}

/**
 * Reads a Graph hashtag media page. The edges page forward only, with `after`. A page with
 * `paging.next` has a successor, and so does a full page with an `after` cursor.
 * NOTE: the second rule is a guess, because recorded hashtag pages show `cursors.after`
 * without saying whether `next` comes with it. A last page that happens to be full costs
 * one more request, which returns no items.
 */
export function graphTagPage(body: unknown, url: string, limit: number): IgPage {
  if (!isObject(body) || !Array.isArray(body.data)) throw badResponse(url, 'expected {"data": [...]} with a list of media.');
  const items = mapList(body.data, mapGraphMedia);
  const paging = isObject(body.paging) ? body.paging : {};
  const after = isObject(paging.cursors) ? asString(paging.cursors.after) : undefined;
  const hasNext = typeof paging.next === 'string' || (after !== undefined && body.data.length >= limit);
  const next = hasNext ? (after ?? queryParam(paging.next, 'after')) : undefined;
  return next ? { items, next } : { items };
}
