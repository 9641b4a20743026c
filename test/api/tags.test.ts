import { expect } from '@open-wc/testing';
import { createClient, normalizeTag, Transport, type IgClient } from '../../src/classes.js';
import { hashtagUsage } from '../../src/api/hashtag-budget.js';
import { forgetHashtagIdsInMemory } from '../../src/api/hashtag-ids.js';
import { HASHTAG_MEDIA_FIELDS } from '../../src/api/tags.js';
import { resetWarnings } from '../../src/internal/dev.js';
import {
  GRAPH_ENDPOINT, LEGACY_ENDPOINT, addFaults, dataset, fixture, issueToken, recordingFetch, type IslandPost,
} from '../support/island.js';
import { DATASET_BASE_TIME, assertOnlyLocalRequests, seedBudget, setHashtagClock } from '../support/tags.js';
import { rejection } from '../support/errors.js';

const PUBLIC = ['basic', 'public_content'];

async function setup(api: 'graph' | 'legacy', options: Parameters<typeof issueToken>[0] = {}) {
  const token = await issueToken({ scopes: PUBLIC, ...options });
  const recorder = recordingFetch();
  const client = createClient({
    api,
    endpoint: api === 'graph' ? GRAPH_ENDPOINT : LEGACY_ENDPOINT,
    facebookEndpoint: GRAPH_ENDPOINT,
    accessToken: token.access_token,
    userId: api === 'graph' ? token.graph_user_id : undefined,
    transport: new Transport({ fetch: recorder.fetch, retries: 0 }),
  });
  return { token, client, urls: recorder.urls };
}

async function tagged(name: string): Promise<IslandPost[]> {
  const data = await dataset();
  return data.posts.filter((post) => post.visible && post.tags.includes(name));
}

async function collect(client: IgClient, tag: string, options: { limit: number; order?: 'recent' | 'top' }) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await client.tagMedia(tag, { ...options, cursor });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.next;
    pages += 1;
  } while (cursor && pages < 10);
  return { ids, pages };
}

function forgetHashtagId(tag: string): void {
  forgetHashtagIdsInMemory();
  localStorage.removeItem(`ig-elements:hashtag-id:${new URL(GRAPH_ENDPOINT, document.baseURI).href}#${tag}`);
}

afterEach(() => {
  assertOnlyLocalRequests();
});

describe('normalizeTag', () => {
  const valid: Array<[string, string]> = [
    ['lighthouse', 'lighthouse'],
    ['#Lighthouse', 'lighthouse'],
    ['  #café  ', 'café'],
    ['cafe\u0301', 'café'],
    ['#東京', '東京'],
    ['Straße', 'straße'],
    ['#night_shift_2026', 'night_shift_2026'],
    ['हिन्दी', 'हिन्दी'],
  ];
  for (const [input, expected] of valid) {
    it(`accepts ${JSON.stringify(input)}`, () => {
      expect(normalizeTag(input)).to.equal(expected);
    });
  }

  const invalid: unknown[] = ['', '   ', '#', '##tag', 'two words', 'dot.ted', 'dash-ed', 'tag!', '🌊', '#tag #other', 'a\u0000b', null, undefined, 42];
  for (const input of invalid) {
    it(`rejects ${JSON.stringify(input) ?? String(input)}`, () => {
      expect(normalizeTag(input)).to.equal(undefined);
    });
  }
});

describe('legacy tagMedia', () => {
  it('requests /tags/{tag}/media/recent with count', async () => {
    const { client, urls } = await setup('legacy');
    const page = await client.tagMedia('#Lighthouse', { limit: 5 });
    const expected = await tagged('lighthouse');

    expect(page.items.map((item) => item.id)).to.deep.equal(expected.map((post) => post.legacyId));
    expect(page.items[0]!.username).to.equal('harbour.lights');
    expect(page.next).to.equal(undefined);
    expect(urls).to.have.length(1);
    expect(urls[0]!.pathname).to.equal('/island/v1/tags/lighthouse/media/recent');
    expect(urls[0]!.searchParams.get('count')).to.equal('5');
  });

  it('pages with max_tag_id until the last page', async () => {
    const { client, urls } = await setup('legacy');
    const { ids, pages } = await collect(client, 'reels', { limit: 3 });
    const expected = await tagged('reels');

    expect(ids).to.deep.equal(expected.map((post) => post.legacyId));
    expect(pages).to.equal(Math.ceil(expected.length / 3));
    expect(urls[0]!.searchParams.get('max_tag_id')).to.equal(null);
    expect(urls[1]!.searchParams.get('max_tag_id')).to.match(/^AQ/);
  });

  it('encodes a Unicode tag in the path', async () => {
    const { client, urls } = await setup('legacy');
    const page = await client.tagMedia('#Rösti');
    expect(page.items).to.have.length(1);
    expect(urls[0]!.pathname).to.equal(`/island/v1/tags/${encodeURIComponent('rösti')}/media/recent`);
  });

  it('ignores order="top"', async () => {
    const { client, urls } = await setup('legacy');
    await client.tagMedia('reels', { order: 'top' });
    expect(urls[0]!.pathname).to.equal('/island/v1/tags/reels/media/recent');
  });

  it('finds nothing outside the sandbox', async () => {
    const { client } = await setup('legacy');
    for (const tag of ['archive', 'outside']) {
      const page = await client.tagMedia(tag);
      expect(page.items, tag).to.deep.equal([]);
    }
  });

  it('names the public_content scope when it is missing', async () => {
    const { client, token } = await setup('legacy', { scopes: ['basic'] });
    const error = await rejection(client.tagMedia('reels'));
    expect(error.kind).to.equal('permission');
    expect(error.code).to.equal('OAuthPermissionsException');
    expect(error.message).to.contain('This request requires scope=public_content');
    expect(error.hint).to.equal('Authorize the app again with scope=public_content.');
    expect(error.url).to.contain('access_token=REDACTED');
    expect(error.url).not.to.contain(token.access_token);
  });

  it('rejects an invalid tag before any request', async () => {
    const { client, urls } = await setup('legacy');
    for (const tag of ['', 'two words', '#']) {
      const error = await rejection(client.tagMedia(tag));
      expect(error.kind, tag).to.equal('invalid-attribute');
      expect(error.message, tag).to.contain(`"${tag}"`);
    }
    expect(urls).to.have.length(0);
  });
});

describe('graph tagMedia', () => {
  it('looks up the hashtag id once, then reads top_media', async () => {
    forgetHashtagId('soup');
    const { client, urls, token } = await setup('graph');
    const expected = [...(await tagged('soup'))].sort((a, b) => b.likeCount - a.likeCount);
    const page = await client.tagMedia('#SOUP', { order: 'top', limit: 10 });

    expect(page.items.map((item) => item.id)).to.deep.equal(expected.map((post) => post.graphId));
    expect(urls).to.have.length(2);
    const [search, media] = urls;
    expect(search!.pathname).to.equal('/island/graph/v25.0/ig_hashtag_search');
    expect(search!.searchParams.get('q')).to.equal('soup');
    expect(search!.searchParams.get('user_id')).to.equal(token.graph_user_id);
    expect(media!.pathname).to.match(/^\/island\/graph\/v25\.0\/17843\d{12}\/top_media$/);
    expect(media!.searchParams.get('user_id')).to.equal(token.graph_user_id);
    expect(media!.searchParams.get('fields')).to.equal(HASHTAG_MEDIA_FIELDS);
    expect(media!.searchParams.get('limit')).to.equal('10');

    await client.tagMedia('soup', { order: 'top' });
    expect(urls).to.have.length(3);
    expect(urls[2]!.pathname).to.equal(media!.pathname);
  });

  it('keeps hashtag ids in localStorage without a token', async () => {
    forgetHashtagId('lighthouse');
    const first = await setup('graph');
    await first.client.tagMedia('lighthouse', { order: 'top' });
    const entries = Object.keys(localStorage)
      .filter((key) => key.startsWith('ig-elements:hashtag-id:') && key.endsWith('#lighthouse'))
      .map((key) => [key, localStorage.getItem(key)!]);
    expect(entries).to.have.length(1);
    expect(entries[0]![1]).to.match(/^17843\d{12}$/);
    expect(JSON.stringify(entries)).not.to.contain(first.token.access_token);

    forgetHashtagIdsInMemory();
    const second = await setup('graph');
    await second.client.tagMedia('lighthouse', { order: 'top' });
    expect(second.urls.map((url) => url.pathname.split('/').pop())).to.deep.equal(['top_media']);
  });

  it('reads the last 24 hours from recent_media by default', async () => {
    const { client, urls, token } = await setup('graph');
    const empty = await client.tagMedia('reels');
    expect(empty.items).to.deep.equal([]);
    expect(urls.at(-1)!.pathname).to.match(/\/recent_media$/);

    await setHashtagClock(token.access_token, DATASET_BASE_TIME);
    const base = Date.parse(DATASET_BASE_TIME) / 1000;
    const expected = (await tagged('reels')).filter((post) => post.createdTime > base - 86_400 && post.createdTime <= base);
    const page = await client.tagMedia('reels');
    expect(page.items.map((item) => item.id)).to.deep.equal(expected.map((post) => post.graphId));
  });

  it('pages top_media with after cursors', async () => {
    const { client, urls } = await setup('graph');
    const expected = [...(await tagged('reels'))].sort((a, b) => b.likeCount - a.likeCount);
    const { ids } = await collect(client, 'reels', { limit: 3, order: 'top' });
    expect(ids).to.deep.equal(expected.map((post) => post.graphId));
    const mediaRequests = urls.filter((url) => url.pathname.endsWith('/top_media'));
    expect(mediaRequests[0]!.searchParams.get('after')).to.equal(null);
    expect(mediaRequests[1]!.searchParams.get('after')).to.be.a('string');
    expect(mediaRequests.every((url) => url.searchParams.get('before') === null)).to.equal(true);
  });

  it('asks for at most 50 items', async () => {
    const { client, urls } = await setup('graph');
    await client.tagMedia('reels', { order: 'top', limit: 100 });
    expect(urls.at(-1)!.searchParams.get('limit')).to.equal('50');
  });

  it('maps items without username or poster', async () => {
    const { client } = await setup('graph');
    const page = await client.tagMedia('reels', { order: 'top' });
    const posts = await tagged('reels');
    for (const item of page.items) {
      const post = posts.find((candidate) => candidate.graphId === item.id)!;
      expect(item.username, item.id).to.equal(undefined);
      expect(item.thumbnailUrl, item.id).to.equal(undefined);
      expect(item.permalink, item.id).to.equal(post.permalink);
      expect(item.shortcode, item.id).to.equal(post.shortcode);
      expect(item.likeCount, item.id).to.equal(post.likeCount);
    }
  });

  it('takes the user id from the options over the settings', async () => {
    const { client, urls, token } = await setup('graph');
    const other = await issueToken({ user: 'alpine.kitchen' });
    const error = await rejection(client.tagMedia('reels', { order: 'top', userId: other.graph_user_id }));
    expect(error.kind).to.equal('invalid-request');
    expect(urls.at(-1)!.searchParams.get('user_id')).to.equal(other.graph_user_id);
    expect(urls.at(-1)!.searchParams.get('user_id')).not.to.equal(token.graph_user_id);
  });

  it('explains a missing IG user id before any request', async () => {
    const token = await issueToken({ scopes: PUBLIC });
    const recorder = recordingFetch();
    const client = createClient({
      api: 'graph', endpoint: GRAPH_ENDPOINT, facebookEndpoint: GRAPH_ENDPOINT, accessToken: token.access_token,
      transport: new Transport({ fetch: recorder.fetch }),
    });
    const error = await rejection(client.tagMedia('reels'));
    expect(error.kind).to.equal('invalid-attribute');
    expect(error.message).to.contain('IG user id of the Instagram professional account');
    expect(error.message).to.contain('Facebook Login, on graph.facebook.com');
    expect(error.hint).to.contain('user-id');
    expect(recorder.urls).to.have.length(0);
  });

  it('names the Public Content Access feature when it is missing', async () => {
    const { client } = await setup('graph', { scopes: ['basic'] });
    const error = await rejection(client.tagMedia('reels'));
    expect(error.kind).to.equal('permission');
    expect(error.code).to.equal(10);
    expect(error.hint).to.contain('Instagram Public Content Access');
  });

  it('reads the recorded ig_hashtag_search response', async () => {
    const { client, urls, token } = await setup('graph');
    const recorded = await fixture<{ data: Array<{ id: string; name: string }> }>('graph/ig-hashtag-search.json');
    forgetHashtagId('developers');
    await addFaults(token.access_token, [
      { match: '/ig_hashtag_search', fixture: 'graph/ig-hashtag-search.json' },
      { match: `/${recorded.data[0]!.id}/recent_media`, body: { data: [] } },
    ]);
    const page = await client.tagMedia('developers');
    expect(page.items).to.deep.equal([]);
    expect(urls[1]!.pathname).to.equal(`/island/graph/v25.0/${recorded.data[0]!.id}/recent_media`);
    forgetHashtagId('developers');
  });

  it('reports a hashtag that does not exist', async () => {
    const { client, token } = await setup('graph');
    forgetHashtagId('nosuchtag');
    await addFaults(token.access_token, [{ match: '/ig_hashtag_search', body: { data: [] } }]);
    const error = await rejection(client.tagMedia('nosuchtag'));
    expect(error.kind).to.equal('not-found');
    expect(error.message).to.equal('Instagram has no hashtag #nosuchtag.');
  });
});

describe('graph hashtag budget', () => {
  // alpine.kitchen's IG user id is used only here, so seeding its budget disturbs no other test.
  const USER = 'alpine.kitchen';

  beforeEach(() => resetWarnings());

  it('rejects a 31st unique hashtag before any request', async () => {
    const { client, urls, token } = await setup('graph', { user: USER });
    const restore = seedBudget(token.graph_user_id, 30);
    try {
      const error = await rejection(client.tagMedia('reels', { order: 'top' }));
      const oldest = hashtagUsage(token.graph_user_id)[0]!;
      const freesAt = new Date(oldest.firstUsed + 7 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      expect(error.kind).to.equal('rate-limit');
      expect(error.message).to.contain(freesAt);
      expect(error.message).to.contain('#tag0');
      const expectedSeconds = Math.ceil((oldest.firstUsed + 7 * 86_400_000 - Date.now()) / 1000);
      expect(error.retryAfter).to.be.within(expectedSeconds - 5, expectedSeconds + 5);
      expect(urls).to.have.length(0);

      forgetHashtagId('tag3');
      const counted = await client.tagMedia('tag3', { order: 'top' });
      expect(counted.items, 'a tag already counted still works').to.deep.equal([]);
    } finally {
      restore();
    }
  });

  it('lets only one of three concurrent new tags take the last slot', async () => {
    const { client, urls, token } = await setup('graph', { user: USER });
    const restore = seedBudget(token.graph_user_id, 29);
    try {
      for (const tag of ['reels', 'harbour', 'pier']) forgetHashtagId(tag);
      const results = await Promise.allSettled(['reels', 'harbour', 'pier'].map((tag) => client.tagMedia(tag, { order: 'top' })));
      const rejected = results.filter((result) => result.status === 'rejected');
      expect(results[0]!.status).to.equal('fulfilled');
      expect(rejected).to.have.length(2);
      for (const result of rejected) expect((result as PromiseRejectedResult).reason.kind).to.equal('rate-limit');
      expect(urls.filter((url) => url.pathname.endsWith('/ig_hashtag_search'))).to.have.length(1);
      expect(hashtagUsage(token.graph_user_id)).to.have.length(30);
    } finally {
      restore();
    }
  });

  it('warns once per tag from the 25th', async () => {
    const { client, token } = await setup('graph', { user: USER });
    const restore = seedBudget(token.graph_user_id, 24);
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(String(args[0]));
    try {
      await client.tagMedia('reels', { order: 'top' });
      await client.tagMedia('reels', { order: 'top' });
      expect(warnings.filter((line) => line.includes('Hashtag budget'))).to.have.length(1);
      expect(warnings[0]).to.contain('25 of 30 unique hashtags');
      expect(warnings[0]).to.contain('#tag0');
      expect(hashtagUsage(token.graph_user_id).map((entry) => entry.tag)).to.include('reels');
    } finally {
      console.warn = originalWarn;
      restore();
    }
  });

  it('forgets tags older than 7 days', async () => {
    const { client, token } = await setup('graph', { user: USER });
    const restore = seedBudget(token.graph_user_id, 30, 8 * 86_400_000);
    try {
      const page = await client.tagMedia('reels', { order: 'top' });
      expect(page.items.length).to.be.greaterThan(0);
      expect(hashtagUsage(token.graph_user_id).map((entry) => entry.tag)).to.deep.equal(['reels']);
    } finally {
      restore();
    }
  });

  it('keeps working when storage is blocked', async () => {
    const { client } = await setup('graph', { user: USER });
    const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      forgetHashtagIdsInMemory();
      const page = await client.tagMedia('reels', { order: 'top' });
      expect(page.items.length).to.be.greaterThan(0);
    } finally {
      Object.defineProperty(window, 'localStorage', descriptor);
    }
  });
});
