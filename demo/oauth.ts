// The OAuth demo: registers a client with the island, runs the implicit flow back to this page,
// and shows the user's feed with a like button per post. The token stays in memory only.
import { authorizeUrl, readTokenFromLocation } from '../src/classes.ts';
import type { IgErrorDetail, IgLikeDetail, IgProvider } from '../src/classes.ts';
import '../src/index.ts';

const CLIENT_KEY = 'ig-demo-oauth-client-id';
const STATE_KEY = 'ig-demo-oauth-state';
const redirectUri = `${location.origin}${location.pathname}`;

const registerButton = document.querySelector<HTMLButtonElement>('#register')!;
const authorizeButton = document.querySelector<HTMLButtonElement>('#authorize')!;
const clientStatus = document.querySelector<HTMLElement>('#client')!;
const authStatus = document.querySelector<HTMLElement>('#auth-status')!;
const provider = document.querySelector<IgProvider>('#oauth-provider')!;
const log = document.querySelector<HTMLOListElement>('#event-log')!;

function record(text: string): void {
  const entry = document.createElement('li');
  entry.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(entry);
}

function showClient(clientId: string | null): void {
  authorizeButton.disabled = !clientId;
  clientStatus.textContent = clientId ? `Registered: client_id ${clientId}` : '';
}

registerButton.addEventListener('click', async () => {
  const response = await fetch('/island/__island/clients', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'ig-elements OAuth demo',
      redirect_uris: [redirectUri],
      sandbox_users: ['harbour.lights', 'alpine.kitchen'],
      invited: ['city.cyclist'],
    }),
  });
  const body = (await response.json()) as { client_id?: string; error?: string };
  if (!response.ok || !body.client_id) {
    clientStatus.textContent = `Registration failed: ${body.error ?? `HTTP ${response.status}`}`;
    return;
  }
  // The client id is public; the secret is not needed by the implicit flow, so it is not kept.
  sessionStorage.setItem(CLIENT_KEY, body.client_id);
  showClient(body.client_id);
});

authorizeButton.addEventListener('click', () => {
  const clientId = sessionStorage.getItem(CLIENT_KEY);
  if (!clientId) return;
  const state = crypto.randomUUID();
  sessionStorage.setItem(STATE_KEY, state);
  location.assign(authorizeUrl({
    clientId, redirectUri, responseType: 'token', scopes: ['basic', 'public_content', 'likes'], state, endpoint: '/island/oauth/authorize',
  }));
});

document.addEventListener('ig-like', (event) => {
  const { detail } = event as CustomEvent<IgLikeDetail>;
  record(`ig-like: ${detail.mediaId} liked=${detail.liked} count=${detail.count ?? 'unknown'}`);
});
document.addEventListener('ig-error', (event) => {
  const { detail, target } = event as CustomEvent<IgErrorDetail>;
  record(`ig-error on <${(target as Element).localName}>: ${detail.error.kind}: ${detail.error.message}`);
});

async function start(): Promise<void> {
  showClient(sessionStorage.getItem(CLIENT_KEY));
  const result = readTokenFromLocation();
  if (!result) return;
  const expectedState = sessionStorage.getItem(STATE_KEY);
  sessionStorage.removeItem(STATE_KEY);
  if (result.error) {
    authStatus.textContent = `Not authorized: ${result.error.message}`;
    return;
  }
  if (!result.accessToken || result.state !== expectedState) {
    authStatus.textContent = 'The response did not come from a request of this page (state mismatch), so it was ignored.';
    return;
  }
  provider.accessToken = result.accessToken;
  // The feed is created only now, so it never starts without a token.
  const feed = document.createElement('ig-feed');
  feed.setAttribute('limit', '6');
  feed.setAttribute('columns', '3');
  feed.toggleAttribute('show-like-buttons', true);
  feed.toggleAttribute('show-captions', true);
  document.querySelector('#feed-hint')!.replaceWith(feed);
  const user = await provider.whoami();
  authStatus.textContent = `Signed in as ${user.username ?? user.id}. The token is only in this page's memory: reload to start over.`;
}

void start();
