/** Maps every error shape the two APIs send (and HTTP errors without a JSON body) to IgError. */
import { IgError, type IgErrorKind } from './errors.js';

export interface ErrorResponse {
  status: number;
  body: unknown;
  text: string;
  url: string;
  retryAfter?: number;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindFromStatus(status: number): IgErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'permission';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  return 'invalid-request';
}

const LEGACY_KINDS: Record<string, IgErrorKind> = {
  OAuthParameterException: 'auth',
  OAuthAccessTokenException: 'auth',
  OAuthPermissionsException: 'permission',
  OAuthRateLimitException: 'rate-limit',
  OAuthForbiddenException: 'permission',
  OAuthException: 'invalid-request',
  APINotFoundError: 'not-found',
  APINotAllowedError: 'permission',
  APIInvalidParametersError: 'invalid-request',
};

const HINTS: Partial<Record<IgErrorKind, string>> = {
  auth: 'The access token is missing, invalid or expired: get a new token and set it on <ig-provider access-token>.',
  permission: 'The token lacks a permission this request needs: authorize the app again with the scope named in the message.',
  'rate-limit': 'Too many requests for this token or app: wait before retrying (error.retryAfter has seconds when the API said). For feeds, the provider cache sends fewer requests.',
  'not-found': 'Check the user id, media id or URL: the object does not exist or this token cannot see it.',
  'invalid-request': 'The API rejected a parameter: check the attributes the message names (such as user-id, tag or limit) and the api dialect.',
  server: 'The API failed on its side: try again later.',
  'bad-response': 'The API answered with something that is not the expected JSON: check the endpoint URL.',
};

/** Returns the developer hint that fits an error kind. */
export function hintFor(kind: IgErrorKind): string | undefined {
  return HINTS[kind];
}

/** Reads a legacy error: `{meta:{error_type,code,error_message}}` or the same keys at top level (OAuth endpoints). */
export function legacyError(response: ErrorResponse): IgError | undefined {
  const { body } = response;
  if (!isObject(body)) return undefined;
  const source = isObject(body.meta) ? body.meta : body;
  const type = typeof source.error_type === 'string' ? source.error_type : undefined;
  const code = typeof source.code === 'number' ? source.code : response.status;
  // Without an error_type or error_message the body is not a legacy error, so the HTTP status speaks.
  if (!type && (code < 400 || typeof source.error_message !== 'string')) return undefined;

  const message = typeof source.error_message === 'string' ? source.error_message : `HTTP ${code}`;
  const kind = (type && LEGACY_KINDS[type]) || kindFromStatus(code);
  const scope = /scope=(\w+)/.exec(message)?.[1];
  let hint = hintFor(kind);
  if (kind === 'permission' && scope) hint = `Authorize the app again with scope=${scope}.`;
  else if (type === 'APINotAllowedError') hint = 'The platform does not allow this on this object, for example a private account\'s post: no scope changes that.';
  return new IgError(kind, message, {
    status: response.status,
    code: type ?? code,
    retryAfter: response.retryAfter,
    hint,
    url: response.url,
  });
}

function graphKind(code: number, subcode: number | undefined, status: number): IgErrorKind {
  if (code === 190 || code === 102 || code === 2500) return 'auth';
  if ([4, 17, 32, 341, 613, 80001, 80002].includes(code)) return 'rate-limit';
  if (code === 10 || code === 3 || code === 368 || (code >= 200 && code <= 299)) return 'permission';
  if ((code === 100 && subcode === 33) || code === 110 || (code === 24 && subcode === 2207045)) return 'not-found';
  if (code === 100) return 'invalid-request';
  if (code === 1 || code === 2) return 'server';
  return kindFromStatus(status);
}

/** Reads a Graph error: `{error:{message,type,code,error_subcode,fbtrace_id}}`. */
export function graphError(response: ErrorResponse): IgError | undefined {
  const { body } = response;
  if (!isObject(body) || !isObject(body.error)) return undefined;
  const error = body.error;
  const code = typeof error.code === 'number' ? error.code : response.status;
  const subcode = typeof error.error_subcode === 'number' ? error.error_subcode : undefined;
  const message = typeof error.message === 'string' ? error.message : `Graph API error ${code}`;
  const kind = graphKind(code, subcode, response.status);
  const hint = code === 190 && subcode === 463
    ? 'The access token has expired: refresh long-lived tokens before they lapse, or log in again.'
    : hintFor(kind);
  return new IgError(kind, message, {
    status: response.status,
    code,
    subcode,
    retryAfter: response.retryAfter,
    hint,
    url: response.url,
  });
}

/** Builds an error for an HTTP failure whose body no dialect recognized, quoting the start of the body. */
export function httpError(response: ErrorResponse): IgError {
  const snippet = response.text.replace(/\s+/g, ' ').trim().slice(0, 120);
  if (response.status === 404) {
    // An API reports a missing object in its own error shape; a bare 404 means the URL itself is wrong.
    return new IgError('bad-response', `HTTP 404 from ${response.url.split('?')[0]}: no API endpoint exists at this URL.`, {
      status: 404,
      hint: 'Check the endpoint and api attributes: legacy endpoints end in /v1, Graph endpoints have no version in them.',
      url: response.url,
    });
  }
  const kind = kindFromStatus(response.status);
  const message = snippet
    ? `HTTP ${response.status} from the API: ${snippet}`
    : `HTTP ${response.status} from the API with an empty body`;
  return new IgError(kind, message, {
    status: response.status,
    retryAfter: response.retryAfter,
    hint: hintFor(kind),
    url: response.url,
  });
}

/** Builds the error for a successful status whose body is not the JSON the dialect expects. */
export function badResponse(url: string, detail: string, status = 200): IgError {
  return new IgError('bad-response', `Unexpected API response: ${detail}`, {
    status,
    hint: hintFor('bad-response'),
    url,
  });
}
