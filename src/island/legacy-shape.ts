// Renders dataset records in the legacy v1 shapes (V1User, V1Media and their parts).

import type { MediaUrls } from './media.js';
import { countPosts } from './queries.js';
import type { Dataset, IslandPost, IslandUser } from './types.js';

interface Rendition {
  url: string;
  width: number;
  height: number;
}

type Renditions = Record<string, Rendition>;

export function v1UserShort(user: IslandUser, urls: MediaUrls) {
  return { id: user.id, username: user.username, full_name: user.fullName, profile_picture: urls.avatar(user) };
}

export function v1User(user: IslandUser, dataset: Dataset, urls: MediaUrls) {
  return {
    ...v1UserShort(user, urls),
    bio: user.bio,
    website: user.website,
    is_business: false,
    // NOTE: the count includes the posts that the sandbox hides; whether the real sandbox counted them is unverified.
    counts: { media: countPosts(dataset, user.id), follows: user.follows, followed_by: user.followedBy },
  };
}

/** Renders a post as V1Media; `viewerId` is the token's user, for `user_has_liked`. */
export function v1Media(post: IslandPost, owner: IslandUser, viewerId: string, urls: MediaUrls) {
  const cover = post.children[0] ?? post;
  const coverIsVideo = cover.type === 'video';
  // A reel with licensed audio has no playable URL, so it degrades to its cover images.
  const playable = coverIsVideo && post.hasMediaUrl;

  return {
    id: post.legacyId,
    type: post.type,
    user: v1UserShort(owner, urls),
    images: imageRenditions(urls, cover.shortcode, cover.width, cover.height),
    ...(playable ? { videos: videoRenditions(urls, cover.shortcode, cover.width, cover.height) } : {}),
    ...(post.type === 'carousel'
      ? {
          carousel_media: post.children.map((child) =>
            child.type === 'video'
              ? { type: 'video', videos: videoRenditions(urls, child.shortcode, child.width, child.height), users_in_photo: [] }
              : { type: 'image', images: imageRenditions(urls, child.shortcode, child.width, child.height), users_in_photo: [] },
          ),
        }
      : {}),
    caption:
      post.caption === null || post.captionId === null
        ? null
        : { id: post.captionId, text: post.caption, created_time: String(post.createdTime), from: v1UserShort(owner, urls) },
    created_time: String(post.createdTime),
    link: post.permalink,
    likes: { count: post.likeCount },
    comments: { count: post.commentCount },
    user_has_liked: post.likedBy.includes(viewerId),
    tags: post.tags,
    filter: post.filter,
    location: null,
    users_in_photo: [],
    attribution: null,
  };
}

function scaled(width: number, mediaWidth: number, mediaHeight: number): number {
  return Math.round((width * mediaHeight) / mediaWidth);
}

function imageRenditions(urls: MediaUrls, shortcode: string, width: number, height: number): Renditions {
  return {
    thumbnail: { url: urls.image(shortcode, 150, 150), width: 150, height: 150 },
    low_resolution: { url: urls.image(shortcode, 320), width: 320, height: scaled(320, width, height) },
    standard_resolution: { url: urls.image(shortcode, 640), width: 640, height: scaled(640, width, height) },
  };
}

function videoRenditions(urls: MediaUrls, shortcode: string, width: number, height: number): Renditions {
  return {
    standard_resolution: { url: urls.video(shortcode, 640), width: 640, height: scaled(640, width, height) },
    low_resolution: { url: urls.video(shortcode, 480), width: 480, height: scaled(480, width, height) },
    low_bandwidth: { url: urls.video(shortcode, 480), width: 480, height: scaled(480, width, height) },
  };
}
