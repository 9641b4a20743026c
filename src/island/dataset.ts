// The deterministic dataset: users and posts built from posts-table.ts with fixed ids and times.
// Nothing here reads the clock or a random source, so two builds are identical.

import { createHash } from 'node:crypto';
import { USER_SPECS, type PostSpec } from './posts-table.js';
import { shortcodeFromPk } from './shortcode.js';
import type { Dataset, IslandChild, IslandPost, IslandUser } from './types.js';

export { pkFromShortcode, shortcodeFromPk } from './shortcode.js';

/** Time of the dataset's reference point; every post is older. */
export const DATASET_BASE_TIME = '2026-11-01T12:00:00Z';
/** The legacy sandbox returned only each user's 20 most recent posts. */
export const SANDBOX_MEDIA_LIMIT = 20;
/** The legacy sandbox allowed at most 10 users, the app's admin included. */
export const MAX_SANDBOX_USERS = 10;

const BASE_SECONDS = Date.parse(DATASET_BASE_TIME) / 1000;
const HOURS_BETWEEN_POSTS = 29;
// Pks grow with time like real ones: seconds since PK_EPOCH_SECONDS sit above the lowest 23 bits.
const PK_EPOCH_SECONDS = Date.UTC(2025, 0, 1) / 1000;
const PK_BASE = 3_300_000_000_000_000_000n;
const PK_TIME_SHIFT = 2n ** 23n;
const LONG_CAPTION_LENGTH = 1000;

const SIZES = { square: [1080, 1080], portrait: [1080, 1350], reel: [1080, 1920] } as const;

/** Builds the dataset from scratch. Each call returns new objects with the same content. */
export function buildDataset(): Dataset {
  const graphIds = new Set<string>();
  const users: IslandUser[] = [];
  const posts: IslandPost[] = [];

  USER_SPECS.forEach((spec, userIndex) => {
    const { posts: postSpecs, newestOffset, ...fields } = spec;
    users.push({ ...fields, graphId: graphUserId(spec.id) });

    postSpecs.forEach((postSpec, postIndex) => {
      const jitter = (postIndex * 1373) % 3600;
      const createdTime = BASE_SECONDS - newestOffset - postIndex * HOURS_BETWEEN_POSTS * 3600 - jitter;
      const visible = spec.sandbox && postIndex < SANDBOX_MEDIA_LIMIT;
      posts.push(buildPost(postSpec, spec.id, userIndex, postIndex, createdTime, visible, graphIds));
    });
  });

  posts.sort((a, b) => b.createdTime - a.createdTime);
  return { baseTime: DATASET_BASE_TIME, users, posts };
}

/** Returns the Graph IG user id for a legacy user id, e.g. "1001" → "17841400000001001". */
export function graphUserId(legacyId: string): string {
  return `178414${legacyId.padStart(11, '0')}`;
}

/** Adds a sandbox user without posts and returns it. The caller enforces MAX_SANDBOX_USERS. */
export function addSandboxUser(dataset: Dataset, username: string): IslandUser {
  const sandboxIds = dataset.users.filter((user) => user.sandbox).map((user) => Number(user.id));
  const id = String(Math.max(1000, ...sandboxIds) + 1);
  const user: IslandUser = {
    id,
    graphId: graphUserId(id),
    username,
    fullName: username,
    bio: '',
    website: '',
    sandbox: true,
    follows: 0,
    followedBy: 0,
  };
  dataset.users.push(user);
  return user;
}

function buildPost(
  spec: PostSpec,
  ownerId: string,
  userIndex: number,
  postIndex: number,
  createdTime: number,
  visible: boolean,
  graphIds: Set<string>,
): IslandPost {
  // The low bits vary like a real pk's shard and sequence bits; multiples of 16 leave room for album items.
  const lowBits = ((userIndex * 1_000_003 + postIndex * 126_707) % 2 ** 19) * 16;
  const pkValue = PK_BASE + BigInt(createdTime - PK_EPOCH_SECONDS) * PK_TIME_SHIFT + BigInt(lowBits);
  const pk = pkValue.toString();
  const shortcode = shortcodeFromPk(pkValue);
  const isReel = spec.kind === 'reel';
  const [width, height] = SIZES[isReel ? 'reel' : (spec.shape ?? 'square')];

  const children: IslandChild[] = (spec.children ?? []).map((type, index) => {
    const childPk = pkValue + BigInt(index + 1);
    return {
      pk: childPk.toString(),
      graphId: uniqueGraphId(`child:${childPk}`, graphIds),
      shortcode: shortcodeFromPk(childPk),
      type,
      width,
      height,
    };
  });

  return {
    pk,
    legacyId: `${pk}_${ownerId}`,
    graphId: uniqueGraphId(`media:${pk}`, graphIds),
    shortcode,
    ownerId,
    type: spec.kind === 'reel' ? 'video' : spec.kind,
    productType: isReel ? 'REELS' : 'FEED',
    permalink: `https://www.instagram.com/${isReel ? 'reel' : 'p'}/${shortcode}/`,
    createdTime,
    timestamp: `${new Date(createdTime * 1000).toISOString().slice(0, 19)}+0000`,
    caption: spec.caption,
    captionId: spec.caption === null ? null : uniqueGraphId(`caption:${pk}`, graphIds),
    likeCount: spec.likes,
    commentCount: spec.comments,
    likedBy: spec.likedBy ?? [],
    tags: parseHashtags(spec.caption ?? ''),
    width,
    height,
    filter: spec.filter ?? 'Normal',
    hasMediaUrl: spec.licensedAudio !== true,
    ...(isReel ? { isSharedToFeed: spec.notSharedToFeed !== true } : {}),
    children,
    traits: deriveTraits(spec),
    visible,
  };
}

/** Returns the hashtags of a caption, lowercase, without '#', each once, in order of appearance. */
export function parseHashtags(caption: string): string[] {
  const tags = [...caption.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => match[1].toLowerCase());
  return [...new Set(tags)];
}

function deriveTraits(spec: PostSpec): string[] {
  const traits = new Set<string>();
  const childTypes = new Set(spec.children ?? []);

  if (spec.kind === 'reel') traits.add('reel');
  if (spec.licensedAudio) traits.add('licensed-audio');
  if (spec.notSharedToFeed) traits.add('not-shared-to-feed');
  if (childTypes.size > 1) traits.add('mixed-album');
  if (spec.children?.[0] === 'video') traits.add('video-first-album');
  if (spec.caption === null) traits.add('no-caption');
  if (spec.caption?.includes('@')) traits.add('mentions');
  if (spec.caption?.includes('#')) traits.add('hashtags');
  if ((spec.caption?.length ?? 0) > LONG_CAPTION_LENGTH) traits.add('long-caption');
  for (const trait of spec.traits ?? []) traits.add(trait);
  return [...traits];
}

/**
 * Derives a Graph-style id of 17 digits starting with 17 or 18 from a hash of the seed. Graph
 * ids are their own id space, so they are deliberately unrelated to the pk.
 */
function uniqueGraphId(seed: string, usedIds: Set<string>): string {
  for (let attempt = 0; ; attempt += 1) {
    const digest = createHash('sha256').update(`${seed}#${attempt}`).digest('hex');
    const digits = (BigInt(`0x${digest.slice(0, 16)}`) % 10n ** 15n).toString().padStart(15, '0');
    const id = `${parseInt(digest[16], 16) % 2 === 0 ? '17' : '18'}${digits}`;
    if (!usedIds.has(id)) {
      usedIds.add(id);
      return id;
    }
  }
}
