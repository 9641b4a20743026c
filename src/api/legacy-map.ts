/** Maps legacy v1 JSON (media objects, users) to the normalized model. Never throws on odd data. */
import type { IgMedia, IgMediaType, IgUser } from './model.js';
import {
  asCount, asString, isObject, isReelPermalink, safeUrl, shortcodeFromPermalink, toIsoTimestamp, type Json,
} from './normalize.js';

function rendition(group: unknown, ...names: string[]): { url?: string; width?: number; height?: number } {
  if (!isObject(group)) return {};
  for (const name of names) {
    const candidate = group[name];
    if (isObject(candidate)) {
      const url = safeUrl(candidate.url);
      if (url) return { url, width: asCount(candidate.width), height: asCount(candidate.height) };
    }
  }
  return {};
}

function mediaType(raw: unknown, item: Json): IgMediaType {
  if (raw === 'video' || raw === 'carousel' || raw === 'image') return raw;
  if (Array.isArray(item.carousel_media)) return 'carousel';
  return isObject(item.videos) ? 'video' : 'image';
}

function tagsOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const tags = value.filter((tag): tag is string => typeof tag === 'string');
  return tags.length > 0 ? tags : undefined;
}

/** Maps one carousel child (`carousel_media` item), which has no id, link or caption of its own. */
function mapChild(child: Json, parentId: string, index: number): IgMedia {
  const type: IgMediaType = child.type === 'video' || (!isObject(child.images) && isObject(child.videos)) ? 'video' : 'image';
  const image = rendition(child.images, 'standard_resolution', 'low_resolution', 'thumbnail');
  const small = rendition(child.images, 'low_resolution', 'thumbnail');
  const video = rendition(child.videos, 'standard_resolution', 'low_resolution', 'low_bandwidth');
  return {
    id: `${parentId}:${index}`,
    type,
    permalink: '',
    timestamp: '',
    mediaUrl: type === 'video' ? video.url : image.url,
    thumbnailUrl: type === 'video' ? image.url : small.url,
    width: (type === 'video' ? video.width : image.width) ?? image.width,
    height: (type === 'video' ? video.height : image.height) ?? image.height,
  };
}

/** Maps one V1 media object; returns undefined for values that are not media objects at all. */
export function mapLegacyMedia(raw: unknown): IgMedia | undefined {
  if (!isObject(raw)) return undefined;
  const id = asString(raw.id);
  if (!id) return undefined;

  const type = mediaType(raw.type, raw);
  const permalink = safeUrl(raw.link) ?? '';
  const image = rendition(raw.images, 'standard_resolution', 'low_resolution', 'thumbnail');
  const small = rendition(raw.images, 'low_resolution', 'thumbnail');
  const video = rendition(raw.videos, 'standard_resolution', 'low_resolution', 'low_bandwidth');
  const caption = isObject(raw.caption) ? asString(raw.caption.text) : undefined;
  const user = isObject(raw.user) ? raw.user : undefined;
  const likes = isObject(raw.likes) ? asCount(raw.likes.count) : undefined;
  const comments = isObject(raw.comments) ? asCount(raw.comments.count) : undefined;

  const item: IgMedia = {
    id,
    type,
    permalink,
    shortcode: shortcodeFromPermalink(permalink),
    caption: caption || undefined,
    timestamp: toIsoTimestamp(raw.created_time),
    username: user ? asString(user.username) : undefined,
    // A carousel's own `images` is its cover; its top-level `videos` belongs to the first child only.
    mediaUrl: type === 'video' ? video.url : image.url,
    thumbnailUrl: type === 'video' ? image.url : small.url,
    width: (type === 'video' ? video.width : undefined) ?? image.width,
    height: (type === 'video' ? video.height : undefined) ?? image.height,
    likeCount: likes,
    commentCount: comments,
    viewerHasLiked: typeof raw.user_has_liked === 'boolean' ? raw.user_has_liked : undefined,
    tags: tagsOf(raw.tags),
    isReel: isReelPermalink(permalink) || undefined,
  };
  if (type === 'carousel' && Array.isArray(raw.carousel_media)) {
    item.children = raw.carousel_media.filter(isObject).map((child, index) => mapChild(child, id, index));
  }
  return item;
}

/** Maps a V1 user object. */
export function mapLegacyUser(raw: unknown): IgUser | undefined {
  if (!isObject(raw)) return undefined;
  const id = asString(raw.id);
  if (!id) return undefined;
  const counts = isObject(raw.counts) ? raw.counts : {};
  return {
    id,
    username: asString(raw.username),
    name: asString(raw.full_name) || undefined,
    accountType: raw.is_business === true ? 'BUSINESS' : undefined,
    mediaCount: asCount(counts.media),
  };
}
