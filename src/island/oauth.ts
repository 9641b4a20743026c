// The legacy OAuth endpoints: /oauth/authorize (GET shows the consent page, POST decides) and
// /oauth/access_token (the code exchange), with exact redirect_uri matching, the implicit and the
// code flow, scopes and sandbox invitations. Errors use the OAuth shape without `meta`. Plus the
// control endpoints that register clients and hand out short-lived tokens for token-url tests.

import { consentPage, adminPage, type AuthorizeParams } from './oauth-page.js';
import type { ClientRegistration, IslandClient } from './clients.js';
import { jsonReply, type Reply, type RequestContext } from './http.js';
import { MediaUrls } from './media.js';
import { findUser } from './queries.js';
import type { IslandState } from './state.js';
import { DEFAULT_RATE_LIMIT, DEFAULT_TOKEN_LIFETIME_SECONDS } from './tokens.js';

/** Scopes of the legacy API. `basic` is granted when a request names none. */
export const LEGACY_SCOPES = ['basic', 'public_content', 'follower_list', 'comments', 'relationships', 'likes'];

const MESSAGES = {
  redirectUri: 'Redirect URI does not match registered redirect URI',
  clientId: 'The client_id provided is invalid and does not match a valid application.',
  // NOTE: the four messages below are the island's wording; no recorded legacy response contains them.
  responseType: 'Invalid response_type: use "code" or "token".',
  clientSecret: 'The client_secret provided is invalid.',
  grantType: 'Invalid grant_type: use "authorization_code".',
  code: 'Matching code was not found or was already used.',
};

/** Builds an OAuth error: the legacy keys at top level, without the `meta` envelope. */
function oauthError(errorType: string, message: string, status = 400): Reply {
  return jsonReply(status, { code: status, error_type: errorType, error_message: message });
}

function redirect(location: string): Reply {
  return { status: 302, headers: { Location: location, 'Content-Type': 'text/plain; charset=utf-8' }, body: '' };
}

/** Handles /oauth/authorize and /oauth/access_token, with or without a trailing slash. */
export function handleOAuth(ctx: RequestContext, state: IslandState): Reply {
  const path = ctx.path.replace(/\/$/, '');
  if (path === '/oauth/authorize' && (ctx.method === 'GET' || ctx.method === 'POST')) return authorize(ctx, state);
  if (path === '/oauth/access_token' && ctx.method === 'POST') return accessToken(ctx, state);
  return oauthError('OAuthException', `No OAuth endpoint matches ${ctx.method} ${ctx.path}: use GET or POST /oauth/authorize and POST /oauth/access_token.`, 404);
}

/** Reads a request field from the form body (POST) or the query (GET). */
function field(ctx: RequestContext, name: string): string | undefined {
  const fromBody = ctx.body[name];
  if (ctx.method === 'POST' && typeof fromBody === 'string') return fromBody;
  return ctx.query.get(name) ?? undefined;
}

/** Splits a scope parameter on spaces (a `+` in a query is a space) and commas. */
function readScopes(text: string | undefined): { scopes: string[] } | { invalid: string[] } {
  const names = (text ?? '').split(/[\s,]+/).filter((name) => name !== '');
  const invalid = names.filter((name) => !LEGACY_SCOPES.includes(name));
  if (invalid.length > 0) return { invalid };
  return { scopes: [...new Set(['basic', ...names])] };
}

function authorize(ctx: RequestContext, state: IslandState): Reply {
  const client = state.clients.get(field(ctx, 'client_id'));
  if (!client) return oauthError('OAuthParameterException', MESSAGES.clientId);
  const redirectUri = field(ctx, 'redirect_uri') ?? '';
  // Exact string comparison: http://example.test/oauth, example.test/oauth and http://example.test/oauth/ all differ.
  if (!client.redirectUris.includes(redirectUri)) return oauthError('OAuthException', MESSAGES.redirectUri);
  const responseType = field(ctx, 'response_type') ?? '';
  if (responseType !== 'code' && responseType !== 'token') return oauthError('OAuthException', MESSAGES.responseType);
  const scopeResult = readScopes(field(ctx, 'scope'));
  if ('invalid' in scopeResult) return oauthError('OAuthException', `Invalid scope field(s): ${scopeResult.invalid.join(',')}`);

  const params: AuthorizeParams = { client_id: client.clientId, redirect_uri: redirectUri, response_type: responseType, scope: scopeResult.scopes.join(' ') };
  const stateParam = field(ctx, 'state');
  if (stateParam !== undefined) params.state = stateParam;
  const action = `${ctx.prefix}/oauth/authorize`;
  if (ctx.method === 'GET') return consentPage(action, client, params, scopeResult.scopes, state.dataset.users);

  if (field(ctx, 'decision') !== 'approve') {
    return redirect(withParams(redirectUri, responseType, {
      error: 'access_denied', error_reason: 'user_denied', error_description: 'The user denied your request.', state: stateParam,
    }));
  }
  const user = findUser(state.dataset, field(ctx, 'username') ?? '');
  if (!user || !state.clients.mayAuthorize(client, user)) {
    const who = user ? user.username : `"${field(ctx, 'username') ?? ''}"`;
    const message = `${who} cannot authorize ${client.name}: the app is in sandbox mode, and this user is neither one of its sandbox users nor invited.`;
    return consentPage(action, client, params, scopeResult.scopes, state.dataset.users, message);
  }

  if (responseType === 'code') {
    const code = state.clients.issueCode({ clientId: client.clientId, redirectUri, userId: user.id, scopes: scopeResult.scopes });
    return redirect(withParams(redirectUri, 'code', { code, state: stateParam }));
  }
  const record = state.tokens.issue(user.id, scopeResult.scopes, DEFAULT_TOKEN_LIFETIME_SECONDS, DEFAULT_RATE_LIMIT);
  return redirect(withParams(redirectUri, 'token', { access_token: record.token, state: stateParam }));
}

/** Adds parameters to the query (code flow) or the fragment (implicit flow) of a redirect URI. */
function withParams(uri: string, responseType: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  const defined = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (responseType === 'token') {
    url.hash = new URLSearchParams(defined).toString();
  } else {
    for (const [name, value] of defined) url.searchParams.set(name, value);
  }
  return url.href;
}

function accessToken(ctx: RequestContext, state: IslandState): Reply {
  const client = state.clients.get(field(ctx, 'client_id'));
  if (!client) return oauthError('OAuthParameterException', MESSAGES.clientId);
  if (field(ctx, 'client_secret') !== client.clientSecret) return oauthError('OAuthException', MESSAGES.clientSecret);
  if (field(ctx, 'grant_type') !== 'authorization_code') return oauthError('OAuthException', MESSAGES.grantType);
  const redirectUri = field(ctx, 'redirect_uri') ?? '';
  if (!client.redirectUris.includes(redirectUri)) return oauthError('OAuthException', MESSAGES.redirectUri);

  const grant = state.clients.takeCode(field(ctx, 'code') ?? '', client.clientId);
  if (!grant) return oauthError('OAuthException', MESSAGES.code);
  // The code is spent either way: a mismatch here is the same error the platform sent for a wrong URI.
  if (grant.redirectUri !== redirectUri) return oauthError('OAuthException', MESSAGES.redirectUri);

  const user = findUser(state.dataset, grant.userId);
  if (!user) return oauthError('OAuthException', MESSAGES.code);
  const record = state.tokens.issue(user.id, grant.scopes, DEFAULT_TOKEN_LIFETIME_SECONDS, DEFAULT_RATE_LIMIT);
  const urls = new MediaUrls(ctx);
  return jsonReply(200, {
    access_token: record.token,
    user: { id: user.id, username: user.username, full_name: user.fullName, profile_picture: urls.avatar(user) },
  });
}

/** Handles the OAuth control endpoints under /__island, or returns undefined for other paths. */
export function handleOAuthControl(ctx: RequestContext, state: IslandState): Reply | undefined {
  const route = `${ctx.method} ${ctx.path.replace(/\/$/, '')}`;
  const adminAction = `${ctx.prefix}/__island/admin`;
  switch (route) {
    case 'POST /__island/clients': {
      const client = state.clients.register(ctx.body as ClientRegistration);
      if (typeof client === 'string') return jsonReply(400, { error: client });
      return jsonReply(201, describeClient(client, true));
    }
    case 'GET /__island/clients':
      return jsonReply(200, { clients: state.clients.list().map((client) => describeClient(client, false)) });
    case 'GET /__island/admin':
      return adminPage(adminAction, state.clients.list(), state.dataset.users);
    case 'POST /__island/admin': {
      const client = state.clients.register(readAdminForm(ctx.body));
      const notice = typeof client === 'string' ? { error: client } : { created: client };
      return adminPage(adminAction, state.clients.list(), state.dataset.users, notice);
    }
    case 'GET /__island/token-endpoint':
      return tokenEndpoint(ctx, state);
    default:
      return undefined;
  }
}

function describeClient(client: IslandClient, withSecret: boolean) {
  return {
    client_id: client.clientId,
    ...(withSecret ? { client_secret: client.clientSecret } : {}),
    name: client.name,
    redirect_uris: client.redirectUris,
    sandbox_users: client.sandboxUsers,
    invited: client.invited,
  };
}

/** Reads the admin form: redirect URIs one per line, users comma-separated; empty sandbox users means the default. */
function readAdminForm(body: Record<string, unknown>): ClientRegistration {
  const list = (value: unknown, separator: RegExp) =>
    (typeof value === 'string' ? value : '').split(separator).map((item) => item.trim()).filter((item) => item !== '');
  const sandboxUsers = list(body.sandbox_users, /,/);
  return {
    name: body.name,
    redirect_uris: list(body.redirect_uris, /\r?\n/),
    ...(sandboxUsers.length > 0 ? { sandbox_users: sandboxUsers } : {}),
    invited: list(body.invited, /,/),
  };
}

/**
 * Serves a fresh token as a token-url would: `{access_token, token_type, expires_in}`. A test and
 * demo helper: `user`, `expires_in` (seconds, default 3600) and `scopes` (comma-separated) come
 * from the query.
 */
function tokenEndpoint(ctx: RequestContext, state: IslandState): Reply {
  const user = findUser(state.dataset, ctx.query.get('user') ?? 'harbour.lights');
  if (!user || !user.sandbox) return jsonReply(400, { error: `Unknown sandbox user: ${ctx.query.get('user')}.` });
  const expiresText = ctx.query.get('expires_in') ?? '3600';
  if (!/^\d{1,9}$/.test(expiresText) || Number(expiresText) < 1) {
    return jsonReply(400, { error: `expires_in must be a whole number of seconds from 1, not "${expiresText}".` });
  }
  const scopes = readScopes(ctx.query.get('scopes') ?? undefined);
  if ('invalid' in scopes) return jsonReply(400, { error: `Invalid scope field(s): ${scopes.invalid.join(',')}` });

  const record = state.tokens.issue(user.id, scopes.scopes, Number(expiresText), DEFAULT_RATE_LIMIT);
  return jsonReply(200, { access_token: record.token, token_type: 'bearer', expires_in: Number(expiresText) });
}
