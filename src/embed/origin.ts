/** The embed origin of <ig-embed>: instagram.com, or a mirror that serves the embed page and embed.js. */
import { postPath, type IgPostRef } from '../api/permalink.js';

export const DEFAULT_EMBED_ORIGIN = 'https://www.instagram.com';

/** A resolved `embed-origin`: the base URL that paths are appended to, and its origin for message checks. */
export interface EmbedBase {
  /** Absolute URL without a trailing slash, such as "https://www.instagram.com" or "http://127.0.0.1:8000/stand-in". */
  base: string;
  /** Scheme, host and port, compared with `MessageEvent.origin`. */
  origin: string;
}

/**
 * Resolves an `embed-origin` value: an http or https origin, optionally with a path prefix for a
 * mirror mounted below a path. Relative values resolve against the page. Returns undefined for
 * anything else, so the caller can warn and use the default.
 */
export function resolveEmbedBase(value: string | undefined): EmbedBase | undefined {
  const text = (value ?? '').trim() || DEFAULT_EMBED_ORIGIN;
  let url: URL;
  try {
    url = new URL(text, globalThis.document?.baseURI);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  const path = url.pathname.replace(/\/+$/, '');
  return { base: `${url.origin}${path}`, origin: url.origin };
}

/** Builds the embed page's URL: /{p|reel|tv}/{code}/embed/, with captioned/ appended on request. */
export function frameUrl(ref: IgPostRef, embed: EmbedBase, captioned: boolean): string {
  return `${embed.base}${postPath(ref)}embed/${captioned ? 'captioned/' : ''}`;
}

/** Builds the URL of embed.js below the base. */
export function scriptUrl(embed: EmbedBase): string {
  return `${embed.base}/embed.js`;
}

/**
 * Builds the permalink that goes into the blockquote's `data-instgrm-permalink`. embed.js builds its
 * frame from this URL, so a mirror gets its own path here. The query is the one Instagram's own
 * embed code carries.
 */
export function blockquotePermalink(ref: IgPostRef, embed: EmbedBase): string {
  return `${embed.base}${postPath(ref)}?utm_source=ig_embed&utm_campaign=loading`;
}
