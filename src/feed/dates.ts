/** Post dates in the page's language: the nearest `lang` attribute, else the browser's locale. */
import { html, nothing, type TemplateResult } from 'lit';
import { toIsoTimestamp } from '../api/normalize.js';

const formats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Returns the `lang` of the element or its nearest ancestor (across shadow roots), or undefined. */
export function localeOf(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang')?.trim() || undefined;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/** Returns a cached formatter; an invalid locale such as "xx-!!" falls back to the browser's own. */
function formatter<T>(cache: Map<string, T>, locale: string | undefined, create: (locale: string | undefined) => T): T {
  const key = locale ?? '';
  let format = cache.get(key);
  if (!format) {
    try {
      format = create(locale);
    } catch {
      // Intl throws a RangeError for a malformed language tag; the browser's locale is the sensible default.
      format = create(undefined);
    }
    cache.set(key, format);
  }
  return format;
}

/**
 * Converts a timestamp to ISO 8601: ISO strings, Graph's "2021-07-26T10:45:20+0000" and legacy
 * Unix seconds ("1490401792") are all read. Returns '' when the value is not a time.
 */
export function isoTime(timestamp: unknown): string {
  return toIsoTimestamp(timestamp);
}

/** Formats a timestamp as a medium date ("26 Jul 2021" in en-GB) in `locale`; '' when it is not a time. */
export function formatPostDate(timestamp: unknown, locale: string | undefined): string {
  const iso = isoTime(timestamp);
  if (!iso) return '';
  return formatter(formats, locale, (tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium' })).format(new Date(iso));
}

/** Formats a count such as a like count in `locale`. */
export function formatCount(count: number, locale: string | undefined): string {
  return formatter(numberFormats, locale, (tag) => new Intl.NumberFormat(tag)).format(count);
}

/** Renders a `<time>` with the machine-readable date, or nothing when the item has no usable time. */
export function renderDate(timestamp: unknown, locale: string | undefined): TemplateResult | typeof nothing {
  const iso = isoTime(timestamp);
  if (!iso) return nothing;
  return html`<time part="date" datetime=${iso}>${formatPostDate(iso, locale)}</time>`;
}
