// Every recorded response is replayed over HTTP by the island (a fault whose body is the
// fixture file), so the clients parse exactly what the real APIs once sent.
import { expect } from '@open-wc/testing';
import { createClient, Transport } from '../../src/classes.js';
import { mapGraphMedia } from '../../src/api/graph-map.js';
import { GRAPH_ENDPOINT, LEGACY_ENDPOINT, addFaults, fixture, issueToken } from '../support/island.js';
import { rejection } from '../support/errors.js';

interface GraphPage {
  data: Array<{ id: string; permalink: string; media_type: string; media_url: string; caption: string }>;
  paging: { cursors: { after: string }; next?: string };
}

async function clientFor(api: 'graph' | 'legacy') {
  const token = await issueToken();
  const client = createClient({
    api,
    endpoint: api === 'graph' ? GRAPH_ENDPOINT : LEGACY_ENDPOINT,
    accessToken: token.access_token,
    transport: new Transport({ retries: 0 }),
  });
  return { client, token: token.access_token };
}

describe('recorded Graph responses', () => {
  it('reads both pages of /me/media', async () => {
    const { client, token } = await clientFor('graph');
    const page1 = await fixture<GraphPage>('graph/me-media-page1.json');
    const page2 = await fixture<GraphPage>('graph/me-media-page2.json');
    await addFaults(token, [
      { match: '/media', fixture: 'graph/me-media-page1.json' },
      { match: '/media', fixture: 'graph/me-media-page2.json' },
    ]);

    const first = await client.userMedia(undefined, { limit: 2 });
    expect(first.items.map((item) => item.id)).to.deep.equal(page1.data.map((item) => item.id));
    expect(first.items.map((item) => item.permalink)).to.deep.equal(page1.data.map((item) => item.permalink));
    expect(first.items.every((item) => item.type === 'image')).to.equal(true);
    expect(first.items[0]!.mediaUrl).to.equal(page1.data[0]!.media_url);
    expect(first.items[0]!.timestamp).to.equal('2020-02-13T10:35:40.000Z');
    expect(first.items[0]!.shortcode).to.equal('B8gQCApHMT-');
    expect(first.items[0]!.tags).to.deep.equal(['harbour', 'example']);
    expect(first.next).to.equal(page1.paging.cursors.after);

    const second = await client.userMedia(undefined, { limit: 2, cursor: first.next });
    expect(second.items.map((item) => item.id)).to.deep.equal(page2.data.map((item) => item.id));
    // The last page still carries cursors but no `next`, so there is no further page.
    expect(page2.paging.cursors.after).to.be.a('string');
    expect(second.next).to.equal(undefined);
  });

  it('reads an album and its recorded children', async () => {
    const { client, token } = await clientFor('graph');
    const album = await fixture<Record<string, unknown>>('graph/media-carousel-album.json');
    const children = await fixture<{ data: unknown[] }>('graph/media-children.json');
    await addFaults(token, [{ match: '/18027939643230671', fixture: 'graph/media-carousel-album.json' }]);

    const item = await client.media('18027939643230671');
    expect(item.type).to.equal('carousel');
    expect(item.permalink).to.equal(album.permalink);
    expect(item.timestamp).to.equal('2019-10-23T02:05:15.000Z');
    expect(item.children).to.equal(undefined);

    const expanded = mapGraphMedia({ ...album, children })!;
    expect(expanded.children).to.have.length(2);
    expect(expanded.children!.map((child) => child.permalink)).to.deep.equal([
      'https://www.instagram.com/p/B38XyoFHM_T/',
      'https://www.instagram.com/p/B38XyoEnKK_/',
    ]);
    expect(expanded.children!.every((child) => child.type === 'image' && child.mediaUrl)).to.equal(true);
  });

  it('reads the recorded /me', async () => {
    const { client, token } = await clientFor('graph');
    await addFaults(token, [{ match: '/me', fixture: 'graph/me.json' }]);
    const user = await client.whoami();
    expect(user).to.deep.include({ id: '17841406338772941', username: 'example_user', accountType: 'BUSINESS', mediaCount: 10 });
  });

  it('maps the recorded error 100', async () => {
    const { client, token } = await clientFor('graph');
    await addFaults(token, [{ status: 400, fixture: 'graph/error-100-oauthexception.json' }]);
    const error = await rejection(client.userMedia(undefined, { limit: 2 }));
    expect(error.kind).to.equal('invalid-request');
    expect(error.code).to.equal(100);
    expect(error.status).to.equal(400);
    expect(error.message).to.contain('Pages Public Content Access requires');
  });
});

describe('recorded legacy responses', () => {
  it('reads the recorded carousel media', async () => {
    const { client, token } = await clientFor('legacy');
    await addFaults(token, [{ match: '/media/', fixture: 'legacy/media-carousel-images.json' }]);
    const item = await client.media('1477919811501485796_25025320');

    expect(item.id).to.equal('1477919811501485796_25025320');
    expect(item.type).to.equal('carousel');
    expect(item.children).to.have.length(4);
    expect(item.children!.every((child) => child.type === 'image')).to.equal(true);
    expect(item.children![0]!.mediaUrl).to.match(/^https:\/\/scontent\.cdninstagram\.com\/.*s640x640/);
    expect(item.shortcode).to.equal('BSCoDz7Du7k');
    expect(item.timestamp).to.equal(new Date(1490401792 * 1000).toISOString());
    expect(item.username).to.equal('example_user');
    expect(item.caption).to.contain('Morning light over the harbour');
  });

  it('maps the recorded OAuth error without meta', async () => {
    const { client, token } = await clientFor('legacy');
    await addFaults(token, [{ status: 400, fixture: 'legacy/oauth-error-redirect-uri.json' }]);
    const error = await rejection(client.userMedia(undefined, { limit: 2 }));
    expect(error.kind).to.equal('invalid-request');
    expect(error.code).to.equal('OAuthException');
    expect(error.message).to.equal('Redirect URI does not match registered redirect URI');
  });
});
