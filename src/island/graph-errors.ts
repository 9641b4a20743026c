// Error bodies of the Graph dialect: `{error: {message, type, code, error_subcode?, fbtrace_id}}`.

import { randomBytes } from 'node:crypto';
import { jsonReply, type Reply } from './http.js';

interface GraphErrorFields {
  message: string;
  type: string;
  code: number;
  subcode?: number;
  transient?: boolean;
}

export function graphError(status: number, { message, type, code, subcode, transient }: GraphErrorFields): Reply {
  return jsonReply(status, {
    error: {
      message,
      type,
      code,
      ...(subcode === undefined ? {} : { error_subcode: subcode }),
      ...(transient === undefined ? {} : { is_transient: transient }),
      fbtrace_id: randomBytes(17).toString('base64url').slice(0, 23),
    },
  });
}

export const missingTokenError = (): Reply =>
  graphError(400, {
    message: 'An active access token must be used to query information about the current user.',
    type: 'OAuthException',
    code: 2500,
  });

export const invalidTokenError = (status = 400): Reply =>
  graphError(status, { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190 });

export function expiredTokenError(expiresAt: number, now: number): Reply {
  return graphError(400, {
    message: `Error validating access token: Session has expired on ${formatPacificTime(expiresAt)}. The current time is ${formatPacificTime(now)}.`,
    type: 'OAuthException',
    code: 190,
    subcode: 463,
  });
}

/** The island limits each token, but returns the app-level code 4, which clients treat as throttling like 17. */
export const rateLimitError = (status = 400): Reply =>
  graphError(status, { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, transient: true });

export const unsupportedRequestError = (method: string, id: string): Reply =>
  graphError(400, {
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: 'GraphMethodException',
    code: 100,
    subcode: 33,
  });

export const unknownFieldError = (field: string, nodeType: string): Reply =>
  graphError(400, {
    message: `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`,
    type: 'OAuthException',
    code: 100,
  });

export const invalidParameterError = (message: string): Reply =>
  graphError(400, { message: `(#100) ${message}`, type: 'OAuthException', code: 100 });

export const unknownPathError = (rest: string): Reply =>
  graphError(400, { message: `Unknown path components: ${rest}`, type: 'OAuthException', code: 2500 });

// NOTE: an estimate of the server error bodies: code 2 is the documented temporary service error,
// but this message text was not seen in a recording.
export const serviceError = (status: number): Reply =>
  graphError(status, {
    message: 'An unexpected error has occurred. Please retry your request later.',
    type: 'OAuthException',
    code: 2,
    transient: true,
  });

/**
 * Formats a time in US Pacific time, e.g. "Sunday, 01-Nov-26 04:00:00 PST".
 * NOTE: this date format is unverified against a recorded 463 message.
 */
function formatPacificTime(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles',
    weekday: 'long',
    day: '2-digit',
    month: 'short',
    year: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('weekday')}, ${part('day')}-${part('month')}-${part('year')} ${part('hour')}:${part('minute')}:${part('second')} ${part('timeZoneName')}`;
}
