// Lookups over the dataset that both dialects and the media route share.

import type { Dataset, IslandChild, IslandPost, IslandUser } from './types.js';

/** A post or one carousel item of it, as found by shortcode or Graph id. */
export interface MediaMatch {
  post: IslandPost;
  child?: IslandChild;
}

/** Finds a user by legacy id, Graph id or username, sandbox or not. */
export function findUser(dataset: Dataset, key: string): IslandUser | undefined {
  return dataset.users.find((user) => user.id === key || user.graphId === key || user.username === key);
}

/** Returns the posts the API shows for a user, newest first. */
export function visiblePosts(dataset: Dataset, userId: string): IslandPost[] {
  return dataset.posts.filter((post) => post.ownerId === userId && post.visible);
}

/** Counts all posts of a user, including those the sandbox hides. */
export function countPosts(dataset: Dataset, userId: string): number {
  return dataset.posts.filter((post) => post.ownerId === userId).length;
}

/** Finds a visible post by legacy id ("<pk>_<user id>") or by bare pk. */
export function findVisiblePostByLegacyId(dataset: Dataset, id: string): IslandPost | undefined {
  return dataset.posts.find((post) => post.visible && (post.legacyId === id || post.pk === id));
}

/** Finds any post or carousel item by shortcode, visible or not; the media route serves them all. */
export function findMediaByShortcode(dataset: Dataset, shortcode: string): MediaMatch | undefined {
  for (const post of dataset.posts) {
    if (post.shortcode === shortcode) return { post };
    const child = post.children.find((item) => item.shortcode === shortcode);
    if (child) return { post, child };
  }
  return undefined;
}

/** Finds a visible post or carousel item by Graph media id. */
export function findVisibleMediaByGraphId(dataset: Dataset, graphId: string): MediaMatch | undefined {
  for (const post of dataset.posts) {
    if (!post.visible) continue;
    if (post.graphId === graphId) return { post };
    const child = post.children.find((item) => item.graphId === graphId);
    if (child) return { post, child };
  }
  return undefined;
}
