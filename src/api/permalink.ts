/**
 * Instagram post permalinks: parsing every form people paste, and building the canonical URLs.
 * Pure string work with no DOM, shared by <ig-embed>, the like button and the island.
 */
import { IgError } from './errors.js';

/** Kind of post a permalink names. `/reels/` links are reels; `/tv/` links are IGTV videos. */
export type IgPostKind = 'post' | 'reel' | 'tv';

/** A post as a permalink names it. */
export interface IgPostRef {
  kind: IgPostKind;
  shortcode: string;
}

/** The forms `parsePermalink` accepts, for error messages and docs. */
export const ACCEPTED_PERMALINK_FORMS =
  'https://www.instagram.com/p/SHORTCODE/, /reel/SHORTCODE/, /reels/SHORTCODE/, /tv/SHORTCODE/ or ' +
  '/USERNAME/p/SHORTCODE/ on instagram.com, www.instagram.com, m.instagram.com or instagr.am, over http or https';

const HOSTS = new Set(['instagram.com', 'www.instagram.com', 'm.instagram.com', 'instagr.am', 'www.instagr.am']);

const KIND_SEGMENTS: Record<string, IgPostKind> = { p: 'post', reel: 'reel', reels: 'reel', tv: 'tv' };

/** Path segment of each kind in canonical URLs. Reels use /reel/, the form oEmbed and the embed page take. */
const KIND_PATHS: Record<IgPostKind, string> = { post: 'p', reel: 'reel', tv: 'tv' };

const SHORTCODE = /^[A-Za-z0-9_-]{1,64}$/;
const USERNAME = /^[A-Za-z0-9._]{1,30}$/;

/** A scheme-less value that starts with a known host, such as "instagram.com/p/…" or "//www.instagram.com/p/…". */
const SCHEMELESS_HOST = /^(?:\/\/)?(?:(?:www\.|m\.)?instagram\.com|(?:www\.)?instagr\.am)(?:[/?#]|$)/i;

/** Checks whether `value` has the shape of a shortcode: 1–64 characters from A–Z, a–z, 0–9, "-" and "_". */
export function isShortcode(value: unknown): value is string {
  return typeof value === 'string' && SHORTCODE.test(value);
}

type Analysis = { ref: IgPostRef; problem?: undefined } | { ref?: undefined; problem: string };

/** Parses `input`, or explains in a few words why it is not a post permalink. Never throws. */
function analyze(input: unknown): Analysis {
  if (typeof input !== 'string') return { problem: 'it is not a string' };
  let text = input.trim();
  if (text === '') return { problem: 'it is empty' };
  if (SCHEMELESS_HOST.test(text)) text = `https://${text.replace(/^\/\//, '')}`;

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'it is not an absolute URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: `the scheme "${url.protocol}" is not http or https` };
  }
  // The host must equal one of the names exactly (new URL() has lower-cased it), so look-alikes
  // such as instagram.com.example.test or notinstagram.com never match.
  if (!HOSTS.has(url.hostname)) return { problem: `the host "${url.hostname}" is not Instagram's` };
  if (url.port !== '') return { problem: `the port ${url.port} is not Instagram's` };
  if (url.username !== '' || url.password !== '') return { problem: 'it contains a user name or password' };

  const ref = readPath(url.pathname.split('/').filter((segment) => segment !== ''));
  return ref ? { ref } : { problem: 'its path names no post (expected /p/, /reel/, /reels/ or /tv/ and a shortcode)' };
}

/** Reads `[kind, code, …]` or `[username, kind, code, …]`; anything after the shortcode is ignored. */
function readPath(segments: string[]): IgPostRef | undefined {
  const at = (index: number) => {
    const kind = KIND_SEGMENTS[segments[index]?.toLowerCase() ?? ''];
    const shortcode = segments[index + 1];
    return kind && isShortcode(shortcode) ? { kind, shortcode } : undefined;
  };
  if (KIND_SEGMENTS[segments[0]?.toLowerCase() ?? '']) return at(0);
  return USERNAME.test(segments[0] ?? '') ? at(1) : undefined;
}

/**
 * Reads the kind and shortcode from a post permalink in any of the accepted forms
 * (see ACCEPTED_PERMALINK_FORMS); query strings and fragments are ignored. Returns
 * undefined for anything else, including look-alike hosts and non-http schemes.
 */
export function parsePermalink(input: unknown): IgPostRef | undefined {
  return analyze(input).ref;
}

/**
 * Reads a permalink like `parsePermalink`, but throws an `invalid-attribute` IgError naming
 * the value, the reason and the accepted forms. `attribute` names the input in the message.
 */
export function readPermalink(input: unknown, attribute = 'url'): IgPostRef {
  const { ref, problem } = analyze(input);
  if (ref) return ref;
  throw new IgError('invalid-attribute', `${attribute}=${JSON.stringify(String(input))} is not an Instagram post URL: ${problem}.`, {
    hint: `Use ${ACCEPTED_PERMALINK_FORMS}; or set the shortcode attribute instead.`,
  });
}

/** Builds the canonical post URL, such as https://www.instagram.com/p/BSCoDz7Du7k/. */
export function postUrl(ref: IgPostRef): string {
  return `https://www.instagram.com/${KIND_PATHS[ref.kind]}/${ref.shortcode}/`;
}

/** Builds the path of a post below an origin, such as "/reel/DW9Cni5jvXG/". */
export function postPath(ref: IgPostRef): string {
  return `/${KIND_PATHS[ref.kind]}/${ref.shortcode}/`;
}
