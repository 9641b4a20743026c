// HTML pages of the island's OAuth emulation: the consent page of /oauth/authorize and the admin
// page that registers clients. Every value from a request or a registration is escaped.

import type { IslandClient } from './clients.js';
import { escapeHtml, textReply, type Reply } from './http.js';
import type { IslandUser } from './types.js';

const HTML_TYPE = 'text/html; charset=utf-8';

const SCOPE_TEXT: Record<string, string> = {
  basic: 'read your profile and your own posts',
  public_content: 'read public profiles and posts of other users',
  likes: 'like and unlike posts for you',
  comments: 'post and delete comments for you',
  follower_list: 'read the list of accounts you follow and that follow you',
  relationships: 'follow and unfollow accounts for you',
};

function page(title: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}',
    'label{display:block;margin:.75rem 0 .25rem}input,select,textarea{font:inherit;width:100%}',
    'button{font:inherit;margin:1rem .5rem 0 0;padding:.4rem 1rem}.error{color:#a00;font-weight:600}</style>',
    '</head><body>',
    ...body,
    '</body></html>',
  ].join('\n');
}

/** The parameters of an authorization request, carried through the consent form. */
export interface AuthorizeParams {
  client_id: string;
  redirect_uri: string;
  response_type: string;
  scope: string;
  state?: string;
}

/** Renders the consent page: the app, the scopes it requests, a user to sign in as, and approve or deny. */
export function consentPage(
  action: string, client: IslandClient, params: AuthorizeParams, scopes: string[], users: IslandUser[], error?: string,
): Reply {
  const hidden = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(String(value))}">`);
  const options = users.map((user) => `<option value="${escapeHtml(user.username)}">${escapeHtml(`${user.username} (${user.fullName})`)}</option>`);
  const scopeItems = scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code>: ${escapeHtml(SCOPE_TEXT[scope] ?? scope)}</li>`);
  const html = page(`Authorize ${client.name}`, [
    '<h1>Authorization request</h1>',
    `<p><strong>${escapeHtml(client.name)}</strong> requests access to your island account. It will be able to:</p>`,
    `<ul>${scopeItems.join('')}</ul>`,
    `<p>After you decide, the island sends you to <code>${escapeHtml(params.redirect_uri)}</code>.</p>`,
    error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '',
    `<form method="post" action="${escapeHtml(action)}">`,
    ...hidden,
    '<label for="username">Sign in as</label>',
    `<select id="username" name="username">${options.join('')}</select>`,
    '<button type="submit" name="decision" value="approve">Authorize</button>',
    '<button type="submit" name="decision" value="deny">Cancel</button>',
    '</form>',
  ]);
  return textReply(error ? 403 : 200, html, HTML_TYPE);
}

function describeUsers(ids: string[], users: IslandUser[]): string {
  if (ids.length === 0) return 'none';
  return ids.map((id) => users.find((user) => user.id === id)?.username ?? id).join(', ');
}

/**
 * Renders the admin page: the registered clients and a form that registers another. The client
 * secret appears only on the page returned after the registration, like a secret shown once.
 */
export function adminPage(action: string, clients: IslandClient[], users: IslandUser[], notice?: { error?: string; created?: IslandClient }): Reply {
  const rows = clients.map((client) => [
    '<li>',
    `<strong>${escapeHtml(client.name)}</strong>, client_id <code>${escapeHtml(client.clientId)}</code><br>`,
    `redirect URIs: ${client.redirectUris.map((uri) => `<code>${escapeHtml(uri)}</code>`).join(', ')}<br>`,
    `sandbox users: ${escapeHtml(describeUsers(client.sandboxUsers, users))}; invited: ${escapeHtml(describeUsers(client.invited, users))}`,
    '</li>',
  ].join(''));
  const created = notice?.created;
  const html = page('Island OAuth clients', [
    '<h1>OAuth clients</h1>',
    notice?.error ? `<p class="error" role="alert">${escapeHtml(notice.error)}</p>` : '',
    created
      ? `<p role="status">Registered <strong>${escapeHtml(created.name)}</strong>: client_id <code>${escapeHtml(created.clientId)}</code>, client_secret <code>${escapeHtml(created.clientSecret)}</code>. The secret is shown only here.</p>`
      : '',
    rows.length > 0 ? `<ul>${rows.join('')}</ul>` : '<p>No clients yet.</p>',
    '<h2>Register a client</h2>',
    `<form method="post" action="${escapeHtml(action)}">`,
    '<label for="name">Name</label><input id="name" name="name" required maxlength="100">',
    '<label for="redirect_uris">Redirect URIs, one per line (matched exactly)</label><textarea id="redirect_uris" name="redirect_uris" rows="3" required></textarea>',
    '<label for="sandbox_users">Sandbox users, comma-separated usernames (empty: every sandbox user)</label><input id="sandbox_users" name="sandbox_users">',
    '<label for="invited">Invited users with a pending invitation, comma-separated</label><input id="invited" name="invited">',
    '<button type="submit">Register</button>',
    '</form>',
  ]);
  let status = 200;
  if (notice?.error) status = 400;
  else if (created) status = 201;
  return textReply(status, html, HTML_TYPE);
}
