import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { IgErrorDetail, IgLikeButton, IgLikeDetail } from '../../src/classes.js';
import { addFaults, LEGACY_ENDPOINT } from '../support/island.js';
import {
  control, likerToken, mountButton, postOf, ready, recordRequests, serverState, type RecordedRequest,
} from '../support/like-button.js';

// These tests like alpine.kitchen's posts 5 to 7 as alpine.kitchen, and try city.cyclist's post 4,
// which cannot be liked. Other test files use other posts, so files running at once do not collide.

function collect<T>(button: IgLikeButton, type: string): CustomEvent<T>[] {
  const events: CustomEvent<T>[] = [];
  button.addEventListener(type, (event) => events.push(event as CustomEvent<T>));
  return events;
}

/** Removes a like straight through the island, so a test leaves the post as it found it. */
async function unlikeDirectly(legacyId: string): Promise<void> {
  const { access_token: token } = await likerToken('alpine.kitchen');
  await fetch(`${LEGACY_ENDPOINT}/media/${legacyId}/likes?access_token=${encodeURIComponent(token)}`, { method: 'DELETE' });
}

async function mountAlpine(index: number, extra: Record<string, unknown> = {}) {
  const token = await likerToken('alpine.kitchen', extra);
  const post = await postOf('alpine.kitchen', index);
  const recorder = recordRequests();
  const { provider, button } = await mountButton('legacy', `media-id="${post.legacyId}"`, token.access_token);
  await ready(button);
  return { token: token.access_token, post, provider, button, recorder };
}

function clickTimes(button: IgLikeButton, times: number): void {
  for (let index = 0; index < times; index += 1) control(button).click();
}

describe('<ig-like-button> request rule', () => {
  const cases: Array<[number, string[], boolean]> = [
    [3, ['GET', 'POST'], true],
    [2, ['GET', 'POST', 'DELETE'], false],
    [4, ['GET', 'POST', 'DELETE'], false],
  ];
  for (const [clicks, methods, finalLiked] of cases) {
    it(`settles ${clicks} quick clicks on the last intent`, async () => {
      const { token, post, button, recorder } = await mountAlpine(5);
      try {
        const before = await serverState(post, token);
        expect(before.liked).to.equal(false);
        await addFaults(token, [{ match: '/likes', delayMs: 250, times: 2 }]);
        const likes = collect<IgLikeDetail>(button, 'ig-like');
        clickTimes(button, clicks);
        expect(button.liked).to.equal(clicks % 2 === 1);

        await waitUntil(() => likes.length > 0, 'no ig-like', { timeout: 4000 });
        // A wrong extra request would start after ig-like, and no event marks its absence, so wait a moment.
        await new Promise((resolve) => setTimeout(resolve, 300));
        const path = `/island/v1/media/${post.legacyId}`;
        const expected: RecordedRequest[] = methods.map((method) => ({ method, path: method === 'GET' ? path : `${path}/likes` }));
        expect(recorder.requests).to.deep.equal(expected);
        expect(likes).to.have.length(1);
        expect(likes[0]!.detail).to.deep.equal({ mediaId: post.legacyId, liked: finalLiked, count: before.count + Number(finalLiked) });
        expect(await serverState(post, token)).to.deep.equal({ liked: finalLiked, count: before.count + Number(finalLiked) });
        expect(button.liked).to.equal(finalLiked);
      } finally {
        recorder.restore();
        await unlikeDirectly(post.legacyId);
      }
    });
  }
});

describe('<ig-like-button> failures', () => {
  it('rolls back a failed like with ig-error', async () => {
    const { token, post, button, recorder } = await mountAlpine(6);
    recorder.restore();
    const before = await serverState(post, token);
    await addFaults(token, [{ match: '/likes', method: 'POST', status: 500, body: { meta: { code: 500, error_type: 'APIError', error_message: 'Something failed.' } } }]);
    const failed = oneEvent(button, 'ig-error');
    control(button).click();
    expect(button.liked).to.equal(true);
    const { detail } = (await failed) as CustomEvent<IgErrorDetail>;
    await button.updateComplete;

    expect(detail.error.kind).to.equal('server');
    expect(button.liked).to.equal(false);
    expect(button.count).to.equal(before.count);
    expect(button.state).to.equal('ready');
    expect(control(button).getAttribute('aria-pressed')).to.equal('false');
    const message = button.shadowRoot!.querySelector('[part~="error"]')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.textContent).to.equal('The like was not saved: Something failed.');
    await expect(button).to.be.accessible();
    expect(await serverState(post, token)).to.deep.equal(before);

    const liked = oneEvent(button, 'ig-like');
    control(button).click();
    await button.updateComplete;
    expect(button.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    await liked;
    await unlikeDirectly(post.legacyId);
  });

  it('names scope=likes when the scope is missing', async () => {
    const token = await likerToken('alpine.kitchen', { scopes: ['basic'] });
    const post = await postOf('alpine.kitchen', 7);
    const { button } = await mountButton('legacy', `media-id="${post.legacyId}"`, token.access_token);
    await ready(button);
    const failed = oneEvent(button, 'ig-error');
    control(button).click();
    const { detail } = (await failed) as CustomEvent<IgErrorDetail>;
    expect(detail.error.kind).to.equal('permission');
    expect(detail.error.message).to.equal(
      'This request requires scope=likes, but this access token is not authorized with this scope. The user must re-authorize your application with scope=likes to be granted this permissions.',
    );
    expect(detail.error.hint).to.equal('Authorize the app again with scope=likes.');
    expect(button.liked).to.equal(false);
  });

  it('reports a post that cannot be liked', async () => {
    const token = await likerToken('city.cyclist');
    const post = await postOf('city.cyclist', 4);
    const { button } = await mountButton('legacy', `media-id="${post.legacyId}"`, token.access_token);
    await ready(button);
    const failed = oneEvent(button, 'ig-error');
    control(button).click();
    const { detail } = (await failed) as CustomEvent<IgErrorDetail>;
    expect(detail.error.kind).to.equal('permission');
    expect(detail.error.code).to.equal('APINotAllowedError');
    expect(detail.error.message).to.equal('you cannot like this media');
    expect(button.liked).to.equal(false);
    expect(button.count).to.equal(post.likeCount);
  });

  it('rolls back when the likes limit is reached', async () => {
    const { token, post, button, recorder } = await mountAlpine(7, { likesRateLimit: 1 });
    recorder.restore();
    try {
      const liked = oneEvent(button, 'ig-like');
      control(button).click();
      await liked;
      const failed = oneEvent(button, 'ig-error');
      control(button).click();
      const { detail } = (await failed) as CustomEvent<IgErrorDetail>;
      expect(detail.error.kind).to.equal('rate-limit');
      expect(detail.error.status).to.equal(429);
      expect(detail.error.message).to.equal('The maximum number of requests per hour has been exceeded.');
      expect(button.liked).to.equal(true);
      expect((await serverState(post, token)).liked).to.equal(true);
    } finally {
      await unlikeDirectly(post.legacyId);
    }
  });

  it('accepts the recorded success body', async () => {
    const { token, post, button, recorder } = await mountAlpine(6);
    recorder.restore();
    await addFaults(token, [{ match: '/likes', method: 'POST', fixture: 'legacy/post-media-likes.json' }]);
    const before = await serverState(post, token);
    const liked = oneEvent(button, 'ig-like');
    control(button).click();
    const { detail } = (await liked) as CustomEvent<IgLikeDetail>;
    expect(detail).to.deep.equal({ mediaId: post.legacyId, liked: true, count: before.count + 1 });
    // The recorded body replaced the island's reply, so the island's post is unchanged.
    expect(await serverState(post, token)).to.deep.equal(before);
  });

  it('retries with the token the provider fetched', async () => {
    const first = await likerToken('alpine.kitchen');
    const second = await likerToken('alpine.kitchen');
    const post = await postOf('alpine.kitchen', 5);
    await addFaults(first.access_token, [{
      match: '/likes', method: 'POST', status: 400, body: { meta: { code: 400, error_type: 'OAuthParameterException', error_message: 'The access_token provided is invalid.' } },
    }]);
    const { provider, button } = await mountButton('legacy', `media-id="${post.legacyId}"`);
    const handed: string[] = [];
    provider.tokenProvider = () => {
      const token = handed.length === 0 ? first.access_token : second.access_token;
      handed.push(token);
      return token;
    };
    await ready(button);
    const recorder = recordRequests();
    try {
      const errors = collect<IgErrorDetail>(button, 'ig-error');
      const liked = oneEvent(button, 'ig-like');
      control(button).click();
      const { detail } = (await liked) as CustomEvent<IgLikeDetail>;
      expect(detail.liked).to.equal(true);
      expect(errors).to.have.length(1);
      expect(handed).to.deep.equal([first.access_token, second.access_token]);
      expect(recorder.requests.map((request) => request.method)).to.deep.equal(['POST', 'POST']);
      expect((await serverState(post, second.access_token)).liked).to.equal(true);
    } finally {
      recorder.restore();
      await unlikeDirectly(post.legacyId);
    }
  });
});
