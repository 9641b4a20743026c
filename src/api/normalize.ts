/** Small, total helpers that turn untrusted API values into the normalized model's types. */

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function asCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
}

/** Returns the URL when it is absolute http or https, otherwise undefined: only these are ever bound to href or src. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Converts a Graph timestamp ("2021-07-26T10:45:20+0000"), an ISO string, or legacy
 * Unix seconds (a number or a string of digits) to ISO 8601 in UTC; '' when unreadable.
 * The colon is added to "+0000" offsets because not every browser's Date.parse accepts them.
 */
export function toIsoTimestamp(value: unknown): string {
  let time = Number.NaN;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{1,12}$/.test(value))) {
    time = Number(value) * 1000;
  } else if (typeof value === 'string') {
    const withColon = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    time = Date.parse(withColon);
  }
  return Number.isFinite(time) ? new Date(time).toISOString() : '';
}

const SHORTCODE_IN_PATH = /\/(?:p|reel|reels|tv)\/([A-Za-z0-9_-]+)/;

/** Reads the shortcode out of a post permalink, when it has one. */
export function shortcodeFromPermalink(permalink: string | undefined): string | undefined {
  if (!permalink) return undefined;
  return SHORTCODE_IN_PATH.exec(permalink)?.[1];
}

export function isReelPermalink(permalink: string | undefined): boolean {
  return !!permalink && /\/reels?\//.test(permalink);
}

/** Reads one query parameter from an absolute or relative URL, tolerating garbage. */
export function queryParam(url: unknown, name: string): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url, 'http://placeholder.invalid/').searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}
