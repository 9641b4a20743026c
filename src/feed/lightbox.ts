/**
 * The lightbox: a modal `<dialog>` that shows one item large with its caption and date.
 * Arrow keys move between posts and Shift+arrow keys between the children of an album (the
 * buttons do the same); Escape closes it, and focus returns to the tile of the post shown last.
 */
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { IgMedia } from '../api/model.js';
import { renderLightbox, type LightboxView } from './lightbox-view.js';

/** The feed element, as the lightbox uses it. */
export interface LightboxHost extends ReactiveControllerHost, HTMLElement {
  readonly shownItems: IgMedia[];
  readonly hasMore: boolean;
}

export interface LightboxOptions {
  /** Loads the next page, when the feed's `load-more` allows it; resolves when it has arrived. */
  loadMore(): Promise<void> | undefined;
  locale(): string | undefined;
  isBroken(item: IgMedia): boolean;
  imageFailed(item: IgMedia, event: Event): void;
}

const SKIPPED_TARGETS = new Set(['video', 'audio', 'input', 'textarea', 'select']);

export class Lightbox implements ReactiveController {
  /** Index of the shown item among the shown items, or undefined while closed. */
  index?: number;
  /** Index of the shown album child. */
  child = 0;
  private shownId?: string;
  private needsShowModal = false;
  private readonly failedVideos = new Set<string>();

  constructor(private readonly host: LightboxHost, private readonly options: LightboxOptions) {
    host.addController(this);
  }

  get isOpen(): boolean {
    return this.index !== undefined;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part~="lightbox"]') ?? null;
  }

  open(index: number, child = 0): void {
    const item = this.host.shownItems[index];
    if (!item) return;
    this.index = index;
    this.child = child;
    this.shownId = item.id;
    this.needsShowModal = true;
    this.host.requestUpdate();
  }

  /** Closes the dialog; the `close` event then restores focus. */
  close(): void {
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    else this.closed();
  }

  hostUpdated(): void {
    if (this.index === undefined) return;
    // The items can change under an open lightbox (refresh, consent withdrawn, a new filter).
    const position = this.host.shownItems.findIndex((item) => item.id === this.shownId);
    if (position < 0) {
      this.close();
      return;
    }
    if (position !== this.index) {
      this.index = position;
      this.host.requestUpdate();
    }
    const dialog = this.dialog;
    if (this.needsShowModal && dialog && dialog.isConnected) {
      this.needsShowModal = false;
      if (!dialog.open) dialog.showModal();
    }
  }

  hostDisconnected(): void {
    this.index = undefined;
    this.needsShowModal = false;
  }

  private readonly closed = (): void => {
    if (this.index === undefined) return;
    const id = this.shownId;
    this.index = undefined;
    this.shownId = undefined;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.focusTile(id));
  };

  /** Focuses the control of the tile with `id`; without one the browser's own focus return applies. */
  private focusTile(id: string | undefined): void {
    if (id === undefined) return;
    const root = this.host.shadowRoot;
    const tile = [...(root?.querySelectorAll<HTMLElement>('[data-id]') ?? [])].find((node) => node.dataset.id === id);
    tile?.querySelector<HTMLElement>('[part~="link"], [data-ig-open], a[href], button')?.focus();
  }

  /** Moves to another post; past the last one it loads the next page when the feed may. */
  async go(delta: number): Promise<void> {
    if (this.index === undefined) return;
    const items = this.host.shownItems;
    let target = this.index + delta;
    if (target >= items.length && this.host.hasMore) {
      await this.options.loadMore();
      if (this.index === undefined) return;
    }
    target = Math.max(0, Math.min(target, this.host.shownItems.length - 1));
    if (target === this.index) return;
    this.index = target;
    this.child = 0;
    this.shownId = this.host.shownItems[target]?.id;
    this.host.requestUpdate();
  }

  goTo(index: number): void {
    void this.go(index - (this.index ?? 0));
  }

  /** Moves to another child of the shown album; does nothing for other items. */
  goChild(delta: number): void {
    const item = this.index === undefined ? undefined : this.host.shownItems[this.index];
    const total = item?.children?.length ?? 0;
    const target = this.child + delta;
    if (target < 0 || target >= total) return;
    this.child = target;
    this.host.requestUpdate();
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0];
    // Media controls and form fields use the arrow keys themselves.
    if (target instanceof Element && SKIPPED_TARGETS.has(target.localName)) return;
    const rtl = getComputedStyle(this.host).direction === 'rtl';
    let step = 0;
    if (event.key === 'ArrowRight') step = 1;
    if (event.key === 'ArrowLeft') step = -1;
    if (step !== 0) {
      const delta = rtl ? -step : step;
      if (event.shiftKey) this.goChild(delta);
      else void this.go(delta);
    } else if (event.key === 'Home' && !event.shiftKey) {
      this.goTo(0);
    } else if (event.key === 'End' && !event.shiftKey) {
      this.goTo(this.host.shownItems.length - 1);
    } else {
      return;
    }
    event.preventDefault();
  };

  /** A click on the backdrop reaches the dialog itself, outside its content box: it closes the lightbox. */
  private readonly onClick = (event: MouseEvent): void => {
    if (event.target === event.currentTarget) this.close();
  };

  private readonly onVideoError = (url: string): void => {
    this.failedVideos.add(url);
    this.host.requestUpdate();
  };

  render(): TemplateResult | typeof nothing {
    if (this.index === undefined) return nothing;
    const items = this.host.shownItems;
    const item = items[this.index];
    if (!item) return nothing;
    const view: LightboxView = {
      item,
      index: this.index,
      total: items.length,
      child: Math.min(this.child, Math.max(0, (item.children?.length ?? 1) - 1)),
      hasMore: this.host.hasMore,
      locale: this.options.locale(),
      broken: this.options.isBroken(item),
      videoFailed: (url) => this.failedVideos.has(url),
      onVideoError: this.onVideoError,
      onImageError: (event) => this.options.imageFailed(item, event),
      onClose: () => this.close(),
      onClosed: this.closed,
      onKeydown: this.onKeydown,
      onClick: this.onClick,
      go: (delta) => void this.go(delta),
      goChild: (delta) => this.goChild(delta),
    };
    return renderLightbox(view);
  }
}
