import { expect } from '@open-wc/testing';
import { safeUrl, toIsoTimestamp } from '../../src/api/normalize.js';
import { mapGraphMedia } from '../../src/api/graph-map.js';
import { mapLegacyMedia } from '../../src/api/legacy-map.js';
import { redact, redactSecret } from '../../src/api/errors.js';

describe('safeUrl', () => {
  it('keeps http and https only', () => {
    expect(safeUrl('https://a.example/x.jpg')).to.equal('https://a.example/x.jpg');
    expect(safeUrl('http://a.example/x.jpg')).to.equal('http://a.example/x.jpg');
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'JAVASCRIPT:alert(1)', '//a.example/x', 'x.jpg', '', 42, null]) {
      expect(safeUrl(bad), String(bad)).to.equal(undefined);
    }
  });
});

describe('toIsoTimestamp', () => {
  it('reads Graph, ISO and Unix forms', () => {
    expect(toIsoTimestamp('2021-07-26T10:45:20+0000')).to.equal('2021-07-26T10:45:20.000Z');
    expect(toIsoTimestamp('2021-07-26T12:45:20+0200')).to.equal('2021-07-26T10:45:20.000Z');
    expect(toIsoTimestamp('1490401792')).to.equal('2017-03-25T00:29:52.000Z');
    expect(toIsoTimestamp(1490401792)).to.equal('2017-03-25T00:29:52.000Z');
    expect(toIsoTimestamp('not a date')).to.equal('');
    expect(toIsoTimestamp(undefined)).to.equal('');
  });
});

describe('media mapping of partial data', () => {
  it('keeps a Graph item with only an id', () => {
    expect(mapGraphMedia({ id: '1' })).to.deep.include({ id: '1', type: 'image', permalink: '', timestamp: '' });
  });

  it('drops values that are not media', () => {
    for (const value of [null, 'x', 3, [], {}, { id: {} }]) {
      expect(mapGraphMedia(value), JSON.stringify(value)).to.equal(undefined);
      expect(mapLegacyMedia(value), JSON.stringify(value)).to.equal(undefined);
    }
  });

  it('never binds a javascript: URL', () => {
    const item = mapGraphMedia({ id: '1', media_type: 'IMAGE', media_url: 'javascript:alert(1)', permalink: 'javascript:alert(2)' })!;
    expect(item.mediaUrl).to.equal(undefined);
    expect(item.permalink).to.equal('');
  });

  it('keeps a legacy item with a wrong-typed caption', () => {
    const item = mapLegacyMedia({ id: '1_2', type: 'image', caption: 'plain string', likes: { count: -4 }, created_time: 'x' })!;
    expect(item.caption).to.equal(undefined);
    expect(item.likeCount).to.equal(undefined);
    expect(item.timestamp).to.equal('');
  });
});

describe('redact', () => {
  it('hides tokens and secrets in URLs', () => {
    expect(redact('https://x.test/a?access_token=SECRET&b=1')).to.equal('https://x.test/a?access_token=REDACTED&b=1');
    expect(redact('https://x.test/a?b=1&client_secret=S#access_token=T')).to.equal('https://x.test/a?b=1&client_secret=REDACTED#access_token=REDACTED');
  });
});

describe('redactSecret', () => {
  it('hides a long secret anywhere', () => {
    expect(redactSecret('token ISLabcdefgh12 in text', 'ISLabcdefgh12')).to.equal('token REDACTED in text');
  });

  it('leaves text alone for a short secret', () => {
    expect(redactSecret('{"meta":{"error_type":"x"}}?access_token=e', 'e')).to.equal('{"meta":{"error_type":"x"}}?access_token=REDACTED');
  });
});
