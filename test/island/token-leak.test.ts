import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildDataset } from '../../src/island/dataset.js';
import { startIsland, type TestIsland } from './helpers.js';

const dataset = buildDataset();
const album = dataset.posts.find((post) => post.visible && post.ownerId === '1001' && post.type === 'carousel')!;

let island: TestIsland;
let tokens: string[];

before(async () => {
  island = await startIsland();
  tokens = [
    await island.token({ scopes: ['basic', 'public_content'] }),
    await island.token({ rateLimit: 2 }),
    await island.token({ expiresIn: 0 }),
  ];
});
after(() => island.close());

/** Fetches a path and returns everything the client can see: status line, headers and body. */
async function visibleText(path: string, init: RequestInit = {}): Promise<{ text: string; body: string }> {
  const response = await fetch(`${island.base}${path}`, init);
  const body = await response.text();
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  return { text: `${response.status}\n${headers}\n${body}`, body };
}

function requestPaths(token: string): string[] {
  const query = `access_token=${encodeURIComponent(token)}`;
  return [
    `/v1/users/self?${query}`,
    `/v1/users/1002?${query}`,
    `/v1/users/2001/media/recent?${query}`,
    `/v1/media/${album.legacyId}?${query}`,
    `/v1/media/shortcode/${album.shortcode}?${query}`,
    `/v1/media/recent/${token}?${query}`,
    `/v1/users/self/media/recent?max_id=bogus&${query}`,
    `/graph/me?fields=id,username,media{id}&${query}`,
    `/graph/v25.0/me/media?fields=id,children{media_url}&limit=3&${query}`,
    `/graph/${album.graphId}/children?fields=id,media_url&${query}`,
    `/graph/${encodeURIComponent(token)}?${query}`,
    `/graph/me?fields=${encodeURIComponent(token)}&${query}`,
    `/graph/me/${encodeURIComponent(token)}?${query}`,
    `/${encodeURIComponent(token)}?${query}`,
  ];
}

describe('token leaks', () => {
  it('never echoes the token outside legacy next_url', async () => {
    for (const token of tokens) {
      for (let round = 0; round < 2; round += 1) {
        for (const path of requestPaths(token)) {
          const { text } = await visibleText(path);
          assert.equal(text.includes(token), false, `token echoed by ${path.replace(token, 'TOKEN')}`);
        }
      }
    }
  });

  it('echoes the token only inside legacy next_url', async () => {
    const [token] = tokens;
    const { body } = await visibleText(`/v1/users/self/media/recent?count=4&access_token=${token}`);
    const parsed = JSON.parse(body);
    assert.ok(parsed.pagination.next_url.includes(token));
    delete parsed.pagination.next_url;
    assert.equal(JSON.stringify(parsed).includes(token), false);
  });

  it('keeps the token out of faulted responses and control answers', async () => {
    const [token] = tokens;
    const registered = await visibleText('/__island/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, faults: [{ malformed: 'truncated' }, { status: 429 }, { malformed: 'html' }, { status: 503, delayMs: 5 }] }),
    });
    assert.equal(registered.text.includes(token), false);
    for (let index = 0; index < 4; index += 1) {
      const { text } = await visibleText(`/graph/${encodeURIComponent(token)}?access_token=${token}`);
      assert.equal(text.includes(token), false, `faulted response ${index} echoed the token`);
    }
    const dataset = await visibleText('/__island/dataset');
    assert.equal(dataset.text.includes(token), false);
  });

  it('never logs a token', async () => {
    await visibleText(`/v1/users/${tokens[0]}`, { headers: { Authorization: `Bearer ${tokens[0]}` } });
    assert.ok(island.logs.length > 40);
    for (const line of island.logs) {
      for (const token of tokens) assert.equal(line.includes(token), false, `log line contains a token: ${line.replace(token, 'TOKEN')}`);
    }
    assert.ok(island.logs.some((line) => line.includes('REDACTED')));
  });
});
