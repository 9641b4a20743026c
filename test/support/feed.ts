/** Helpers for the feed presentation tests: mounting feeds against the island, reading their shadow DOM, waiting. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import '../../src/index.js';
import { Transport, createClient, igContext, type IgFeed, type IgProvider } from '../../src/classes.js';
import { GRAPH_ENDPOINT, LEGACY_ENDPOINT, issueToken, recordingFetch, type IslandToken } from './island.js';

export type Dialect = 'graph' | 'legacy';
export const ENDPOINTS: Record<Dialect, string> = { graph: GRAPH_ENDPOINT, legacy: LEGACY_ENDPOINT };

export interface Mounted {
  feed: IgFeed;
  token: IslandToken;
  provider?: IgProvider;
  /** Every URL the feed's client requested, when mounted with `record`. */
  urls: URL[];
}

export interface MountOptions {
  api?: Dialect;
  /** Attributes of <ig-feed>, as HTML. */
  attributes?: string;
  /** Children of <ig-feed>, as HTML. */
  children?: string;
  token?: IslandToken;
  /**
   * Provides the client through the context directly, with a fetch that records every request.
   * A plain <ig-provider> cannot take a custom fetch, so this replaces it.
   */
  record?: boolean;
  /** Properties set on the feed before it connects. */
  properties?: Partial<IgFeed>;
}

/** Mounts a feed in an <ig-provider> (or a recording context provider) against the island. */
export async function mountFeed(options: MountOptions = {}): Promise<Mounted> {
  const api = options.api ?? 'graph';
  const token = options.token ?? (await issueToken());
  const feedHtml = `<ig-feed ${options.attributes ?? ''}>${options.children ?? ''}</ig-feed>`;

  if (options.record) {
    const recorder = recordingFetch();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const client = createClient({
      api, endpoint: ENDPOINTS[api], accessToken: token.access_token, transport: new Transport({ fetch: recorder.fetch, retries: 0 }),
    });
    new ContextProvider(host, { context: igContext, initialValue: { settings: client.settings, client } });
    const template = document.createElement('template');
    template.innerHTML = feedHtml;
    const feed = template.content.firstElementChild as IgFeed;
    Object.assign(feed, options.properties ?? {});
    host.append(feed);
    return { feed, token, urls: recorder.urls };
  }

  const provider = await fixture<IgProvider>(`<ig-provider api="${api}" endpoint="${ENDPOINTS[api]}">${feedHtml}</ig-provider>`);
  const feed = provider.querySelector('ig-feed')!;
  Object.assign(feed, options.properties ?? {});
  provider.accessToken = token.access_token;
  return { feed, token, provider, urls: [] };
}

/** Waits until the feed leaves the loading state and has rendered. */
export async function settled(feed: IgFeed, timeout = 5000): Promise<void> {
  await waitUntil(() => feed.state !== 'loading', `feed stayed in "${feed.state}"`, { timeout });
  await feed.updateComplete;
}

export function shadow(feed: IgFeed): ShadowRoot {
  return feed.shadowRoot!;
}

/** Returns the rendered items of any layout: grid cells, list rows or carousel slides. */
export function itemNodes(feed: IgFeed): HTMLElement[] {
  return [...shadow(feed).querySelectorAll<HTMLElement>('[part~="item"]')];
}

export function itemIds(feed: IgFeed): string[] {
  return itemNodes(feed).map((node) => node.dataset.id!);
}

export function dialogOf(feed: IgFeed): HTMLDialogElement | null {
  return shadow(feed).querySelector<HTMLDialogElement>('dialog[part~="lightbox"]');
}

/** Returns the element focused inside the feed's shadow root, if any. */
export function focused(feed: IgFeed): Element | null {
  return shadow(feed).activeElement;
}

/** Requests whose path contains `fragment`, for counting API calls. */
export function requestsTo(urls: URL[], fragment: string | RegExp): URL[] {
  return urls.filter((url) => (typeof fragment === 'string' ? url.pathname.includes(fragment) : fragment.test(url.pathname)));
}

/** Captures console.warn calls; restore() puts the original back. */
export function captureWarnings(): { messages: string[]; restore: () => void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(String(args[0]));
  };
  return { messages, restore: () => { console.warn = original; } };
}

/** Resolves on the next event of `type` on `target`, or rejects after `timeout` milliseconds. */
export function nextEvent<T extends Event = Event>(target: EventTarget, type: string, timeout = 5000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeout} ms`)), timeout);
    target.addEventListener(type, (event) => {
      clearTimeout(timer);
      resolve(event as T);
    }, { once: true });
  });
}
