/**
 * OAuth helpers for pages that get their own token: building the authorization URL, and reading
 * the token that the implicit flow puts in the URL fragment. The code flow's exchange needs the
 * client secret, so it belongs on a server and has no helper here.
 */
import { IgError } from './errors.js';

/** The legacy platform's authorization endpoint. */
export const DEFAULT_AUTHORIZE_ENDPOINT = 'https://api.instagram.com/oauth/authorize/';

/** Scopes of the legacy API; `basic` is granted when a request names none. */
export const LEGACY_SCOPES = ['basic', 'public_content', 'follower_list', 'comments', 'relationships', 'likes'] as const;

export interface AuthorizeUrlOptions {
  clientId: string;
  /** Sent exactly as given, because the platform compares it character by character with the registered URI. */
  redirectUri: string;
  /** Legacy scopes, or Instagram Login permissions such as "instagram_business_basic". */
  scopes?: readonly string[];
  /** "code" (default) for a server that exchanges the code, "token" for the implicit flow in the page. */
  responseType?: 'code' | 'token';
  /** An unguessable value that the redirect carries back, so the page can reject responses it did not request. */
  state?: string;
  /** Authorization endpoint; defaults to DEFAULT_AUTHORIZE_ENDPOINT. Relative URLs resolve against the page. */
  endpoint?: string;
}

/** The parameters an OAuth redirect left in the page's URL. */
export interface IgTokenResponse {
  accessToken?: string;
  state?: string;
  /** Set when the user denied the request or the platform reported an error; `code` is the OAuth `error` value. */
  error?: IgError;
}

function invalid(message: string, hint: string): IgError {
  return new IgError('invalid-request', message, { hint });
}

function readUrl(value: string, name: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw invalid(`${name} "${value}" is not a valid URL.`, `Use an absolute http or https URL for ${name}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`${name} "${value}" uses ${url.protocol}, not http or https.`, `Use an http or https URL for ${name}.`);
  }
  return url;
}

/**
 * Builds the URL that sends the user to the authorization page. Throws an `invalid-request`
 * IgError naming the bad value when an option is missing or malformed.
 */
export function authorizeUrl(options: AuthorizeUrlOptions): string {
  const { clientId, redirectUri, scopes = ['basic'], responseType = 'code', state, endpoint = DEFAULT_AUTHORIZE_ENDPOINT } = options;
  if (typeof clientId !== 'string' || !/^\S+$/.test(clientId)) {
    throw invalid(`clientId ${JSON.stringify(clientId)} is invalid.`, 'Use the client id of your registered app, without spaces.');
  }
  if (typeof redirectUri !== 'string') throw invalid('redirectUri is missing.', 'Use the redirect URI registered for your app.');
  if (readUrl(redirectUri, 'redirectUri').hash !== '') {
    throw invalid(`redirectUri "${redirectUri}" has a fragment.`, 'Remove the #fragment: the implicit flow puts the token there.');
  }
  if (responseType !== 'code' && responseType !== 'token') {
    throw invalid(`responseType ${JSON.stringify(responseType)} is invalid.`, 'Use "code" or "token".');
  }
  if (!Array.isArray(scopes) || scopes.some((scope) => typeof scope !== 'string')) {
    throw invalid(`scopes ${JSON.stringify(scopes)} is not a list of scope names.`, 'Pass an array such as ["basic", "likes"].');
  }
  const known = new Set<string>(LEGACY_SCOPES);
  const unknown = scopes.filter((scope) => !known.has(scope) && !/^instagram_[a-z_]+$/.test(scope));
  if (unknown.length > 0) {
    throw invalid(`Unknown scope(s): ${unknown.join(', ')}.`, `Use ${LEGACY_SCOPES.join(', ')}, or Instagram Login permissions such as instagram_business_basic.`);
  }
  if (state !== undefined && (typeof state !== 'string' || state === '')) {
    throw invalid('state must be a non-empty string when given.', 'Pass a random value and compare it with the state that comes back.');
  }

  const url = readUrl(endpoint, 'endpoint', globalThis.document?.baseURI);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', responseType);
  // The legacy API separated scopes with spaces ("+" in the URL); Instagram Login uses commas.
  const graphScopes = scopes.some((scope) => scope.startsWith('instagram_'));
  if (scopes.length > 0) url.searchParams.set('scope', scopes.join(graphScopes ? ',' : ' '));
  if (state !== undefined) url.searchParams.set('state', state);
  return url.href;
}

const RESPONSE_PARAMS = ['access_token', 'state', 'error', 'error_reason', 'error_description'];

/**
 * Reads the result of the implicit flow from the page's URL: `#access_token=…&state=…`, or an
 * `error` with `error_reason` and `error_description` in the fragment or the query. It then
 * removes those parameters from the address bar with `history.replaceState`, so the token does
 * not stay in the history, a bookmark or a copied link. Returns undefined when the URL has none.
 */
export function readTokenFromLocation(
  location: Pick<Location, 'href'> | URL | string | undefined = globalThis.location,
  history: Pick<History, 'replaceState' | 'state'> | undefined = globalThis.history,
): IgTokenResponse | undefined {
  if (location === undefined) return undefined;
  const url = new URL(typeof location === 'string' ? location : location.href);
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const query = url.searchParams;
  const read = (name: string) => fragment.get(name) ?? query.get(name) ?? undefined;

  const accessToken = fragment.get('access_token') || undefined;
  const errorCode = read('error');
  if (!accessToken && !errorCode) return undefined;

  const result: IgTokenResponse = {};
  if (accessToken) result.accessToken = accessToken;
  const state = read('state');
  if (state !== undefined) result.state = state;
  if (errorCode) {
    const description = read('error_description') ?? 'The authorization failed.';
    result.error = new IgError(errorCode === 'access_denied' ? 'permission' : 'auth', description, {
      code: errorCode,
      hint: errorCode === 'access_denied' ? 'The user did not authorize the app: offer to try again.' : 'Check the app settings and try again.',
    });
  }

  for (const name of RESPONSE_PARAMS) {
    fragment.delete(name);
    query.delete(name);
  }
  url.hash = fragment.toString();
  history?.replaceState(history.state, '', url.href);
  return result;
}
