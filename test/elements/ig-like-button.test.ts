import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { IgErrorDetail, IgLikeButton, IgLikeDetail, IgProvider } from '../../src/classes.js';
import { control, countText, likerToken, mountButton, postOf, ready, recordRequests, serverState } from '../support/like-button.js';

// These tests like city.cyclist's posts 0 to 3 as city.cyclist; other test files use other posts.
describe('<ig-like-button> on legacy', () => {
  it('reads the initial state from the media endpoint', async () => {
    const token = await likerToken('city.cyclist');
    const post = await postOf('city.cyclist', 0);
    const recorder = recordRequests();
    try {
      const { button } = await mountButton('legacy', `media-id="${post.legacyId}"`, token.access_token);
      await ready(button);
      const server = await serverState(post, token.access_token);
      expect(button.state).to.equal('ready');
      expect(button.liked).to.equal(server.liked);
      expect(button.count).to.equal(server.count);
      expect(control(button).getAttribute('aria-pressed')).to.equal(String(server.liked));
      expect(countText(button)).to.equal(`${server.count} likes`);
      expect(recorder.requests[0]).to.deep.equal({ method: 'GET', path: `/island/v1/media/${post.legacyId}` });
    } finally {
      recorder.restore();
    }
  });

  it('skips the request when liked and count are set', async () => {
    const token = await likerToken('city.cyclist');
    const post = await postOf('city.cyclist', 1);
    const recorder = recordRequests();
    try {
      const { button } = await mountButton('legacy', `media-id="${post.legacyId}" liked count="1234"`, token.access_token);
      await ready(button);
      expect(recorder.requests).to.deep.equal([]);
      expect(button.liked).to.equal(true);
      expect(control(button).getAttribute('aria-pressed')).to.equal('true');
      expect(countText(button)).to.equal('1,234 likes');
    } finally {
      recorder.restore();
    }
  });

  it('takes the state from an item without a request', async () => {
    const token = await likerToken('city.cyclist');
    const post = await postOf('city.cyclist', 2);
    const recorder = recordRequests();
    try {
      const { button } = await mountButton('legacy', '', token.access_token);
      button.item = { id: post.legacyId, permalink: post.permalink, likeCount: 1, viewerHasLiked: false };
      await ready(button);
      expect(recorder.requests).to.deep.equal([]);
      expect(countText(button)).to.equal('1 like');
      expect(control(button).dataset.mediaId).to.equal(post.legacyId);
    } finally {
      recorder.restore();
    }
  });

  for (const [name, attribute] of [['url', 'url'], ['shortcode', 'shortcode']] as const) {
    it(`resolves a ${name} through the shortcode endpoint`, async () => {
      const token = await likerToken('city.cyclist');
      const post = await postOf('city.cyclist', 3);
      const value = name === 'url' ? `https://instagram.com/city.cyclist/p/${post.shortcode}?igsh=abc` : post.shortcode;
      const recorder = recordRequests();
      try {
        const { button } = await mountButton('legacy', `${attribute}="${value}"`, token.access_token);
        await ready(button);
        expect(recorder.requests).to.deep.equal([{ method: 'GET', path: `/island/v1/media/shortcode/${post.shortcode}` }]);
        expect(control(button).dataset.mediaId).to.equal(post.legacyId);
        expect(button.count).to.equal((await serverState(post, token.access_token)).count);
      } finally {
        recorder.restore();
      }
    });
  }

  it('toggles at once and fires ig-like on confirmation', async () => {
    const token = await likerToken('city.cyclist');
    const post = await postOf('city.cyclist', 0);
    const { button } = await mountButton('legacy', `media-id="${post.legacyId}"`, token.access_token);
    await ready(button);
    const before = await serverState(post, token.access_token);
    expect(before.liked).to.equal(false);

    const liked = oneEvent(button, 'ig-like');
    control(button).click();
    expect(button.liked).to.equal(true);
    expect(button.count).to.equal(before.count + 1);
    await button.updateComplete;
    expect(control(button).getAttribute('aria-pressed')).to.equal('true');
    expect(button.hasAttribute('liked')).to.equal(true);
    const { detail, bubbles, composed } = (await liked) as CustomEvent<IgLikeDetail>;
    expect(detail).to.deep.equal({ mediaId: post.legacyId, liked: true, count: before.count + 1 });
    expect(bubbles).to.equal(true);
    expect(composed).to.equal(true);
    expect(await serverState(post, token.access_token)).to.deep.equal({ liked: true, count: before.count + 1 });

    const unliked = oneEvent(button, 'ig-like');
    control(button).click();
    expect(((await unliked) as CustomEvent<IgLikeDetail>).detail).to.deep.equal({ mediaId: post.legacyId, liked: false, count: before.count });
    expect(await serverState(post, token.access_token)).to.deep.equal(before);
  });

  it('toggles with Space and Enter', async () => {
    const token = await likerToken('city.cyclist');
    const post = await postOf('city.cyclist', 1);
    const { button } = await mountButton('legacy', `media-id="${post.legacyId}"`, token.access_token);
    await ready(button);
    const before = await serverState(post, token.access_token);
    control(button).focus();
    expect(button.shadowRoot!.activeElement).to.equal(control(button));

    let confirmed = oneEvent(button, 'ig-like');
    await sendKeys({ press: 'Space' });
    expect(((await confirmed) as CustomEvent<IgLikeDetail>).detail.liked).to.equal(!before.liked);
    confirmed = oneEvent(button, 'ig-like');
    await sendKeys({ press: 'Enter' });
    expect(((await confirmed) as CustomEvent<IgLikeDetail>).detail.liked).to.equal(before.liked);
    expect(await serverState(post, token.access_token)).to.deep.equal(before);
  });

  it('is disabled until a token arrives', async () => {
    const post = await postOf('city.cyclist', 2);
    const { provider, button } = await mountButton('legacy', `media-id="${post.legacyId}" count="7"`);
    expect(button.state).to.equal('loading');
    expect(control(button).disabled).to.equal(true);
    expect(countText(button)).to.equal('7 likes');
    await expect(button).to.be.accessible();

    control(button).click();
    expect(button.liked).to.equal(false);
    provider.accessToken = (await likerToken('city.cyclist')).access_token;
    await ready(button);
    expect(control(button).disabled).to.equal(false);
  });

  it('warns about an invalid count and reads the post', async () => {
    const token = await likerToken('city.cyclist');
    const post = await postOf('city.cyclist', 2);
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(String(args[0]));
    const recorder = recordRequests();
    try {
      const { button } = await mountButton('legacy', `media-id="${post.legacyId}" count="lots"`, token.access_token);
      await ready(button);
      const server = await serverState(post, token.access_token);
      expect(warnings.join('\n')).to.contain('<ig-like-button> count="lots" is invalid');
      expect(recorder.requests).to.deep.include({ method: 'GET', path: `/island/v1/media/${post.legacyId}` });
      expect(countText(button)).to.equal(`${server.count.toLocaleString('en-US')} likes`);
      expect(control(button).getAttribute('aria-pressed')).to.equal(String(server.liked));
    } finally {
      console.warn = originalWarn;
      recorder.restore();
    }
  });

  it('reports a token that never arrives', async () => {
    const post = await postOf('city.cyclist', 2);
    const { button } = await mountButton('legacy', `media-id="${post.legacyId}"`);
    const { detail } = (await oneEvent(button, 'ig-error')) as CustomEvent<IgErrorDetail>;
    await button.updateComplete;
    expect(detail.error.kind).to.equal('auth');
    expect(button.state).to.equal('error');
    expect(button.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('No access token');
    const fallback = button.shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])')!;
    expect(fallback.assignedElements()[0]!.textContent).to.equal('Open Instagram');
  });

  it('waits for consent before any request', async () => {
    const token = await likerToken('city.cyclist');
    const post = await postOf('city.cyclist', 2);
    const recorder = recordRequests();
    try {
      const provider = await fixture<IgProvider>(
        `<ig-provider api="legacy" endpoint="/island/v1" consent="required"><ig-like-button media-id="${post.legacyId}"></ig-like-button></ig-provider>`,
      );
      provider.accessToken = token.access_token;
      const button = provider.querySelector('ig-like-button')!;
      await button.updateComplete;
      // No event marks a request that was never sent, so the test gives one a moment to appear.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(recorder.requests).to.deep.equal([]);
      expect(control(button).disabled).to.equal(true);

      provider.grant();
      await ready(button);
      expect(control(button).disabled).to.equal(false);
      expect(recorder.requests).to.deep.equal([{ method: 'GET', path: `/island/v1/media/${post.legacyId}` }]);
    } finally {
      recorder.restore();
    }
  });

  it('is accessible liked and unliked', async () => {
    const token = await likerToken('city.cyclist');
    const post = await postOf('city.cyclist', 3);
    const { button } = await mountButton('legacy', `media-id="${post.legacyId}"`, token.access_token);
    await ready(button);
    const name = () => control(button).textContent!.replace(/\s+/g, ' ').trim();
    expect(name()).to.match(/^Like \d[\d,]* likes?$/);
    await expect(button).to.be.accessible();

    const confirmed = oneEvent(button, 'ig-like');
    control(button).click();
    await confirmed;
    await button.updateComplete;
    expect(control(button).getAttribute('aria-pressed')).to.equal('true');
    expect(name()).to.match(/^Like \d[\d,]* likes?$/);
    await expect(button).to.be.accessible();

    const restored = oneEvent(button, 'ig-like');
    control(button).click();
    await restored;
  });

  it('shows an error state for a bad attribute', async () => {
    const errors: CustomEvent[] = [];
    const element = await fixture<IgLikeButton>('<ig-like-button media-id="1/../2"><a href="https://www.instagram.com/">Open</a></ig-like-button>');
    element.addEventListener('ig-error', (event) => errors.push(event as CustomEvent));
    await waitUntil(() => element.state === 'error');
    await element.updateComplete;
    const message = element.shadowRoot!.querySelector('[part~="error"]')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.textContent).to.contain('media-id="1/../2" is not a media id.');
    expect(element.shadowRoot!.querySelector('slot')).to.exist;
    await expect(element).to.be.accessible();

    element.mediaId = undefined;
    element.url = 'https://instagram.com.evil.test/p/abc/';
    await waitUntil(() => errors.length > 0);
    expect(errors.at(-1)!.detail.error.kind).to.equal('invalid-attribute');
    expect(errors.at(-1)!.detail.error.message).to.contain('is not an Instagram post URL');
  });

  it('names the missing post', async () => {
    const element = await fixture<IgLikeButton>('<ig-like-button></ig-like-button>');
    await waitUntil(() => element.state === 'error');
    expect(element.error?.message).to.equal('The like button names no post.');
    expect(element.error?.hint).to.contain('media-id');
  });
});
