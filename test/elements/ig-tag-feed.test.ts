import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { IgErrorDetail, IgFeed, IgLoadDetail, IgProvider, IgTagFeed } from '../../src/classes.js';
import { forgetHashtagIdsInMemory } from '../../src/api/hashtag-ids.js';
import { resetWarnings } from '../../src/internal/dev.js';
import { GRAPH_ENDPOINT, LEGACY_ENDPOINT, addFaults, dataset, issueToken, type IslandPost, type IslandToken } from '../support/island.js';
import { DATASET_BASE_TIME, RequestLog, assertOnlyLocalRequests, seedBudget, setHashtagClock } from '../support/tags.js';

type Dialect = 'graph' | 'legacy';
const ENDPOINTS: Record<Dialect, string> = { graph: GRAPH_ENDPOINT, legacy: LEGACY_ENDPOINT };
const PUBLIC = ['basic', 'public_content'];
const requests = new RequestLog();

interface Mounted {
  provider: IgProvider;
  feed: IgTagFeed;
  token: IslandToken;
}

/** Mounts a provider with a token of `user` and one <ig-tag-feed>; Graph providers get the user id and the island as graph.facebook.com. */
async function mount(api: Dialect, feedAttributes: string, tokenOptions: Parameters<typeof issueToken>[0] = {}): Promise<Mounted> {
  const token = await issueToken({ scopes: PUBLIC, ...tokenOptions });
  const graphAttributes = api === 'graph' ? `facebook-endpoint="${GRAPH_ENDPOINT}" user-id="${token.graph_user_id}"` : '';
  const provider = await fixture<IgProvider>(
    `<ig-provider api="${api}" endpoint="${ENDPOINTS[api]}" ${graphAttributes}><ig-tag-feed ${feedAttributes}></ig-tag-feed></ig-provider>`,
  );
  provider.accessToken = token.access_token;
  return { provider, feed: provider.querySelector('ig-tag-feed')!, token };
}

async function settled(feed: IgTagFeed | IgFeed): Promise<void> {
  await waitUntil(() => feed.state !== 'loading', `feed stayed in "${feed.state}"`, { timeout: 5000 });
  await feed.updateComplete;
}

// Every ig-load and ig-error of the current test, recorded on the document so that events fired
// while a fixture is still being created are not missed.
const loads: Array<{ target: EventTarget | null; detail: IgLoadDetail }> = [];
const errors: Array<{ target: EventTarget | null; detail: IgErrorDetail }> = [];
document.addEventListener('ig-load', (event) => loads.push({ target: event.target, detail: (event as CustomEvent<IgLoadDetail>).detail }));
document.addEventListener('ig-error', (event) => errors.push({ target: event.target, detail: (event as CustomEvent<IgErrorDetail>).detail }));

/** Waits for the next ig-load of `feed`. */
async function loaded(feed: IgTagFeed): Promise<IgLoadDetail> {
  const { detail } = (await oneEvent(feed, 'ig-load')) as CustomEvent<IgLoadDetail>;
  await feed.updateComplete;
  return detail;
}

/** Returns the first ig-load of `feed` in this test, waiting for it when none came yet. */
async function firstLoad(feed: IgTagFeed): Promise<IgLoadDetail> {
  await waitUntil(() => loads.some((entry) => entry.target === feed), 'no ig-load', { timeout: 5000 });
  await feed.updateComplete;
  return loads.find((entry) => entry.target === feed)!.detail;
}

/** Returns the last ig-error of `feed` in this test, waiting for one when none came yet. */
async function failed(feed: IgTagFeed): Promise<IgErrorDetail> {
  await waitUntil(() => errors.some((entry) => entry.target === feed), 'no ig-error', { timeout: 5000 });
  await feed.updateComplete;
  return errors.filter((entry) => entry.target === feed).at(-1)!.detail;
}

function tiles(feed: IgTagFeed | IgFeed): HTMLLIElement[] {
  return [...feed.shadowRoot!.querySelectorAll<HTMLLIElement>('li[part~="item"]')];
}

function ids(feed: IgTagFeed | IgFeed): string[] {
  return tiles(feed).map((item) => item.dataset.id!);
}

/** Returns a tile's markup without what legitimately differs between two feeds: Lit markers, positions and URL expiry times. */
function markup(tile: HTMLLIElement): string {
  return tile.outerHTML.replace(/<!--[^]*?-->/g, '').replace(/ data-index="\d+"/g, '').replace(/oe=[0-9A-F]+/g, 'oe=X');
}

async function tagged(name: string): Promise<IslandPost[]> {
  const data = await dataset();
  return data.posts.filter((post) => post.visible && post.tags.includes(name));
}

function forgetHashtagId(tag: string): void {
  forgetHashtagIdsInMemory();
  localStorage.removeItem(`ig-elements:hashtag-id:${new URL(GRAPH_ENDPOINT, document.baseURI).href}#${tag}`);
}

beforeEach(() => {
  resetWarnings();
  requests.start();
  loads.length = 0;
  errors.length = 0;
});

afterEach(() => {
  assertOnlyLocalRequests();
});

describe('<ig-tag-feed> rendering', () => {
  it('renders legacy tag tiles exactly like ig-feed tiles', async () => {
    const token = await issueToken({ scopes: PUBLIC });
    const provider = await fixture<IgProvider>(html`<ig-provider api="legacy" endpoint=${LEGACY_ENDPOINT}>
      <ig-feed limit="20" show-captions show-dates></ig-feed>
      <ig-tag-feed tag="harbour" limit="20" show-captions show-dates></ig-tag-feed>
    </ig-provider>`);
    provider.accessToken = token.access_token;
    const feed = provider.querySelector('ig-feed')!;
    const tagFeed = provider.querySelector('ig-tag-feed')!;
    await settled(feed);
    await settled(tagFeed);

    const expected = await tagged('harbour');
    expect(ids(tagFeed)).to.deep.equal(expected.map((post) => post.legacyId));
    for (const tile of tiles(tagFeed)) {
      const same = tiles(feed).find((candidate) => candidate.dataset.id === tile.dataset.id)!;
      expect(same, tile.dataset.id).to.exist;
      expect(markup(tile), tile.dataset.id).to.equal(markup(same));
    }
  });

  it('renders Graph tag images exactly like ig-feed tiles', async () => {
    const token = await issueToken({ scopes: PUBLIC });
    const provider = await fixture<IgProvider>(html`<ig-provider api="graph" endpoint=${GRAPH_ENDPOINT}
      facebook-endpoint=${GRAPH_ENDPOINT} user-id=${token.graph_user_id}>
      <ig-feed limit="20" show-captions></ig-feed>
      <ig-tag-feed tag="harbour" order="top" limit="20" show-captions></ig-tag-feed>
    </ig-provider>`);
    provider.accessToken = token.access_token;
    const feed = provider.querySelector('ig-feed')!;
    const tagFeed = provider.querySelector('ig-tag-feed')!;
    await settled(feed);
    await settled(tagFeed);

    const posts = await tagged('harbour');
    const withImage = tiles(tagFeed).filter((tile) => tile.dataset.type !== 'video');
    expect(withImage.length).to.be.greaterThan(1);
    for (const tile of withImage) {
      const same = tiles(feed).find((candidate) => candidate.dataset.id === tile.dataset.id)!;
      expect(markup(tile), tile.dataset.id).to.equal(markup(same));
    }
    expect(tiles(tagFeed)).to.have.length(posts.length);
  });

  it('shows Graph hashtag videos as placeholders linking to the post', async () => {
    const { feed } = await mount('graph', 'tag="reels" order="top" limit="20"');
    await settled(feed);
    const posts = await tagged('reels');
    expect(tiles(feed)).to.have.length(posts.length);
    for (const tile of tiles(feed)) {
      const post = posts.find((candidate) => candidate.graphId === tile.dataset.id)!;
      const link = tile.querySelector('a[part~="link"]')!;
      expect(link.getAttribute('href'), post.shortcode).to.equal(post.permalink);
      expect(tile.querySelector('[part~="placeholder"]'), post.shortcode).to.exist;
      expect(tile.querySelector('[part~="badge-video"]'), post.shortcode).to.exist;
      expect(tile.querySelector('img'), post.shortcode).to.equal(null);
      const label = link.getAttribute('aria-label')!;
      expect(label, post.shortcode).to.match(/^Reel on Instagram: /);
      expect(label, post.shortcode).not.to.contain(' by @');
    }
    await expect(feed).to.be.accessible();
  });

  it('names no user in the alt text of Graph items', async () => {
    const { feed } = await mount('graph', 'tag="soup" order="top"');
    await settled(feed);
    const image = feed.shadowRoot!.querySelector('img')!;
    const post = (await tagged('soup')).find((candidate) => candidate.graphId === image.closest('li')!.dataset.id)!;
    expect(image.getAttribute('alt')).to.equal(post.caption);
    expect(image.src).not.to.match(/\.(mp4|mov|webm)(\?|$)/);
  });
});

describe('<ig-tag-feed> requests', () => {
  it('looks the hashtag id up once, then uses the cache', async () => {
    forgetHashtagId('storm');
    const { feed, token } = await mount('graph', 'tag="#Storm" order="top" limit="7"');
    await settled(feed);

    const searches = requests.matching('/ig_hashtag_search');
    expect(searches).to.have.length(1);
    expect(searches[0]!.searchParams.get('q')).to.equal('storm');
    expect(searches[0]!.searchParams.get('user_id')).to.equal(token.graph_user_id);
    const media = requests.matching('/top_media');
    expect(media).to.have.length(1);
    expect(media[0]!.pathname).to.match(/^\/island\/graph\/v25\.0\/17843\d{12}\/top_media$/);
    expect(media[0]!.searchParams.get('fields')).to.equal(
      'id,caption,media_type,media_url,permalink,timestamp,like_count,comments_count,children{id,media_type,media_url,permalink}',
    );
    expect(media[0]!.searchParams.get('limit')).to.equal('7');
    expect(media[0]!.searchParams.get('user_id')).to.equal(token.graph_user_id);

    await feed.refresh();
    await settled(feed);
    const second = await fixture<IgTagFeed>(html`<ig-tag-feed tag="storm" order="top" api="graph" endpoint=${GRAPH_ENDPOINT}
      facebook-endpoint=${GRAPH_ENDPOINT} user-id=${token.graph_user_id} .accessToken=${token.access_token}></ig-tag-feed>`);
    await settled(second);
    expect(ids(second)).to.deep.equal(ids(feed));
    expect(requests.matching('/ig_hashtag_search'), 'lookups after refresh and a second element').to.have.length(1);
    expect(requests.matching('/top_media').length).to.be.greaterThan(1);
  });

  it('requests the legacy tag endpoint with the normalized tag', async () => {
    const { feed } = await mount('legacy', 'tag="  #Rösti " limit="5"');
    await settled(feed);
    const [request] = requests.matching('/tags/');
    expect(request!.pathname).to.equal(`/island/v1/tags/${encodeURIComponent('rösti')}/media/recent`);
    expect(request!.searchParams.get('count')).to.equal('5');
    expect(ids(feed)).to.deep.equal((await tagged('rösti')).map((post) => post.legacyId));
  });

  it('uses its own facebook-endpoint and user-id over the provider', async () => {
    const token = await issueToken({ scopes: PUBLIC });
    const other = await issueToken({ user: 'alpine.kitchen' });
    // The provider points at a path that does not exist, so only the element's own settings can succeed.
    const provider = await fixture<IgProvider>(html`<ig-provider api="graph" endpoint=${GRAPH_ENDPOINT}
      facebook-endpoint="/island/nowhere" user-id=${other.graph_user_id} .accessToken=${token.access_token}>
      <ig-tag-feed tag="soup" order="top" facebook-endpoint=${GRAPH_ENDPOINT} user-id=${token.graph_user_id}></ig-tag-feed>
    </ig-provider>`);
    const feed = provider.querySelector('ig-tag-feed')!;
    await settled(feed);
    expect(feed.state).to.equal('ready');
    expect(requests.matching('/nowhere')).to.have.length(0);
    expect(requests.matching('/top_media')[0]!.searchParams.get('user_id')).to.equal(token.graph_user_id);
  });

  it('loads again when the tag changes', async () => {
    const { feed } = await mount('legacy', 'tag="soup"');
    await settled(feed);
    feed.tag = 'lighthouse';
    await loaded(feed);
    expect(ids(feed)).to.deep.equal((await tagged('lighthouse')).map((post) => post.legacyId));
  });
});

describe('<ig-tag-feed> paging', () => {
  for (const api of ['graph', 'legacy'] as const) {
    it(`loads more on ${api} until the last page`, async () => {
      const { feed } = await mount(api, 'tag="reels" order="top" limit="3" load-more="button"');
      await settled(feed);
      expect(tiles(feed)).to.have.length(3);
      expect(feed.hasMore).to.equal(true);

      feed.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
      const detail = await loaded(feed);
      const posts = await tagged('reels');
      expect(detail.items).to.have.length(posts.length);
      expect(detail.hasMore).to.equal(false);
      expect(feed.shadowRoot!.querySelector('[part~="load-more"]')).to.equal(null);

      const pages = requests.matching(api === 'graph' ? '/top_media' : '/media/recent');
      const cursor = api === 'graph' ? 'after' : 'max_tag_id';
      expect(pages[0]!.searchParams.get(cursor)).to.equal(null);
      expect(pages[1]!.searchParams.get(cursor)).to.be.a('string');
    });
  }
});

describe('<ig-tag-feed> invalid input', () => {
  const bad = ['', '   ', '#', '##reels', 'two words', 'dot.ted', 'dash-ed', 'tag!', '🌊', '#a #b'];
  for (const value of bad) {
    it(`rejects tag=${JSON.stringify(value)}`, async () => {
      const logged: unknown[][] = [];
      const originalError = console.error;
      console.error = (...args: unknown[]) => logged.push(args);
      try {
        const { feed } = await mount('legacy', `tag="${value}"`);
        const { error } = await failed(feed);
        expect(error.kind).to.equal('invalid-attribute');
        expect(error.message).to.contain(`"${value}"`);
        expect(error.message).to.contain('letters, digits and underscores');
        expect(feed.state).to.equal('error');
        expect(feed.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain(`"${value}"`);
        expect(logged.some(([line]) => String(line).includes(`"${value}"`)), 'console message names the value').to.equal(true);
        expect(requests.matching('/tags/')).to.have.length(0);
      } finally {
        console.error = originalError;
      }
    });
  }

  it('reports a missing tag attribute', async () => {
    const { feed } = await mount('graph', '');
    const { error } = await failed(feed);
    expect(feed.state).to.equal('error');
    expect(error.kind).to.equal('invalid-attribute');
    expect(error.message).to.match(/^No tag is set/);
    await expect(feed).to.be.accessible();
  });

  it('accepts case, spaces around and a leading #', async () => {
    for (const value of ['LIGHTHOUSE', '  #Lighthouse  ', '#lighthouse']) {
      const { feed } = await mount('legacy', `tag="${value}"`);
      await settled(feed);
      expect(feed.state, value).to.equal('ready');
      expect(feed.normalizedTag, value).to.equal('lighthouse');
    }
  });

  it('explains a missing IG user id on Graph', async () => {
    const token = await issueToken({ scopes: PUBLIC });
    const provider = await fixture<IgProvider>(html`<ig-provider api="graph" endpoint=${GRAPH_ENDPOINT} facebook-endpoint=${GRAPH_ENDPOINT}
      .accessToken=${token.access_token}><ig-tag-feed tag="soup" order="top"></ig-tag-feed></ig-provider>`);
    const feed = provider.querySelector('ig-tag-feed')!;
    const { error } = await failed(feed);
    expect(error.kind).to.equal('invalid-attribute');
    expect(error.message).to.contain('IG user id');
    expect(error.message).to.contain('Facebook Login');
    expect(feed.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('IG user id');
    expect(requests.urls()).to.have.length(0);
    await expect(feed).to.be.accessible();

    feed.userId = token.graph_user_id;
    await firstLoad(feed);
    expect(feed.state).to.equal('ready');
  });

  it('warns once that legacy has no top order', async () => {
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(String(args[0]));
    try {
      const { feed } = await mount('legacy', 'tag="reels" order="top" limit="2" load-more="button"');
      await settled(feed);
      await feed.loadMore();
      const topWarnings = warnings.filter((line) => line.includes('order="top"'));
      expect(topWarnings).to.have.length(1);
      expect(topWarnings[0]).to.contain('api="legacy"');
      expect(ids(feed)).to.deep.equal((await tagged('reels')).slice(0, 4).map((post) => post.legacyId));
    } finally {
      console.warn = originalWarn;
    }
  });

  it('falls back to recent for an unknown order', async () => {
    const { feed } = await mount('graph', 'tag="reels" order="popular"');
    await settled(feed);
    expect(requests.matching('/recent_media')).to.have.length(1);
  });
});

describe('<ig-tag-feed> errors and empty results', () => {
  it('names the public_content scope on legacy', async () => {
    const { feed } = await mount('legacy', 'tag="reels"', { scopes: ['basic'] });
    const { error } = await failed(feed);
    expect(error.kind).to.equal('permission');
    expect(error.message).to.contain('scope=public_content');
    expect(error.hint).to.contain('scope=public_content');
    expect(feed.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('scope=public_content');
    await expect(feed).to.be.accessible();
  });

  it('names the Public Content Access feature on Graph', async () => {
    const { feed } = await mount('graph', 'tag="reels"', { scopes: ['basic'] });
    const { error } = await failed(feed);
    expect(error.kind).to.equal('permission');
    expect(error.code).to.equal(10);
    expect(error.hint).to.contain('Instagram Public Content Access');
  });

  it('explains an empty legacy result with the sandbox', async () => {
    const { feed } = await mount('legacy', 'tag="archive"');
    const detail = await firstLoad(feed);
    expect(detail.items).to.deep.equal([]);
    expect(detail.reason).to.contain('20 most recent posts of each sandbox user');
    expect(feed.state).to.equal('empty');
    expect(feed.shadowRoot!.querySelector('[part~="empty"]')!.textContent).to.contain(detail.reason!);
    await expect(feed).to.be.accessible();
  });

  it('explains an empty Graph recent result with 24 hours', async () => {
    const { feed } = await mount('graph', 'tag="reels"');
    const detail = await firstLoad(feed);
    expect(detail.items).to.deep.equal([]);
    expect(detail.reason).to.contain('last 24 hours');
    expect(feed.shadowRoot!.querySelector('[part~="empty"]')!.textContent).to.contain('last 24 hours');
    await expect(feed).to.be.accessible();
  });

  it('shows recent Graph posts within 24 hours of the island clock', async () => {
    const token = await issueToken({ scopes: PUBLIC });
    await setHashtagClock(token.access_token, DATASET_BASE_TIME);
    const provider = await fixture<IgProvider>(html`<ig-provider api="graph" endpoint=${GRAPH_ENDPOINT} facebook-endpoint=${GRAPH_ENDPOINT}
      user-id=${token.graph_user_id} .accessToken=${token.access_token}><ig-tag-feed tag="reels"></ig-tag-feed></ig-provider>`);
    const feed = provider.querySelector('ig-tag-feed')!;
    const detail = await firstLoad(feed);
    const base = Date.parse(DATASET_BASE_TIME) / 1000;
    const expected = (await tagged('reels')).filter((post) => post.createdTime > base - 86_400 && post.createdTime <= base);
    expect(detail.items.map((item) => item.id)).to.deep.equal(expected.map((post) => post.graphId));
    expect(detail.reason).to.equal(undefined);
  });

  it('gives no search reason when filters hide every item', async () => {
    const { feed } = await mount('legacy', 'tag="lighthouse" media-types="video"');
    const detail = await firstLoad(feed);
    expect(detail.items).to.deep.equal([]);
    expect(feed.items.length).to.be.greaterThan(0);
    expect(detail.reason).to.equal(undefined);
    expect(feed.state).to.equal('empty');
    expect(feed.shadowRoot!.querySelector('[part~="empty"]')!.textContent).not.to.contain('sandbox');
  });

  it('gives no reason for an empty Graph top result', async () => {
    const { feed } = await mount('graph', 'tag="archive" order="top"');
    const detail = await firstLoad(feed);
    expect(detail.items).to.deep.equal([]);
    expect(detail.reason).to.equal(undefined);
    expect(feed.state).to.equal('empty');
  });

  it('is accessible while loading and when ready', async () => {
    const token = await issueToken({ scopes: PUBLIC });
    await addFaults(token.access_token, [{ delayMs: 400 }]);
    const provider = await fixture<IgProvider>(html`<ig-provider api="legacy" endpoint=${LEGACY_ENDPOINT}
      .accessToken=${token.access_token}><ig-tag-feed tag="reels" limit="4"></ig-tag-feed></ig-provider>`);
    const feed = provider.querySelector('ig-tag-feed')!;
    await feed.updateComplete;
    expect(feed.state).to.equal('loading');
    expect(feed.shadowRoot!.querySelectorAll('[part~="skeleton"]').length).to.be.greaterThan(0);
    await expect(feed).to.be.accessible();
    await settled(feed);
    expect(feed.state).to.equal('ready');
    await expect(feed).to.be.accessible();
  });
});

describe('<ig-tag-feed> hashtag budget', () => {
  // city.cyclist's IG user id is used only here, so seeding its budget disturbs no other test.
  const USER = 'city.cyclist';

  it('warns from the 25th unique hashtag', async () => {
    const token = await issueToken({ user: USER });
    const restore = seedBudget(token.graph_user_id, 24);
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(String(args[0]));
    try {
      const { feed } = await mount('graph', 'tag="soup" order="top"', { user: USER });
      await settled(feed);
      expect(feed.state).to.equal('ready');
      const budget = warnings.filter((line) => line.includes('Hashtag budget'));
      expect(budget).to.have.length(1);
      expect(budget[0]).to.contain('25 of 30');
    } finally {
      console.warn = originalWarn;
      restore();
    }
  });

  it('refuses a 31st unique hashtag with the time it frees up', async () => {
    const token = await issueToken({ user: USER });
    const restore = seedBudget(token.graph_user_id, 30);
    try {
      const { feed } = await mount('graph', 'tag="soup" order="top"', { user: USER });
      const { error } = await failed(feed);
      expect(error.kind).to.equal('rate-limit');
      expect(error.message).to.match(/can be searched after \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/);
      expect(error.retryAfter).to.be.greaterThan(3 * 86_400);
      expect(feed.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('hashtag budget is used up');
      expect(requests.urls()).to.have.length(0);
      await expect(feed).to.be.accessible();
    } finally {
      restore();
    }
  });
});
