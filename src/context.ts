/** The context through which <ig-provider> hands settings and a client to every element inside it. */
import { ContextRoot, createContext } from '@lit/context';
import type { IgClient, IgClientSettings } from './api/client.js';

/**
 * Whether elements may contact Instagram's servers: "granted", or "pending" while
 * `<ig-provider consent="required">` waits for `grant()` (and again after `revoke()`).
 */
export type IgConsent = 'granted' | 'pending';

/** The value <ig-provider> provides: its settings, the client built from them, and the consent state. */
export interface IgContextValue {
  settings: Readonly<IgClientSettings>;
  client?: IgClient;
  /** Consent for requests to Instagram; absent (as from an older provider) means "granted". */
  consent?: IgConsent;
  /** Grants consent on the providing element, for a placeholder's "allow" button. */
  grant?: () => void;
  /**
   * True when the last change only replaced a token from `token-url` or `tokenProvider` with a
   * fresh one for the same account, so elements may keep what they show.
   */
  tokenRenewed?: boolean;
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
