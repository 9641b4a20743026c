// Stand-ins for Instagram's embed page and embed.js under /stand-in, so <ig-embed> tests and the
// demo never contact instagram.com. The shortcode picks the behaviour of the embed page:
//   h<N> (one or more, such as "h480-h520")  posts MEASURE messages with these heights, in order
//   silent…                                  loads but never posts MEASURE (a blocked or broken embed)
//   gone…                                    responds with 404 and no MEASURE (a deleted post)
//   xorigin…                                 redirects to the other loopback host name (localhost and
//                                            127.0.0.1 swap), so its MEASURE arrives from a wrong origin
// GET /stand-in/__hits?code=X lists the stand-in paths requested that contain X, so tests can
// check that nothing was loaded.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folder = resolve(root, 'test/stand-in');
const PREFIX = '/stand-in';
const EMBED_PAGE = /^\/(p|reel|tv)\/([A-Za-z0-9_-]{1,64})\/embed\/(captioned\/)?$/;
const MAX_HITS = 5000;
const hits = [];

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

/** Returns the other loopback host name for the same port, or undefined for any other host. */
function otherLoopbackHost(host) {
  const match = /^(localhost|127\.0\.0\.1)(:\d+)?$/.exec(host ?? '');
  if (!match) return undefined;
  return `${match[1] === 'localhost' ? '127.0.0.1' : 'localhost'}${match[2] ?? ''}`;
}

function embedPage(req, res, url, [, kind, code, captioned]) {
  if (code.startsWith('gone')) {
    send(res, 404, 'text/html; charset=utf-8', '<!doctype html><html lang="en"><title>Not found</title><p>This post is gone.</p></html>');
    return;
  }
  if (code.startsWith('xorigin') && !url.searchParams.has('redirected')) {
    const host = otherLoopbackHost(req.headers.host);
    if (host) {
      send(res, 302, 'text/plain', '', { Location: `http://${host}${PREFIX}${url.pathname}?redirected=1` });
      return;
    }
  }
  const template = readFileSync(resolve(folder, 'embed-page.html'), 'utf8');
  const values = { kind, code, captioned: captioned ? 'true' : 'false' };
  send(res, 200, 'text/html; charset=utf-8', template.replace(/\{\{(\w+)\}\}/g, (_, name) => escapeHtml(values[name] ?? '')));
}

/** Connect-style handler (Vite's configureServer); calls next() for paths outside /stand-in. */
export function standInHandler(req, res, next) {
  const url = new URL(req.url ?? '/', 'http://stand-in.invalid');
  if (url.pathname !== PREFIX && !url.pathname.startsWith(`${PREFIX}/`)) {
    next();
    return;
  }
  const path = url.pathname.slice(PREFIX.length) || '/';
  if (path === '/__hits') {
    const code = url.searchParams.get('code') ?? '';
    send(res, 200, 'application/json', JSON.stringify({ hits: code ? hits.filter((hit) => hit.includes(code)) : hits }));
    return;
  }
  hits.push(path);
  if (hits.length > MAX_HITS) hits.splice(0, hits.length - MAX_HITS);

  if (path === '/embed.js') {
    send(res, 200, 'text/javascript; charset=utf-8', readFileSync(resolve(folder, 'embed.js'), 'utf8'));
    return;
  }
  const page = EMBED_PAGE.exec(path);
  if (page) {
    embedPage(req, res, new URL(path + url.search, 'http://stand-in.invalid'), page);
    return;
  }
  send(res, 404, 'text/plain; charset=utf-8', `No stand-in for ${path}`);
}

/** The same handler as Koa middleware, for @web/test-runner's `middleware` option. */
export async function standInMiddleware(ctx, next) {
  if (ctx.path !== PREFIX && !ctx.path.startsWith(`${PREFIX}/`)) return next();
  ctx.respond = false;
  await new Promise((resolvePromise) => {
    ctx.res.on('close', resolvePromise);
    standInHandler(ctx.req, ctx.res, () => {
      ctx.respond = true;
      resolvePromise(next());
    });
  });
}
