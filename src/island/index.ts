// The island: an emulator of Instagram's legacy v1 API and Graph API over a deterministic
// dataset, as one connect-style handler that Vite, the test runner and the CLI all mount.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ClientStore } from './clients.js';
import { redactSecret } from '../api/errors.js';
import { handleControl } from './control.js';
import { buildDataset } from './dataset.js';
import { FaultStore, faultReply, type Fault } from './faults.js';
import { handleGraph } from './graph.js';
import { homePage } from './home.js';
import {
  BodyError,
  CORS_HEADERS,
  extractToken,
  jsonReply,
  PREFLIGHT_HEADERS,
  readBody,
  requestOrigin,
  type Reply,
  type RequestContext,
} from './http.js';
import { handleLegacy } from './legacy.js';
import { serveMedia } from './media.js';
import { handleOAuth } from './oauth.js';
import { handleOEmbed } from './oembed.js';
import type { IslandState } from './state.js';
import { TokenStore } from './tokens.js';

export { buildDataset, pkFromShortcode, shortcodeFromPk } from './dataset.js';
export type { Fault } from './faults.js';
export type { Dataset, IslandChild, IslandPost, IslandUser } from './types.js';

export interface IslandOptions {
  /** Path the island is mounted under, such as '/island'; '' mounts it at the root. */
  prefix?: string;
  /** Folder of recorded responses for `fixture` faults. Defaults to IG_FIXTURES_DIR, else shared/fixtures in the repository's parent folder. */
  fixturesDir?: string;
  /** Receives one line per request and per caught error; nothing is logged by default. Lines never contain tokens. */
  log?: (line: string) => void;
  /** Clock in milliseconds, for token expiry, rate-limit windows and signed URLs. */
  now?: () => number;
}

export type IslandHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

const DEFAULT_FIXTURES_DIR = fileURLToPath(new URL('../../../shared/fixtures', import.meta.url));

/** Creates an island with its own dataset, tokens, faults and rate-limit counters. */
export function createIsland(options: IslandOptions = {}): IslandHandler {
  const prefix = normalizePrefix(options.prefix ?? '');
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const dataset = buildDataset();
  const state: IslandState = {
    dataset,
    tokens: new TokenStore(now),
    faults: new FaultStore(),
    clients: new ClientStore(dataset, now),
    fixturesDir: options.fixturesDir ?? process.env.IG_FIXTURES_DIR ?? DEFAULT_FIXTURES_DIR,
  };

  return (req, res, next) => {
    const target = req.url ?? '/';
    const queryStart = target.indexOf('?');
    const pathname = queryStart < 0 ? target : target.slice(0, queryStart);
    if (prefix !== '' && pathname !== prefix && !pathname.startsWith(`${prefix}/`)) {
      if (next) next();
      else send(res, jsonReply(404, { error: `Not found: ${pathname} is outside the island's prefix ${prefix}.` }));
      return;
    }

    const method = (req.method ?? 'GET').toUpperCase();
    const started = now();
    const query = new URLSearchParams(queryStart < 0 ? '' : target.slice(queryStart + 1));
    let token: string | undefined;
    const logLine = (outcome: string) => {
      const line = `${method} ${pathname} ${outcome} ${Math.max(0, now() - started)}ms`;
      log(redactSecret(line, token));
    };

    handle()
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        logLine(`500 failed: ${message}`);
        if (!res.headersSent && !res.destroyed) send(res, jsonReply(500, { error: `The island failed: ${message}` }));
      });

    async function handle(): Promise<void> {
      if (method === 'OPTIONS') {
        send(res, { status: 204, headers: { ...PREFLIGHT_HEADERS }, body: '' });
        logLine('204');
        return;
      }

      let body: Record<string, unknown> = {};
      if (method !== 'GET' && method !== 'HEAD') {
        try {
          body = await readBody(req);
        } catch (error) {
          if (!(error instanceof BodyError)) throw error;
          send(res, jsonReply(error.status, { error: error.message }));
          logLine(String(error.status));
          return;
        }
      }

      token = extractToken(query, body, req.headers.authorization);
      const ctx: RequestContext = {
        method: method === 'HEAD' ? 'GET' : method,
        path: pathname.slice(prefix.length) || '/',
        query,
        body,
        token,
        origin: requestOrigin(req),
        prefix,
        now: started,
        range: req.headers.range,
      };

      const fault = ctx.path.startsWith('/__island') ? undefined : state.faults.take(token, ctx.method, ctx.path);
      if (!fault) {
        const reply = route(ctx, state);
        send(res, reply);
        logLine(String(reply.status));
        return;
      }
      await applyFault(fault, ctx);
    }

    async function applyFault(fault: Fault, ctx: RequestContext): Promise<void> {
      if (fault.delayMs) await sleep(fault.delayMs);
      if (res.destroyed || req.socket.destroyed) {
        logLine('client gone during fault delay');
        return;
      }

      const reply = faultReply(fault, ctx.path, state.fixturesDir, () => route(ctx, state));
      if (reply === 'hangup') {
        req.socket.destroy();
        logLine('connection dropped (fault)');
        return;
      }
      send(res, reply);
      logLine(`${reply.status} (fault)`);
    }
  };
}

/** Routes a request and removes the request's token from the reply. */
function route(ctx: RequestContext, state: IslandState): Reply {
  const reply = dispatchPath(ctx, state);
  // Legacy next_url carries the token on purpose, as the real API did. Nothing else may echo it,
  // not even an error message that quotes a path with the token pasted into it.
  const keepsToken = reply.status === 200 && ctx.path.startsWith('/v1/');
  if (ctx.token && !keepsToken) reply.body = redactSecret(reply.body, ctx.token);
  return reply;
}

/** Sends a request to the dialect, control plane, media or index page that serves its path. */
function dispatchPath(ctx: RequestContext, state: IslandState): Reply {
  const { path } = ctx;
  const oembed = handleOEmbed(ctx, state);
  if (oembed) return oembed;
  if (path === '/v1' || path.startsWith('/v1/')) return handleLegacy(ctx, state);
  if (path === '/graph' || path.startsWith('/graph/')) return handleGraph(ctx, state);
  if (path === '/__island' || path.startsWith('/__island/')) return handleControl(ctx, state);
  if (path.startsWith('/oauth/')) return handleOAuth(ctx, state);
  if (path === '/' && ctx.method === 'GET') return homePage(ctx);

  const media = ctx.method === 'GET' ? serveMedia(ctx, state.dataset) : undefined;
  return media ?? jsonReply(404, { error: `No island endpoint matches ${ctx.method} ${ctx.prefix}${path}. See GET ${ctx.prefix}/ for the list.` });
}

/** Writes a reply with the headers every island response carries. */
function send(res: ServerResponse, reply: Reply): void {
  const body = reply.bytes ?? Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, {
    ...CORS_HEADERS,
    'Cache-Control': 'no-store',
    ...reply.headers,
    'Content-Length': String(body.length),
  });
  res.end(body);
}

function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
