// The `fields` parameter of the Graph dialect: parsing with nested expansion such as
// `children{id,media_url}`, checking names per node type, and rendering only what was requested.

import type { MediaUrls } from './media.js';
import type { MediaMatch } from './queries.js';
import type { IslandUser } from './types.js';

export interface FieldRequest {
  name: string;
  /** Fields inside braces, e.g. `children{id,media_url}`; undefined when no braces were given. */
  subfields?: FieldRequest[];
}

export const MEDIA_FIELDS = new Set([
  'id', 'caption', 'media_type', 'media_product_type', 'media_url', 'thumbnail_url', 'permalink', 'shortcode',
  'timestamp', 'username', 'owner', 'like_count', 'comments_count', 'is_comment_enabled', 'is_shared_to_feed',
  'alt_text', 'children',
]);

export const USER_FIELDS = new Set([
  'id', 'user_id', 'username', 'name', 'account_type', 'profile_picture_url', 'followers_count', 'follows_count',
  'media_count', 'media',
]);

/** Parses a fields list, or returns an error message for unbalanced braces. */
export function parseFields(text: string): FieldRequest[] | string {
  let position = 0;

  const parseList = (depth: number): FieldRequest[] | string => {
    const fields: FieldRequest[] = [];
    while (position < text.length) {
      const start = position;
      while (position < text.length && !',{}'.includes(text[position])) position += 1;
      const name = text.slice(start, position).trim();
      const field: FieldRequest = { name };

      if (text[position] === '{') {
        position += 1;
        const subfields = parseList(depth + 1);
        if (typeof subfields === 'string') return subfields;
        if (text[position] !== '}') return `Syntax error: "{" after ${name} is never closed.`;
        position += 1;
        field.subfields = subfields;
      }
      if (name !== '') fields.push(field);

      if (text[position] === '}') {
        if (depth === 0) return `Syntax error: unexpected "}" at character ${position}.`;
        return fields;
      }
      if (text[position] === ',') position += 1;
    }
    return fields;
  };

  return parseList(0);
}

/** Returns the first requested name that the node type does not have, searching inside `children{…}` too. */
export function findUnknownField(fields: FieldRequest[], known: Set<string>): string | undefined {
  for (const field of fields) {
    if (!known.has(field.name)) return field.name;
    if (field.subfields && (field.name === 'children' || field.name === 'media')) {
      const unknown = findUnknownField(field.subfields, MEDIA_FIELDS);
      if (unknown !== undefined) return unknown;
    }
  }
  return undefined;
}

/** Renders a post or carousel item with the requested fields; fields without a value are left out. */
export function renderMediaFields(match: MediaMatch, owner: IslandUser, fields: FieldRequest[], urls: MediaUrls): Record<string, unknown> {
  const { post, child } = match;
  const item = child ?? post;
  const cover = post.children[0];
  const isVideo = item.type === 'video';
  const output: Record<string, unknown> = {};

  for (const { name, subfields } of fields) {
    let value: unknown;
    switch (name) {
      case 'id': value = item.graphId; break;
      case 'caption': value = child ? undefined : (post.caption ?? undefined); break;
      case 'media_type': value = item.type === 'carousel' ? 'CAROUSEL_ALBUM' : item.type.toUpperCase(); break;
      case 'media_product_type': value = child ? undefined : post.productType; break;
      case 'media_url':
        // NOTE: an album's media_url is its first item's image (the poster when that item is a video).
        if (!child && post.type === 'carousel') value = urls.image(cover.shortcode, 1080);
        else if (!isVideo) value = urls.image(item.shortcode, 1080);
        else if (child || post.hasMediaUrl) value = urls.video(item.shortcode, 1080);
        break;
      case 'thumbnail_url': value = isVideo ? urls.image(item.shortcode, 1080) : undefined; break;
      case 'permalink': value = child ? `https://www.instagram.com/p/${child.shortcode}/` : post.permalink; break;
      case 'shortcode': value = item.shortcode; break;
      case 'timestamp': value = post.timestamp; break;
      case 'username': value = owner.username; break;
      case 'owner': value = { id: owner.graphId }; break;
      case 'like_count': value = child ? undefined : post.likeCount; break;
      case 'comments_count': value = child ? undefined : post.commentCount; break;
      case 'is_comment_enabled': value = child ? undefined : true; break;
      case 'is_shared_to_feed': value = child ? undefined : post.isSharedToFeed; break;
      case 'children':
        if (!child && post.type === 'carousel') {
          const childFields = subfields ?? [{ name: 'id' }];
          value = { data: post.children.map((item) => renderMediaFields({ post, child: item }, owner, childFields, urls)) };
        }
        break;
      default: value = undefined;
    }
    if (value !== undefined) output[name] = value;
  }
  return output;
}
