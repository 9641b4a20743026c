/** Connection warm-up for load="click": a `<link rel=preconnect>` per origin in the document head. */

function hasPreconnect(origin: string): boolean {
  return Array.from(document.head.querySelectorAll<HTMLLinkElement>('link[rel~="preconnect"]')).some((link) => {
    try {
      return new URL(link.href).origin === origin;
    } catch {
      return false;
    }
  });
}

/** Adds `<link rel="preconnect">` for `origin` to the document head, unless the head has one already. */
export function preconnect(origin: string): void {
  if (hasPreconnect(origin)) return;
  const link = document.createElement('link');
  link.rel = 'preconnect';
  link.href = origin;
  // No crossorigin attribute: the frame navigation and the classic embed.js script are
  // credentialed requests, and only a connection warmed this way can serve them.
  document.head.append(link);
}
