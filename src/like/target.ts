/** Reads which post a like button is for, from its `item`, `media-id`, `url` or `shortcode`. */
import { IgError } from '../api/errors.js';
import type { IgMedia } from '../api/model.js';
import { safeUrl, shortcodeFromPermalink } from '../api/normalize.js';
import { ACCEPTED_PERMALINK_FORMS, isShortcode, postUrl, readPermalink } from '../api/permalink.js';

/** A media item as a feed has it, so a like button inside a feed needs no request of its own. */
export type IgLikeItem = Pick<IgMedia, 'id'> & Partial<Pick<IgMedia, 'permalink' | 'shortcode' | 'likeCount' | 'viewerHasLiked'>>;

/** The post a like button is for, as far as its inputs tell. */
export interface LikeRef {
  /** The media id in the dialect's id space: "<pk>_<owner id>" for legacy, a Graph id for graph. */
  mediaId?: string;
  shortcode?: string;
  /** The canonical post URL, for the link on Graph. */
  permalink?: string;
  liked?: boolean;
  count?: number;
}

export interface LikeInputs {
  item?: IgLikeItem;
  mediaId?: string;
  url?: string;
  shortcode?: string;
}

const MEDIA_ID = /^[0-9A-Za-z_]{1,80}$/;

/**
 * Reads the inputs in the order item, media-id, url, shortcode; a later input fills only what
 * an earlier one left open. Throws an `invalid-attribute` IgError naming the bad value.
 */
export function readLikeRef({ item, mediaId, url, shortcode }: LikeInputs): LikeRef {
  const ref: LikeRef = {};
  if (item && typeof item.id === 'string' && item.id !== '') {
    ref.mediaId = item.id;
    ref.permalink = safeUrl(item.permalink);
    ref.shortcode = item.shortcode ?? shortcodeFromPermalink(ref.permalink);
    if (typeof item.viewerHasLiked === 'boolean') ref.liked = item.viewerHasLiked;
    if (typeof item.likeCount === 'number') ref.count = item.likeCount;
  }

  const id = mediaId?.trim();
  if (id) {
    if (!MEDIA_ID.test(id)) {
      throw new IgError('invalid-attribute', `media-id=${JSON.stringify(mediaId)} is not a media id.`, {
        hint: 'Use the legacy id "<pk>_<owner id>" (such as 1477919811501485796_25025320) or a Graph media id; for a post URL use the url attribute.',
      });
    }
    ref.mediaId ??= id;
  }

  if (url?.trim()) {
    const post = readPermalink(url, 'url');
    ref.shortcode ??= post.shortcode;
    ref.permalink ??= postUrl(post);
  }

  const code = shortcode?.trim();
  if (code) {
    if (!isShortcode(code)) {
      throw new IgError('invalid-attribute', `shortcode=${JSON.stringify(shortcode)} is not a shortcode.`, {
        hint: 'A shortcode is the part after /p/ in a post URL, such as BSCoDz7Du7k: letters, digits, "-" and "_".',
      });
    }
    ref.shortcode ??= code;
    ref.permalink ??= postUrl({ kind: 'post', shortcode: code });
  }

  if (!ref.mediaId && !ref.shortcode) {
    throw new IgError('invalid-attribute', 'The like button names no post.', {
      hint: `Set media-id, url (${ACCEPTED_PERMALINK_FORMS}) or shortcode, or the item property.`,
    });
  }
  return ref;
}
