import { expect } from '@open-wc/testing';
import { createClient, Transport, type IgClient, type IgClientSettings } from '../../src/classes.js';
import { MEDIA_FIELDS } from '../../src/api/graph-map.js';
import {
  GRAPH_ENDPOINT, LEGACY_ENDPOINT, addFaults, issueToken, recordingFetch, visiblePosts,
} from '../support/island.js';
import { rejection } from '../support/errors.js';

type Dialect = IgClientSettings['api'];
const ENDPOINTS: Record<Dialect, string> = { graph: GRAPH_ENDPOINT, legacy: LEGACY_ENDPOINT };

async function setup(api: Dialect, options: Parameters<typeof issueToken>[0] = {}, transport = {}) {
  const token = await issueToken(options);
  const recorder = recordingFetch();
  const client = createClient({
    api,
    endpoint: ENDPOINTS[api],
    accessToken: token.access_token,
    transport: new Transport({ fetch: recorder.fetch, retryDelayMs: 10, ...transport }),
  });
  return { token, client, urls: recorder.urls };
}

async function collectAll(client: IgClient, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await client.userMedia(undefined, { limit, cursor });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.next;
    pages += 1;
  } while (cursor && pages < 20);
  return { ids, pages };
}

for (const api of ['graph', 'legacy'] as const) {
  describe(`${api} client against the island`, () => {
    it('reads the first page with the requested limit', async () => {
      const { client, urls } = await setup(api);
      const posts = await visiblePosts('harbour.lights');
      const page = await client.userMedia(undefined, { limit: 5 });

      expect(page.items).to.have.length(5);
      expect(page.next).to.be.a('string');
      const expectedIds = posts.slice(0, 5).map((post) => (api === 'graph' ? post.graphId : post.legacyId));
      expect(page.items.map((item) => item.id)).to.deep.equal(expectedIds);
      expect(urls).to.have.length(1);
      expect(urls[0]!.searchParams.get(api === 'graph' ? 'limit' : 'count')).to.equal('5');
    });

    it('pages through all 20 visible posts once', async () => {
      const { client } = await setup(api);
      const posts = await visiblePosts('harbour.lights');
      const { ids, pages } = await collectAll(client, 6);

      expect(posts).to.have.length(20);
      expect(ids).to.have.length(20);
      expect(new Set(ids).size).to.equal(20);
      expect(pages).to.equal(4);
    });

    it('normalizes every post type', async () => {
      const { client } = await setup(api);
      const posts = await visiblePosts('harbour.lights');
      const page = await client.userMedia(undefined, { limit: 20 });

      for (const item of page.items) {
        const post = posts.find((candidate) => [candidate.graphId, candidate.legacyId].includes(item.id))!;
        expect(item.type, item.id).to.equal(post.type);
        expect(item.permalink, item.id).to.equal(post.permalink);
        expect(item.shortcode, item.id).to.equal(post.shortcode);
        expect(Date.parse(item.timestamp) / 1000, item.id).to.equal(post.createdTime);
        expect(item.caption ?? null, item.id).to.equal(post.caption);
        expect(item.likeCount, item.id).to.equal(post.likeCount);
        expect(item.username, item.id).to.equal('harbour.lights');
        if (post.type === 'video') expect(item.thumbnailUrl, item.id).to.match(/^http:\/\/127\.0\.0\.1:\d+\/island\/media\//);
        if (post.type === 'carousel') {
          expect(item.children, item.id).to.have.length(post.children.length);
          expect(item.children!.map((child) => child.type)).to.deep.equal(post.children.map((child) => child.type));
        }
        expect(item.isReel ?? false, item.id).to.equal(post.productType === 'REELS');
      }
    });

    it('reads the account behind the token', async () => {
      const { client, token } = await setup(api);
      const user = await client.whoami();
      expect(user.id).to.equal(api === 'graph' ? token.graph_user_id : token.user_id);
      expect(user.username).to.equal('harbour.lights');
    });

    it('maps an expired token to an auth error', async () => {
      const { client, token } = await setup(api, { expiresIn: -60 });
      const error = await rejection(client.userMedia(undefined, { limit: 3 }));
      expect(error.kind).to.equal('auth');
      expect(error.hint).to.be.a('string');
      if (api === 'graph') {
        expect(error.code).to.equal(190);
        expect(error.subcode).to.equal(463);
      } else {
        expect(error.code).to.equal('OAuthParameterException');
        expect(error.message).to.equal('The access_token provided is invalid.');
      }
      expect(error.url).to.contain('access_token=REDACTED');
      expect(error.url).not.to.contain(token.access_token);
      expect(error.message).not.to.contain(token.access_token);
    });

    it('maps a rate limit after the retries give up', async () => {
      const { client, urls } = await setup(api, { rateLimit: 1 });
      await client.userMedia(undefined, { limit: 1 });
      const error = await rejection(client.userMedia(undefined, { limit: 2 }));
      expect(error.kind).to.equal('rate-limit');
      expect(urls.length).to.be.greaterThan(1);
    });

    it('maps a dropped connection to a network error', async () => {
      const { client, token } = await setup(api);
      // Chromium silently repeats a GET once when a reused connection drops, so the fault must outlast that.
      await addFaults(token.access_token, [{ hangup: true, times: 3 }]);
      const error = await rejection(client.userMedia(undefined, { limit: 2 }));
      expect(error.kind).to.equal('network');
    });

    it('maps a truncated body to bad-response', async () => {
      const { client, token } = await setup(api);
      await addFaults(token.access_token, [{ malformed: 'truncated' }]);
      const error = await rejection(client.userMedia(undefined, { limit: 4 }));
      expect(error.kind).to.equal('bad-response');
      expect(error.message).to.contain('not valid JSON');
    });

    it('maps an HTML gateway error to server after retrying', async () => {
      const { client, token, urls } = await setup(api, {}, { retries: 1 });
      await addFaults(token.access_token, [{ malformed: 'html', status: 502, times: 2 }]);
      const error = await rejection(client.userMedia(undefined, { limit: 4 }));
      expect(error.kind).to.equal('server');
      expect(error.status).to.equal(502);
      expect(urls).to.have.length(2);
    });

    it('retries a 503 and then succeeds', async () => {
      const { client, token, urls } = await setup(api);
      await addFaults(token.access_token, [{ status: 503, headers: { 'Retry-After': '0' } }]);
      const page = await client.userMedia(undefined, { limit: 2 });
      expect(page.items).to.have.length(2);
      expect(urls).to.have.length(2);
    });

    it('times out a slow answer', async () => {
      const { client, token } = await setup(api, {}, { timeoutMs: 150, retries: 0 });
      await addFaults(token.access_token, [{ delayMs: 1500 }]);
      const error = await rejection(client.userMedia(undefined, { limit: 2 }));
      expect(error.kind).to.equal('timeout');
    });

    it('rejects with aborted when the signal aborts', async () => {
      const { client, token } = await setup(api);
      await addFaults(token.access_token, [{ delayMs: 500 }]);
      const controller = new AbortController();
      const pending = client.userMedia(undefined, { limit: 2, signal: controller.signal });
      controller.abort();
      const error = await rejection(pending);
      expect(error.kind).to.equal('aborted');
    });

    it('sends one request for two identical reads', async () => {
      const { client, urls } = await setup(api);
      const [first, second] = await Promise.all([
        client.userMedia(undefined, { limit: 3 }),
        client.userMedia(undefined, { limit: 3 }),
      ]);
      expect(first.items.map((item) => item.id)).to.deep.equal(second.items.map((item) => item.id));
      expect(urls).to.have.length(1);
    });

    it('reads another user only with public_content', async () => {
      const { client } = await setup(api, { scopes: ['basic'] });
      const other = api === 'graph' ? '17841400000001002' : '1002';
      const error = await rejection(client.userMedia(other, { limit: 2 }));
      if (api === 'legacy') {
        expect(error.kind).to.equal('permission');
        expect(error.hint).to.contain('scope=public_content');
      } else {
        // Graph with Instagram Login cannot read other accounts at all.
        expect(error.kind).to.equal('not-found');
        expect(error.code).to.equal(100);
      }
    });

    it('has no token and says so before any request', async () => {
      const recorder = recordingFetch();
      const client = createClient({ api, endpoint: ENDPOINTS[api], transport: new Transport({ fetch: recorder.fetch }) });
      const error = await rejection(client.userMedia(undefined));
      expect(error.kind).to.equal('auth');
      expect(recorder.urls).to.have.length(0);
    });
  });
}

describe('graph client requests', () => {
  it('asks for exactly the feed fields, the limit and the version', async () => {
    const { client, urls } = await setup('graph');
    await client.userMedia(undefined, { limit: 7 });
    const url = urls[0]!;
    expect(url.pathname).to.equal('/island/graph/v25.0/me/media');
    expect(url.searchParams.get('fields')).to.equal(MEDIA_FIELDS);
    expect(url.searchParams.get('fields')).to.contain('children{');
    expect(url.searchParams.get('limit')).to.equal('7');
  });

  it('uses the configured API version', async () => {
    const token = await issueToken();
    const recorder = recordingFetch();
    const client = createClient({
      api: 'graph', endpoint: GRAPH_ENDPOINT, apiVersion: 'v26.0', accessToken: token.access_token,
      transport: new Transport({ fetch: recorder.fetch }),
    });
    await client.userMedia(undefined, { limit: 1 });
    expect(recorder.urls[0]!.pathname).to.equal('/island/graph/v26.0/me/media');
  });

  it('never requests album children one by one', async () => {
    const { client, urls } = await setup('graph');
    const page = await client.userMedia(undefined, { limit: 20 });
    expect(page.items.some((item) => item.type === 'carousel')).to.equal(true);
    expect(urls).to.have.length(1);
  });

  it('keeps the cursor, not the next URL with the token', async () => {
    const { client, token } = await setup('graph');
    const page = await client.userMedia(undefined, { limit: 2 });
    expect(page.next).to.be.a('string');
    expect(page.next).not.to.contain(token.access_token);
  });
});

describe('legacy client requests', () => {
  it('builds the next page from next_max_id', async () => {
    const { client, urls, token } = await setup('legacy');
    const first = await client.userMedia(undefined, { limit: 3 });
    await client.userMedia(undefined, { limit: 3, cursor: first.next });
    expect(urls[1]!.pathname).to.equal('/island/v1/users/self/media/recent');
    expect(urls[1]!.searchParams.get('max_id')).to.equal(first.next);
    expect(first.next).not.to.contain(token.access_token);
  });

  it('reads a non-sandbox user as not found', async () => {
    const { client } = await setup('legacy', { scopes: ['basic', 'public_content'] });
    const error = await rejection(client.userMedia('2001', { limit: 2 }));
    expect(error.kind).to.equal('not-found');
    expect(error.code).to.equal('APINotFoundError');
  });
});

describe('response cache', () => {
  it('serves a second read from memory', async () => {
    const token = await issueToken();
    const recorder = recordingFetch();
    const transport = new Transport({ fetch: recorder.fetch });
    const client = createClient({
      api: 'graph', endpoint: GRAPH_ENDPOINT, accessToken: token.access_token, cache: 'memory', cacheTtl: 60, transport,
    });
    const first = await client.userMedia(undefined, { limit: 4 });
    const second = await client.userMedia(undefined, { limit: 4 });
    expect(second.items.map((item) => item.id)).to.deep.equal(first.items.map((item) => item.id));
    expect(recorder.urls).to.have.length(1);
  });

  it('stores session entries without the token', async () => {
    const token = await issueToken();
    const transport = new Transport();
    const client = createClient({
      api: 'legacy', endpoint: LEGACY_ENDPOINT, accessToken: token.access_token, cache: 'session', cacheTtl: 60, transport,
    });
    await client.userMedia(undefined, { limit: 2 });
    const keys = Object.keys(sessionStorage).filter((key) => key.startsWith('ig-elements:cache:'));
    expect(keys.length).to.be.greaterThan(0);
    for (const key of keys) {
      expect(key).not.to.contain(token.access_token);
      expect(sessionStorage.getItem(key)).not.to.contain(token.access_token);
    }
    transport.clearCache();
  });

  it('never caches an error', async () => {
    const token = await issueToken();
    const recorder = recordingFetch();
    const client = createClient({
      api: 'graph', endpoint: GRAPH_ENDPOINT, accessToken: token.access_token, cache: 'memory', cacheTtl: 60,
      transport: new Transport({ fetch: recorder.fetch, retries: 0 }),
    });
    await addFaults(token.access_token, [{ status: 400, body: { error: { message: 'Invalid parameter', type: 'OAuthException', code: 100, fbtrace_id: 'x' } } }]);
    await rejection(client.userMedia(undefined, { limit: 2 }));
    const page = await client.userMedia(undefined, { limit: 2 });
    expect(page.items).to.have.length(2);
    expect(recorder.urls).to.have.length(2);
  });
});
