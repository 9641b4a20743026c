/** Maps Graph API JSON (IG Media, IG User) to the normalized model. Never throws on odd data. */
import type { IgMedia, IgMediaType, IgUser } from './model.js';
import {
  asCount, asString, isObject, isReelPermalink, safeUrl, shortcodeFromPermalink, toIsoTimestamp,
} from './normalize.js';

const TYPES: Record<string, IgMediaType> = { IMAGE: 'image', VIDEO: 'video', CAROUSEL_ALBUM: 'carousel' };

/** Fields requested for one album child: only what a tile, the lightbox and a link need. */
export const CHILD_FIELDS = 'id,media_type,media_url,thumbnail_url,permalink';
/** Fields requested for every feed item, with album children inline so no request per child is needed. */
export const MEDIA_FIELDS = [
  'id', 'caption', 'media_type', 'media_url', 'thumbnail_url', 'permalink', 'shortcode', 'timestamp',
  'username', 'like_count', 'comments_count', `children{${CHILD_FIELDS}}`,
].join(',');
export const USER_FIELDS = 'id,username,account_type,media_count';

function tagsFromCaption(caption: string | undefined): string[] | undefined {
  if (!caption) return undefined;
  const tags = [...caption.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => (match[1] ?? '').toLowerCase());
  return tags.length > 0 ? [...new Set(tags)] : undefined;
}

/** Maps one IG Media object; returns undefined for values that are not media objects at all. */
export function mapGraphMedia(raw: unknown): IgMedia | undefined {
  if (!isObject(raw)) return undefined;
  const id = asString(raw.id);
  if (!id) return undefined;

  const permalink = safeUrl(raw.permalink) ?? '';
  const caption = asString(raw.caption);
  const type = TYPES[asString(raw.media_type) ?? ''] ?? 'image';
  const item: IgMedia = {
    id,
    type,
    permalink,
    shortcode: asString(raw.shortcode) ?? shortcodeFromPermalink(permalink),
    caption: caption || undefined,
    timestamp: toIsoTimestamp(raw.timestamp),
    username: asString(raw.username),
    // media_url is omitted for copyrighted material such as reels with licensed audio.
    mediaUrl: safeUrl(raw.media_url),
    thumbnailUrl: safeUrl(raw.thumbnail_url),
    likeCount: asCount(raw.like_count),
    commentCount: asCount(raw.comments_count),
    tags: tagsFromCaption(caption),
    isReel: isReelPermalink(permalink) || raw.media_product_type === 'REELS' || undefined,
  };
  const children = isObject(raw.children) && Array.isArray(raw.children.data) ? raw.children.data : undefined;
  if (type === 'carousel' && children) {
    item.children = children.map(mapGraphMedia).filter((child): child is IgMedia => child !== undefined);
  }
  return item;
}

/** Maps an IG User object from /me or /{user-id}. */
export function mapGraphUser(raw: unknown): IgUser | undefined {
  if (!isObject(raw)) return undefined;
  const id = asString(raw.user_id) ?? asString(raw.id);
  if (!id) return undefined;
  return {
    id,
    username: asString(raw.username),
    name: asString(raw.name),
    accountType: asString(raw.account_type),
    mediaCount: asCount(raw.media_count),
  };
}
