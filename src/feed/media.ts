/** Decisions about what to show for a media item, shared by every feed layout. */
import type { IgMedia } from '../api/model.js';
import { safeUrl } from '../api/normalize.js';
import { clip, formatDate } from '../internal/text.js';

const VIDEO_FILE = /\.(mp4|mov|m4v|webm|m3u8)(\?|#|$)/i;

/**
 * Returns the image URL that stands for an item in a tile, or undefined when there is none.
 * A video's file never goes into an <img>: videos use their poster, albums their first child.
 */
export function posterUrl(item: IgMedia): string | undefined {
  if (item.type === 'video') return safeUrl(item.thumbnailUrl);
  if (item.type === 'carousel') {
    const first = item.children?.[0];
    const fromChild = first ? posterUrl(first) : undefined;
    if (fromChild) return fromChild;
    const cover = safeUrl(item.mediaUrl);
    return cover && !VIDEO_FILE.test(cover) ? cover : safeUrl(item.thumbnailUrl);
  }
  return safeUrl(item.mediaUrl) ?? safeUrl(item.thumbnailUrl);
}

/** Returns a short noun for the item's kind, for alt text and labels. */
export function kindLabel(item: IgMedia): string {
  if (item.isReel) return 'Reel';
  if (item.type === 'video') return 'Video';
  if (item.type === 'carousel') return 'Album';
  return 'Photo';
}

/** Builds alt text: the caption (clipped), else a description naming the kind, the user and the date. */
export function altText(item: IgMedia, maxGraphemes = 150): string {
  const caption = item.caption?.replace(/\s+/g, ' ').trim();
  const kind = kindLabel(item);
  const count = item.type === 'carousel' && item.children?.length ? ` with ${item.children.length} items` : '';
  if (caption) {
    const prefix = item.type === 'image' && !item.isReel ? '' : `${kind}${count}: `;
    return prefix + clip(caption, maxGraphemes);
  }
  const by = item.username ? ` by @${item.username}` : '';
  const date = formatDate(item.timestamp);
  return `${kind}${count}${by}${date ? ` on ${date}` : ''}`;
}
