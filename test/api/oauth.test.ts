import { expect } from '@open-wc/testing';
import { DEFAULT_AUTHORIZE_ENDPOINT, IgError, authorizeUrl, readTokenFromLocation } from '../../src/classes.js';

function thrown(action: () => unknown): IgError {
  try {
    action();
  } catch (error) {
    expect(error).to.be.instanceOf(IgError);
    return error as IgError;
  }
  throw new Error('expected a throw');
}

/** Creates a history that records replaceState calls instead of changing this test page's URL. */
function fakeHistory() {
  const calls: string[] = [];
  return { calls, history: { state: { page: 1 }, replaceState: (_state: unknown, _title: string, url?: string | URL | null) => void calls.push(String(url)) } };
}

describe('authorizeUrl', () => {
  it('builds the legacy code flow URL', () => {
    const url = new URL(authorizeUrl({ clientId: 'abc123', redirectUri: 'http://example.test/oauth', scopes: ['basic', 'likes'], state: 'xyz' }));
    expect(`${url.origin}${url.pathname}`).to.equal(DEFAULT_AUTHORIZE_ENDPOINT);
    expect(url.searchParams.get('client_id')).to.equal('abc123');
    expect(url.searchParams.get('redirect_uri')).to.equal('http://example.test/oauth');
    expect(url.searchParams.get('response_type')).to.equal('code');
    expect(url.searchParams.get('scope')).to.equal('basic likes');
    expect(url.search).to.contain('scope=basic+likes');
    expect(url.searchParams.get('state')).to.equal('xyz');
  });

  it('keeps the redirect URI exactly as given', () => {
    for (const redirectUri of ['http://example.test/oauth/', 'http://example.test/oauth?x=1', 'HTTP://Example.test/oauth']) {
      const url = new URL(authorizeUrl({ clientId: 'a', redirectUri }));
      expect(url.searchParams.get('redirect_uri')).to.equal(redirectUri);
    }
  });

  it('resolves a relative endpoint and sets the implicit flow', () => {
    const url = new URL(authorizeUrl({ clientId: 'a', redirectUri: 'http://127.0.0.1/cb', responseType: 'token', endpoint: '/island/oauth/authorize' }));
    expect(url.origin).to.equal(location.origin);
    expect(url.pathname).to.equal('/island/oauth/authorize');
    expect(url.searchParams.get('response_type')).to.equal('token');
    expect(url.searchParams.get('scope')).to.equal('basic');
    expect(url.searchParams.has('state')).to.equal(false);
  });

  it('joins Instagram Login permissions with commas', () => {
    const url = new URL(authorizeUrl({
      clientId: 'a', redirectUri: 'https://a.test/', scopes: ['instagram_business_basic', 'instagram_business_manage_comments'], endpoint: 'https://www.instagram.com/oauth/authorize',
    }));
    expect(url.searchParams.get('scope')).to.equal('instagram_business_basic,instagram_business_manage_comments');
  });

  it('rejects invalid options by name', () => {
    const cases: Array<[Parameters<typeof authorizeUrl>[0], RegExp]> = [
      [{ clientId: '', redirectUri: 'https://a.test/' }, /clientId "" is invalid/],
      [{ clientId: 'a b', redirectUri: 'https://a.test/' }, /clientId "a b" is invalid/],
      [{ clientId: 'a', redirectUri: 'example.test/oauth' }, /redirectUri "example.test\/oauth" is not a valid URL/],
      [{ clientId: 'a', redirectUri: 'javascript:alert(1)' }, /uses javascript:/],
      [{ clientId: 'a', redirectUri: 'https://a.test/#x' }, /has a fragment/],
      [{ clientId: 'a', redirectUri: 'https://a.test/', scopes: ['basic', 'admin'] }, /Unknown scope\(s\): admin/],
      [{ clientId: 'a', redirectUri: 'https://a.test/', responseType: 'id_token' as 'code' }, /responseType "id_token" is invalid/],
      [{ clientId: 'a', redirectUri: 'https://a.test/', state: '' }, /state must be a non-empty string/],
      [{ clientId: 'a', redirectUri: 'https://a.test/', endpoint: 'ftp://a.test/' }, /endpoint "ftp:\/\/a.test\/" uses ftp:/],
      [{ clientId: 'a', redirectUri: 'https://a.test/', scopes: 'basic likes' as unknown as string[] }, /scopes "basic likes" is not a list of scope names/],
    ];
    for (const [options, message] of cases) {
      const error = thrown(() => authorizeUrl(options));
      expect(error.kind, JSON.stringify(options)).to.equal('invalid-request');
      expect(error.message).to.match(message);
      expect(error.hint).to.be.a('string');
    }
  });
});

describe('readTokenFromLocation', () => {
  it('reads the token and state from the fragment', () => {
    const { calls, history } = fakeHistory();
    const result = readTokenFromLocation('http://127.0.0.1/demo/oauth.html?tab=2#access_token=ISLabc&state=s1', history);
    expect(result?.accessToken).to.equal('ISLabc');
    expect(result?.state).to.equal('s1');
    expect(result?.error).to.equal(undefined);
    expect(calls).to.deep.equal(['http://127.0.0.1/demo/oauth.html?tab=2']);
  });

  it('keeps unrelated fragment parameters', () => {
    const { calls, history } = fakeHistory();
    readTokenFromLocation('http://127.0.0.1/p#view=grid&access_token=T', history);
    expect(calls).to.deep.equal(['http://127.0.0.1/p#view=grid']);
  });

  it('reads a denial from the query', () => {
    const { calls, history } = fakeHistory();
    const result = readTokenFromLocation(
      'http://127.0.0.1/cb?error=access_denied&error_reason=user_denied&error_description=The+user+denied+your+request.&state=s2', history,
    );
    expect(result?.accessToken).to.equal(undefined);
    expect(result?.state).to.equal('s2');
    expect(result?.error?.kind).to.equal('permission');
    expect(result?.error?.code).to.equal('access_denied');
    expect(result?.error?.message).to.equal('The user denied your request.');
    expect(calls).to.deep.equal(['http://127.0.0.1/cb']);
  });

  it('returns undefined without an OAuth response', () => {
    const { calls, history } = fakeHistory();
    expect(readTokenFromLocation('http://127.0.0.1/page?code=abc#section', history)).to.equal(undefined);
    expect(calls).to.deep.equal([]);
  });

  it('cleans the real address bar', () => {
    const original = location.href;
    history.replaceState(history.state, '', `${location.pathname}${location.search}#access_token=ISLpage&state=real`);
    try {
      const result = readTokenFromLocation();
      expect(result?.accessToken).to.equal('ISLpage');
      expect(location.hash).to.equal('');
      expect(location.href).not.to.contain('ISLpage');
    } finally {
      history.replaceState(history.state, '', original);
    }
  });
});

describe('implicit flow against the island', () => {
  it('returns a working token to the redirect URI', async () => {
    // Any page of this origin can be the redirect target; a fixture file is one the test server serves.
    const redirectUri = `${location.origin}/fixtures/legacy/post-media-likes.json`;
    const registration = await fetch('/island/__island/clients', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Browser test', redirect_uris: [redirectUri], sandbox_users: ['alpine.kitchen'] }),
    });
    const { client_id: clientId } = (await registration.json()) as { client_id: string };
    const url = authorizeUrl({ clientId, redirectUri, responseType: 'token', scopes: ['basic', 'likes'], state: 'frame-1', endpoint: '/island/oauth/authorize' });

    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      frame.src = url;
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const page = frame.contentDocument!;
      expect(page.querySelector('h1')?.textContent).to.equal('Authorization request');
      page.querySelector<HTMLSelectElement>('select[name="username"]')!.value = 'alpine.kitchen';
      page.querySelector<HTMLButtonElement>('button[value="approve"]')!.click();
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));

      const landed = frame.contentWindow!;
      const result = readTokenFromLocation(landed.location, landed.history);
      expect(result?.state).to.equal('frame-1');
      expect(result?.accessToken).to.match(/^ISL/);
      expect(landed.location.hash).to.equal('');
      const self = await fetch(`/island/v1/users/self?access_token=${encodeURIComponent(result!.accessToken!)}`);
      expect(((await self.json()) as { data: { username: string } }).data.username).to.equal('alpine.kitchen');
    } finally {
      frame.remove();
    }
  });
});
