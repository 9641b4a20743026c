/** The normalized model that every dialect maps raw API responses into. */

/** Kind of a media item after normalization. */
export type IgMediaType = 'image' | 'video' | 'carousel';

/** One post, reel or album child, with the fields the elements use. */
export interface IgMedia {
  id: string;
  type: IgMediaType;
  /** Post URL on instagram.com; an empty string when the API gave no usable one. */
  permalink: string;
  shortcode?: string;
  caption?: string;
  /** ISO 8601 in UTC, or an empty string when the API gave no usable time. */
  timestamp: string;
  username?: string;
  /** Image URL for images; video file URL for videos. Absent when the API omits it. */
  mediaUrl?: string;
  /** Poster image for videos; a small rendition for images when the API has one. */
  thumbnailUrl?: string;
  width?: number;
  height?: number;
  likeCount?: number;
  commentCount?: number;
  viewerHasLiked?: boolean;
  tags?: string[];
  /** True for reels: short vertical videos with their own permalink form. */
  isReel?: boolean;
  children?: IgMedia[];
}

/** One page of media with an opaque cursor for the next page, when there is one. */
export interface IgPage {
  items: IgMedia[];
  next?: string;
}

/** The account behind a token, as far as the dialect reports it. */
export interface IgUser {
  id: string;
  username?: string;
  name?: string;
  accountType?: string;
  mediaCount?: number;
  /** Scopes or permissions the token carries, when the backend reports them. */
  scopes?: string[];
}

/** The API dialects a client can speak. */
export type IgDialectName = 'graph' | 'legacy';

/** Options for one list request. */
export interface IgListOptions {
  limit?: number;
  cursor?: string;
  signal?: AbortSignal;
}

/** Options for one single-object request. */
export interface IgRequestOptions {
  signal?: AbortSignal;
}

/**
 * Post data from an oEmbed endpoint. The endpoint's `html` is deliberately not kept, so nothing
 * from it can be injected into a page.
 */
export interface IgOEmbed {
  title?: string;
  authorName?: string;
  authorUrl?: string;
  /** Legacy media id ("<pk>_<user id>"), from the legacy endpoint only. */
  mediaId?: string;
  thumbnailUrl?: string;
  thumbnailWidth?: number;
  thumbnailHeight?: number;
  width?: number;
  providerName?: string;
}

/** Options for an oEmbed request. */
export interface IgOEmbedOptions extends IgRequestOptions {
  maxWidth?: number;
  hideCaption?: boolean;
}
