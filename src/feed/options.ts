/** The feed attributes' allowed values and the readers that turn attribute text into settings. */
import type { IgMedia } from '../api/model.js';
import { warnInvalid } from '../internal/attributes.js';
import { warnOnce } from '../internal/dev.js';

export const LAYOUTS = ['grid', 'carousel', 'list'] as const;
export type FeedLayout = (typeof LAYOUTS)[number];

export const LOAD_MORE_MODES = ['button', 'scroll', 'none'] as const;
export type LoadMoreMode = (typeof LOAD_MORE_MODES)[number];

/** Values of the `sort` attribute. */
export const SORTS = ['newest', 'oldest', 'most-liked', 'random'] as const;
/** A sort order; "none" keeps the API's order and is offered to subclasses only, through `defaultSort()`. */
export type FeedSort = (typeof SORTS)[number] | 'none';

/** Kinds that `media-types` selects. They do not overlap: a reel is not also a "video". */
export const MEDIA_KINDS = ['image', 'video', 'carousel', 'reel'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

const ON = ['', 'on', 'true'];
const OFF = ['off', 'false', 'none'];

/** Returns the kind that `media-types` matches an item by. */
export function mediaKind(item: IgMedia): MediaKind {
  return item.isReel ? 'reel' : item.type;
}

/**
 * Reads a space- or comma-separated list of media kinds. Unknown tokens warn once and are
 * ignored; when no token is valid (or the value is empty) every kind is shown (undefined).
 */
export function readMediaKinds(element: Element, value: string | null | undefined): ReadonlySet<MediaKind> | undefined {
  if (value === null || value === undefined) return undefined;
  const tokens = value.toLowerCase().split(/[\s,]+/).filter((token) => token !== '');
  const kinds = new Set<MediaKind>();
  for (const token of tokens) {
    if ((MEDIA_KINDS as readonly string[]).includes(token)) kinds.add(token as MediaKind);
    else warnUnknownKind(element, token);
  }
  return kinds.size > 0 ? kinds : undefined;
}

function warnUnknownKind(element: Element, token: string): void {
  const tag = element.localName;
  warnOnce(
    `${tag}|media-types|${token}`,
    `<${tag}> media-types contains "${token}", which is not a media type: expected "image", "video", "carousel" or "reel". ` +
      'The token is ignored.',
    element,
  );
}

/** Returns `value` when it is a function (or unset); anything else warns once and counts as unset. */
export function readFunction<T>(element: Element, property: string, value: unknown): T | undefined {
  if (value === undefined || value === null || typeof value === 'function') return (value ?? undefined) as T | undefined;
  const tag = element.localName;
  warnOnce(`${tag}|${property}|${typeof value}`,
    `<${tag}> ${property} is ${typeof value}, not a function, so it is ignored. Set the ${property} property to a function.`, element);
  return undefined;
}

/** Reads an on/off attribute whose default is on: absent, "", "on" or "true" mean on; "off", "false" or "none" mean off. */
export function readSwitch(element: Element, attribute: string, value: string | boolean | null | undefined, fallback: boolean): boolean {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  const normalized = value.trim().toLowerCase();
  if (ON.includes(normalized)) return true;
  if (OFF.includes(normalized)) return false;
  warnInvalid(element, attribute, value, '"on" or "off"', fallback ? 'on' : 'off');
  return fallback;
}
