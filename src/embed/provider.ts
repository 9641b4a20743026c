/** Provider facts that <ig-embed> needs beyond the context value: a late definition and client identity. */
import type { IgClient } from '../api/client.js';

/**
 * Checks whether an <ig-provider> above `element`, across shadow roots, is not defined yet. Its
 * consent setting arrives with its context once it is, so the element must not load before.
 * NOTE: only the default tag name is recognised; a provider registered under another tag and
 * defined late is not waited for.
 */
export function providerNotDefined(element: Element): boolean {
  let node: Node | null = element;
  while (node) {
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    if (node instanceof Element && node.localName === 'ig-provider' && !node.matches(':defined')) return true;
  }
  return false;
}

const clientIds = new WeakMap<IgClient, number>();
let nextClientId = 1;

/** Returns a number per client object, so a new client from the provider fetches the oEmbed data again. */
export function clientKey(client: IgClient | undefined): number {
  if (!client) return 0;
  let id = clientIds.get(client);
  if (id === undefined) {
    id = nextClientId++;
    clientIds.set(client, id);
  }
  return id;
}
