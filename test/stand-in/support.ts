/**
 * Browser-side helpers for <ig-embed> tests against the stand-in embed page and embed.js that
 * scripts/stand-in-middleware.mjs serves under /stand-in. The page runs on 127.0.0.1, and the
 * stand-in is reached as localhost on the same port, so the embed frame is cross-origin as on
 * a real site.
 */
import { waitUntil } from '@open-wc/testing';
import type { IgEmbed } from '../../src/elements/ig-embed.js';

/** The stand-in as a second loopback origin. */
export const STAND_IN_ORIGIN = `http://localhost:${location.port}`;
export const STAND_IN = `${STAND_IN_ORIGIN}/stand-in`;
/** The stand-in on the page's own origin, for the wrong-origin case. */
export const SAME_ORIGIN_STAND_IN = `${location.origin}/stand-in`;

let counter = 0;

/**
 * A shortcode no other test uses, so its server hits can be found. `behaviour` is a prefix the
 * stand-in reads: "h480" posts MEASURE 480, "silent" posts none, "gone" gets a 404, "xorigin"
 * redirects to the other loopback origin. The suffix has no lower-case "h", so it adds no height.
 */
export function uniqueCode(behaviour = 'h480'): string {
  counter += 1;
  return `${behaviour}-Z${counter}X${Math.floor(Math.random() * 1e9)}`;
}

/** Returns the stand-in paths requested so far that contain `code`. */
export async function hits(code: string): Promise<string[]> {
  const response = await fetch(`/stand-in/__hits?code=${encodeURIComponent(code)}`);
  return ((await response.json()) as { hits: string[] }).hits;
}

export function frameOf(element: IgEmbed): HTMLIFrameElement | null {
  return element.shadowRoot!.querySelector('iframe');
}

export function part(element: IgEmbed, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** Waits until the element leaves the loading and waiting phases. */
export async function settled(element: IgEmbed, timeout = 5000): Promise<void> {
  await waitUntil(() => element.phase === 'ready' || element.phase === 'error', `the embed stayed in "${element.phase}"`, { timeout });
  await element.updateComplete;
}

/** Resolves with the first message event that `accept` returns true for. */
export function nextMessage(accept: (event: MessageEvent) => boolean): Promise<MessageEvent> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      if (!accept(event)) return;
      window.removeEventListener('message', listener);
      resolve(event);
    };
    window.addEventListener('message', listener);
  });
}

/** Resource timing entries whose URL contains `text`: what the page actually requested. */
export function requested(text: string): PerformanceResourceTiming[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.name.includes(text));
}

/**
 * Waits until this test page is visible, for tests that need rendering (IntersectionObserver,
 * requestAnimationFrame). The test runner opens two pages at a time as tabs of one window, and
 * Chromium does not render the background tab. Skips the test when the page stays hidden.
 */
export async function whenPageVisible(test: Mocha.Context, maxWaitMs = 5_000): Promise<void> {
  if (document.visibilityState === 'visible') return;
  test.timeout(maxWaitMs + 10_000);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, maxWaitMs);
    document.addEventListener('visibilitychange', function onChange() {
      if (document.visibilityState !== 'visible') return;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onChange);
      resolve();
    });
  });
  // TypeScript narrowed visibilityState above and cannot see that the awaited event changed it.
  if ((document.visibilityState as DocumentVisibilityState) !== 'visible') test.skip();
}
