/**
 * The declarative item template: a `<template>` child of the feed whose elements take item
 * data through `data-ig-*` attributes. Data only ever becomes text or an attribute value,
 * never markup, and URLs are bound only when they are http or https. Event handler attributes,
 * `style`, and elements that run code or load resources are removed from the template.
 */
import type { IgMedia } from '../api/model.js';
import { safeUrl } from '../api/normalize.js';
import { warnOnce } from '../internal/dev.js';
import { formatCount, formatPostDate, isoTime } from './dates.js';
import { altText, kindLabel, posterUrl } from './media.js';

/** Context a binding may use besides the item. */
export interface BindingContext {
  /** Position of the item among the shown items, from 0. */
  index: number;
  locale: string | undefined;
}

type Field = (item: IgMedia, context: BindingContext) => string | undefined;

const count = (value: number | undefined, context: BindingContext) =>
  value === undefined ? undefined : formatCount(value, context.locale);

/** The data a binding can name. Every value is a string or undefined (bound as empty). */
export const TEMPLATE_FIELDS: Record<string, Field> = {
  id: (item) => item.id,
  type: (item) => item.type,
  kind: (item) => kindLabel(item),
  permalink: (item) => item.permalink || undefined,
  shortcode: (item) => item.shortcode,
  caption: (item) => item.caption,
  alt: (item) => altText(item),
  timestamp: (item) => isoTime(item.timestamp) || undefined,
  date: (item, context) => formatPostDate(item.timestamp, context.locale) || undefined,
  username: (item) => item.username,
  mediaUrl: (item) => item.mediaUrl,
  thumbnail: (item) => posterUrl(item),
  poster: (item) => posterUrl(item),
  likeCount: (item, context) => count(item.likeCount, context),
  commentCount: (item, context) => count(item.commentCount, context),
  childCount: (item, context) => (item.children?.length ? formatCount(item.children.length, context.locale) : undefined),
  index: (_item, context) => String(context.index + 1),
};

/** Attributes that take a URL from data; only absolute http and https URLs are bound. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster']);
/** Attributes that take plain text from data. */
const TEXT_ATTRIBUTES = new Set(['alt', 'title', 'aria-label', 'aria-description', 'datetime', 'class', 'lang', 'value', 'width', 'height']);
/** Bindings that are not attributes: text content, conditional removal, and the lightbox trigger. */
const SPECIAL = new Set(['text', 'if', 'open']);

/** Elements removed from every template: they run code, load other documents or styles, or would repeat per item. */
const REMOVED_ELEMENTS = 'script, iframe, frame, frameset, object, embed, applet, base, link, meta, style, noscript';
/** Attributes whose static value is a URL; a script or data URL in them is removed. */
const STATIC_URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'xlink:href', 'data', 'cite']);
const SAFE_SCHEME = /^(?:https?|mailto|tel):/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export const BINDING_PREFIX = 'data-ig-';

function bindingNames(element: Element): string[] {
  return element.getAttributeNames().filter((name) => name.startsWith(BINDING_PREFIX));
}

/** A sanitized template, ready to stamp out one fragment per item. */
export class ItemTemplate {
  readonly content: DocumentFragment;

  constructor(readonly source: HTMLTemplateElement, private readonly host: Element) {
    this.content = source.content.cloneNode(true) as DocumentFragment;
    this.sanitize();
    this.validate();
  }

  /** Returns the host's first `<template>` child, prepared, or undefined when it has none. */
  static read(host: Element, previous?: ItemTemplate): ItemTemplate | undefined {
    const source = host.querySelector<HTMLTemplateElement>(':scope > template');
    if (!source) return undefined;
    return previous?.source === source ? previous : new ItemTemplate(source, host);
  }

  private warn(key: string, message: string): void {
    const tag = this.host.localName;
    warnOnce(`${tag}|template|${key}`, `<${tag}> item template: ${message}`, this.host);
  }

  private sanitize(): void {
    for (const element of this.content.querySelectorAll(REMOVED_ELEMENTS)) {
      this.warn(`element|${element.localName}`, `<${element.localName}> elements are removed, because a template may hold only markup and text. Style items through part attributes instead.`);
      element.remove();
    }
    for (const element of this.content.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) {
        const value = (element.getAttribute(name) ?? '').replace(/[\s\u0000-\u001f]+/g, '');
        if (name.startsWith('on') || name === 'srcdoc' || name === 'style') {
          this.warn(`attribute|${name}`, `the ${name} attribute is removed from <${element.localName}>: templates run no code and take no inline styles.`);
          element.removeAttribute(name);
        } else if (STATIC_URL_ATTRIBUTES.has(name) && HAS_SCHEME.test(value) && !SAFE_SCHEME.test(value)) {
          this.warn(`url|${name}`, `the ${name} attribute of <${element.localName}> is removed: only http, https, mailto and tel URLs are allowed.`);
          element.removeAttribute(name);
        }
      }
    }
  }

  private validate(): void {
    const fields = Object.keys(TEMPLATE_FIELDS).join(', ');
    for (const element of this.content.querySelectorAll('*')) {
      for (const name of bindingNames(element)) {
        const target = name.slice(BINDING_PREFIX.length);
        const field = element.getAttribute(name) ?? '';
        if (!SPECIAL.has(target) && !URL_ATTRIBUTES.has(target) && !TEXT_ATTRIBUTES.has(target)) {
          this.warn(`target|${target}`, `${name} is not a binding, so it is ignored. Bind text with data-ig-text, URLs with data-ig-href, data-ig-src or data-ig-poster, and the attributes ${[...TEXT_ATTRIBUTES].join(', ')}.`);
        } else if (target !== 'open' && !(field in TEMPLATE_FIELDS)) {
          this.warn(`field|${field}`, `${name}="${field}" names no item field, so it binds an empty value. Fields: ${fields}.`);
        }
      }
    }
  }

  /** Returns a new fragment with the item's data bound into a copy of the template. */
  render(item: IgMedia, context: BindingContext): DocumentFragment {
    const fragment = this.content.cloneNode(true) as DocumentFragment;
    for (const element of fragment.querySelectorAll('*')) {
      for (const name of bindingNames(element)) {
        const target = name.slice(BINDING_PREFIX.length);
        if (target === 'open') continue;
        const field = element.getAttribute(name) ?? '';
        element.removeAttribute(name);
        const value = TEMPLATE_FIELDS[field]?.(item, context) ?? '';
        bind(element, target, value, item);
      }
    }
    return fragment;
  }
}

/** Applies one binding to an element of a fresh copy; the value is never parsed as HTML. */
function bind(element: Element, target: string, value: string, item: IgMedia): void {
  if (target === 'text') {
    element.textContent = value;
  } else if (target === 'if') {
    if (!value) element.remove();
  } else if (URL_ATTRIBUTES.has(target)) {
    // A video file never goes into an <img>: such a binding takes the poster instead.
    const url = element.localName === 'img' && value === item.mediaUrl && item.type === 'video' ? posterUrl(item) : safeUrl(value);
    if (url) element.setAttribute(target, url);
    else element.removeAttribute(target);
  } else if (TEXT_ATTRIBUTES.has(target)) {
    element.setAttribute(target, value);
  }
}
