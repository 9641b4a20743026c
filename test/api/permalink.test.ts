import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  ACCEPTED_PERMALINK_FORMS, isShortcode, parsePermalink, postUrl, readPermalink, type IgPostKind, type IgPostRef,
} from '../../src/api/permalink.js';
import { IgError } from '../../src/api/errors.js';

const SHORTCODE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const KIND_OF_SEGMENT: Record<string, IgPostKind> = { p: 'post', reel: 'reel', reels: 'reel', tv: 'tv' };

const shortcode = fc.string({ unit: fc.constantFrom(...SHORTCODE_CHARS), minLength: 1, maxLength: 64 });
const username = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._'), minLength: 1, maxLength: 30 })
  .filter((name) => !(name.toLowerCase() in KIND_OF_SEGMENT));
const host = fc.constantFrom('instagram.com', 'www.instagram.com', 'm.instagram.com', 'instagr.am', 'www.instagr.am', 'WWW.Instagram.COM');
const trackingValue = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789=_'), maxLength: 24 });
const trackingQuery = fc
  .subarray(['utm_source', 'utm_medium', 'igsh', 'igshid', 'img_index', 'is_from_webapp'])
  .chain((names) => fc.tuple(...names.map((name) => trackingValue.map((value) => `${name}=${encodeURIComponent(value)}`))))
  .map((pairs) => (pairs.length > 0 ? `?${pairs.join('&')}` : ''));

/** A permalink in one of the accepted forms, with the reference it names. */
const validForm = fc
  .record({
    scheme: fc.constantFrom('http', 'https'),
    host,
    user: fc.option(username, { nil: undefined }),
    segment: fc.constantFrom('p', 'reel', 'reels', 'tv', 'P', 'Reel'),
    shortcode,
    slash: fc.boolean(),
    query: trackingQuery,
    fragment: fc.constantFrom('', '#', '#comments'),
  })
  .map((form) => ({
    url: `${form.scheme}://${form.host}/${form.user ? `${form.user}/` : ''}${form.segment}/${form.shortcode}${form.slash ? '/' : ''}${form.query}${form.fragment}`,
    expected: { kind: KIND_OF_SEGMENT[form.segment.toLowerCase()], shortcode: form.shortcode } as IgPostRef,
  }));

describe('parsePermalink', () => {
  it('reads the recorded and documented forms', () => {
    const cases: Array<[string, IgPostKind, string]> = [
      ['https://www.instagram.com/p/BSCoDz7Du7k/', 'post', 'BSCoDz7Du7k'],
      ['https://www.instagram.com/reel/DW9Cni5jvXG/', 'reel', 'DW9Cni5jvXG'],
      ['https://www.instagram.com/reels/DbVBrmiMbie/', 'reel', 'DbVBrmiMbie'],
      ['https://www.instagram.com/tv/DW9Cni5jvXG/', 'tv', 'DW9Cni5jvXG'],
      ['https://www.instagram.com/clicksam_/reel/DS-tAVniTqp/', 'reel', 'DS-tAVniTqp'],
      ['https://www.instagram.com/snocart.app/reel/DSkiLUfgdm-/', 'reel', 'DSkiLUfgdm-'],
      ['http://instagram.com/p/os1NQjxtvF/', 'post', 'os1NQjxtvF'],
      ['http://instagr.am/p/BWl6P/', 'post', 'BWl6P'],
      ['https://m.instagram.com/p/BQ0eAlwhDrw', 'post', 'BQ0eAlwhDrw'],
      ['https://www.instagram.com/reel/DW9Cni5jvXG/?utm_source=ig_web_copy_link&igsh=MzRlODBiNWFlZA==', 'reel', 'DW9Cni5jvXG'],
      ['https://www.instagram.com/p/BSCoDz7Du7k/?igshid=abc123', 'post', 'BSCoDz7Du7k'],
      ['https://www.instagram.com/p/BSCoDz7Du7k/?img_index=1', 'post', 'BSCoDz7Du7k'],
      ['https://www.instagram.com/p/BSCoDz7Du7k/?utm_source=ig_embed&utm_campaign=loading#top', 'post', 'BSCoDz7Du7k'],
      ['https://www.instagram.com/p/BSCoDz7Du7k/embed/captioned/', 'post', 'BSCoDz7Du7k'],
      ['  instagram.com/p/BSCoDz7Du7k  ', 'post', 'BSCoDz7Du7k'],
      ['//www.instagram.com/p/BSCoDz7Du7k/', 'post', 'BSCoDz7Du7k'],
      ['https://www.instagram.com/p/D', 'post', 'D'],
    ];
    for (const [url, kind, code] of cases) {
      expect(parsePermalink(url), url).to.deep.equal({ kind, shortcode: code });
    }
  });

  it('rejects look-alike and foreign hosts', () => {
    const urls = [
      'https://instagram.com.example.test/p/BSCoDz7Du7k/',
      'https://notinstagram.com/p/BSCoDz7Du7k/',
      'https://www.instagram.co/p/BSCoDz7Du7k/',
      'https://instagram.com.evil/p/BSCoDz7Du7k/',
      'https://evil.example/instagram.com/p/BSCoDz7Du7k/',
      'https://instagram.com@evil.example/p/BSCoDz7Du7k/',
      'https://user:secret@instagram.com/p/BSCoDz7Du7k/',
      'https://www.instagram.com:8443/p/BSCoDz7Du7k/',
      'https://instagr.am.example.test/p/BWl6P/',
      'https://api.instagram.com/p/BSCoDz7Du7k/',
      'https://www.facebook.com/p/BSCoDz7Du7k/',
    ];
    for (const url of urls) expect(parsePermalink(url), url).to.equal(undefined);
  });

  it('rejects non-http schemes', () => {
    const urls = [
      'javascript:alert(1)//instagram.com/p/BSCoDz7Du7k/',
      'data:text/html,https://www.instagram.com/p/BSCoDz7Du7k/',
      'ftp://www.instagram.com/p/BSCoDz7Du7k/',
      'file:///www.instagram.com/p/BSCoDz7Du7k/',
      'instagram://media?id=1477919811501485796',
    ];
    for (const url of urls) expect(parsePermalink(url), url).to.equal(undefined);
  });

  it('rejects paths without a shortcode', () => {
    const urls = [
      'https://www.instagram.com/',
      'https://www.instagram.com/p/',
      'https://www.instagram.com/reel',
      'https://www.instagram.com/explore/',
      'https://www.instagram.com/harbour.lights/',
      'https://www.instagram.com/stories/harbour.lights/3141592653/',
      'https://www.instagram.com/p/has%20space/',
      'https://www.instagram.com/p/' + 'a'.repeat(65) + '/',
      'https://www.instagram.com/?p=BSCoDz7Du7k',
      'https://www.instagram.com/#/p/BSCoDz7Du7k/',
    ];
    for (const url of urls) expect(parsePermalink(url), url).to.equal(undefined);
  });

  it('rejects values that are not URLs', () => {
    for (const value of ['', '   ', 'BSCoDz7Du7k', 'p/BSCoDz7Du7k', 'not a url', undefined, null, 42, {}]) {
      expect(parsePermalink(value), String(value)).to.equal(undefined);
    }
  });

  it('reads every generated valid form', () => {
    fc.assert(
      fc.property(validForm, ({ url, expected }) => {
        expect(parsePermalink(url), url).to.deep.equal(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips through postUrl', () => {
    const ref = fc.record({ kind: fc.constantFrom<IgPostKind>('post', 'reel', 'tv'), shortcode });
    fc.assert(
      fc.property(ref, (value) => {
        expect(parsePermalink(postUrl(value))).to.deep.equal(value);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random strings', () => {
    const input = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      validForm.chain(({ url }) => fc.integer({ min: 0, max: url.length }).map((cut) => url.slice(0, cut))),
    );
    fc.assert(
      fc.property(input, (value) => {
        const ref = parsePermalink(value);
        if (ref !== undefined) expect(isShortcode(ref.shortcode)).to.equal(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts generated hosts only when they are Instagram', () => {
    fc.assert(
      fc.property(fc.domain(), shortcode, (domain, code) => {
        const ref = parsePermalink(`https://${domain}/p/${code}/`);
        const instagram = ['instagram.com', 'www.instagram.com', 'm.instagram.com', 'instagr.am', 'www.instagr.am'];
        expect(ref !== undefined).to.equal(instagram.includes(domain.toLowerCase()));
      }),
      { numRuns: 300 },
    );
  });
});

describe('readPermalink', () => {
  it('returns the reference for a valid URL', () => {
    expect(readPermalink('https://www.instagram.com/reels/DbVBrmiMbie/')).to.deep.equal({ kind: 'reel', shortcode: 'DbVBrmiMbie' });
  });

  it('names the value, reason and accepted forms', () => {
    let caught: unknown;
    try {
      readPermalink('https://instagram.com.example.test/p/BSCoDz7Du7k/', 'url');
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(IgError);
    const error = caught as IgError;
    expect(error.kind).to.equal('invalid-attribute');
    expect(error.message).to.contain('url="https://instagram.com.example.test/p/BSCoDz7Du7k/"');
    expect(error.message).to.contain('instagram.com.example.test');
    expect(error.hint).to.contain(ACCEPTED_PERMALINK_FORMS);
    expect(error.hint).to.contain('shortcode');
  });

  it('explains a wrong scheme and a missing shortcode', () => {
    expect(() => readPermalink('ftp://www.instagram.com/p/BSCoDz7Du7k/')).to.throw(IgError, /scheme "ftp:"/);
    expect(() => readPermalink('https://www.instagram.com/explore/')).to.throw(IgError, /names no post/);
    expect(() => readPermalink('')).to.throw(IgError, /empty/);
  });
});

describe('postUrl', () => {
  it('builds the canonical URL of each kind', () => {
    expect(postUrl({ kind: 'post', shortcode: 'BSCoDz7Du7k' })).to.equal('https://www.instagram.com/p/BSCoDz7Du7k/');
    expect(postUrl({ kind: 'reel', shortcode: 'DW9Cni5jvXG' })).to.equal('https://www.instagram.com/reel/DW9Cni5jvXG/');
    expect(postUrl({ kind: 'tv', shortcode: 'DW9Cni5jvXG' })).to.equal('https://www.instagram.com/tv/DW9Cni5jvXG/');
  });
});
