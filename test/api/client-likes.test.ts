import { expect } from '@open-wc/testing';
import { createClient, Transport } from '../../src/classes.js';
import { GRAPH_ENDPOINT, LEGACY_ENDPOINT, addFaults, fixture, issueToken, recordingFetch, visiblePosts } from '../support/island.js';
import { rejection } from '../support/errors.js';

async function legacyClient(scopes = ['basic', 'likes']) {
  const token = await issueToken({ user: 'alpine.kitchen', scopes });
  const { requests, fetch } = recordingFetch();
  const client = createClient({ api: 'legacy', endpoint: LEGACY_ENDPOINT, accessToken: token.access_token, transport: new Transport({ fetch, retryDelayMs: 5 }) });
  return { token, client, requests };
}

describe('legacy client likes', () => {
  it('likes with a form POST and unlikes with DELETE', async () => {
    const { client, requests, token } = await legacyClient();
    const post = (await visiblePosts('alpine.kitchen'))[3]!;
    const before = await client.media(post.legacyId);

    await client.like(post.legacyId);
    const liked = await client.media(post.legacyId);
    await client.unlike(post.legacyId);
    const after = await client.media(post.legacyId);

    expect(liked.viewerHasLiked).to.equal(true);
    expect(liked.likeCount).to.equal(before.likeCount! + 1);
    expect(after.viewerHasLiked).to.equal(before.viewerHasLiked);
    expect(after.likeCount).to.equal(before.likeCount);

    const [likeRequest, , unlikeRequest] = requests.slice(1);
    expect(likeRequest!.method).to.equal('POST');
    expect(likeRequest!.url.pathname).to.equal(`/island/v1/media/${post.legacyId}/likes`);
    expect(likeRequest!.url.search).to.equal('');
    expect(new URLSearchParams(likeRequest!.body).get('access_token')).to.equal(token.access_token);
    expect(unlikeRequest!.method).to.equal('DELETE');
    expect(unlikeRequest!.url.searchParams.get('access_token')).to.equal(token.access_token);
  });

  it('accepts the recorded success body', async () => {
    const { client, token } = await legacyClient();
    const post = (await visiblePosts('alpine.kitchen'))[4]!;
    expect(await fixture('legacy/post-media-likes.json')).to.deep.equal({ meta: { code: 200 }, data: null });
    await addFaults(token.access_token, [{ match: '/likes', method: 'POST', fixture: 'legacy/post-media-likes.json' }]);
    await client.like(post.legacyId);
    // The fault replied in place of the island, so the post is not liked.
    expect((await client.media(post.legacyId)).viewerHasLiked).to.equal(false);
  });

  it('maps the missing likes scope to permission', async () => {
    const { client } = await legacyClient(['basic']);
    const post = (await visiblePosts('alpine.kitchen'))[3]!;
    const error = await rejection(client.like(post.legacyId));
    expect(error.kind).to.equal('permission');
    expect(error.code).to.equal('OAuthPermissionsException');
    expect(error.message).to.contain('scope=likes');
    expect(error.hint).to.equal('Authorize the app again with scope=likes.');
  });

  it('does not retry a rate-limited like', async () => {
    const { client, token, requests } = await legacyClient();
    const post = (await visiblePosts('alpine.kitchen'))[3]!;
    await addFaults(token.access_token, [{ match: '/likes', status: 429, headers: { 'Retry-After': '1' } }]);
    const error = await rejection(client.like(post.legacyId));
    expect(error.kind).to.equal('rate-limit');
    expect(error.message).to.equal('The maximum number of requests per hour has been exceeded.');
    expect(requests).to.have.length(1);
  });

  it('resolves a shortcode to the full legacy id', async () => {
    const { client, requests } = await legacyClient();
    const post = (await visiblePosts('alpine.kitchen'))[0]!;
    const item = await client.mediaByShortcode(post.shortcode);
    expect(item.id).to.equal(post.legacyId);
    expect(requests[0]!.url.pathname).to.equal(`/island/v1/media/shortcode/${post.shortcode}`);
  });

  it('reads a Graph 190 body as an auth error', async () => {
    const { client, token } = await legacyClient();
    await addFaults(token.access_token, [{
      match: '/users/self', status: 400, body: { error: { message: 'Error validating access token: Session has expired.', type: 'OAuthException', code: 190, error_subcode: 463 } },
    }]);
    const error = await rejection(client.whoami());
    expect(error.kind).to.equal('auth');
    expect(error.code).to.equal(190);
  });
});

describe('graph client likes', () => {
  it('rejects like, unlike and shortcode lookups as unsupported', async () => {
    const token = await issueToken();
    const { requests, fetch } = recordingFetch();
    const client = createClient({ api: 'graph', endpoint: GRAPH_ENDPOINT, accessToken: token.access_token, transport: new Transport({ fetch }) });
    for (const call of [client.like('1'), client.unlike('1'), client.mediaByShortcode('BSCoDz7Du7k')]) {
      const error = await rejection(call);
      expect(error.kind).to.equal('unsupported');
      expect(error.hint).to.be.a('string');
    }
    expect(requests).to.have.length(0);
  });
});
