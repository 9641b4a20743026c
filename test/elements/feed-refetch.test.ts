import { expect, waitUntil } from '@open-wc/testing';
import type { IgErrorDetail, IgFeed } from '../../src/classes.js';
import { MEDIA_FIELDS } from '../../src/api/graph-map.js';
import { itemNodes, mountFeed, nextEvent, requestsTo, settled, type Dialect } from '../support/feed.js';
import { ENDPOINTS } from '../support/feed.js';
import { addFaults, issueToken, type IslandToken } from '../support/island.js';

type Json = Record<string, any>;

/** Replaces the signed expiry of every island media URL in `value` with `oe`; 1 means 1970, long expired. */
function withExpiry<T>(value: T, oe: string): T {
  return JSON.parse(JSON.stringify(value).replace(/oe=[0-9A-F]+/g, `oe=${oe}`)) as T;
}

/** Reads the first page straight from the island, as the feed would receive it. */
async function firstPage(api: Dialect, token: IslandToken, count: number): Promise<Json> {
  const url = api === 'graph'
    ? new URL(`${ENDPOINTS.graph}/v25.0/me/media`, document.baseURI)
    : new URL(`${ENDPOINTS.legacy}/users/self/media/recent`, document.baseURI);
  if (api === 'graph') url.searchParams.set('fields', MEDIA_FIELDS);
  url.searchParams.set(api === 'graph' ? 'limit' : 'count', String(count));
  url.searchParams.set('access_token', token.access_token);
  return (await fetch(url)).json() as Promise<Json>;
}

function tileImage(feed: IgFeed, index: number): HTMLImageElement | null {
  return itemNodes(feed)[index]!.querySelector<HTMLImageElement>('img[part~="media"]');
}

const loaded = (image: HTMLImageElement | null) => !!image && image.complete && image.naturalWidth > 0;

/** Waits `ms` milliseconds, to show that no further request follows (no event can signal an absence). */
function quietPeriod(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('feed expired images', () => {
  for (const api of ['graph', 'legacy'] as const) {
    it(`fetches one expired ${api} item again and shows its fresh image`, async () => {
      const token = await issueToken();
      const page = await firstPage(api, token, 4);
      const target = page.data[2];
      page.data[2] = withExpiry(target, '1');
      const listPath = api === 'graph' ? '/me/media' : '/media/recent';
      await addFaults(token.access_token, [{ match: listPath, body: page }]);

      const { feed, urls } = await mountFeed({ api, token, record: true, attributes: 'limit="4"' });
      await settled(feed);
      await waitUntil(() => loaded(tileImage(feed, 2)), 'the expired image was not replaced', { timeout: 5000 });
      await quietPeriod(200);

      expect(tileImage(feed, 2)!.src).not.to.contain('oe=1&').and.not.to.match(/oe=1$/);
      expect(requestsTo(urls, listPath), 'the feed itself is not fetched again').to.have.length(1);
      const single = requestsTo(urls, new RegExp(`/${target.id}$`));
      expect(single, 'one request for the expired item').to.have.length(1);
      expect(urls.length, 'no other request').to.equal(2);
      for (const index of [0, 1, 3]) expect(itemNodes(feed)[index]!.querySelector('[part~="placeholder"]')).to.equal(null);
    });
  }

  it('fetches an album again when its cover child expired', async () => {
    const token = await issueToken();
    const page = await firstPage('graph', token, 3);
    const index = page.data.findIndex((item: Json) => item.media_type === 'CAROUSEL_ALBUM');
    page.data[index].children.data[0] = withExpiry(page.data[index].children.data[0], '1');
    await addFaults(token.access_token, [{ match: '/me/media', body: page }]);
    const { feed, urls } = await mountFeed({ token, record: true, attributes: 'limit="3"' });
    await settled(feed);
    await waitUntil(() => loaded(tileImage(feed, index)), 'the album cover was not replaced');
    expect(requestsTo(urls, new RegExp(`/${page.data[index].id}$`))).to.have.length(1);
  });

  it('shows the placeholder when the fresh image fails too', async () => {
    const token = await issueToken();
    const page = await firstPage('graph', token, 3);
    const target = page.data[2];
    page.data[2] = withExpiry(target, '1');
    // The refetched copy carries another URL that has expired as well.
    await addFaults(token.access_token, [
      { match: '/me/media', body: page },
      { match: `/${target.id}`, body: withExpiry(target, '2') },
    ]);
    const { feed, urls } = await mountFeed({ token, record: true, attributes: 'limit="3"' });
    await settled(feed);
    await waitUntil(() => itemNodes(feed)[2]!.querySelector('[part~="placeholder"]'), 'no placeholder after the second failure');
    await quietPeriod(300);

    const tile = itemNodes(feed)[2]!;
    expect(tile.querySelector('img')).to.equal(null);
    expect(tile.querySelector('[part~="link"]')!.getAttribute('href')).to.equal(target.permalink);
    expect(tile.querySelector('[part~="link"]')!.getAttribute('aria-label'), 'the link is still named').to.match(/^Photo on Instagram by @harbour.lights on .+/);
    expect(requestsTo(urls, new RegExp(`/${target.id}$`))).to.have.length(1);
    await expect(feed).to.be.accessible();
  });

  it('shows the placeholder at once when the fresh copy has the same URL', async () => {
    const token = await issueToken();
    const page = await firstPage('graph', token, 3);
    const expired = withExpiry(page.data[1], '1');
    page.data[1] = expired;
    await addFaults(token.access_token, [{ match: '/me/media', body: page }, { match: `/${expired.id}`, body: expired }]);
    const { feed, urls } = await mountFeed({ token, record: true, attributes: 'limit="3"' });
    await settled(feed);
    await waitUntil(() => itemNodes(feed)[1]!.querySelector('[part~="placeholder"]'), 'no placeholder');
    await quietPeriod(300);
    expect(requestsTo(urls, new RegExp(`/${expired.id}$`))).to.have.length(1);
  });

  it('reports a failed refetch and keeps the feed ready', async () => {
    const token = await issueToken();
    const page = await firstPage('graph', token, 3);
    const target = page.data[2];
    page.data[2] = withExpiry(target, '1');
    await addFaults(token.access_token, [
      { match: '/me/media', body: page },
      { match: `/${target.id}`, status: 500, body: { error: { message: 'Service temporarily unavailable', code: 2 } } },
    ]);
    const { feed } = await mountFeed({ token, record: true, attributes: 'limit="3"' });
    const failure = nextEvent<CustomEvent<IgErrorDetail>>(feed, 'ig-error');
    await settled(feed);
    const { detail } = await failure;
    await feed.updateComplete;
    expect(detail.error.kind).to.equal('server');
    expect(feed.state).to.equal('ready');
    expect(itemNodes(feed)[2]!.querySelector('[part~="placeholder"]')).to.exist;
  });
});
