import { expect, waitUntil } from '@open-wc/testing';
import type { IgErrorDetail, IgFeed, IgLoadDetail, IgMedia } from '../../src/classes.js';
import { MEDIA_FIELDS } from '../../src/api/graph-map.js';
import { resetWarnings } from '../../src/internal/dev.js';
import { hashText, seededRandom, sortItems } from '../../src/feed/sort.js';
import { captureWarnings, itemIds, mountFeed, nextEvent, settled } from '../support/feed.js';
import { GRAPH_ENDPOINT, addFaults, issueToken, visiblePosts, type IslandPost } from '../support/island.js';

const ids = (posts: IslandPost[]) => posts.map((post) => post.graphId);

function kindOf(post: IslandPost): string {
  return post.productType === 'REELS' ? 'reel' : post.type;
}

async function mountSettled(attributes: string, properties: Partial<IgFeed> = {}): Promise<IgFeed> {
  const { feed } = await mountFeed({ attributes, properties });
  await settled(feed);
  return feed;
}

describe('feed sort', () => {
  it('shows the newest first by default', async () => {
    const feed = await mountSettled('limit="20"');
    expect(itemIds(feed)).to.deep.equal(ids(await visiblePosts('harbour.lights')));
  });

  it('sort="oldest" reverses the order', async () => {
    const feed = await mountSettled('limit="20" sort="oldest"');
    expect(itemIds(feed)).to.deep.equal(ids(await visiblePosts('harbour.lights')).reverse());
  });

  it('sort="most-liked" orders by like count', async () => {
    const feed = await mountSettled('limit="20" sort="most-liked"');
    const byLikes = [...(await visiblePosts('harbour.lights'))].sort((a, b) => b.likeCount - a.likeCount);
    expect(itemIds(feed)).to.deep.equal(ids(byLikes));
  });

  it('sort="most-liked" puts items without a like count last', async () => {
    const token = await issueToken();
    const url = new URL(`${GRAPH_ENDPOINT}/v25.0/me/media`, document.baseURI);
    url.search = new URLSearchParams({ fields: MEDIA_FIELDS, limit: '6', access_token: token.access_token }).toString();
    const page = (await (await fetch(url)).json()) as { data: Array<Record<string, unknown>> };
    // The owner hid the like counts of the first two posts, so Graph omits like_count for them.
    delete page.data[0]!.like_count;
    delete page.data[1]!.like_count;
    await addFaults(token.access_token, [{ match: '/me/media', body: page }]);
    const { feed } = await mountFeed({ token, attributes: 'limit="6" sort="most-liked"' });
    await settled(feed);

    const hidden = [page.data[0]!.id, page.data[1]!.id];
    const counted = page.data.slice(2).sort((a, b) => (b.like_count as number) - (a.like_count as number)).map((item) => item.id);
    expect(itemIds(feed)).to.deep.equal([...counted, ...hidden]);
  });

  it('sort="random" is stable for a seed and differs between seeds', async () => {
    const first = await mountSettled('limit="20" sort="random" seed="harbour"');
    const second = await mountSettled('limit="20" sort="random" seed="harbour"');
    const other = await mountSettled('limit="20" sort="random" seed="lighthouse"');
    const newest = ids(await visiblePosts('harbour.lights'));

    expect(itemIds(first)).to.deep.equal(itemIds(second));
    expect([...itemIds(first)].sort()).to.deep.equal([...newest].sort());
    expect(itemIds(first)).not.to.deep.equal(newest);
    expect(itemIds(first)).not.to.deep.equal(itemIds(other));
  });

  it('sort="random" keeps the order of shown items when more load', async () => {
    const feed = await mountSettled('limit="8" sort="random" seed="pier" load-more="button"');
    const before = itemIds(feed);
    await feed.loadMore();
    await feed.updateComplete;
    const after = itemIds(feed).filter((id) => before.includes(id));
    expect(after).to.deep.equal(before);
  });

  it('sort="sideways" warns and uses newest', async () => {
    resetWarnings();
    const capture = captureWarnings();
    try {
      const feed = await mountSettled('limit="5" sort="sideways"');
      expect(itemIds(feed)).to.deep.equal(ids(await visiblePosts('harbour.lights')).slice(0, 5));
      expect(capture.messages.join('\n')).to.contain('<ig-feed> sort="sideways" is invalid: expected "newest" | "oldest" | "most-liked" | "random". Using "newest".');
    } finally {
      capture.restore();
    }
  });
});

describe('feed seeded random order', () => {
  it('gives the same sequence for the same seed', () => {
    const a = seededRandom(hashText('x'));
    const b = seededRandom(hashText('x'));
    const c = seededRandom(hashText('y'));
    const run = (next: () => number) => Array.from({ length: 5 }, next);
    const first = run(a);
    expect(first).to.deep.equal(run(b));
    expect(first).not.to.deep.equal(run(c));
    for (const value of first) expect(value).to.be.within(0, 1);
  });

  it('never sticks at zero', () => {
    const next = seededRandom(0);
    expect(new Set(Array.from({ length: 10 }, next)).size).to.equal(10);
  });

  it('keeps items without a timestamp last in both date orders', () => {
    const item = (id: string, timestamp: string): IgMedia => ({ id, type: 'image', permalink: '', timestamp });
    const items = [item('a', ''), item('b', '2024-01-02T00:00:00.000Z'), item('c', '2024-01-03T00:00:00.000Z')];
    expect(sortItems(items, 'newest', '').map((entry) => entry.id)).to.deep.equal(['c', 'b', 'a']);
    expect(sortItems(items, 'oldest', '').map((entry) => entry.id)).to.deep.equal(['b', 'c', 'a']);
    expect(sortItems(items, 'none', '').map((entry) => entry.id)).to.deep.equal(['a', 'b', 'c']);
  });
});

describe('feed media-types', () => {
  let capture: ReturnType<typeof captureWarnings>;
  beforeEach(() => {
    resetWarnings();
    capture = captureWarnings();
  });
  afterEach(() => capture.restore());

  const cases = ['image', 'video', 'carousel', 'reel', 'image carousel', 'video, reel', ' IMAGE ,  reel '];
  for (const value of cases) {
    it(`media-types="${value}" shows only those kinds`, async () => {
      const kinds = value.toLowerCase().split(/[\s,]+/).filter(Boolean);
      const feed = await mountSettled(`limit="20" media-types="${value}"`);
      const expected = (await visiblePosts('harbour.lights')).filter((post) => kinds.includes(kindOf(post)));
      expect(expected.length).to.be.greaterThan(0);
      expect(itemIds(feed)).to.deep.equal(ids(expected));
    });
  }

  it('ignores an invalid token with one warning', async () => {
    const feed = await mountSettled('limit="20" media-types="image reels"');
    const images = (await visiblePosts('harbour.lights')).filter((post) => kindOf(post) === 'image');
    expect(itemIds(feed)).to.deep.equal(ids(images));
    feed.requestUpdate();
    await feed.updateComplete;
    const warnings = capture.messages.filter((message) => message.includes('"reels"'));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<ig-feed> media-types contains "reels", which is not a media type');
  });

  it('shows every kind when no token is valid', async () => {
    const feed = await mountSettled('limit="6" media-types="gifs"');
    expect(itemIds(feed)).to.have.length(6);
  });

  it('shows the empty state when nothing matches, with load more still there', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="3" media-types="image" load-more="button"' });
    const { detail } = (await nextEvent(feed, 'ig-load')) as CustomEvent<IgLoadDetail>;
    await feed.updateComplete;
    const firstPage = (await visiblePosts('harbour.lights')).slice(0, 3);
    expect(detail.items.map((item) => item.id)).to.deep.equal(ids(firstPage.filter((post) => kindOf(post) === 'image')));
    expect(detail.page.map((item) => item.id)).to.deep.equal(detail.items.map((item) => item.id));

    // The first page contains a reel, an album and a photo, but no other video.
    feed.mediaTypes = 'video';
    await feed.updateComplete;
    expect(feed.state).to.equal('empty');
    expect(feed.shadowRoot!.querySelector('[part~="empty"]')).to.exist;
    expect(feed.shadowRoot!.querySelector('[part~="load-more"]'), 'more pages may hold videos').to.exist;
    await expect(feed).to.be.accessible();

    feed.mediaTypes = 'reel';
    await feed.updateComplete;
    expect(feed.state).to.equal('ready');
    expect(itemIds(feed)).to.deep.equal(ids(firstPage.filter((post) => kindOf(post) === 'reel')));
  });
});

describe('feed filter and transform', () => {
  it('filter hides the items it rejects', async () => {
    const feed = await mountSettled('limit="10"', { filter: (item: IgMedia) => (item.likeCount ?? 0) > 300 });
    const expected = (await visiblePosts('harbour.lights')).slice(0, 10).filter((post) => post.likeCount > 300);
    expect(itemIds(feed)).to.deep.equal(ids(expected));
  });

  it('transform changes what is shown and ig-load carries the result', async () => {
    const { feed } = await mountFeed({
      attributes: 'limit="4" show-captions',
      properties: { transform: (item: IgMedia) => ({ ...item, caption: `#${item.id.slice(-3)}` }) },
    });
    const { detail } = (await nextEvent(feed, 'ig-load')) as CustomEvent<IgLoadDetail>;
    await feed.updateComplete;
    expect(detail.items.map((item) => item.caption)).to.deep.equal(detail.items.map((item) => `#${item.id.slice(-3)}`));
    const captions = [...feed.shadowRoot!.querySelectorAll('[part~="caption"]')].map((node) => node.textContent);
    expect(captions).to.deep.equal(detail.items.map((item) => item.caption));
    expect(feed.items[0]!.caption, 'the loaded items stay as the API sent them').not.to.match(/^#/);
  });

  it('reports a throwing filter with ig-error and keeps those items', async () => {
    const errors: IgErrorDetail[] = [];
    const { feed } = await mountFeed({
      attributes: 'limit="5"',
      properties: {
        filter: (item: IgMedia) => {
          if (item.type === 'carousel') throw new Error('no albums here');
          return item.type !== 'image';
        },
      },
    });
    feed.addEventListener('ig-error', (event) => errors.push(event.detail));
    await settled(feed);
    const posts = (await visiblePosts('harbour.lights')).slice(0, 5);
    expect(itemIds(feed)).to.deep.equal(ids(posts.filter((post) => post.type !== 'image')));
    expect(feed.state).to.equal('ready');
    expect(errors).to.have.length(1);
    expect(errors[0]!.error.kind).to.equal('invalid-attribute');
    expect(errors[0]!.error.message).to.contain('The filter function failed for 1 of 5 items');
    expect(errors[0]!.error.message).to.contain('no albums here');
    expect((errors[0]!.error.cause as Error).message).to.equal('no albums here');
  });

  it('reports a transform that throws or returns junk, showing those items unchanged', async () => {
    const errors: IgErrorDetail[] = [];
    let calls = 0;
    const { feed } = await mountFeed({
      attributes: 'limit="4" load-more="button"',
      properties: {
        transform: (item: IgMedia) => {
          calls++;
          if (item.type === 'video') throw new TypeError('cannot map videos');
          if (item.type === 'carousel') return 'oops' as unknown as IgMedia;
          return item;
        },
      },
    });
    feed.addEventListener('ig-error', (event) => errors.push(event.detail));
    await settled(feed);
    expect(itemIds(feed)).to.have.length(4);
    expect(errors).to.have.length(1);
    const failing = (await visiblePosts('harbour.lights')).slice(0, 4).filter((post) => post.type !== 'image').length;
    expect(errors[0]!.error.message).to.match(new RegExp(`The transform function failed for ${failing} of 4 items \\(item \\d+: it threw "cannot map videos"\\)`));

    await feed.loadMore();
    await feed.updateComplete;
    expect(calls, 'each item is mapped once').to.equal(8);
  });

  it('ignores a filter that is not a function, with a warning', async () => {
    resetWarnings();
    const capture = captureWarnings();
    try {
      const feed = await mountSettled('limit="3"', { filter: 'image' as unknown as IgFeed['filter'] });
      expect(itemIds(feed)).to.have.length(3);
      expect(capture.messages.join('\n')).to.contain('<ig-feed> filter is string, not a function, so it is ignored.');
    } finally {
      capture.restore();
    }
  });

  it('applies a filter set after loading', async () => {
    const feed = await mountSettled('limit="6"');
    feed.filter = (item) => item.type === 'image';
    await waitUntil(() => itemIds(feed).length < 6);
    const images = (await visiblePosts('harbour.lights')).slice(0, 6).filter((post) => post.type === 'image');
    expect(itemIds(feed)).to.deep.equal(ids(images));
  });
});
