import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { IgFeed, IgLoadDetail, IgErrorDetail, IgMedia, IgProvider } from '../../src/classes.js';
import { GRAPH_ENDPOINT, LEGACY_ENDPOINT, addFaults, issueToken, visiblePosts, type IslandPost } from '../support/island.js';

type Dialect = 'graph' | 'legacy';
const ENDPOINTS: Record<Dialect, string> = { graph: GRAPH_ENDPOINT, legacy: LEGACY_ENDPOINT };

async function mount(api: Dialect, token: string, feedAttributes = 'limit="6"') {
  const provider = await fixture<IgProvider>(
    `<ig-provider api="${api}" endpoint="${ENDPOINTS[api]}"><ig-feed ${feedAttributes}></ig-feed></ig-provider>`,
  );
  provider.accessToken = token;
  const feed = provider.querySelector('ig-feed')!;
  return { provider, feed };
}

async function settled(feed: IgFeed): Promise<void> {
  await waitUntil(() => feed.state !== 'loading', `feed stayed in "${feed.state}"`, { timeout: 5000 });
  await feed.updateComplete;
}

/** Drops image URLs, so recorded items (real CDN URLs) never make the browser contact the internet. */
function withoutImages(item: IgMedia): IgMedia {
  return { ...item, mediaUrl: undefined, thumbnailUrl: undefined, children: undefined };
}

function tiles(feed: IgFeed): HTMLLIElement[] {
  return [...feed.shadowRoot!.querySelectorAll<HTMLLIElement>('li[part~="item"]')];
}

function postFor(posts: IslandPost[], id: string): IslandPost {
  const post = posts.find((candidate) => candidate.graphId === id || candidate.legacyId === id);
  if (!post) throw new Error(`no post ${id}`);
  return post;
}

for (const api of ['graph', 'legacy'] as const) {
  describe(`<ig-feed> on ${api}`, () => {
    it('renders the latest limit items as links', async () => {
      const token = await issueToken();
      const { feed } = await mount(api, token.access_token);
      const loaded = oneEvent(feed, 'ig-load');
      const { detail } = (await loaded) as CustomEvent<IgLoadDetail>;
      await feed.updateComplete;
      const posts = await visiblePosts('harbour.lights');

      expect(feed.state).to.equal('ready');
      expect(detail.items).to.have.length(6);
      expect(detail.hasMore).to.equal(true);
      const items = tiles(feed);
      expect(items).to.have.length(6);
      items.forEach((item, index) => {
        const link = item.querySelector('a')!;
        expect(link.getAttribute('href')).to.equal(posts[index]!.permalink);
        expect(link.getAttribute('rel')).to.contain('noopener');
        expect(link.getAttribute('target')).to.equal('_blank');
      });
    });

    it('reserves each image box and loads lazily', async () => {
      const token = await issueToken();
      const { feed } = await mount(api, token.access_token, 'limit="20"');
      await settled(feed);
      const images = [...feed.shadowRoot!.querySelectorAll('img')];
      expect(images.length).to.be.greaterThan(10);
      for (const image of images) {
        expect(image.getAttribute('loading')).to.equal('lazy');
        expect(Number(image.getAttribute('width'))).to.be.greaterThan(0);
        expect(Number(image.getAttribute('height'))).to.be.greaterThan(0);
        const box = image.parentElement!.getBoundingClientRect();
        expect(box.height, 'tile height before images load').to.be.greaterThan(0);
      }
    });

    it('shows videos by poster with a badge, never the video file', async () => {
      const token = await issueToken();
      const { feed } = await mount(api, token.access_token, 'limit="20"');
      await settled(feed);
      const posts = await visiblePosts('harbour.lights');
      for (const image of feed.shadowRoot!.querySelectorAll('img')) {
        expect(image.src).not.to.match(/\.(mp4|mov|webm)(\?|$)/);
      }
      const videoTiles = tiles(feed).filter((item) => item.dataset.type === 'video');
      expect(videoTiles.length).to.be.greaterThan(0);
      for (const tile of videoTiles) {
        const post = postFor(posts, tile.dataset.id!);
        expect(tile.querySelector('[part~="badge-video"]'), post.shortcode).to.exist;
        if (post.hasMediaUrl || api === 'legacy') {
          expect(tile.querySelector('img')!.src, post.shortcode).to.contain(`/media/${post.shortcode}`);
        }
      }
    });

    it('shows albums by their first child with an album badge', async () => {
      const token = await issueToken();
      const { feed } = await mount(api, token.access_token, 'limit="20"');
      await settled(feed);
      const posts = await visiblePosts('harbour.lights');
      const albums = tiles(feed).filter((item) => item.dataset.type === 'carousel');
      expect(albums.length).to.be.greaterThan(0);
      for (const tile of albums) {
        const post = postFor(posts, tile.dataset.id!);
        expect(tile.querySelector('[part~="badge-album"]')).to.exist;
        const image = tile.querySelector('img');
        expect(image, post.shortcode).to.exist;
        expect(image!.getAttribute('alt')).to.match(new RegExp(`^Album with ${post.children.length} items`));
      }
    });

    it('uses the caption as alt text, or names user and date', async () => {
      const token = await issueToken();
      const { feed } = await mount(api, token.access_token, 'limit="20"');
      await settled(feed);
      const posts = await visiblePosts('harbour.lights');
      const withoutCaption = posts.find((post) => post.caption === null)!;
      expect(withoutCaption, 'a visible post without caption').to.exist;
      const tile = tiles(feed).find((item) => postFor(posts, item.dataset.id!) === withoutCaption)!;
      const alt = tile.querySelector('img')?.getAttribute('alt') ?? tile.querySelector('[aria-label]')!.getAttribute('aria-label')!;
      expect(alt).to.contain('by @harbour.lights on ');

      const short = tiles(feed).find((item) => {
        const post = postFor(posts, item.dataset.id!);
        return post.type === 'image' && post.caption && post.caption.length < 100;
      })!;
      const caption = postFor(posts, short.dataset.id!).caption!;
      expect(short.querySelector('img')!.getAttribute('alt')).to.equal(caption.replace(/\s+/g, ' ').trim());
    });

    it('renders captions as text, never as HTML', async () => {
      const token = await issueToken();
      const { feed } = await mount(api, token.access_token, 'limit="20" show-captions caption-length="2200"');
      await settled(feed);
      const posts = await visiblePosts('harbour.lights');
      const htmlPost = posts.find((post) => post.caption?.includes('<img'))!;
      expect(htmlPost, 'a visible post with HTML-like caption').to.exist;
      const root = feed.shadowRoot!;
      expect(root.querySelector('[part~="caption"] img, [part~="caption"] b')).to.equal(null);
      const captions = [...root.querySelectorAll('[part~="caption"]')].map((node) => node.textContent);
      expect(captions).to.include(htmlPost.caption);
    });
  });
}

describe('<ig-feed> special items', () => {
  it('shows a neutral tile linking to a reel without media_url', async () => {
    const token = await issueToken();
    const { feed } = await mount('graph', token.access_token, 'limit="20"');
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    const licensed = posts.find((post) => !post.hasMediaUrl);
    if (!licensed) return expect.fail('the island has no visible reel without media_url for harbour.lights');
    const tile = tiles(feed).find((item) => item.dataset.id === licensed.graphId)!;
    expect(tile).to.exist;
    const link = tile.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal(licensed.permalink);
    // Graph keeps thumbnail_url for such a reel, so the poster still shows.
    expect(tile.querySelector('img')!.src).to.contain(licensed.shortcode);
  });

  it('clips long captions without splitting an emoji', async () => {
    const token = await issueToken();
    const { feed } = await mount('graph', token.access_token, 'limit="20" show-captions caption-length="12"');
    await settled(feed);
    for (const caption of feed.shadowRoot!.querySelectorAll('[part~="caption"]')) {
      const text = caption.textContent!;
      expect(text).not.to.match(/[\uD800-\uDBFF]$|[\uD800-\uDBFF]…$|\u200D…$/);
      const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)];
      expect(graphemes.length).to.be.at.most(12);
    }
  });
});

describe('<ig-feed> states', () => {
  it('shows a skeleton while loading', async () => {
    const token = await issueToken();
    await addFaults(token.access_token, [{ delayMs: 400 }]);
    const { feed } = await mount('graph', token.access_token, 'limit="4"');
    await feed.updateComplete;
    expect(feed.state).to.equal('loading');
    expect(feed.getAttribute('state')).to.equal('loading');
    expect(feed.shadowRoot!.querySelectorAll('[part~="skeleton"]')).to.have.length(4);
    await expect(feed).to.be.accessible();
    await settled(feed);
    expect(feed.state).to.equal('ready');
  });

  it('shows the empty state for a user without posts', async () => {
    const token = await issueToken({ user: 'quiet.account' });
    const { feed } = await mount('legacy', token.access_token);
    const loaded = oneEvent(feed, 'ig-load');
    const { detail } = (await loaded) as CustomEvent<IgLoadDetail>;
    await feed.updateComplete;
    expect(detail.items).to.have.length(0);
    expect(feed.state).to.equal('empty');
    expect(feed.shadowRoot!.querySelector('[part~="empty"]')!.textContent).to.contain('No posts');
    await expect(feed).to.be.accessible();
  });

  it('lets slots replace the empty and error messages', async () => {
    const token = await issueToken({ user: 'quiet.account' });
    const provider = await fixture<IgProvider>(html`<ig-provider api="graph" endpoint=${GRAPH_ENDPOINT} .accessToken=${token.access_token}>
      <ig-feed><p slot="empty">Nothing yet</p></ig-feed></ig-provider>`);
    const feed = provider.querySelector('ig-feed')!;
    await settled(feed);
    const slot = feed.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="empty"]')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Nothing yet');
  });

  const failures: Array<[string, Parameters<typeof issueToken>[0], Parameters<typeof addFaults>[1], string]> = [
    ['an expired legacy token', { expiresIn: -1 }, [], 'auth'],
    ['a rate limit', {}, [{ status: 429, headers: { 'Retry-After': '0' }, times: 3 }], 'rate-limit'],
    // Chromium silently repeats a GET once when a reused connection drops, so the fault must outlast that.
    ['a dropped connection', {}, [{ hangup: true, times: 3 }], 'network'],
    ['a truncated body', {}, [{ malformed: 'truncated' }], 'bad-response'],
    ['a body that is not JSON', {}, [{ malformed: 'not-json', status: 200 }], 'bad-response'],
  ];
  for (const [label, tokenOptions, faults, kind] of failures) {
    it(`ends ${label} in the error state`, async () => {
      const token = await issueToken(tokenOptions);
      if (faults.length) await addFaults(token.access_token, faults);
      const { feed } = await mount('legacy', token.access_token);
      const failed = oneEvent(feed, 'ig-error');
      const { detail } = (await failed) as CustomEvent<IgErrorDetail>;
      await feed.updateComplete;
      expect(detail.error.kind).to.equal(kind);
      expect(feed.state).to.equal('error');
      expect(feed.getAttribute('state')).to.equal('error');
      const alert = feed.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('could not be loaded');
      // The API's message, which may quote a raw body, is folded away from visitors.
      expect(alert.querySelector('details[part~="error-details"]')!.textContent).to.contain(detail.error.message);
      expect(alert.querySelector('details')!.open).to.equal(false);
      expect(alert.textContent).not.to.contain(token.access_token);
      await expect(feed).to.be.accessible();
    });
  }

  it('ends an expired Graph token (190/463) in the error state', async () => {
    const token = await issueToken({ expiresIn: -1 });
    const { feed } = await mount('graph', token.access_token);
    const { detail } = (await oneEvent(feed, 'ig-error')) as CustomEvent<IgErrorDetail>;
    expect(detail.error.kind).to.equal('auth');
    expect(detail.error.code).to.equal(190);
    expect(detail.error.subcode).to.equal(463);
  });

  it('keeps the fallback children visible in the error state', async () => {
    const token = await issueToken({ expiresIn: -1 });
    const provider = await fixture<IgProvider>(html`<ig-provider api="graph" endpoint=${GRAPH_ENDPOINT} .accessToken=${token.access_token}>
      <ig-feed><a href="https://www.instagram.com/harbour.lights/">Our Instagram</a></ig-feed></ig-provider>`);
    const feed = provider.querySelector('ig-feed')!;
    await settled(feed);
    const slot = feed.shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Our Instagram');
  });

  it('waits for a token that arrives late', async () => {
    const token = await issueToken();
    const provider = await fixture<IgProvider>(html`<ig-provider api="graph" endpoint=${GRAPH_ENDPOINT}><ig-feed limit="2"></ig-feed></ig-provider>`);
    const feed = provider.querySelector('ig-feed')!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(feed.state).to.equal('loading');
    provider.accessToken = token.access_token;
    await settled(feed);
    expect(feed.state).to.equal('ready');
  });

  it('reports a provider without token after a grace period', async () => {
    const provider = await fixture<IgProvider>(html`<ig-provider api="graph" endpoint=${GRAPH_ENDPOINT}><ig-feed></ig-feed></ig-provider>`);
    const feed = provider.querySelector('ig-feed')!;
    const { detail } = (await oneEvent(feed, 'ig-error')) as CustomEvent<IgErrorDetail>;
    expect(detail.error.kind).to.equal('auth');
    expect(detail.error.message).to.contain('has none, from access-token, token-url or tokenProvider');
  });

  it('reports a missing provider and token', async () => {
    const feed = await fixture<IgFeed>(html`<ig-feed></ig-feed>`);
    const { detail } = (await oneEvent(feed, 'ig-error')) as CustomEvent<IgErrorDetail>;
    expect(detail.error.kind).to.equal('auth');
    expect(detail.error.message).to.contain('<ig-provider>');
  });
});

describe('<ig-feed> paging and refresh', () => {
  it('loads more with the button until the last page', async () => {
    const token = await issueToken();
    const { feed } = await mount('graph', token.access_token, 'limit="8" load-more="button"');
    await settled(feed);
    const posts = await visiblePosts('harbour.lights');
    const button = () => feed.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more"]');

    button()!.click();
    await oneEvent(feed, 'ig-load');
    await feed.updateComplete;
    expect(tiles(feed)).to.have.length(16);
    expect(feed.hasMore).to.equal(true);

    button()!.click();
    const { detail } = (await oneEvent(feed, 'ig-load')) as CustomEvent<IgLoadDetail>;
    await feed.updateComplete;
    expect(detail.page).to.have.length(4);
    expect(detail.hasMore).to.equal(false);
    expect(tiles(feed).map((item) => item.dataset.id)).to.deep.equal(posts.map((post) => post.graphId));
    expect(button()).to.equal(null);
  });

  it('loadMore() keeps items when the next page fails', async () => {
    const token = await issueToken();
    const { feed } = await mount('legacy', token.access_token, 'limit="5" load-more="button"');
    await settled(feed);
    await addFaults(token.access_token, [{ status: 400, body: { meta: { code: 400, error_type: 'APIInvalidParametersError', error_message: 'bad max_id' } } }]);
    const failed = oneEvent(feed, 'ig-error');
    await feed.loadMore();
    await failed;
    await feed.updateComplete;
    expect(feed.state).to.equal('ready');
    expect(tiles(feed)).to.have.length(5);
    expect(feed.shadowRoot!.querySelector('[part~="more-error"]')!.textContent).to.contain('bad max_id');
    await feed.loadMore();
    await feed.updateComplete;
    expect(tiles(feed)).to.have.length(10);
  });

  it('refresh() fetches the first page again', async () => {
    const token = await issueToken();
    const { feed } = await mount('graph', token.access_token, 'limit="3"');
    await settled(feed);
    await addFaults(token.access_token, [{ match: '/media', fixture: 'graph/me-media-page2.json' }]);
    feed.transform = withoutImages;
    await feed.refresh();
    await feed.updateComplete;
    expect(tiles(feed).map((item) => item.dataset.id)).to.deep.equal(['17896189813249754', '17970645226046242']);
  });

  it('replays the recorded Graph pages through load more', async () => {
    const token = await issueToken();
    await addFaults(token.access_token, [
      { match: '/media', fixture: 'graph/me-media-page1.json' },
      { match: '/media', fixture: 'graph/me-media-page2.json' },
    ]);
    const { feed } = await mount('graph', token.access_token, 'limit="2" load-more="button"');
    feed.transform = withoutImages;
    await settled(feed);
    expect(tiles(feed)).to.have.length(2);
    expect(feed.hasMore).to.equal(true);
    await feed.loadMore();
    await feed.updateComplete;
    expect(tiles(feed)).to.have.length(4);
    expect(feed.hasMore).to.equal(false);
    const hrefs = tiles(feed).map((item) => item.querySelector('a')!.getAttribute('href'));
    expect(hrefs).to.deep.equal([
      'https://www.instagram.com/p/B8gQCApHMT-/',
      'https://www.instagram.com/p/B8gPx-UnsjA/',
      'https://www.instagram.com/p/Bop_Hz5FzyL/',
      'https://www.instagram.com/p/Bme0cU1giOH/',
    ]);
  });
});

describe('<ig-feed> re-fetching', () => {
  it('re-fetches when the limit changes', async () => {
    const token = await issueToken();
    const { feed } = await mount('graph', token.access_token, 'limit="3"');
    await settled(feed);
    feed.setAttribute('limit', '5');
    await oneEvent(feed, 'ig-load');
    await feed.updateComplete;
    expect(tiles(feed)).to.have.length(5);
  });

  it('re-fetches when user-id changes', async () => {
    const token = await issueToken({ scopes: ['basic', 'public_content'] });
    const { feed } = await mount('legacy', token.access_token, 'limit="3"');
    await settled(feed);
    feed.userId = '1003';
    await oneEvent(feed, 'ig-load');
    await feed.updateComplete;
    const posts = await visiblePosts('city.cyclist');
    expect(tiles(feed).map((item) => item.dataset.id)).to.deep.equal(posts.slice(0, 3).map((post) => post.legacyId));
  });

  it('re-fetches when the dialect changes', async () => {
    const token = await issueToken();
    const { provider, feed } = await mount('graph', token.access_token, 'limit="2"');
    await settled(feed);
    expect(tiles(feed)[0]!.dataset.id).to.match(/^1[78]\d+$/);
    provider.api = 'legacy';
    provider.endpoint = LEGACY_ENDPOINT;
    await oneEvent(feed, 'ig-load');
    await feed.updateComplete;
    expect(tiles(feed)[0]!.dataset.id).to.match(/^\d+_1001$/);
  });

  it('never lets a late answer for an old token win', async () => {
    const slow = await issueToken({ user: 'alpine.kitchen' });
    const fast = await issueToken({ user: 'city.cyclist' });
    await addFaults(slow.access_token, [{ delayMs: 600 }]);
    const { provider, feed } = await mount('legacy', slow.access_token, 'limit="2"');
    await feed.updateComplete;
    provider.accessToken = fast.access_token;
    await settled(feed);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const posts = await visiblePosts('city.cyclist');
    expect(tiles(feed).map((item) => item.dataset.id)).to.deep.equal(posts.slice(0, 2).map((post) => post.legacyId));
  });

  it('keeps items on screen while a renewed token reloads', async () => {
    const first = await issueToken({ user: 'alpine.kitchen' });
    const renewed = await issueToken({ user: 'alpine.kitchen' });
    const { provider, feed } = await mount('legacy', first.access_token, 'limit="3"');
    await settled(feed);
    const before = tiles(feed).map((item) => item.dataset.id);
    await addFaults(renewed.access_token, [{ delayMs: 400 }]);

    provider.accessToken = renewed.access_token;
    await feed.updateComplete;
    expect(feed.state).to.equal('ready');
    expect(tiles(feed).map((item) => item.dataset.id)).to.deep.equal(before);
    expect(feed.shadowRoot!.querySelector('[part~="skeleton"]')).to.equal(null);

    const { detail } = (await oneEvent(feed, 'ig-load')) as CustomEvent<IgLoadDetail>;
    expect(detail.items.map((item) => item.id)).to.deep.equal(before);
  });

  it('lets its own access-token win over the provider', async () => {
    const providerToken = await issueToken({ user: 'alpine.kitchen' });
    const ownToken = await issueToken({ user: 'city.cyclist' });
    const provider = await fixture<IgProvider>(html`<ig-provider api="legacy" endpoint=${LEGACY_ENDPOINT} .accessToken=${providerToken.access_token}>
      <ig-feed limit="2" .accessToken=${ownToken.access_token}></ig-feed></ig-provider>`);
    const feed = provider.querySelector('ig-feed')!;
    await settled(feed);
    const posts = await visiblePosts('city.cyclist');
    expect(tiles(feed)[0]!.dataset.id).to.equal(posts[0]!.legacyId);
  });
});
