/**
 * Items rendered by the page instead of the built-in tile: through the `renderItem` property
 * or a child `<template>`. Results are kept per item and position, so the nodes stay the same
 * across renders (focus and playing media survive) and functions run once per item.
 */
import type { TemplateResult } from 'lit';
import { IgError } from '../api/errors.js';
import type { IgMedia } from '../api/model.js';
import { warnOnce } from '../internal/dev.js';
import type { ItemTemplate } from './template.js';

/** Renders one item for frameworks and scripts: a Lit template, a DOM node, or a string (shown as text). */
export type IgRenderItem = (item: IgMedia, index: number) => TemplateResult | Node | string;

interface Entry {
  source: IgRenderItem | ItemTemplate;
  index: number;
  locale: string | undefined;
  /** The rendered value, or undefined when the built-in tile is shown instead. */
  value: unknown;
}

function isTemplateResult(value: unknown): value is TemplateResult {
  return typeof value === 'object' && value !== null && '_$litType$' in value;
}

export class CustomItems {
  private entries = new WeakMap<IgMedia, Entry>();

  constructor(private readonly host: HTMLElement, private readonly report: (error: IgError) => void) {}

  /** Forgets every rendered item, so the next render calls `renderItem` or stamps the template again. */
  clear(): void {
    this.entries = new WeakMap();
  }

  /**
   * Returns what to render for the item, or undefined for the built-in tile. `renderItem` wins
   * over the template; a failing `renderItem` falls back to the tile and fires one `ig-error`.
   */
  render(
    item: IgMedia, index: number, renderItem: IgRenderItem | undefined, template: ItemTemplate | undefined, locale: string | undefined,
  ): unknown {
    const source = renderItem ?? template;
    if (!source) return undefined;
    const known = this.entries.get(item);
    if (known && known.source === source && known.index === index && known.locale === locale) return known.value;

    const value = typeof source === 'function'
      ? this.callRenderItem(source, item, index)
      : Array.from(source.render(item, { index, locale }).childNodes);
    this.entries.set(item, { source, index, locale, value });
    return value;
  }

  private callRenderItem(renderItem: IgRenderItem, item: IgMedia, index: number): unknown {
    let value: unknown;
    try {
      value = renderItem(item, index);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.report(new IgError('invalid-attribute', `The renderItem function threw for item ${item.id}: "${message}"; the built-in tile is shown instead.`, {
        cause: error,
        hint: 'Make renderItem return a Lit template, a DOM node or a string without throwing.',
      }));
      return undefined;
    }
    if (isTemplateResult(value) || value instanceof Node) return value;
    // Strings (and numbers) are rendered as text by Lit, never parsed as HTML.
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    const tag = this.host.localName;
    warnOnce(`${tag}|renderItem|${typeof value}`,
      `<${tag}> renderItem returned ${value === null ? 'null' : typeof value} for item ${item.id}; expected a Lit template, a DOM node or a string. The built-in tile is shown instead.`,
      this.host);
    return undefined;
  }
}
