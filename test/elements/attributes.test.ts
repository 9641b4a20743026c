import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { IgFeed, IgProvider } from '../../src/classes.js';
import { resetWarnings } from '../../src/internal/dev.js';
import { GRAPH_ENDPOINT, issueToken } from '../support/island.js';

/** Captures console.warn calls for one test; the original is restored afterwards. */
function captureWarnings(): { messages: string[]; restore: () => void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(String(args[0]));
  };
  return { messages, restore: () => { console.warn = original; } };
}

async function mountFeed(attributes: Record<string, string>) {
  const token = await issueToken();
  const provider = await fixture<IgProvider>(html`<ig-provider api="graph" endpoint=${GRAPH_ENDPOINT} .accessToken=${token.access_token}><ig-feed></ig-feed></ig-provider>`);
  const feed = provider.querySelector('ig-feed')!;
  for (const [name, value] of Object.entries(attributes)) feed.setAttribute(name, value);
  await waitUntil(() => feed.state === 'ready', 'feed did not load', { timeout: 5000 });
  await feed.updateComplete;
  return { provider, feed };
}

describe('invalid attribute values', () => {
  let capture: ReturnType<typeof captureWarnings>;
  beforeEach(() => {
    resetWarnings();
    capture = captureWarnings();
  });
  afterEach(() => capture.restore());

  const limits = ['abc', '0', '-3', '2.5', '101'];
  for (const value of limits) {
    it(`limit="${value}" falls back to 12`, async () => {
      const { feed } = await mountFeed({ limit: value });
      expect(feed.shadowRoot!.querySelectorAll('li[part~="item"]')).to.have.length(12);
      const warnings = capture.messages.filter((message) => message.includes('limit='));
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain(`<ig-feed> limit="${value}" is invalid`);
      expect(warnings[0]).to.contain('a whole number from 1 to 100');
    });
  }

  it('warns once for a repeated bad value', async () => {
    const { feed } = await mountFeed({ limit: 'many' });
    feed.requestUpdate();
    await feed.updateComplete;
    feed.requestUpdate();
    await feed.updateComplete;
    expect(capture.messages.filter((message) => message.includes('limit="many"'))).to.have.length(1);
  });

  it('load-more="bogus" falls back to none', async () => {
    const { feed } = await mountFeed({ 'load-more': 'bogus', limit: '3' });
    expect(feed.shadowRoot!.querySelector('[part~="load-more"]')).to.equal(null);
    expect(capture.messages.join('\n')).to.contain('load-more="bogus" is invalid: expected "button" | "scroll" | "none"');
  });

  it('columns="0" falls back to the responsive grid', async () => {
    const { feed } = await mountFeed({ columns: '0', limit: '3' });
    const grid = feed.shadowRoot!.querySelector<HTMLElement>('[part~="grid"]')!;
    expect(grid.style.getPropertyValue('--ig-columns')).to.equal('');
    expect(capture.messages.join('\n')).to.contain('columns="0" is invalid: expected a whole number from 1 to 12. Using the default, as if it were not set.');
  });

  it('layout="masonry" falls back to grid', async () => {
    const { feed } = await mountFeed({ layout: 'masonry', limit: '3' });
    expect(feed.shadowRoot!.querySelector('[part~="grid"]')).to.exist;
    expect(capture.messages.join('\n')).to.contain('layout="masonry" is invalid');
  });

  it('caption-length="5" falls back to 140', async () => {
    await mountFeed({ 'caption-length': '5', 'show-captions': '', limit: '3' });
    expect(capture.messages.join('\n')).to.contain('caption-length="5" is invalid');
  });

  it('provider api="v2" falls back to graph', async () => {
    const token = await issueToken();
    const provider = await fixture<IgProvider>(html`<ig-provider api="v2" endpoint=${GRAPH_ENDPOINT} .accessToken=${token.access_token}><ig-feed limit="2"></ig-feed></ig-provider>`);
    const feed = provider.querySelector<IgFeed>('ig-feed')!;
    await waitUntil(() => feed.state === 'ready', 'feed did not load on graph', { timeout: 5000 });
    expect(provider.client!.dialect).to.equal('graph');
    expect(capture.messages.join('\n')).to.contain('<ig-provider> api="v2" is invalid: expected "graph" | "legacy". Using "graph".');
  });

  it('provider cache="forever" falls back to none', async () => {
    const provider = await fixture<IgProvider>(html`<ig-provider cache="forever"></ig-provider>`);
    expect(provider.client!.settings.cache).to.equal('none');
    expect(capture.messages.join('\n')).to.contain('cache="forever" is invalid');
  });
});
