import { expect, waitUntil } from '@open-wc/testing';
import { MEDIA_FIELDS } from '../../src/api/graph-map.js';
import type { IgFeed } from '../../src/classes.js';
import { itemNodes, mountFeed, nextEvent, requestsTo, settled, shadow } from '../support/feed.js';
import { GRAPH_ENDPOINT, addFaults, issueToken } from '../support/island.js';

const PAGE_PATH = '/me/media';

function afterCursors(urls: URL[]): Array<string | null> {
  return requestsTo(urls, PAGE_PATH).map((url) => url.searchParams.get('after'));
}

/** Waits `ms` milliseconds, to show that nothing else happens in that time (no event can signal an absence). */
function quietPeriod(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Reads one Graph page straight from the island, as the feed would get it. */
async function graphPage(token: string, after?: string): Promise<{ data: unknown[]; paging: { cursors: { after: string }; next?: string } }> {
  const url = new URL(`${GRAPH_ENDPOINT}/v25.0/me/media`, document.baseURI);
  url.searchParams.set('fields', MEDIA_FIELDS);
  url.searchParams.set('limit', '3');
  if (after) url.searchParams.set('after', after);
  url.searchParams.set('access_token', token);
  return (await fetch(url)).json();
}

describe('feed load-more="scroll"', () => {
  it('loads each page once until the last one', async () => {
    const { feed, urls } = await mountFeed({ record: true, attributes: 'limit="3" load-more="scroll"' });
    await waitUntil(() => feed.state === 'ready' && !feed.hasMore, 'the feed did not reach its last page', { timeout: 10000 });
    await feed.updateComplete;
    await quietPeriod(300);

    const cursors = afterCursors(urls);
    expect(cursors).to.have.length(7);
    expect(cursors[0]).to.equal(null);
    expect(new Set(cursors).size, 'no page requested twice').to.equal(7);
    expect(itemNodes(feed)).to.have.length(20);
    expect(shadow(feed).querySelector('[part~="sentinel"]'), 'no sentinel after the last page').to.equal(null);
  });

  it('requests nothing more while a page is in flight', async () => {
    const token = await issueToken();
    // The margin keeps the sentinel out of view (and out of the observer's margin) at first.
    const { feed, urls } = await mountFeed({ record: true, token, attributes: 'limit="3" load-more="scroll" style="display: block; margin-top: 1600px"' });
    let loads = 0;
    feed.addEventListener('ig-load', () => loads++);
    await settled(feed);
    expect(afterCursors(urls)).to.have.length(1);

    await addFaults(token.access_token, [{ match: PAGE_PATH, delayMs: 500 }]);
    feed.scrollIntoView();
    await waitUntil(() => afterCursors(urls).length === 2, 'scrolling to the end did not request page 2');
    // While page 2 is on its way, the sentinel leaves and enters the viewport again and loadMore() is called directly.
    window.scrollTo(0, 0);
    await new Promise(requestAnimationFrame);
    feed.scrollIntoView();
    await Promise.all([feed.loadMore(), feed.loadMore()]);
    // Scrolling on to the end loads the remaining pages.
    await waitUntil(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      return !feed.hasMore;
    }, 'the feed did not reach its last page', { timeout: 6000 });
    await quietPeriod(200);

    const cursors = afterCursors(urls);
    expect(new Set(cursors).size, 'no page requested twice').to.equal(cursors.length);
    // The transport merges identical requests in flight, so a second request would show as a second ig-load.
    expect(loads, 'one ig-load per page').to.equal(cursors.length);
    expect(itemNodes(feed)).to.have.length(20);
  });

  it('stops when the API repeats a cursor', async () => {
    const token = await issueToken();
    const first = await graphPage(token.access_token);
    const second = await graphPage(token.access_token, first.paging.cursors.after);
    // A faulty backend returns page 2 with new items but page 1's cursor again.
    const looping = { ...second, paging: { ...first.paging } };
    await addFaults(token.access_token, [{ match: PAGE_PATH }, { match: PAGE_PATH, body: looping }]);

    const { feed, urls } = await mountFeed({ record: true, token, attributes: 'limit="3" load-more="scroll"' });
    await waitUntil(() => afterCursors(urls).length === 2 && feed.state === 'ready', 'page 2 was not requested');
    await feed.updateComplete;
    await quietPeriod(300);

    expect(afterCursors(urls)).to.deep.equal([null, first.paging.cursors.after]);
    expect(feed.hasMore).to.equal(false);
    expect(itemNodes(feed)).to.have.length(6);
  });

  it('pauses after a failed page until "Try again"', async () => {
    const token = await issueToken();
    await addFaults(token.access_token, [{ match: PAGE_PATH }, { match: PAGE_PATH, status: 500, body: { error: { message: 'boom', code: 2 } } }]);
    const { feed, urls } = await mountFeed({ record: true, token, attributes: 'limit="3" load-more="scroll"' });
    const failed = nextEvent(feed, 'ig-error');
    await failed;
    await feed.updateComplete;
    await quietPeriod(300);
    expect(afterCursors(urls)).to.have.length(2);
    expect(shadow(feed).querySelector('[part~="sentinel"]')).to.equal(null);
    expect(shadow(feed).querySelector('[part~="more-error"]')!.textContent).to.contain('Loading more failed');

    const loaded = nextEvent(feed, 'ig-load');
    shadow(feed).querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
    await loaded;
    await waitUntil(() => !feed.hasMore, 'scrolling did not resume after the retry', { timeout: 10000 });
    expect(itemNodes(feed)).to.have.length(20);
  });

  it('loads the next page at the end of a carousel track', async () => {
    const { feed, urls } = await mountFeed({ record: true, attributes: 'layout="carousel" limit="3" load-more="scroll"' });
    await settled(feed);
    await quietPeriod(200);
    expect(afterCursors(urls), 'the sentinel far along the track loads nothing yet').to.have.length(1);

    const track = shadow(feed).querySelector<HTMLElement>('[part~="track"]')!;
    expect(track.querySelector('[part~="sentinel"]')).to.exist;
    track.scrollLeft = track.scrollWidth;
    await waitUntil(() => itemNodes(feed).length === 6, 'the carousel did not load page 2');
    expect(afterCursors(urls)).to.have.length(2);
  });

  it('is accessible while more pages exist', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="3" load-more="scroll"' });
    await settled(feed);
    await expect(feed as IgFeed).to.be.accessible();
  });
});
