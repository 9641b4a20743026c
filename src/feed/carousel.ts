/**
 * The carousel layout: a horizontal scroll-snap track with previous and next buttons, arrow
 * keys, and an "n / total" indicator that screen readers hear politely. Album slides have their
 * own previous and next buttons, so every child of an album can be reached.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { IgMedia } from '../api/model.js';
import { renderTile, renderTileText, type FeedView } from './tile.js';
import { kindLabel } from './media.js';

const chevron = (direction: 'previous' | 'next') => html`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" d=${direction === 'previous' ? 'M15 5l-7 7 7 7' : 'M9 5l7 7-7 7'}/></svg>`;

/** Returns the scroll behavior to use: instant when the visitor asked for reduced motion, else smooth. */
export function scrollBehavior(): ScrollBehavior {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

function isRtl(element: Element): boolean {
  return getComputedStyle(element).direction === 'rtl';
}

type CarouselHost = ReactiveControllerHost & HTMLElement;

export class Carousel implements ReactiveController {
  /** Index of the slide at the start of the track. */
  index = 0;
  private readonly albumChild = new Map<string, number>();
  private frame = 0;
  private count = 0;

  constructor(private readonly host: CarouselHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
  }

  /** Returns which child of an album slide is shown. */
  childIndex(item: IgMedia): number {
    return Math.min(this.albumChild.get(item.id) ?? 0, Math.max(0, (item.children?.length ?? 1) - 1));
  }

  /** Forgets positions, for a new first page. */
  reset(): void {
    this.index = 0;
    this.albumChild.clear();
  }

  private get track(): HTMLElement | null {
    return this.host.shadowRoot?.querySelector<HTMLElement>('[part~="track"]') ?? null;
  }

  private slide(index: number): HTMLElement | null {
    return this.host.shadowRoot?.querySelector<HTMLElement>(`[part~="slide"][data-index="${index}"]`) ?? null;
  }

  /** Scrolls slide `index` to the start of the track; with `focus`, its tile takes the focus. */
  goTo(index: number, focus = false): void {
    const target = Math.max(0, Math.min(index, this.count - 1));
    const track = this.track;
    const slide = this.slide(target);
    if (!track || !slide) return;
    const trackBox = track.getBoundingClientRect();
    const slideBox = slide.getBoundingClientRect();
    const offset = isRtl(track) ? slideBox.right - trackBox.right : slideBox.left - trackBox.left;
    track.scrollBy({ left: offset, behavior: scrollBehavior() });
    if (focus) slide.querySelector<HTMLElement>('[part~="link"], [data-ig-open], a, button')?.focus({ preventScroll: true });
    if (target !== this.index) {
      this.index = target;
      this.host.requestUpdate();
    }
  }

  private readonly onScroll = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.measure());
  };

  /** Finds the slide nearest the track's start edge after a scroll by any means (touch, wheel, focus). */
  private measure(): void {
    const track = this.track;
    if (!track) return;
    const rtl = isRtl(track);
    const trackBox = track.getBoundingClientRect();
    const atEnd = Math.abs(track.scrollLeft) + track.clientWidth >= track.scrollWidth - 1;
    let nearest = this.index;
    if (atEnd && track.scrollWidth > track.clientWidth) {
      nearest = this.count - 1;
    } else {
      let best = Number.POSITIVE_INFINITY;
      for (const slide of track.querySelectorAll<HTMLElement>('[part~="slide"]')) {
        const box = slide.getBoundingClientRect();
        const distance = Math.abs(rtl ? box.right - trackBox.right : box.left - trackBox.left);
        if (distance < best) {
          best = distance;
          nearest = Number(slide.dataset.index);
        }
      }
    }
    if (nearest !== this.index) {
      this.index = nearest;
      this.host.requestUpdate();
    }
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const forward = isRtl(this.host) ? 'ArrowLeft' : 'ArrowRight';
    const backward = isRtl(this.host) ? 'ArrowRight' : 'ArrowLeft';
    let target: number;
    if (event.key === forward) target = this.index + 1;
    else if (event.key === backward) target = this.index - 1;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = this.count - 1;
    else return;
    event.preventDefault();
    this.goTo(target, true);
  };

  private moveChild(item: IgMedia, delta: number): void {
    const total = item.children?.length ?? 0;
    const next = this.childIndex(item) + delta;
    if (next < 0 || next >= total) return;
    this.albumChild.set(item.id, next);
    this.host.requestUpdate();
  }

  private renderAlbumNav(item: IgMedia): TemplateResult | typeof nothing {
    const total = item.children?.length ?? 0;
    if (total < 2) return nothing;
    const current = this.childIndex(item);
    const child = item.children![current]!;
    return html`<div part="album-nav">
      <button part="album-button album-previous" type="button" aria-label="Previous item in this album"
        aria-disabled=${current === 0 ? 'true' : 'false'} @click=${() => this.moveChild(item, -1)}>${chevron('previous')}</button>
      <span part="album-status" aria-live="polite">
        <span aria-hidden="true">${current + 1} / ${total}</span>
        <span class="visually-hidden">${kindLabel(child)} ${current + 1} of ${total} in this album</span>
      </span>
      <button part="album-button album-next" type="button" aria-label="Next item in this album"
        aria-disabled=${current === total - 1 ? 'true' : 'false'} @click=${() => this.moveChild(item, 1)}>${chevron('next')}</button>
    </div>`;
  }

  private renderSlide(item: IgMedia, index: number, view: FeedView): TemplateResult {
    const custom = view.custom(item, index);
    const content = custom === undefined
      ? html`${renderTile(item, index, view, this.childIndex(item))}${this.renderAlbumNav(item)}${renderTileText(item, view)}`
      : custom;
    return html`<div part="item slide" role="group" aria-roledescription="slide" aria-label=${`${index + 1} of ${view.items.length}`}
      data-type=${item.type} data-id=${item.id} data-index=${index}>${content}</div>`;
  }

  /** Renders the carousel; `sentinel` goes at the end of the track for load-more="scroll". */
  render(view: FeedView, sentinel: TemplateResult | typeof nothing): TemplateResult {
    this.count = view.items.length;
    this.index = Math.max(0, Math.min(this.index, this.count - 1));
    const position = this.index + 1;
    const atStart = this.index === 0;
    const atEnd = this.index >= this.count - 1;
    return html`<section part="carousel" aria-roledescription="carousel" aria-label="Instagram posts" @keydown=${this.onKeydown}>
      <div part="track" @scroll=${this.onScroll}>
        ${repeat(view.items, (item) => item.id, (item, index) => this.renderSlide(item, index, view))}
        ${sentinel}
      </div>
      <div part="carousel-controls">
        <button part="carousel-button carousel-previous" type="button" aria-label="Previous post"
          aria-disabled=${atStart ? 'true' : 'false'} @click=${() => this.goTo(this.index - 1)}>${chevron('previous')}</button>
        <p part="carousel-status" aria-live="polite" aria-atomic="true">
          <span aria-hidden="true">${position} / ${this.count}</span>
          <span class="visually-hidden">Post ${position} of ${this.count}</span>
        </p>
        <button part="carousel-button carousel-next" type="button" aria-label="Next post"
          aria-disabled=${atEnd ? 'true' : 'false'} @click=${() => this.goTo(this.index + 1)}>${chevron('next')}</button>
      </div>
    </section>`;
  }
}
