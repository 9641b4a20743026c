/**
 * Infinite scroll for load-more="scroll": an IntersectionObserver watches a sentinel at the
 * end of the items and loads the next page when it comes near the viewport (or, in the
 * carousel, near the end of the track).
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** How far ahead of the sentinel loading starts, so the next page is usually there before it is needed. */
export const SCROLL_MARGIN = '400px';

export interface InfiniteScrollOptions {
  /** Whether the feed is in load-more="scroll" mode and shows a sentinel. */
  active(): boolean;
  /** Whether a next page may be requested now: one exists, none is loading, and the last one did not fail. */
  canLoad(): boolean;
  load(): Promise<void>;
  /** The scrolling element the sentinel is measured against; null for the viewport. */
  root(): Element | null;
}

/** Renders the element the observer watches, which takes no space and is hidden from assistive technology. */
export function renderSentinel(): TemplateResult {
  return html`<div part="sentinel" aria-hidden="true"></div>`;
}

export class InfiniteScroll implements ReactiveController {
  private observer?: IntersectionObserver;
  private sentinel?: Element;
  private root?: Element | null;
  /** Whether a page could be requested at the last update. */
  private ready = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly options: InfiniteScrollOptions) {
    host.addController(this);
  }

  hostUpdated(): void {
    const sentinel = this.options.active() ? this.host.shadowRoot?.querySelector('[part~="sentinel"]') ?? undefined : undefined;
    const root = this.options.root();
    const ready = this.options.canLoad();
    const becameReady = ready && !this.ready;
    this.ready = ready;
    if (sentinel !== this.sentinel || root !== this.root) {
      this.disconnect();
      if (!sentinel) return;
      this.sentinel = sentinel;
      this.root = root;
      this.observer = new IntersectionObserver(this.onIntersect, { root, rootMargin: SCROLL_MARGIN });
      this.observer.observe(sentinel);
    } else if (becameReady) {
      this.recheck();
    }
  }

  hostDisconnected(): void {
    this.disconnect();
  }

  private disconnect(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.sentinel = undefined;
    this.root = undefined;
  }

  private readonly onIntersect = (entries: IntersectionObserverEntry[]): void => {
    const latest = entries[entries.length - 1];
    // canLoad() turns false as soon as a request starts, so a sentinel seen twice never fetches a page twice.
    if (latest?.isIntersecting && this.options.canLoad()) void this.options.load();
  };

  /**
   * Observes the sentinel afresh whenever loading becomes possible again (a page arrived, or
   * a retry succeeded), because an observer reports only changes: a sentinel that stayed in
   * view through a short page would otherwise never trigger the next one.
   */
  private recheck(): void {
    if (!this.observer || !this.sentinel) return;
    this.observer.unobserve(this.sentinel);
    this.observer.observe(this.sentinel);
  }
}
