// Everything one island instance keeps between requests.

import type { ClientStore } from './clients.js';
import type { FaultStore } from './faults.js';
import type { TokenStore } from './tokens.js';
import type { Dataset } from './types.js';

export interface IslandState {
  dataset: Dataset;
  tokens: TokenStore;
  faults: FaultStore;
  /** OAuth clients and their authorization codes. */
  clients: ClientStore;
  fixturesDir: string;
}
