// Everything one island instance keeps between requests.

import type { FaultStore } from './faults.js';
import type { TokenStore } from './tokens.js';
import type { Dataset } from './types.js';

export interface IslandState {
  dataset: Dataset;
  tokens: TokenStore;
  faults: FaultStore;
  fixturesDir: string;
}
