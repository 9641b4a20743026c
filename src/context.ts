/** The context through which <ig-provider> hands settings and a client to every element inside it. */
import { ContextRoot, createContext } from '@lit/context';
import type { IgClient, IgClientSettings } from './api/client.js';

/** What <ig-provider> provides: its settings and the client built from them. */
export interface IgContextValue {
  settings: Readonly<IgClientSettings>;
  client?: IgClient;
}

export const igContext = createContext<IgContextValue | undefined>(Symbol.for('ig-elements:context'));

declare global {
  // eslint-disable-next-line no-var
  var __igElementsContextRoot: boolean | undefined;
}

// A ContextRoot replays context requests made before <ig-provider> was defined, so the order
// in which the elements' scripts load does not matter. One per page, even with two bundles.
if (typeof document !== 'undefined' && !globalThis.__igElementsContextRoot) {
  globalThis.__igElementsContextRoot = true;
  new ContextRoot().attach(document.documentElement);
}
