import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { IgFeed, IgLikeButton, IgLikeDetail, IgProvider } from '../../src/classes.js';
import { GRAPH_ENDPOINT, LEGACY_ENDPOINT, issueToken, visiblePosts } from '../support/island.js';
import { recordRequests } from '../support/like-button.js';

// These tests like alpine.kitchen's post 0 as alpine.kitchen and undo it; other files use other posts.
async function mountFeed(api: 'graph' | 'legacy', token: string): Promise<IgFeed> {
  const endpoint = api === 'graph' ? GRAPH_ENDPOINT : LEGACY_ENDPOINT;
  const provider = await fixture<IgProvider>(html`<ig-provider api=${api} endpoint=${endpoint} .accessToken=${token}>
    <ig-feed limit="3" show-like-buttons></ig-feed></ig-provider>`);
  const feed = provider.querySelector('ig-feed')!;
  await waitUntil(() => feed.state === 'ready', `feed stayed in "${feed.state}"`, { timeout: 5000 });
  await waitUntil(() => feed.shadowRoot!.querySelectorAll('ig-like-button').length === 3, 'no like buttons', { timeout: 5000 });
  const buttons = [...feed.shadowRoot!.querySelectorAll<IgLikeButton>('ig-like-button')];
  await Promise.all(buttons.map((button) => waitUntil(() => button.state !== 'loading', 'like button stayed loading')));
  return feed;
}

function buttons(feed: IgFeed): IgLikeButton[] {
  return [...feed.shadowRoot!.querySelectorAll<IgLikeButton>('ig-like-button')];
}

describe('<ig-feed show-like-buttons>', () => {
  it('puts a like button under each item without extra requests', async () => {
    const token = await issueToken({ user: 'alpine.kitchen', scopes: ['basic', 'likes'] });
    const recorder = recordRequests();
    try {
      const feed = await mountFeed('legacy', token.access_token);
      const posts = await visiblePosts('alpine.kitchen');
      buttons(feed).forEach((button, index) => {
        const post = posts[index]!;
        const control = button.shadowRoot!.querySelector('button')!;
        expect(control.getAttribute('aria-pressed')).to.equal(String(post.likedBy.includes(token.user_id)));
        expect(button.shadowRoot!.querySelector('[part~="count"]')!.textContent).to.contain(post.likeCount.toLocaleString());
      });
      expect(recorder.requests.map((request) => request.path)).to.deep.equal(['/island/v1/users/self/media/recent']);
    } finally {
      recorder.restore();
    }
  });

  it('likes and unlikes an item through its button', async () => {
    const token = await issueToken({ user: 'alpine.kitchen', scopes: ['basic', 'likes'] });
    const feed = await mountFeed('legacy', token.access_token);
    const [first] = buttons(feed);
    const wasLiked = first!.liked;
    const count = first!.count!;

    first!.shadowRoot!.querySelector('button')!.click();
    const { detail } = (await oneEvent(first!, 'ig-like')) as CustomEvent<IgLikeDetail>;
    expect(detail.liked).to.equal(!wasLiked);
    expect(detail.count).to.equal(wasLiked ? count - 1 : count + 1);

    first!.shadowRoot!.querySelector('button')!.click();
    const undone = (await oneEvent(first!, 'ig-like')) as CustomEvent<IgLikeDetail>;
    expect(undone.detail.liked).to.equal(wasLiked);
    expect(undone.detail.count).to.equal(count);
  });

  it('shows links to the posts on Graph', async () => {
    const token = await issueToken({ user: 'alpine.kitchen' });
    const feed = await mountFeed('graph', token.access_token);
    const posts = await visiblePosts('alpine.kitchen');
    buttons(feed).forEach((button, index) => {
      expect(button.state).to.equal('unsupported');
      expect(button.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal(posts[index]!.permalink);
    });
    await expect(feed).to.be.accessible();
  });

  it('renders no like buttons without the attribute', async () => {
    const token = await issueToken();
    const provider = await fixture<IgProvider>(html`<ig-provider api="graph" endpoint=${GRAPH_ENDPOINT} .accessToken=${token.access_token}>
      <ig-feed limit="2"></ig-feed></ig-provider>`);
    const feed = provider.querySelector('ig-feed')!;
    await waitUntil(() => feed.state === 'ready', 'feed did not load', { timeout: 5000 });
    expect(feed.shadowRoot!.querySelector('ig-like-button')).to.equal(null);
  });
});
