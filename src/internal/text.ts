/** Text helpers for captions, alt text and dates. */

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl
  ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  : undefined;

/** Splits text into user-perceived characters, so clipping never cuts an emoji or flag in half. */
function graphemes(text: string): string[] {
  if (segmenter) return Array.from(segmenter.segment(text), (part) => part.segment);
  return Array.from(text);
}

/** Clips text to at most `max` graphemes, ending with "…" when it was longer. */
export function clip(text: string, max: number): string {
  const parts = graphemes(text);
  if (parts.length <= max) return text;
  return `${parts.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/** Formats an ISO timestamp as a date in the page's locale; '' for an empty or invalid one. */
export function formatDate(iso: string, locale?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const lang = locale || globalThis.document?.documentElement.lang || undefined;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
  }
}
