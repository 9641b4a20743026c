/**
 * Instagram's own embed code for mode="official": a blockquote in the light DOM and embed.js,
 * which replaces each blockquote with a frame. embed.js does not look inside shadow roots, so
 * the blockquote must stay in the light DOM.
 */
import { IgError } from '../api/errors.js';
import { postUrl, type IgPostRef } from '../api/permalink.js';
import { blockquotePermalink, type EmbedBase } from './origin.js';

interface Instgrm {
  Embeds?: { process?: () => void };
}

declare global {
  interface Window {
    instgrm?: Instgrm;
  }
}

/** One promise per script URL, so any number of elements cause one script tag. */
const scripts = new Map<string, Promise<void>>();

function hasProcess(): boolean {
  return typeof window.instgrm?.Embeds?.process === 'function';
}

/**
 * Loads embed.js from `src` once per page and resolves when it has run. A script the page
 * added itself is reused. A failed load (404, Content-Security-Policy, an ad blocker) rejects
 * with a `network` IgError and is forgotten, so a later call tries again.
 */
export function loadEmbedScript(src: string): Promise<void> {
  const known = scripts.get(src);
  if (known) return known;
  if (hasProcess()) return Promise.resolve();

  const existing = Array.from(document.scripts).find((script) => script.src === src);
  const script = existing ?? document.createElement('script');
  const promise = new Promise<void>((resolve, reject) => {
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => {
      scripts.delete(src);
      if (!existing) script.remove();
      reject(new IgError('network', `Instagram's embed.js could not be loaded from ${src}.`, {
        url: src,
        hint: 'A Content-Security-Policy (script-src) or an ad blocker may block it; allow the script or use mode="iframe".',
      }));
    }, { once: true });
  });
  scripts.set(src, promise);
  if (!existing) {
    script.async = true;
    script.src = src;
    document.head.append(script);
  }
  return promise;
}

let processQueued = false;

/**
 * Runs `instgrm.Embeds.process()` once in a microtask, however many elements request it in the
 * same task. embed.js processes the blockquotes present when it loads, so blockquotes added
 * later (single-page apps, lazy loading) need this call.
 */
export function requestProcess(): void {
  if (processQueued) return;
  processQueued = true;
  queueMicrotask(() => {
    processQueued = false;
    window.instgrm?.Embeds?.process?.();
  });
}

/**
 * Builds Instagram's embed blockquote with DOM APIs: a link to the post inside a blockquote
 * whose `data-instgrm-permalink` is `permalink`. embed.js builds its frame from the data
 * attributes, and the link is what shows until it does.
 */
export function createBlockquote(ref: IgPostRef, permalink: string, captioned: boolean, label: string): HTMLQuoteElement {
  const quote = document.createElement('blockquote');
  quote.className = 'instagram-media';
  quote.dataset.instgrmPermalink = permalink;
  quote.dataset.instgrmVersion = '14';
  if (captioned) quote.dataset.instgrmCaptioned = '';

  const link = document.createElement('a');
  link.href = postUrl(ref);
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = `View ${label} on Instagram`;
  quote.append(link);
  return quote;
}

/** The light-DOM markup of one official embed, and the observer that watches embed.js replace it. */
export interface OfficialMount {
  box: HTMLElement;
  observer: MutationObserver;
}

/**
 * Appends a box with the blockquote to `host` (in its `embed` slot) and calls `onRendered`
 * once, with the element embed.js put in the blockquote's place. The replacement is the only
 * sign of success this watches for: a frame appears, or the blockquote is gone.
 */
export function mountOfficial(
  host: HTMLElement, ref: IgPostRef, embed: EmbedBase, captioned: boolean, label: string, onRendered: (rendered: Element) => void,
): OfficialMount {
  const box = document.createElement('div');
  box.slot = 'embed';
  box.append(createBlockquote(ref, blockquotePermalink(ref, embed), captioned, label));
  host.append(box);

  const observer = new MutationObserver(() => {
    const rendered = box.querySelector('iframe') ?? (box.querySelector('blockquote') ? null : box.firstElementChild);
    if (!rendered) return;
    observer.disconnect();
    onRendered(rendered);
  });
  observer.observe(box, { childList: true, subtree: true });
  return { box, observer };
}
