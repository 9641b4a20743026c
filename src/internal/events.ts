/** Dispatches every ig-* event with the same defaults: bubbling, composed, with a typed detail. */
export function emit<T>(target: EventTarget, name: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
  const event = new CustomEvent<T>(name, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: options.cancelable ?? false,
  });
  return target.dispatchEvent(event);
}

/**
 * Registers `element` under `tag` unless the tag is taken, so importing twice is harmless.
 * A tag other than the default registers a subclass, because one class can hold only one tag.
 */
export function defineElement(tag: string, defaultTag: string, element: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  customElements.define(tag, tag === defaultTag ? element : class extends (element as typeof HTMLElement) {});
}
