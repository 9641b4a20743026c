import { expect, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { IgLikeButton } from '../../src/classes.js';
import { resetWarnings } from '../../src/internal/dev.js';
import { issueToken } from '../support/island.js';
import { countText, mountButton, postOf, recordRequests } from '../support/like-button.js';

function link(button: IgLikeButton): HTMLAnchorElement | null {
  return button.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="link"]');
}

async function linked(button: IgLikeButton): Promise<HTMLAnchorElement> {
  await waitUntil(() => link(button) !== null, `no link (state "${button.state}")`, { timeout: 5000 });
  await button.updateComplete;
  return link(button)!;
}

/** Collects console warnings until `restore()`, for the development warning. */
function watchWarnings(): { warnings: string[]; restore: () => void } {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => void warnings.push(String(args[0]));
  return { warnings, restore: () => void (console.warn = original) };
}

describe('<ig-like-button> on graph', () => {
  it('links to the post with the read-only like count', async () => {
    const token = await issueToken();
    const post = await postOf('harbour.lights', 2);
    const recorder = recordRequests();
    try {
      const { button } = await mountButton('graph', `media-id="${post.graphId}"`, token.access_token);
      const anchor = await linked(button);
      await waitUntil(() => button.count !== undefined, 'no like count');
      expect(button.state).to.equal('unsupported');
      expect(button.getAttribute('state')).to.equal('unsupported');
      expect(anchor.getAttribute('href')).to.equal(post.permalink);
      expect(anchor.getAttribute('target')).to.equal('_blank');
      expect(anchor.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(anchor.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Like on Instagram ${post.likeCount} likes (opens in a new tab)`);
      expect(countText(button)).to.equal(`${post.likeCount} likes`);
      expect(button.shadowRoot!.querySelector('button')).to.equal(null);
      expect(recorder.requests.map((request) => request.method)).to.deep.equal(['GET']);
      expect(recorder.requests[0]!.path).to.match(new RegExp(`/island/graph/v[\\d.]+/${post.graphId}$`));
      await expect(button).to.be.accessible();
    } finally {
      recorder.restore();
    }
  });

  it('builds the link from a url without a request', async () => {
    const token = await issueToken();
    const recorder = recordRequests();
    try {
      const { button } = await mountButton('graph', 'url="https://instagram.com/reels/DW9Cni5jvXG?utm_source=ig_web_copy_link" count="42"', token.access_token);
      const anchor = await linked(button);
      expect(anchor.getAttribute('href')).to.equal('https://www.instagram.com/reel/DW9Cni5jvXG/');
      expect(countText(button)).to.equal('42 likes');
      expect(recorder.requests).to.deep.equal([]);
    } finally {
      recorder.restore();
    }
  });

  it('builds the link from a shortcode without a token', async () => {
    const { button } = await mountButton('graph', 'shortcode="BSCoDz7Du7k"');
    const anchor = await linked(button);
    expect(anchor.getAttribute('href')).to.equal('https://www.instagram.com/p/BSCoDz7Du7k/');
    expect(countText(button)).to.equal(undefined);
    expect(button.state).to.equal('unsupported');
  });

  it('uses an item and binds only http links', async () => {
    const { button } = await mountButton('graph', '');
    button.item = { id: '17890000000000001', permalink: 'https://www.instagram.com/p/BQ0eAlwhDrw/', likeCount: 0 };
    const anchor = await linked(button);
    expect(anchor.getAttribute('href')).to.equal('https://www.instagram.com/p/BQ0eAlwhDrw/');
    expect(countText(button)).to.equal('0 likes');

    button.item = { id: '17890000000000002', permalink: 'javascript:alert(1)' };
    await waitUntil(() => link(button) === null);
    expect(button.shadowRoot!.querySelector('slot')).to.exist;
    expect(button.shadowRoot!.innerHTML).not.to.contain('javascript:');
  });

  it('waits for a token to read a media id', async () => {
    const post = await postOf('harbour.lights', 3);
    const { provider, button } = await mountButton('graph', `media-id="${post.graphId}"`);
    expect(link(button)).to.equal(null);
    expect(button.shadowRoot!.querySelector('slot')).to.exist;
    provider.accessToken = (await issueToken()).access_token;
    const anchor = await linked(button);
    expect(anchor.getAttribute('href')).to.equal(post.permalink);
  });

  it('explains the link once in development', async () => {
    resetWarnings();
    const watcher = watchWarnings();
    try {
      const first = await mountButton('graph', 'shortcode="BSCoDz7Du7k"');
      await linked(first.button);
      const second = await mountButton('graph', 'shortcode="BQ0eAlwhDrw"');
      await linked(second.button);
      const matching = watcher.warnings.filter((line) => line.includes('<ig-like-button>'));
      expect(matching).to.have.length(1);
      expect(matching[0]).to.contain('2018-04-04');
      expect(matching[0]).to.contain('2020-06-29');
      expect(matching[0]).to.contain('api="legacy"');
    } finally {
      watcher.restore();
    }
  });
});
