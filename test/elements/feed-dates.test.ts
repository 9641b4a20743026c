import { expect, fixture as mountHtml, html } from '@open-wc/testing';
import type { IgFeed, IgMedia, IgProvider } from '../../src/classes.js';
import { itemNodes, mountFeed, settled, shadow } from '../support/feed.js';
import { GRAPH_ENDPOINT, addFaults, fixture, issueToken, visiblePosts } from '../support/island.js';

/** Drops every image URL, so items from recorded fixtures (real CDN URLs) never make the browser contact the internet. */
const withoutImages = (item: IgMedia): IgMedia => ({ ...item, mediaUrl: undefined, thumbnailUrl: undefined, children: undefined });

function medium(locale: string | undefined, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

function times(feed: IgFeed): HTMLTimeElement[] {
  return [...shadow(feed).querySelectorAll<HTMLTimeElement>('time[part~="date"]')];
}

describe('feed dates', () => {
  for (const locale of ['en-US', 'de-DE', 'ja-JP', 'ar-EG']) {
    it(`formats dates for lang="${locale}"`, async () => {
      const { feed } = await mountFeed({ attributes: `limit="4" show-dates lang="${locale}"` });
      await settled(feed);
      const posts = await visiblePosts('harbour.lights');
      const shown = times(feed);
      expect(shown).to.have.length(4);
      shown.forEach((time, index) => {
        const iso = new Date(posts[index]!.createdTime * 1000).toISOString();
        expect(time.getAttribute('datetime')).to.equal(iso);
        expect(time.textContent).to.equal(medium(locale, iso));
      });
    });
  }

  it('takes the language from an ancestor', async () => {
    const token = await issueToken();
    const provider = await mountHtml<IgProvider>(html`<div lang="fr-FR"><ig-provider api="graph" endpoint=${GRAPH_ENDPOINT} .accessToken=${token.access_token}>
      <ig-feed limit="2" show-dates></ig-feed></ig-provider></div>`);
    const feed = provider.querySelector('ig-feed')!;
    await settled(feed);
    const time = times(feed)[0]!;
    expect(time.textContent).to.equal(medium('fr-FR', time.dateTime));
  });

  it('takes the language from the document', async () => {
    const root = document.documentElement;
    const previous = root.getAttribute('lang');
    root.setAttribute('lang', 'pt-BR');
    try {
      const { feed } = await mountFeed({ attributes: 'limit="2" show-dates' });
      await settled(feed);
      const time = times(feed)[0]!;
      expect(time.textContent).to.equal(medium('pt-BR', time.dateTime));
    } finally {
      if (previous === null) root.removeAttribute('lang');
      else root.setAttribute('lang', previous);
    }
  });

  it('falls back to the browser locale for an invalid lang', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="2" show-dates lang="not a language!"' });
    await settled(feed);
    expect(feed.state).to.equal('ready');
    const time = times(feed)[0]!;
    expect(time.textContent).to.equal(medium(undefined, time.dateTime));
  });

  it('shows no dates without show-dates in the grid', async () => {
    const { feed } = await mountFeed({ attributes: 'limit="3"' });
    await settled(feed);
    expect(times(feed)).to.have.length(0);
  });

  it('reads recorded Graph timestamps with a +0000 offset', async () => {
    const token = await issueToken();
    await addFaults(token.access_token, [{ match: '/media', fixture: 'graph/me-media-page1.json' }]);
    const recorded = await fixture<{ data: Array<{ timestamp: string }> }>('graph/me-media-page1.json');
    const { feed } = await mountFeed({ token, attributes: 'limit="2" show-dates lang="en-GB"', properties: { transform: withoutImages } });
    await settled(feed);
    const shown = times(feed);
    expect(shown).to.have.length(recorded.data.length);
    shown.forEach((time, index) => {
      // "2020-02-13T10:35:40+0000" written with the colon that every Date parser accepts.
      const iso = new Date(recorded.data[index]!.timestamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString();
      expect(time.getAttribute('datetime')).to.equal(iso);
      expect(time.textContent).to.equal(medium('en-GB', iso));
    });
    expect(shadow(feed).querySelector('img'), 'no recorded CDN image is requested').to.equal(null);
  });

  it('reads legacy created_time, Unix seconds in a string', async () => {
    const token = await issueToken();
    const recorded = await fixture<{ data: { created_time: string } }>('legacy/media-carousel-images.json');
    await addFaults(token.access_token, [{ match: '/media/recent', body: { meta: { code: 200 }, data: [recorded.data], pagination: {} } }]);
    const { feed } = await mountFeed({ api: 'legacy', token, attributes: 'limit="2" layout="list" lang="en-GB"', properties: { transform: withoutImages } });
    await settled(feed);
    const time = times(feed)[0]!;
    const iso = new Date(Number(recorded.data.created_time) * 1000).toISOString();
    expect(time.getAttribute('datetime')).to.equal(iso);
    expect(time.textContent).to.equal(medium('en-GB', iso));
  });

  it('leaves out the date of an item without a usable time', async () => {
    const { feed } = await mountFeed({
      attributes: 'limit="3" show-dates',
      properties: { transform: (item: IgMedia) => (item.type === 'carousel' ? { ...item, timestamp: 'yesterday' } : item) },
    });
    await settled(feed);
    for (const node of itemNodes(feed)) {
      expect(node.querySelector('time') === null, node.dataset.type).to.equal(node.dataset.type === 'carousel');
    }
  });
});
