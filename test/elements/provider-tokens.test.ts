import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { IgFeed, IgProvider } from '../../src/classes.js';
import type { IgTokenExpiredDetail } from '../../src/internal/token-controller.js';
import { GRAPH_ENDPOINT, ISLAND, LEGACY_ENDPOINT, issueToken } from '../support/island.js';

type Dialect = 'graph' | 'legacy';
const ENDPOINTS: Record<Dialect, string> = { graph: GRAPH_ENDPOINT, legacy: LEGACY_ENDPOINT };
const TOKEN_ENDPOINT = `${ISLAND}/__island/token-endpoint`;

async function mount(api: Dialect, providerAttributes = '') {
  const provider = await fixture<IgProvider>(
    `<ig-provider api="${api}" endpoint="${ENDPOINTS[api]}" ${providerAttributes}><ig-feed limit="3"></ig-feed></ig-provider>`,
  );
  return { provider, feed: provider.querySelector('ig-feed')! };
}

async function settled(feed: IgFeed): Promise<void> {
  await waitUntil(() => feed.state !== 'loading', `feed stayed in "${feed.state}"`, { timeout: 5000 });
}

function tokenOf(provider: IgProvider): string | undefined {
  return provider.client?.settings.accessToken;
}

/** Collects the events of one type that reach the document. */
function collect<T>(type: string): { events: CustomEvent<T>[]; stop: () => void } {
  const events: CustomEvent<T>[] = [];
  const listener = (event: Event) => events.push(event as CustomEvent<T>);
  document.addEventListener(type, listener);
  return { events, stop: () => document.removeEventListener(type, listener) };
}

describe('<ig-provider> token-url', () => {
  it('keeps loaded pages when the token is renewed', async () => {
    const provider = await fixture<IgProvider>(`<ig-provider api="legacy" endpoint="${LEGACY_ENDPOINT}"
      token-url="${TOKEN_ENDPOINT}?user=harbour.lights&expires_in=1"><ig-feed limit="3" load-more="button"></ig-feed></ig-provider>`);
    const feed = provider.querySelector('ig-feed')!;
    await settled(feed);
    await feed.loadMore();
    await feed.loadMore();
    expect(feed.items).to.have.length(9);
    const first = tokenOf(provider);
    const loads = collect('ig-load');
    try {
      // The provider renews a token at 90% of expires_in, here after about 0.9 s.
      await waitUntil(() => tokenOf(provider) !== first, 'the token was not renewed', { timeout: 4000 });
      await feed.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(feed.items).to.have.length(9);
      expect(loads.events).to.have.length(0);
      await feed.loadMore();
      expect(feed.items).to.have.length(12);
    } finally {
      loads.stop();
    }
  });

  it('loads the feed with a fetched token', async () => {
    const { provider, feed } = await mount('legacy', `token-url="${TOKEN_ENDPOINT}?user=alpine.kitchen"`);
    await settled(feed);
    expect(feed.state).to.equal('ready');
    expect(tokenOf(provider)).to.match(/^ISL/);
    const user = await provider.whoami();
    expect(user.username).to.equal('alpine.kitchen');
  });

  it('refreshes at 90% of expires_in', async () => {
    const { provider, feed } = await mount('graph', `token-url="${TOKEN_ENDPOINT}?expires_in=2"`);
    await waitUntil(() => tokenOf(provider) !== undefined, 'no first token', { timeout: 4000 });
    const started = performance.now();
    const first = tokenOf(provider);
    await waitUntil(() => tokenOf(provider) !== first, 'no refreshed token', { timeout: 4000 });
    const elapsed = performance.now() - started;
    // The refresh is due 1.8 s after the first token; the margins absorb polling and a busy test machine.
    expect(elapsed).to.be.greaterThan(1500);
    expect(elapsed).to.be.lessThan(2600);
    // A new token means a new client, so the feed loads again with it.
    await settled(feed);
    expect(feed.state).to.equal('ready');
  });

  it('reports a failing token-url without a token', async () => {
    const errors = collect<{ error: Error }>('ig-error');
    try {
      const { provider } = await mount('legacy', `token-url="${TOKEN_ENDPOINT}?user=outside.world"`);
      await waitUntil(() => errors.events.some((event) => event.target === provider), 'no ig-error from the provider');
      const event = errors.events.find((item) => item.target === provider)!;
      expect(event.detail.error.message).to.equal(`The token-url "${TOKEN_ENDPOINT}" failed with HTTP 400.`);
      expect(tokenOf(provider)).to.equal(undefined);
    } finally {
      errors.stop();
    }
  });

  it('stops refreshing when disconnected', async () => {
    let calls = 0;
    const { provider } = await mount('legacy');
    provider.tokenProvider = async () => {
      calls += 1;
      return { accessToken: (await issueToken()).access_token, expiresIn: 1 };
    };
    await waitUntil(() => calls === 1);
    provider.remove();
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(calls).to.equal(1);
  });
});

for (const api of ['legacy', 'graph'] as const) {
  describe(`<ig-provider> expired tokens on ${api}`, () => {
    it('fetches a fresh token once and the feed retries', async () => {
      const expired = await issueToken({ expiresIn: 0 });
      const fresh = await issueToken();
      const handed: string[] = [];
      const expiredEvents = collect<IgTokenExpiredDetail>('ig-token-expired');
      try {
        const { provider, feed } = await mount(api);
        const failed = oneEvent(feed, 'ig-error');
        provider.tokenProvider = () => {
          const token = handed.length === 0 ? expired.access_token : fresh.access_token;
          handed.push(token);
          return token;
        };
        await failed;
        await waitUntil(() => feed.state === 'ready', `feed is "${feed.state}"`, { timeout: 5000 });
        expect(handed).to.deep.equal([expired.access_token, fresh.access_token]);
        expect(tokenOf(provider)).to.equal(fresh.access_token);
        expect(expiredEvents.events).to.have.length(0);
      } finally {
        expiredEvents.stop();
      }
    });

    it('fires ig-token-expired without a token source', async () => {
      const expired = await issueToken({ expiresIn: 0 });
      const { provider, feed } = await mount(api);
      const event = oneEvent(provider, 'ig-token-expired');
      provider.accessToken = expired.access_token;
      const { detail, bubbles, composed } = (await event) as CustomEvent<IgTokenExpiredDetail>;
      expect(bubbles).to.equal(true);
      expect(composed).to.equal(true);
      expect(detail.dialect).to.equal(api);
      expect(detail.error.kind).to.equal('auth');
      if (api === 'graph') expect(detail.error.code).to.equal(190);
      else expect(detail.error.message).to.equal('The access_token provided is invalid.');
      expect(JSON.stringify(detail.error)).not.to.contain(expired.access_token);
      expect(feed.state).to.equal('error');
    });

    it('fires ig-token-expired when the fresh token fails too', async () => {
      let calls = 0;
      const expiredEvents = collect<IgTokenExpiredDetail>('ig-token-expired');
      try {
        const { provider, feed } = await mount(api);
        provider.tokenProvider = async () => {
          calls += 1;
          return (await issueToken({ expiresIn: 0 })).access_token;
        };
        await waitUntil(() => expiredEvents.events.length > 0, 'no ig-token-expired', { timeout: 5000 });
        await settled(feed);
        expect(calls).to.equal(2);
        expect(feed.state).to.equal('error');
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(expiredEvents.events).to.have.length(1);
        expect(expiredEvents.events[0]!.target).to.equal(provider);
      } finally {
        expiredEvents.stop();
      }
    });

    it('finds the user with whoami', async () => {
      const token = await issueToken({ user: 'city.cyclist' });
      const { provider } = await mount(api);
      provider.tokenProvider = () => Promise.resolve({ accessToken: token.access_token });
      const user = await provider.whoami();
      expect(user.id).to.equal(api === 'graph' ? token.graph_user_id : token.user_id);
      expect(user.username).to.equal('city.cyclist');
    });
  });
}

describe('<ig-provider> tokenProvider', () => {
  it('reports an invalid result', async () => {
    const { provider } = await mount('legacy');
    const failed = oneEvent(provider, 'ig-error');
    provider.tokenProvider = () => ({ accessToken: '', expiresIn: 10 });
    const { detail } = (await failed) as CustomEvent<{ error: Error & { kind: string } }>;
    expect(detail.error.kind).to.equal('bad-response');
    expect(detail.error.message).to.equal('tokenProvider returned no access token.');
  });

  it('reports a throwing function', async () => {
    const { provider } = await mount('legacy');
    const failed = oneEvent(provider, 'ig-error');
    provider.tokenProvider = () => Promise.reject(new Error('session ended'));
    const { detail } = (await failed) as CustomEvent<{ error: Error & { kind: string } }>;
    expect(detail.error.kind).to.equal('auth');
    expect(detail.error.message).to.equal('The tokenProvider function failed: session ended');
  });
});
