import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { IgEmbedLoadDetail, IgErrorDetail, IgProvider } from '../../src/classes.js';
import { GRAPH_ENDPOINT, ISLAND, LEGACY_ENDPOINT, addFaults, dataset, issueToken, type IslandPost } from '../support/island.js';
import { STAND_IN, part, requested, settled } from '../stand-in/support.js';

/** Posts of sandbox users, which the island's oEmbed serves. */
async function embeddablePosts(): Promise<IslandPost[]> {
  const { users, posts } = await dataset();
  const sandbox = new Set(users.filter((user) => user.sandbox).map((user) => user.id));
  return posts.filter((post) => sandbox.has(post.ownerId));
}

async function username(ownerId: string): Promise<string> {
  const { users } = await dataset();
  return users.find((user) => user.id === ownerId)!.username;
}

/** Mounts a provider on the island with one oEmbed embed; `embed` contains extra attributes of the embed. */
async function mount(api: 'legacy' | 'graph', url: string, options: { appToken?: string; embed?: Record<string, string>; consent?: string } = {}) {
  const provider = document.createElement('ig-provider');
  provider.setAttribute('api', api);
  provider.setAttribute('endpoint', api === 'legacy' ? LEGACY_ENDPOINT : GRAPH_ENDPOINT);
  provider.setAttribute('facebook-endpoint', GRAPH_ENDPOINT);
  if (options.appToken) provider.setAttribute('app-token', options.appToken);
  if (options.consent) provider.setAttribute('consent', options.consent);

  const element = document.createElement('ig-embed');
  const attributes = { mode: 'oembed', load: 'eager', 'embed-origin': STAND_IN, url, timeout: '4000', ...options.embed };
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  provider.append(element);

  await fixture<IgProvider>(provider);
  await element.updateComplete;
  return { provider, element };
}

function oembedRequests(api: 'legacy' | 'graph', shortcode: string): PerformanceResourceTiming[] {
  const path = api === 'legacy' ? `${ISLAND}/oembed?` : `${GRAPH_ENDPOINT}/`;
  return requested(path).filter((entry) => entry.name.includes('oembed') && decodeURIComponent(entry.name).includes(`/${shortcode}/`));
}

describe('<ig-embed> mode="oembed" on the legacy island', () => {
  it('shows a card with the post data', async () => {
    const post = (await embeddablePosts()).find((candidate) => candidate.caption && !candidate.caption.includes('<'))!;
    const name = await username(post.ownerId);
    const { element } = await mount('legacy', `https://www.instagram.com/p/${post.shortcode}/?utm_source=ig_web_copy_link`);
    const { detail } = (await oneEvent(element, 'ig-embed-load')) as CustomEvent<IgEmbedLoadDetail>;
    await element.updateComplete;

    expect(detail).to.deep.equal({ mode: 'oembed', kind: 'post', shortcode: post.shortcode });
    const card = part(element, 'card')!;
    expect(card.getAttribute('aria-label')).to.equal(`Instagram post ${post.shortcode}`);
    const image = card.querySelector<HTMLImageElement>('[part~="thumbnail"]')!;
    expect(new URL(image.src).pathname).to.equal(`${ISLAND}/media/${post.shortcode}.svg`);
    expect(image.getAttribute('width')).to.equal('640');
    expect(image.getAttribute('height')).to.equal(String(Math.round((640 * post.height) / post.width)));
    expect(image.alt).to.equal(`Image of ${name}'s Instagram post`);
    const author = card.querySelector('[part~="author"] a')!;
    expect(author.textContent).to.equal(`@${name}`);
    expect(author.getAttribute('href')).to.equal(`https://www.instagram.com/${name}`);
    expect(card.querySelector('[part~="title"]')!.textContent).to.equal(post.caption);
    const link = card.querySelector<HTMLAnchorElement>('[part~="link"]')!;
    expect(link.getAttribute('href')).to.equal(`https://www.instagram.com/p/${post.shortcode}/`);
    expect(link.rel).to.contain('noopener');
    await expect(element).to.be.accessible();
  });

  it('renders a caption with markup as text', async () => {
    const post = (await embeddablePosts()).find((candidate) => candidate.caption?.includes('<img'))!;
    const { element } = await mount('legacy', `https://www.instagram.com/p/${post.shortcode}/`);
    await settled(element);

    expect(part(element, 'title')!.textContent).to.equal(post.caption);
    expect(element.shadowRoot!.querySelectorAll('img')).to.have.length(1);
    expect(element.shadowRoot!.querySelector('blockquote, script, b')).to.equal(null);
    expect(element.children, 'the html is never injected into the light DOM').to.have.length(0);
  });

  it('requests the canonical URL', async () => {
    const post = (await embeddablePosts())[1]!;
    const { element } = await mount('legacy', `http://instagr.am/p/${post.shortcode}`);
    await settled(element);
    const entries = oembedRequests('legacy', post.shortcode);
    expect(entries).to.have.length(1);
    const sent = new URL(entries[0]!.name).searchParams.get('url');
    expect(sent).to.equal(`https://www.instagram.com/p/${post.shortcode}/`);
  });

  it('falls back with not-found for an unknown post', async () => {
    const { element } = await mount('legacy', 'https://www.instagram.com/p/NoSuchPostX1/');
    const { detail } = (await oneEvent(element, 'ig-error')) as CustomEvent<IgErrorDetail>;
    await element.updateComplete;
    expect(detail.error.kind).to.equal('not-found');
    expect(element.state).to.equal('error');
    expect(part(element, 'fallback')!.querySelector('a')!.getAttribute('href')).to.equal('https://www.instagram.com/p/NoSuchPostX1/');
    await expect(element).to.be.accessible();
  });
});

describe('<ig-embed> mode="oembed" on the Graph island', () => {
  it('shows a card from the data Graph still returns', async () => {
    const post = (await embeddablePosts())[2]!;
    const { element } = await mount('graph', `https://www.instagram.com/reels/${post.shortcode}/`);
    await settled(element);

    expect(element.phase).to.equal('ready');
    const card = part(element, 'card')!;
    expect(card.querySelector('img'), 'no thumbnail since 2025-11-03').to.equal(null);
    expect(card.querySelector('[part~="author"]')).to.equal(null);
    expect(card.querySelector('[part~="link"]')!.getAttribute('href')).to.equal(`https://www.instagram.com/reel/${post.shortcode}/`);
    const entries = oembedRequests('graph', post.shortcode);
    expect(entries).to.have.length(1);
    expect(new URL(entries[0]!.name).searchParams.has('access_token'), 'tokenless by default').to.equal(false);
    await expect(element).to.be.accessible();
  });

  it("sends the provider's app token", async () => {
    const post = (await embeddablePosts())[3]!;
    const { element } = await mount('graph', `https://www.instagram.com/p/${post.shortcode}/`, { appToken: '1234|client-token' });
    await settled(element);
    const entries = oembedRequests('graph', post.shortcode);
    expect(entries).to.have.length(1);
    expect(new URL(entries[0]!.name).searchParams.get('access_token')).to.equal('1234|client-token');
  });

  it('falls back with not-found for code 24', async () => {
    const { element } = await mount('graph', 'https://www.instagram.com/p/NoSuchPostY2/');
    const { detail } = (await oneEvent(element, 'ig-error')) as CustomEvent<IgErrorDetail>;
    expect(detail.error.kind).to.equal('not-found');
    expect(detail.error.code).to.equal(24);
    expect(detail.error.subcode).to.equal(2207045);
  });

  it('falls back with timeout when the API stalls', async () => {
    // The island applies faults per token, so the app token is an island token here.
    const token = (await issueToken()).access_token;
    await addFaults(token, [{ match: 'instagram_oembed', delayMs: 3000 }]);
    const post = (await embeddablePosts())[4]!;
    const { element } = await mount('graph', `https://www.instagram.com/p/${post.shortcode}/`, { appToken: token, embed: { timeout: '300' } });
    const { detail } = (await oneEvent(element, 'ig-error')) as CustomEvent<IgErrorDetail>;
    expect(detail.error.kind).to.equal('timeout');
    expect(detail.error.message).to.contain('300 ms');
  });

  it('falls back with network when the connection drops', async () => {
    const token = (await issueToken()).access_token;
    await addFaults(token, [{ match: 'instagram_oembed', hangup: true, times: 5 }]);
    const post = (await embeddablePosts())[5]!;
    const { element } = await mount('graph', `https://www.instagram.com/p/${post.shortcode}/`, { appToken: token });
    const { detail } = (await oneEvent(element, 'ig-error')) as CustomEvent<IgErrorDetail>;
    expect(detail.error.kind).to.equal('network');
  });
});

describe('<ig-embed> mode="oembed" with consent and click', () => {
  it('calls no API and loads no image before consent', async () => {
    const post = (await embeddablePosts())[6]!;
    const { provider, element } = await mount('legacy', `https://www.instagram.com/p/${post.shortcode}/`, { consent: 'required' });
    expect(element.phase).to.equal('consent');
    expect(oembedRequests('legacy', post.shortcode)).to.have.length(0);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);

    provider.grant();
    await oneEvent(element, 'ig-embed-load');
    expect(oembedRequests('legacy', post.shortcode)).to.have.length(1);

    provider.revoke();
    await provider.updateComplete;
    await element.updateComplete;
    expect(part(element, 'card'), 'revoke removes the card and its image').to.equal(null);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('loads on click and moves focus to the card link', async () => {
    const post = (await embeddablePosts())[7]!;
    const { element } = await mount('legacy', `https://www.instagram.com/p/${post.shortcode}/`, { embed: { load: 'click' } });
    expect(element.phase).to.equal('facade');
    expect(oembedRequests('legacy', post.shortcode)).to.have.length(0);

    (part(element, 'activate') as HTMLButtonElement).click();
    await oneEvent(element, 'ig-embed-load');
    await element.updateComplete;
    await waitUntil(() => element.shadowRoot!.activeElement === part(element, 'card')!.querySelector('[part~="link"]'), 'focus stayed outside the card');
  });
});
