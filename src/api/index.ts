/** The client layer: normalized model, errors, dialect clients and the transport. */
import type { IgClient, IgClientSettings } from './client.js';
import { GraphClient } from './graph.js';
import { LegacyClient } from './legacy.js';

export type { IgClient, IgClientSettings } from './client.js';
export { DEFAULT_API_VERSION, DEFAULT_ENDPOINTS } from './client.js';
export * from './model.js';
export { IgError, isIgError, redact, redactSecret, type IgErrorKind } from './errors.js';
export { Transport, sharedTransport, type TransportOptions } from './transport.js';
export type { CacheMode } from './cache.js';
export {
  DEFAULT_AUTHORIZE_ENDPOINT, LEGACY_SCOPES, authorizeUrl, readTokenFromLocation, type AuthorizeUrlOptions, type IgTokenResponse,
} from './oauth.js';
export { GraphClient } from './graph.js';
export { HASHTAG_MAX_LIMIT, TAG_ORDERS, normalizeTag, type IgTagOptions, type IgTagOrder } from './tags.js';
export { HASHTAG_BUDGET, hashtagUsage } from './hashtag-budget.js';
export { LegacyClient } from './legacy.js';
export {
  ACCEPTED_PERMALINK_FORMS, isShortcode, parsePermalink, postUrl, readPermalink, type IgPostKind, type IgPostRef,
} from './permalink.js';
export { mediaIdToShortcode, shortcodeToMediaId } from './shortcode.js';

/** Creates the client for the settings' dialect. */
export function createClient(settings: IgClientSettings): IgClient {
  return settings.api === 'legacy' ? new LegacyClient(settings) : new GraphClient(settings);
}
