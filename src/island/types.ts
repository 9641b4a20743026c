// Records of the island's in-memory dataset. Both dialects render their responses from these.

export type MediaType = 'image' | 'video' | 'carousel';
export type ChildType = 'image' | 'video';
export type ProductType = 'FEED' | 'REELS';

export interface IslandUser {
  /** Legacy numeric user id as a string, e.g. "1001". */
  id: string;
  /** Graph IG user id, e.g. "17841400000001001". */
  graphId: string;
  username: string;
  fullName: string;
  bio: string;
  website: string;
  /** Whether the user is one of the sandbox users. The API treats every other user as nonexistent. */
  sandbox: boolean;
  follows: number;
  followedBy: number;
}

/** One item of a carousel album, with its own ids and shortcode. */
export interface IslandChild {
  pk: string;
  graphId: string;
  shortcode: string;
  type: ChildType;
  width: number;
  height: number;
}

export interface IslandPost {
  /** Numeric media pk as a 19-digit string. */
  pk: string;
  /** Legacy media id "<pk>_<owner user id>". */
  legacyId: string;
  /** Graph media id. It is a separate id space, not derived from the pk. */
  graphId: string;
  shortcode: string;
  ownerId: string;
  type: MediaType;
  productType: ProductType;
  permalink: string;
  /** Creation time in unix seconds. */
  createdTime: number;
  /** Creation time as Graph writes it, e.g. "2026-11-01T10:45:20+0000". */
  timestamp: string;
  caption: string | null;
  /** Legacy caption object id, or null when there is no caption. */
  captionId: string | null;
  likeCount: number;
  commentCount: number;
  /** Legacy ids of the users who liked the post, which drives `user_has_liked`. */
  likedBy: string[];
  /** Hashtags of the caption, lowercase and without '#', in order of first appearance. */
  tags: string[];
  width: number;
  height: number;
  filter: string;
  /** False for a reel with licensed audio: Graph omits its `media_url` but keeps `thumbnail_url`. */
  hasMediaUrl: boolean;
  /** Reels only: whether the reel also appears in the main feed grid. */
  isSharedToFeed?: boolean;
  /** Carousel items, two to five; empty for other types. */
  children: IslandChild[];
  /** Labels that let tests find special posts, e.g. 'no-caption' or 'licensed-audio'. */
  traits: string[];
  /** Whether the API shows the post: the owner is a sandbox user and it is among their 20 newest posts. */
  visible: boolean;
}

export interface Dataset {
  /** Time of the newest post as ISO 8601; every other post is older. */
  baseTime: string;
  users: IslandUser[];
  /** Every post of every user, newest first. */
  posts: IslandPost[];
}
