// Request parsing and response values shared by the island's routes. Routes return a Reply
// instead of writing to the socket, so that faults can rewrite or cut a finished response.

import type { IncomingMessage } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Binary content, such as a video, sent instead of `body` when present. */
  bytes?: Buffer;
}

/** A parsed request as the routes use it, with the body already read. */
export interface RequestContext {
  /** Upper-case method; HEAD is routed as GET and Node's server drops the body. */
  method: string;
  /** Pathname after the prefix, always starting with '/'. */
  path: string;
  query: URLSearchParams;
  /** The `Range` header, which browsers send for video. */
  range?: string;
  body: Record<string, unknown>;
  /** Access token from the query, the form or JSON body, or an `Authorization: Bearer` header. */
  token: string | undefined;
  /** Scheme and host of the request, used to build absolute URLs back to the island. */
  origin: string;
  prefix: string;
  /** Request time in milliseconds. */
  now: number;
}

export const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_BODY_BYTES = 1024 * 1024;

/** Headers sent on every island response, preflight responses included. */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'X-Ratelimit-Limit, X-Ratelimit-Remaining, X-App-Usage, X-Business-Use-Case-Usage, Retry-After',
};

export const PREFLIGHT_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Methods': 'GET, POST, DELETE',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
};

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function textReply(status: number, text: string, contentType = 'text/plain; charset=utf-8'): Reply {
  return { status, headers: { 'Content-Type': contentType }, body: text };
}

export class BodyError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Reads and parses a request body: JSON objects and `application/x-www-form-urlencoded` forms.
 * Other content types and empty bodies give {}. Throws BodyError for bodies over 1 MiB or
 * invalid JSON.
 */
export async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(`The request body is larger than ${MAX_BODY_BYTES} bytes.`, 413);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};

  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (!contentType.includes('json')) return {};

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BodyError('The request body is not valid JSON.', 400);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new BodyError('The request body must be a JSON object.', 400);
  }
  return parsed as Record<string, unknown>;
}

/** Returns the access token of a request, or undefined when none or an empty one is sent. */
export function extractToken(
  query: URLSearchParams,
  body: Record<string, unknown>,
  authorization: string | undefined,
): string | undefined {
  const fromQuery = query.get('access_token');
  if (fromQuery) return fromQuery;
  if (typeof body.access_token === 'string' && body.access_token !== '') return body.access_token;

  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

/**
 * Returns the request's scheme and host, such as `http://127.0.0.1:5173`. A Host header that is
 * not a plain host name or address with an optional port is replaced by 127.0.0.1.
 */
export function requestOrigin(req: IncomingMessage): string {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const host = req.headers.host ?? '';
  const safeHost = /^[A-Za-z0-9.\-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host) ? host : '127.0.0.1';
  return `${encrypted ? 'https' : 'http'}://${safeHost}`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
