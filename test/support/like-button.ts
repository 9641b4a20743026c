/** Helpers for the <ig-like-button> tests: mounting, reading the rendered control, and recording requests. */
import { fixture, waitUntil } from '@open-wc/testing';
import type { IgLikeButton, IgProvider } from '../../src/classes.js';
import { GRAPH_ENDPOINT, LEGACY_ENDPOINT, issueToken, visiblePosts, type IslandPost } from './island.js';

export const ENDPOINTS = { graph: GRAPH_ENDPOINT, legacy: LEGACY_ENDPOINT } as const;

/** Mounts a like button inside a provider; `token` is set after mounting, as pages often do. */
export async function mountButton(api: 'graph' | 'legacy', buttonAttributes: string, token?: string) {
  const provider = await fixture<IgProvider>(
    `<ig-provider api="${api}" endpoint="${ENDPOINTS[api]}"><ig-like-button ${buttonAttributes}><a href="https://www.instagram.com/">Open Instagram</a></ig-like-button></ig-provider>`,
  );
  if (token) provider.accessToken = token;
  const button = provider.querySelector('ig-like-button')!;
  await button.updateComplete;
  return { provider, button };
}

/** Issues a token that may like: the user's own posts need no public_content scope. */
export async function likerToken(user: string, extra: Record<string, unknown> = {}) {
  return issueToken({ user, scopes: ['basic', 'likes'], ...extra });
}

export async function postOf(user: string, index: number): Promise<IslandPost> {
  const post = (await visiblePosts(user))[index];
  if (!post) throw new Error(`no post ${index} of ${user}`);
  return post;
}

export function control(button: IgLikeButton): HTMLButtonElement {
  const element = button.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="button"]');
  if (!element) throw new Error(`no button rendered (state "${button.state}")`);
  return element;
}

export function countText(button: IgLikeButton): string | undefined {
  return button.shadowRoot!.querySelector('[part~="count"]')?.textContent?.replace(/\s+/g, ' ').trim();
}

export async function ready(button: IgLikeButton): Promise<void> {
  await waitUntil(() => button.state !== 'loading', `like button stayed in "${button.state}"`, { timeout: 5000 });
  await button.updateComplete;
}

/** The page's fetch as loaded, so the tests' own reads stay out of recordRequests(). */
const pageFetch = window.fetch.bind(window);

/** Reads a post's like state as the token's user sees it, straight from the island. */
export async function serverState(post: IslandPost, token: string): Promise<{ liked: boolean; count: number }> {
  const response = await pageFetch(`${LEGACY_ENDPOINT}/media/${post.legacyId}?access_token=${encodeURIComponent(token)}`);
  const body = (await response.json()) as { data: { user_has_liked: boolean; likes: { count: number } } };
  return { liked: body.data.user_has_liked, count: body.data.likes.count };
}

export interface RecordedRequest {
  method: string;
  path: string;
}

/**
 * Records the method and path of every request the page sends until `restore()`. The requests
 * still go to the island. A provider's client offers no fetch option, but the transport reads
 * `fetch` from the window at each call, so wrapping it is how a test watches that client.
 */
export function recordRequests(): { requests: RecordedRequest[]; restore: () => void } {
  const original = window.fetch;
  const requests: RecordedRequest[] = [];
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    if (url.pathname.startsWith('/island/v1/') || url.pathname.startsWith('/island/graph/')) {
      requests.push({ method: init?.method ?? 'GET', path: url.pathname });
    }
    return original(input, init);
  };
  return { requests, restore: () => void (window.fetch = original) };
}
