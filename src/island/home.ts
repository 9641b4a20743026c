// The island's index page: a short HTML list of its endpoints.

import { escapeHtml, textReply, type Reply, type RequestContext } from './http.js';

const ENDPOINTS: Array<[string, string]> = [
  ['GET /v1/users/self', 'legacy: the token\'s user'],
  ['GET /v1/users/{id}', 'legacy: another sandbox user (scope public_content)'],
  ['GET /v1/users/{id|self}/media/recent?count&max_id&min_id', 'legacy: the 20 most recent posts, newest first'],
  ['GET /v1/media/{id}', 'legacy: one post by "<pk>_<user id>"'],
  ['GET|POST|DELETE /v1/media/{id}/likes', 'legacy: who liked a post, like (scope likes), unlike; 30 likes an hour per token'],
  ['GET /v1/media/shortcode/{shortcode}', 'legacy: one post by shortcode'],
  ['GET /v1/tags/{tag}', 'legacy: a tag\'s name and media count (scope public_content)'],
  ['GET /v1/tags/{tag}/media/recent?count&max_tag_id&min_tag_id', 'legacy: visible posts with the tag, newest first'],
  ['GET /v1/tags/search?q', 'legacy: tags that start with q'],
  ['GET /graph[/vX.Y]/me?fields=…', 'Graph: the token\'s user'],
  ['GET /graph[/vX.Y]/{me|ig-user-id}/media?fields=…&limit&after&before', 'Graph: media with cursor paging'],
  ['GET /graph[/vX.Y]/{media-id}?fields=…', 'Graph: one media object'],
  ['GET /graph[/vX.Y]/{media-id}/children?fields=…', 'Graph: album items'],
  ['GET /graph[/vX.Y]/ig_hashtag_search?user_id&q', 'Graph: a hashtag\'s id (counts toward 30 unique hashtags in 7 days)'],
  ['GET /graph[/vX.Y]/{hashtag-id}/{recent_media|top_media}?user_id&fields&limit&after', 'Graph: hashtag media; recent_media covers 24 hours'],
  ['GET /graph[/vX.Y]/{ig-user-id}/recently_searched_hashtags?user_id', 'Graph: the hashtags counted this week'],
  ['GET /oembed?url&maxwidth&hidecaption&omitscript', 'legacy oEmbed (no token): the 2020 shape with author and thumbnail'],
  ['GET /graph[/vX.Y]/instagram_oembed?url&fields', 'Graph oEmbed (token optional): today\'s shape without author or thumbnail'],
  ['GET /media/{shortcode}.svg?w&h&oe', 'generated image; 403 once the hex expiry oe has passed'],
  ['GET|POST /oauth/authorize?client_id&redirect_uri&response_type&scope&state', 'OAuth consent page; redirect_uri must match exactly. POST form {username, decision=approve|deny} decides'],
  ['POST /oauth/access_token', 'form {client_id, client_secret, grant_type, redirect_uri, code}: exchange a code'],
  ['POST /__island/clients', 'JSON {name, redirect_uris, sandbox_users?, invited?}: register an OAuth client'],
  ['GET /__island/admin', 'HTML page that lists and registers OAuth clients'],
  ['GET /__island/token-endpoint?user&expires_in&scopes', 'a fresh token as a token-url returns it (defaults: harbour.lights, 3600 s; scopes comma-separated)'],
  ['POST /__island/tokens', 'JSON {user, scopes, expiresIn, rateLimit, likesRateLimit}: issue a token'],
  ['POST /__island/faults', 'JSON {token, faults}: inject faults for one token'],
  ['DELETE /__island/faults', 'JSON {token}: remove the token\'s pending faults'],
  ['GET /__island/dataset', 'the whole dataset, with which posts are visible'],
  ['POST /__island/users', 'JSON {username}: add a sandbox user (at most 10)'],
  ['POST /__island/hashtag-clock', 'JSON {token, now}: the time the Graph hashtag endpoints see for one token'],
];

/** Renders the index page with absolute URLs for this request's host and prefix. */
export function homePage(ctx: RequestContext): Reply {
  const base = `${ctx.origin}${ctx.prefix}`;
  const rows = ENDPOINTS.map(([endpoint, text]) => `<li><code>${escapeHtml(endpoint)}</code> — ${escapeHtml(text)}</li>`);
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>ig-elements island</title></head><body>',
    '<h1>ig-elements island</h1>',
    `<p>An Instagram API emulator for development and tests. Base URL: <code>${escapeHtml(base)}</code></p>`,
    `<ul>${rows.join('')}</ul>`,
    '<p>Get a token:</p>',
    `<pre>${escapeHtml(`curl -s -X POST ${base}/__island/tokens -H 'Content-Type: application/json' -d '{"user":"harbour.lights"}'`)}</pre>`,
    '</body></html>',
  ].join('\n');
  return textReply(200, html, 'text/html; charset=utf-8');
}
