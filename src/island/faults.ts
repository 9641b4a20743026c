// Faults that tests register per token: replaced statuses and bodies, recorded fixtures,
// malformed bodies, delays and dropped connections. They let browser tests reach every error
// path of the clients over real HTTP.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { isAbsolute, join } from 'node:path';
import { rateLimitError as graphRateLimitError, invalidTokenError, serviceError } from './graph-errors.js';
import { escapeHtml, JSON_TYPE, textReply, type Reply } from './http.js';
import { legacyRateLimitError } from './legacy.js';

export type Malformed = 'truncated' | 'not-json' | 'html' | 'empty';

export interface Fault {
  /** Substring of the path after the prefix, e.g. '/v1/users/self/media/recent'; matches every path when absent. */
  match?: string;
  /** Matches every method when absent. */
  method?: string;
  /** How many matching requests the fault affects; 1 when absent. */
  times?: number;
  status?: number;
  headers?: Record<string, string>;
  /** Sent verbatim as the body; objects are sent as JSON. */
  body?: string | Record<string, unknown> | unknown[];
  /** A file under the fixtures folder, sent verbatim as the body. */
  fixture?: string;
  malformed?: Malformed;
  delayMs?: number;
  /** Destroys the socket without a response, which the client sees as a network error. */
  hangup?: boolean;
}

const FAULT_KEYS = new Set(['match', 'method', 'times', 'status', 'headers', 'body', 'fixture', 'malformed', 'delayMs', 'hangup']);
const MALFORMED = new Set(['truncated', 'not-json', 'html', 'empty']);
const MAX_DELAY_MS = 120_000;

interface StoredFault {
  fault: Fault;
  remaining: number;
}

/** Registered faults per token, consumed in registration order. */
export class FaultStore {
  private readonly byToken = new Map<string, StoredFault[]>();

  add(token: string, faults: Fault[]): number {
    const list = this.byToken.get(token) ?? [];
    for (const fault of faults) list.push({ fault, remaining: fault.times ?? 1 });
    this.byToken.set(token, list);
    return list.length;
  }

  /** Returns the first fault registered for the token that matches, counting one use of it. */
  take(token: string | undefined, method: string, path: string): Fault | undefined {
    const list = token === undefined ? undefined : this.byToken.get(token);
    if (!list) return undefined;

    const index = list.findIndex(({ fault }) =>
      (fault.match === undefined || path.includes(fault.match)) &&
      (fault.method === undefined || fault.method.toUpperCase() === method));
    if (index < 0) return undefined;

    const stored = list[index];
    stored.remaining -= 1;
    if (stored.remaining <= 0) list.splice(index, 1);
    return stored.fault;
  }

  clear(token: string): number {
    const count = this.byToken.get(token)?.length ?? 0;
    this.byToken.delete(token);
    return count;
  }
}

/** Checks a list of faults from a request body and returns it typed, or returns an error message. */
export function validateFaults(value: unknown, fixturesDir: string): Fault[] | string {
  if (!Array.isArray(value)) return 'faults must be an array of fault objects.';

  for (const [index, fault] of value.entries()) {
    const where = `faults[${index}]`;
    if (fault === null || typeof fault !== 'object' || Array.isArray(fault)) return `${where} must be an object.`;
    const unknown = Object.keys(fault).find((key) => !FAULT_KEYS.has(key));
    if (unknown !== undefined) return `${where} has the unknown field "${unknown}"; allowed: ${[...FAULT_KEYS].join(', ')}.`;

    const { match, method, times, status, headers, body, fixture, malformed, delayMs, hangup } = fault as Record<string, unknown>;
    if (match !== undefined && typeof match !== 'string') return `${where}.match must be a string.`;
    if (method !== undefined && typeof method !== 'string') return `${where}.method must be a string.`;
    if (times !== undefined && !(Number.isInteger(times) && (times as number) > 0)) return `${where}.times must be a positive integer.`;
    if (status !== undefined && !(Number.isInteger(status) && (status as number) >= 200 && (status as number) <= 599)) {
      return `${where}.status must be an HTTP status from 200 to 599.`;
    }
    if (headers !== undefined && !isStringRecord(headers)) return `${where}.headers must map header names to strings.`;
    if (body !== undefined && (body === null || (typeof body !== 'string' && typeof body !== 'object'))) {
      return `${where}.body must be a string or a JSON object or array.`;
    }
    if (malformed !== undefined && !MALFORMED.has(malformed as string)) return `${where}.malformed must be one of ${[...MALFORMED].join(', ')}.`;
    if (delayMs !== undefined && !(typeof delayMs === 'number' && delayMs >= 0 && delayMs <= MAX_DELAY_MS)) {
      return `${where}.delayMs must be a number of milliseconds from 0 to ${MAX_DELAY_MS}.`;
    }
    if (hangup !== undefined && typeof hangup !== 'boolean') return `${where}.hangup must be true or false.`;
    if ([body, fixture, malformed].filter((item) => item !== undefined).length > 1) {
      return `${where} may set only one of body, fixture and malformed.`;
    }
    if (fixture !== undefined) {
      const problem = checkFixturePath(fixture, fixturesDir);
      if (problem) return `${where}.fixture ${problem}`;
    }
  }
  return value as Fault[];
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string');
}

function checkFixturePath(fixture: unknown, fixturesDir: string): string | undefined {
  if (typeof fixture !== 'string' || fixture === '') return 'must be a path such as "graph/me.json".';
  if (isAbsolute(fixture) || fixture.split(/[\\/]/).includes('..')) return `must be a relative path inside the fixtures folder without "..": ${fixture}`;
  const path = join(fixturesDir, fixture);
  if (!existsSync(path) || !statSync(path).isFile()) return `was not found in the fixtures folder: ${fixture}`;
  return undefined;
}

/**
 * Builds the faulted reply, or returns 'hangup' when the connection must be dropped. The delay
 * is applied by the caller. `normal` produces the response the island would send without the fault.
 */
export function faultReply(fault: Fault, path: string, fixturesDir: string, normal: () => Reply): Reply | 'hangup' {
  if (fault.hangup) return 'hangup';

  let reply: Reply;
  if (fault.fixture !== undefined) {
    reply = textReply(fault.status ?? 200, readFileSync(join(fixturesDir, fault.fixture), 'utf8'), JSON_TYPE);
  } else if (fault.body !== undefined) {
    const body = typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
    reply = textReply(fault.status ?? 200, body, JSON_TYPE);
  } else if (fault.malformed !== undefined) {
    reply = malformedReply(fault.malformed, fault.status, normal);
  } else if (fault.status !== undefined) {
    reply = naturalError(fault.status, path);
  } else {
    reply = normal();
  }

  Object.assign(reply.headers, fault.headers ?? {});
  return reply;
}

function malformedReply(kind: Malformed, status: number | undefined, normal: () => Reply): Reply {
  switch (kind) {
    case 'truncated': {
      const full = normal();
      return { status: status ?? full.status, headers: full.headers, body: full.body.slice(0, Math.floor(full.body.length / 2)) };
    }
    case 'not-json':
      return textReply(status ?? 200, 'Sorry, something went wrong. Please try again later.', JSON_TYPE);
    case 'html': {
      const code = status ?? 502;
      const title = escapeHtml(`${code} ${STATUS_CODES[code] ?? 'Error'}`);
      return textReply(code, `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1><p>An error page injected by the island.</p></body></html>`, 'text/html; charset=utf-8');
    }
    case 'empty':
      return textReply(status ?? 200, '', JSON_TYPE);
  }
}

/** Returns the error body that the path's dialect sends with this status, or an empty JSON response. */
function naturalError(status: number, path: string): Reply {
  const reply = (() => {
    if (path.startsWith('/v1/') && status === 429) return legacyRateLimitError();
    if (path.startsWith('/graph/') || path === '/graph') {
      if (status === 429) return graphRateLimitError(429);
      if (status === 401) return invalidTokenError(401);
      if (status >= 500) return serviceError(status);
    }
    return textReply(status, '', JSON_TYPE);
  })();
  reply.status = status;
  return reply;
}

