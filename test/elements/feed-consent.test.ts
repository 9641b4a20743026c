import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { IgFeed, IgProvider } from '../../src/classes.js';
import { dialogOf, itemNodes, nextEvent, settled, shadow } from '../support/feed.js';
import { GRAPH_ENDPOINT, issueToken } from '../support/island.js';

/** Requests this page made to the island's API and images since `since` (from the browser's resource timing). */
function instagramRequests(since: number): string[] {
  return performance.getEntriesByType('resource')
    .filter((entry) => entry.startTime >= since)
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/island/graph') || path.startsWith('/island/media'));
}

/** Waits `ms` milliseconds, to show that nothing is requested in that time (no event can signal an absence). */
function quietPeriod(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function mountWithConsent(feedAttributes = 'limit="3"', children = ''): Promise<{ provider: IgProvider; feed: IgFeed; since: number }> {
  const token = await issueToken();
  const since = performance.now();
  const provider = await fixture<IgProvider>(html`<ig-provider consent="required" api="graph" endpoint=${GRAPH_ENDPOINT} .accessToken=${token.access_token}>
    <ig-feed></ig-feed></ig-provider>`);
  const feed = provider.querySelector('ig-feed')!;
  for (const attribute of feedAttributes.split(' ').filter(Boolean)) {
    const [name, value] = attribute.split('=');
    feed.setAttribute(name!, (value ?? '').replace(/"/g, ''));
  }
  feed.innerHTML = children;
  await feed.updateComplete;
  return { provider, feed, since };
}

describe('feed consent', () => {
  it('requests nothing and shows the consent box until grant()', async () => {
    const { provider, feed, since } = await mountWithConsent('limit="3"', '<a href="https://www.instagram.com/harbour.lights/">Our Instagram</a>');
    await quietPeriod(400);
    expect(instagramRequests(since)).to.deep.equal([]);
    expect(feed.state).to.equal('loading');
    const box = shadow(feed).querySelector('[part~="consent"]')!;
    expect(box.textContent).to.contain('These posts are hosted on Instagram.');
    expect(shadow(feed).querySelector('[part~="consent-button"]')!.textContent).to.equal('Allow Instagram content');
    const fallback = shadow(feed).querySelector<HTMLSlotElement>('slot:not([name])')!;
    expect(fallback.assignedElements()[0]!.textContent).to.equal('Our Instagram');
    expect(shadow(feed).querySelector('img, [part~="skeleton"]')).to.equal(null);
    await expect(feed).to.be.accessible();

    provider.grant();
    await settled(feed);
    expect(feed.state).to.equal('ready');
    expect(itemNodes(feed)).to.have.length(3);
    expect(instagramRequests(since).some((path) => path.endsWith('/me/media'))).to.equal(true);
  });

  it('grants through the built-in button after a cancelable ig-consent-request', async () => {
    const { feed } = await mountWithConsent();
    const request = nextEvent(feed, 'ig-consent-request');
    feed.addEventListener('ig-consent-request', (event) => event.preventDefault(), { once: true });
    shadow(feed).querySelector<HTMLButtonElement>('[part~="consent-button"]')!.click();
    expect((await request).cancelable).to.equal(true);
    await feed.updateComplete;
    expect(shadow(feed).querySelector('[part~="consent"]'), 'a cancelled request grants nothing').to.exist;

    shadow(feed).querySelector<HTMLButtonElement>('[part~="consent-button"]')!.click();
    await settled(feed);
    expect(feed.state).to.equal('ready');
  });

  it('lets the consent slot replace the message', async () => {
    const { feed } = await mountWithConsent('limit="3"', '<p slot="consent">Please accept cookies first.</p>');
    const slot = shadow(feed).querySelector<HTMLSlotElement>('slot[name="consent"]')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Please accept cookies first.');
  });

  it('revoke() removes loaded items and requests nothing more', async () => {
    const { provider, feed } = await mountWithConsent('limit="4" load-more="button"');
    provider.grant();
    await settled(feed);
    itemNodes(feed)[0]!.querySelector<HTMLElement>('[part~="link"]')!.click();
    await waitUntil(() => dialogOf(feed)?.open, 'the lightbox did not open');

    provider.revoke();
    await provider.updateComplete;
    await feed.updateComplete;
    const since = performance.now();
    expect(feed.items).to.have.length(0);
    expect(itemNodes(feed)).to.have.length(0);
    expect(shadow(feed).querySelector('img')).to.equal(null);
    expect(dialogOf(feed)).to.equal(null);
    expect(shadow(feed).querySelector('[part~="consent"]')).to.exist;
    await feed.loadMore();
    await quietPeriod(300);
    expect(instagramRequests(since)).to.deep.equal([]);

    provider.grant();
    await settled(feed);
    expect(itemNodes(feed)).to.have.length(4);
  });

  it('grants through the event named by consent-event', async () => {
    const { provider, feed } = await mountWithConsent();
    provider.consentEvent = 'cookie-consent-given';
    await provider.updateComplete;
    window.dispatchEvent(new Event('cookie-consent-given'));
    await settled(feed);
    expect(feed.state).to.equal('ready');
  });
});
