// Wires the demo page: gets tokens from the island, hands them to both providers, and logs events.
// The elements are defined only after the tokens are set, so the feeds never start without one.
import { html } from 'lit';
import type { IgErrorDetail, IgFeed, IgLoadDetail, IgMedia, IgProvider, IgSelectDetail } from '../src/classes.ts';

const legacyProvider = document.querySelector<IgProvider>('#legacy-provider')!;
const graphProvider = document.querySelector<IgProvider>('#graph-provider')!;
const layoutsProvider = document.querySelector<IgProvider>('#layouts-provider')!;
const status = document.querySelector<HTMLElement>('#status')!;
const log = document.querySelector<HTMLOListElement>('#event-log')!;

function record(text: string): void {
  const entry = document.createElement('li');
  entry.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(entry);
}

document.addEventListener('ig-load', (event) => {
  const { detail, target } = event as CustomEvent<IgLoadDetail>;
  record(`ig-load on #${(target as HTMLElement).id}: ${detail.items.length} items, hasMore=${detail.hasMore}`);
});
document.addEventListener('ig-select', (event) => {
  const { detail, target } = event as CustomEvent<IgSelectDetail>;
  record(`ig-select on #${(target as HTMLElement).id}: item ${detail.item.id} (${detail.item.type})`);
});
document.addEventListener('ig-error', (event) => {
  const { detail, target } = event as CustomEvent<IgErrorDetail>;
  record(`ig-error on #${(target as HTMLElement).id}: ${detail.error.kind}: ${detail.error.message}`);
});

/** Asks the island for a token of its demo user; the island issues its own, never real ones. */
async function islandToken(): Promise<string> {
  const response = await fetch('/island/__island/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: 'harbour.lights', scopes: ['basic', 'public_content', 'likes'] }),
  });
  if (!response.ok) throw new Error(`the island responded with HTTP ${response.status}`);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

let islandGraphToken = '';

function useIsland(): void {
  graphProvider.endpoint = '/island/graph';
  graphProvider.accessToken = islandGraphToken;
  status.textContent = 'The Graph feed reads from the island.';
}

function useRealGraph(token: string): void {
  graphProvider.removeAttribute('endpoint');
  graphProvider.endpoint = undefined;
  graphProvider.accessToken = token;
  status.textContent = 'The Graph feed reads from https://graph.instagram.com with your token.';
}

document.querySelector('#token-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.querySelector<HTMLInputElement>('#token-input')!;
  const token = input.value.trim();
  input.value = '';
  if (token) useRealGraph(token);
});
document.querySelector('#token-reset')!.addEventListener('click', useIsland);

try {
  const [legacyToken, graphToken, layoutsToken, config] = await Promise.all([
    islandToken(),
    islandToken(),
    islandToken(),
    fetch('/demo-config.json').then((response) => (response.ok ? response.json() : {})) as Promise<{ graphToken?: string | null }>,
  ]);
  legacyProvider.accessToken = legacyToken;
  layoutsProvider.accessToken = layoutsToken;
  islandGraphToken = graphToken;
  if (config.graphToken) useRealGraph(config.graphToken);
  else useIsland();
} catch (error) {
  status.textContent = `The island could not issue a token: ${(error as Error).message}. Is the dev server running with npm start?`;
}

// renderItem, as a framework user would write it: a Lit template per item. Data is bound as text.
const renderFeed = document.querySelector<IgFeed>('#render-feed')!;
renderFeed.renderItem = (item: IgMedia, index: number) => html`<article part="demo-card">
  <button type="button" data-ig-open>Open post ${index + 1} (${item.type})</button>
  <p>${item.caption?.slice(0, 60) ?? 'No caption'}</p>
</article>`;

/**
 * Hands island tokens to the hashtag feeds' providers: tag search needs the public_content scope,
 * and Graph hashtag search the IG user id, which the island returns as graph_user_id.
 */
async function startTagFeeds(): Promise<void> {
  const issue = async () => {
    const response = await fetch('/island/__island/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: 'harbour.lights', scopes: ['basic', 'public_content'] }),
    });
    if (!response.ok) throw new Error(`the island returned HTTP ${response.status}`);
    return (await response.json()) as { access_token: string; graph_user_id: string };
  };
  const [legacy, graph] = await Promise.all([issue(), issue()]);
  document.querySelector<IgProvider>('#tag-legacy-provider')!.accessToken = legacy.access_token;
  const graphTagProvider = document.querySelector<IgProvider>('#tag-graph-provider')!;
  graphTagProvider.userId = graph.graph_user_id;
  graphTagProvider.accessToken = graph.access_token;
}

await startTagFeeds().catch((error: unknown) => record(`The hashtag feeds got no island token: ${(error as Error).message}`));

await import('../src/index.ts');
