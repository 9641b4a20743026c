/** IgError: the one error type every client call rejects with. */

export type IgErrorKind =
  | 'auth'
  | 'permission'
  | 'rate-limit'
  | 'not-found'
  | 'invalid-request'
  | 'network'
  | 'timeout'
  | 'server'
  | 'bad-response'
  | 'unsupported'
  | 'invalid-attribute'
  | 'aborted';

export interface IgErrorInit {
  status?: number;
  code?: number | string;
  subcode?: number;
  retryAfter?: number;
  hint?: string;
  url?: string;
  cause?: unknown;
}

/** An error from the API, the network or the element's own input, with a machine-readable `kind`. */
export class IgError extends Error {
  override name = 'IgError';
  readonly kind: IgErrorKind;
  /** HTTP status of the response, when there was one. */
  readonly status?: number;
  /** The platform's error code: a Graph number such as 190, or a legacy `error_type` name. */
  readonly code?: number | string;
  /** Graph `error_subcode`, such as 463 for an expired token. */
  readonly subcode?: number;
  /** Seconds to wait before trying again, for rate limits. */
  readonly retryAfter?: number;
  /** Suggested fix for the developer. */
  readonly hint?: string;
  /** The request URL with the access token replaced by REDACTED. */
  readonly url?: string;

  constructor(kind: IgErrorKind, message: string, init: IgErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.code = init.code;
    this.subcode = init.subcode;
    this.retryAfter = init.retryAfter;
    this.hint = init.hint;
    this.url = init.url;
  }
}

export function isIgError(value: unknown): value is IgError {
  return value instanceof IgError;
}

const TOKEN_PARAMS = /([?&#](?:access_token|client_secret|code)=)[^&#\s]*/gi;

/** Replaces access tokens and secrets in a URL or message with REDACTED. */
export function redact(text: string): string {
  return text.replace(TOKEN_PARAMS, '$1REDACTED');
}

/** Shortest string treated as a secret to hide wherever it appears; shorter ones would mangle ordinary text. */
const MIN_SECRET_LENGTH = 8;

/**
 * Replaces every occurrence of `secret` in `text` with REDACTED, plus access_token, client_secret
 * and code query parameters. A secret shorter than 8 characters is hidden only in those parameters.
 */
export function redactSecret(text: string, secret: string | undefined): string {
  const hidden = secret && secret.length >= MIN_SECRET_LENGTH ? text.split(secret).join('REDACTED') : text;
  return redact(hidden);
}
