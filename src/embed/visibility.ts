/** A shared IntersectionObserver that notifies each <ig-embed> with load="lazy" when it nears the viewport. */

/** How far outside the viewport an element starts loading, so it is ready when scrolled to. */
export const LAZY_MARGIN = '400px 0px';

const callbacks = new WeakMap<Element, () => void>();
let observer: IntersectionObserver | undefined;

function sharedObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const callback = callbacks.get(entry.target);
      unobserve(entry.target);
      callback?.();
    }
  }, { rootMargin: LAZY_MARGIN });
  return observer;
}

/** Calls `callback` once, when `element` first comes within LAZY_MARGIN of the viewport. */
export function whenNearViewport(element: Element, callback: () => void): void {
  callbacks.set(element, callback);
  sharedObserver().observe(element);
}

/** Stops watching `element`; its callback is not called. */
export function unobserve(element: Element): void {
  callbacks.delete(element);
  observer?.unobserve(element);
}
