// The Graph dialect under /graph, with an optional version segment such as /graph/v25.0:
// `me`, the user's `media` edge with cursor paging, media nodes and their `children` edge.

import {
  expiredTokenError,
  invalidParameterError,
  invalidTokenError,
  missingTokenError,
  rateLimitError,
  unknownFieldError,
  unknownPathError,
  unsupportedRequestError,
} from './graph-errors.js';
import { findUnknownField, MEDIA_FIELDS, parseFields, renderMediaFields, USER_FIELDS, type FieldRequest } from './graph-fields.js';
import { jsonReply, type Reply, type RequestContext } from './http.js';
import { MediaUrls } from './media.js';
import { countPosts, findUser, findVisibleMediaByGraphId, visiblePosts, type MediaMatch } from './queries.js';
import type { IslandState } from './state.js';
import { handleGraphTags } from './tags-graph.js';
import type { TokenRecord } from './tokens.js';
import type { IslandPost, IslandUser } from './types.js';

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

/** Handles a request under /graph and returns the reply. */
export function handleGraph(ctx: RequestContext, state: IslandState): Reply {
  const lookup = state.tokens.lookup(ctx.token);
  if (lookup.status === 'missing') return missingTokenError();
  if (lookup.status === 'unknown') return invalidTokenError();
  if (lookup.status === 'expired') return expiredTokenError(lookup.record.expiresAt, ctx.now);

  const record = lookup.record;
  const allowed = state.tokens.consume(record);
  const reply = allowed ? dispatch(ctx, state, record) : rateLimitError();
  Object.assign(reply.headers, usageHeaders(state, record));
  return reply;
}

function dispatch(ctx: RequestContext, state: IslandState, record: TokenRecord): Reply {
  const route = /^\/graph(\/v\d+\.\d+)?(?:\/([^/]*))?((?:\/[^/]*)*)$/.exec(ctx.path);
  const version = route?.[1] ?? '';
  const nodeId = decodePathSegment(route?.[2] ?? '');
  const edgePath = route?.[3] ?? '';
  if (nodeId === '') return unknownPathError(ctx.path);
  if (ctx.method !== 'GET') return unsupportedRequestError(ctx.method, nodeId);
  const hashtagReply = handleGraphTags(ctx, state, record, nodeId, edgePath);
  if (hashtagReply) return hashtagReply;

  // An absent fields parameter returns only the id, as in the real API, and an empty one does the same.
  const fields = parseFields(ctx.query.get('fields') || 'id');
  if (typeof fields === 'string') return invalidParameterError(fields);
  const urls = new MediaUrls(ctx);
  const viewer = findUser(state.dataset, record.userId) as IslandUser;

  if (nodeId === 'me' || nodeId === viewer.graphId) {
    const base = `${ctx.origin}${ctx.prefix}/graph${version}/${nodeId}/media`;
    if (edgePath === '') {
      const unknown = findUnknownField(fields, USER_FIELDS);
      if (unknown !== undefined) return unknownFieldError(unknown, 'User');
      return jsonReply(200, renderUser(state, viewer, fields, urls, base));
    }
    if (edgePath === '/media' || edgePath === '/media/') {
      const unknown = findUnknownField(fields, MEDIA_FIELDS);
      if (unknown !== undefined) return unknownFieldError(unknown, 'Media');
      const request = { limit: ctx.query.get('limit'), after: ctx.query.get('after'), before: ctx.query.get('before'), fieldsText: ctx.query.get('fields') };
      return mediaPage(visiblePosts(state.dataset, viewer.id), viewer, fields, urls, base, request);
    }
    return unknownPathError(edgePath);
  }

  const match = findVisibleMediaByGraphId(state.dataset, nodeId);
  if (!match || match.post.ownerId !== viewer.id) return unsupportedRequestError(ctx.method, nodeId);

  const unknown = findUnknownField(fields, MEDIA_FIELDS);
  if (unknown !== undefined) return unknownFieldError(unknown, 'Media');
  if (edgePath === '') return jsonReply(200, renderMediaFields(match, viewer, fields, urls));
  if ((edgePath === '/children' || edgePath === '/children/') && !match.child) {
    const items: MediaMatch[] = match.post.children.map((child) => ({ post: match.post, child }));
    return jsonReply(200, { data: items.map((item) => renderMediaFields(item, viewer, fields, urls)) });
  }
  return unknownPathError(edgePath);
}

/** Decodes a percent-encoded path segment, keeping it as sent when the encoding is invalid. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function renderUser(
  state: IslandState,
  user: IslandUser,
  fields: FieldRequest[],
  urls: MediaUrls,
  mediaBase: string,
): Record<string, unknown> {
  const values: Record<string, () => unknown> = {
    id: () => user.graphId,
    user_id: () => user.graphId,
    username: () => user.username,
    name: () => user.fullName,
    account_type: () => 'BUSINESS',
    profile_picture_url: () => urls.avatar(user),
    followers_count: () => user.followedBy,
    follows_count: () => user.follows,
    media_count: () => countPosts(state.dataset, user.id),
  };

  const output: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.name === 'media') {
      // The nested edge always starts at its first page; the request's limit and cursors belong to the top level.
      const subfields = field.subfields ?? [{ name: 'id' }];
      const request = { limit: null, after: null, before: null, fieldsText: serializeFields(subfields) };
      output.media = JSON.parse(mediaPage(visiblePosts(state.dataset, user.id), user, subfields, urls, mediaBase, request).body);
    } else {
      output[field.name] = values[field.name]();
    }
  }
  return output;
}

/**
 * Returns one page of media with cursor paging. Cursors encode a position in the list, `after`
 * continues after it and `before` returns the page ending before it. `next` is absent on the
 * last page and `previous` on the first.
 */
function mediaPage(
  posts: IslandPost[],
  owner: IslandUser,
  fields: FieldRequest[],
  urls: MediaUrls,
  base: string,
  request: PageRequest,
): Reply {
  const limitText = request.limit;
  const limit = limitText && /^\d+$/.test(limitText) && Number(limitText) > 0 ? Math.min(MAX_LIMIT, Number(limitText)) : DEFAULT_LIMIT;
  const after = decodeCursor(request.after, posts.length);
  const before = decodeCursor(request.before, posts.length);
  if (after === null) return invalidParameterError('The after cursor is not valid.');
  if (before === null) return invalidParameterError('The before cursor is not valid.');

  let start = 0;
  if (after !== undefined) start = after + 1;
  else if (before !== undefined) start = Math.max(0, before - limit);
  const end = before !== undefined && after === undefined ? before : start + limit;
  const page = posts.slice(start, end);

  const data = page.map((post) => renderMediaFields({ post }, owner, fields, urls));
  if (page.length === 0) return jsonReply(200, { data });

  // NOTE: unlike the real API, next and previous leave out access_token. The island never echoes
  // a token in a Graph response, so a client must send its token again with these URLs.
  const link = (name: 'after' | 'before', cursor: string) => {
    const params = new URLSearchParams();
    if (request.fieldsText !== null) params.set('fields', request.fieldsText);
    params.set('limit', String(limit));
    params.set(name, cursor);
    return `${base}?${params}`;
  };
  const cursors = { before: encodeCursor(start), after: encodeCursor(start + page.length - 1) };
  const paging: Record<string, unknown> = { cursors };
  if (start + page.length < posts.length) paging.next = link('after', cursors.after);
  if (start > 0) paging.previous = link('before', cursors.before);
  return jsonReply(200, { data, paging });
}

/** Query parameters of one page request: limit, cursors and the fields text to repeat in next and previous. */
interface PageRequest {
  limit: string | null;
  after: string | null;
  before: string | null;
  fieldsText: string | null;
}

function serializeFields(fields: FieldRequest[]): string {
  return fields.map((field) => (field.subfields ? `${field.name}{${serializeFields(field.subfields)}}` : field.name)).join(',');
}

function encodeCursor(index: number): string {
  return Buffer.from(`island-media:${index}`).toString('base64url');
}

/** Returns the index in a cursor, undefined when no cursor is given, or null when it is invalid. */
function decodeCursor(cursor: string | null, length: number): number | undefined | null {
  if (cursor === null || cursor === '') return undefined;
  const match = /^island-media:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || Number(match[1]) >= Math.max(length, 1)) return null;
  return Number(match[1]);
}

/** Usage headers as percentages of the token's hourly limit; the island counts calls only, so all three match. */
function usageHeaders(state: IslandState, record: TokenRecord): Record<string, string> {
  const usage = state.tokens.usage(record);
  const percent = Math.min(100, Math.floor((usage.used * 100) / usage.limit));
  const user = findUser(state.dataset, record.userId) as IslandUser;
  const regainMinutes = usage.remaining === 0 ? Math.ceil(usage.resetInMs / 60_000) : 0;
  return {
    'X-App-Usage': JSON.stringify({ call_count: percent, total_cputime: percent, total_time: percent }),
    'X-Business-Use-Case-Usage': JSON.stringify({
      [user.graphId]: [
        { type: 'instagram', call_count: percent, total_cputime: percent, total_time: percent, estimated_time_to_regain_access: regainMinutes },
      ],
    }),
  };
}
