/** The side-effect-free entry: classes, client and types, with nothing registered. */
export * from './api/index.js';
export { igContext, type IgConsent, type IgContextValue } from './context.js';
export { IgProvider } from './elements/ig-provider.js';
export { IgFeed } from './elements/ig-feed.js';
export { IgTagFeed } from './elements/ig-tag-feed.js';
export { IgEmbed, type IgConsentRequestDetail, type IgEmbedLoadDetail, type IgEmbedPhase } from './elements/ig-embed.js';
export type { FeedLayout, FeedSort, IgFilter, IgLoadDetail, IgRenderItem, IgSelectDetail, IgTransform, LoadMoreMode, MediaKind } from './feed/feed-base.js';
export { IgLikeButton, type IgLikeDetail } from './elements/ig-like-button.js';
export type { IgLikeItem } from './like/target.js';
export type { IgTokenExpiredDetail } from './internal/token-controller.js';
export type { IgTokenGrant, IgTokenProvider } from './internal/token-source.js';
export type { IgErrorDetail, IgState } from './internal/ig-element.js';
