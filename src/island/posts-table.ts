// The hand-written part of the dataset: users and their posts, newest first. dataset.ts turns
// these specs into full records with ids, shortcodes, times and sizes.

import type { ChildType } from './types.js';

export interface PostSpec {
  kind: 'image' | 'video' | 'reel' | 'carousel';
  /** Feed aspect ratio: square is 1080x1080 and portrait 1080x1350. Reels are always 1080x1920. */
  shape?: 'square' | 'portrait';
  children?: ChildType[];
  caption: string | null;
  likes: number;
  comments: number;
  /** Legacy ids of the users who liked the post. */
  likedBy?: string[];
  filter?: string;
  /** A reel with licensed audio, whose Graph object has no `media_url`. */
  licensedAudio?: boolean;
  /** A reel that is not shown in the main feed grid (`is_shared_to_feed: false`). */
  notSharedToFeed?: boolean;
  /** Traits that dataset.ts cannot derive from the other fields. */
  traits?: string[];
}

export interface UserSpec {
  id: string;
  username: string;
  fullName: string;
  bio: string;
  website: string;
  sandbox: boolean;
  follows: number;
  followedBy: number;
  /** Seconds between the dataset's base time and this user's newest post. */
  newestOffset: number;
  posts: PostSpec[];
}

const LONG_CAPTION_SENTENCE =
  'The night ferry leaves at 23:40, and the harbour lights come on one pier at a time while the crew checks every line.';

/** A caption of about 1,900 characters for layout and truncation tests. */
const LONG_CAPTION = `${Array.from({ length: 16 }, (_, index) => `${index + 1}. ${LONG_CAPTION_SENTENCE}`).join('\n')}\n#longread #harbour`;

const HARBOUR_POSTS: PostSpec[] = [
  { kind: 'reel', caption: 'Night shift crew, one of them dressed as 👩🏽‍🚀 for the festival. Greetings to 🇳🇴 and 🇯🇵! #nightferry #reels', likes: 1840, comments: 96, likedBy: ['1001', '1002'], traits: ['emoji', 'multi-codepoint-emoji', 'flag-emoji'] },
  { kind: 'carousel', children: ['image', 'video', 'image'], caption: 'Three angles on the north pier with @city.cyclist #pier #harbour', likes: 512, comments: 31, likedBy: ['1003'] },
  { kind: 'image', shape: 'square', caption: null, likes: 77, comments: 0 },
  { kind: 'reel', caption: 'Lights dancing to the song everyone hums this month 🎶 #reels #harbour', likes: 2301, comments: 140, licensedAudio: true, traits: ['emoji'] },
  { kind: 'image', shape: 'portrait', caption: '<img src=x onerror=alert(1)> & <b>bold</b> is just text here #safe', likes: 64, comments: 12, traits: ['html-caption'] },
  { kind: 'video', shape: 'square', caption: 'Thirty seconds of the tide coming in 🌊 #tide', likes: 389, comments: 18, likedBy: ['1001'], traits: ['emoji'] },
  { kind: 'carousel', children: ['video', 'image'], caption: 'Before and after the storm, soup by @alpine.kitchen #storm', likes: 455, comments: 27 },
  { kind: 'image', shape: 'portrait', caption: LONG_CAPTION, likes: 120, comments: 9, filter: 'Clarendon' },
  { kind: 'image', shape: 'square', caption: 'Page one of the lighthouse keeper\'s logbook 📖 #lighthouse', likes: 233, comments: 14, traits: ['emoji'] },
  { kind: 'image', shape: 'square', caption: 'Family day at the pier 👨‍👩‍👧‍👦 ❤️‍🔥 🏳️‍🌈 🇬🇧 #family', likes: 610, comments: 44, likedBy: ['1002'], traits: ['emoji', 'multi-codepoint-emoji', 'flag-emoji'] },
  { kind: 'carousel', children: ['image', 'image', 'video', 'image', 'image'], caption: 'Five frames from the night shift #nightshift', likes: 341, comments: 22 },
  { kind: 'image', shape: 'portrait', caption: '@alpine.kitchen brought soup for the whole crew 🍲 #crew #soup', likes: 198, comments: 16, likedBy: ['1001'], traits: ['emoji'] },
  { kind: 'video', shape: 'portrait', caption: 'Crane timelapse, four hours in forty seconds #timelapse', likes: 276, comments: 11 },
  { kind: 'image', shape: 'square', caption: 'Fog, again. #fog', likes: 95, comments: 3, filter: 'Juno' },
  { kind: 'reel', caption: 'Behind the scenes of the lighthouse shoot #bts', likes: 880, comments: 52, notSharedToFeed: true },
  { kind: 'image', shape: 'square', caption: 'Mooring lines 🪢 #knots', likes: 143, comments: 7, traits: ['emoji'] },
  { kind: 'carousel', children: ['image', 'video'], caption: 'Sunrise, and the sound of it #sunrise', likes: 402, comments: 19, likedBy: ['1001'] },
  { kind: 'image', shape: 'portrait', caption: 'Quotes "like this", \'single\' ones & <angle> brackets #text', likes: 58, comments: 5, traits: ['html-caption'] },
  { kind: 'image', shape: 'square', caption: 'The old harbour map from 1890 #history #maps', likes: 167, comments: 8, filter: 'Lark' },
  { kind: 'image', shape: 'square', caption: 'Fresh paint on the lighthouse #lighthouse', likes: 221, comments: 13 },
  // The posts below are older than the 20 newest, so the sandbox hides them.
  { kind: 'image', shape: 'square', caption: 'Archive 1: first winter at the harbour #archive', likes: 40, comments: 2 },
  { kind: 'video', shape: 'square', caption: 'Archive 2: the old foghorn #archive', likes: 35, comments: 1 },
  { kind: 'image', shape: 'portrait', caption: 'Archive 3: ice on the pier #archive', likes: 51, comments: 4 },
  { kind: 'carousel', children: ['image', 'video', 'image'], caption: 'Archive 4: opening day #archive', likes: 62, comments: 6 },
  { kind: 'image', shape: 'square', caption: 'Archive 5: the harbour master #archive', likes: 28, comments: 0 },
  { kind: 'image', shape: 'square', caption: null, likes: 19, comments: 0 },
  { kind: 'image', shape: 'square', caption: 'Archive 7: the very first post #archive', likes: 12, comments: 1 },
];

const ALPINE_POSTS: PostSpec[] = [
  { kind: 'image', shape: 'portrait', caption: 'Raclette season is open 🧀🇨🇭 #raclette #alpine', likes: 905, comments: 61, likedBy: ['1001'], traits: ['emoji', 'flag-emoji'] },
  { kind: 'carousel', children: ['image', 'video', 'image'], caption: 'Rösti in three steps: grate, press, flip #recipe #rösti', likes: 644, comments: 38 },
  { kind: 'reel', caption: 'Soup for the harbour crew, thanks @harbour.lights 🍲 #soup #reels', likes: 1502, comments: 77, likedBy: ['1001'], traits: ['emoji'] },
  { kind: 'image', shape: 'square', caption: 'Mountain herbs drying in the sun #herbs', likes: 310, comments: 12, filter: 'Clarendon' },
  { kind: 'video', shape: 'portrait', caption: 'Stirring polenta for forty minutes, in one minute #polenta', likes: 287, comments: 21 },
  { kind: 'image', shape: 'square', caption: 'Apricot jam, batch 12 #jam #apricot', likes: 199, comments: 9 },
  { kind: 'carousel', children: ['video', 'image', 'image', 'video'], caption: 'Market morning in Sion #market', likes: 256, comments: 14 },
  { kind: 'image', shape: 'portrait', caption: 'Bread from the wood oven #bread', likes: 420, comments: 25 },
];

const CYCLIST_POSTS: PostSpec[] = [
  { kind: 'image', shape: 'square', caption: 'Kreuzberg → Mitte in 12 minutes 🚲 #commute #berlin', likes: 133, comments: 6, traits: ['emoji'] },
  { kind: 'reel', caption: 'Rain ride POV ☔ #reels #rain', likes: 720, comments: 40, traits: ['emoji'] },
  { kind: 'carousel', children: ['video', 'image', 'video'], caption: '東京の朝、自転車で。 #tokyo #morningride', likes: 388, comments: 17 },
  { kind: 'image', shape: 'portrait', caption: 'صباح الخير من الدراجة #morning', likes: 91, comments: 4, traits: ['rtl'] },
  { kind: 'video', shape: 'square', caption: 'Fixing a flat with @harbour.lights watching #repair', likes: 64, comments: 3, traits: ['not-likeable'] },
];

const OUTSIDE_POSTS: PostSpec[] = [
  { kind: 'image', shape: 'square', caption: 'Outside the sandbox: the API must never show this post #outside', likes: 10, comments: 0 },
  { kind: 'video', shape: 'portrait', caption: 'Outside the sandbox: a video #outside', likes: 8, comments: 1 },
  { kind: 'carousel', children: ['image', 'video'], caption: 'Outside the sandbox: an album #outside', likes: 5, comments: 0 },
  { kind: 'reel', caption: 'Outside the sandbox: a reel #outside', likes: 3, comments: 0 },
];

export const USER_SPECS: UserSpec[] = [
  { id: '1001', username: 'harbour.lights', fullName: 'Harbour Lights', bio: 'Night ferries, lighthouses and the water in between.', website: 'https://harbour-lights.example/', sandbox: true, follows: 180, followedBy: 4210, newestOffset: 4480, posts: HARBOUR_POSTS },
  { id: '1002', username: 'alpine.kitchen', fullName: 'Alpine Kitchen', bio: 'Mountain recipes, one pot at a time.', website: 'https://alpine-kitchen.example/', sandbox: true, follows: 95, followedBy: 12800, newestOffset: 19_800, posts: ALPINE_POSTS },
  { id: '1003', username: 'city.cyclist', fullName: 'City Cyclist', bio: 'Commutes in all weather.', website: '', sandbox: true, follows: 310, followedBy: 870, newestOffset: 37_260, posts: CYCLIST_POSTS },
  { id: '1004', username: 'quiet.account', fullName: 'Quiet Account', bio: '', website: '', sandbox: true, follows: 12, followedBy: 3, newestOffset: 0, posts: [] },
  { id: '2001', username: 'outside.world', fullName: 'Outside World', bio: 'Not a sandbox user.', website: '', sandbox: false, follows: 1, followedBy: 1, newestOffset: 7_200, posts: OUTSIDE_POSTS },
];
