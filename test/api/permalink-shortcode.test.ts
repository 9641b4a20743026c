import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { mediaIdToShortcode, shortcodeToMediaId } from '../../src/api/shortcode.js';
import { mediaIdToShortcode as exported } from '../../src/api/index.js';

const SHORTCODE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Shortcode and media id pairs checked against recorded API responses. */
const VERIFIED: Array<[string, string]> = [
  ['BSCoDz7Du7k', '1477919811501485796'],
  ['BQ0eAlwhDrw', '1455920561485265648'],
  ['os1NQjxtvF', '733194846952938437'],
  ['ySl7G9tO_q', '905953264702648298'],
  ['BG9It', '18600493'],
];

describe('shortcodeToMediaId', () => {
  it('converts the verified pairs', () => {
    for (const [code, id] of VERIFIED) expect(shortcodeToMediaId(code), code).to.equal(id);
  });

  it('keeps precision beyond 2^53', () => {
    expect(Number(shortcodeToMediaId('BSCoDz7Du7k'))).to.be.greaterThan(Number.MAX_SAFE_INTEGER);
    expect(shortcodeToMediaId('BSCoDz7Du7k')!.endsWith('796')).to.equal(true);
  });

  it('rejects empty input and foreign characters', () => {
    for (const value of ['', 'abc=', 'a b', 'é', 'BSCoDz7Du7k/', '+/']) {
      expect(shortcodeToMediaId(value), value).to.equal(undefined);
    }
  });

  it('never throws on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const id = shortcodeToMediaId(value);
        if (id !== undefined) expect(id).to.match(/^\d+$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('mediaIdToShortcode', () => {
  it('converts the verified pairs', () => {
    for (const [code, id] of VERIFIED) {
      expect(mediaIdToShortcode(id), id).to.equal(code);
      expect(mediaIdToShortcode(BigInt(id)), `${id}n`).to.equal(code);
    }
  });

  it('ignores the owner part of a legacy id', () => {
    expect(mediaIdToShortcode('1477919811501485796_25025320')).to.equal('BSCoDz7Du7k');
  });

  it('rejects negative numbers and non-numbers', () => {
    for (const value of ['-1', '', 'abc', '12_', '_12', '1.5', '17841400000001001_x']) {
      expect(mediaIdToShortcode(value), value).to.equal(undefined);
    }
    expect(mediaIdToShortcode(-5n)).to.equal(undefined);
    expect(mediaIdToShortcode(0n)).to.equal('A');
  });

  it('is exported from the api module', () => {
    expect(exported).to.equal(mediaIdToShortcode);
  });
});

describe('shortcode and media id', () => {
  it('round-trip every media id', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 80n) - 1n }), (pk) => {
        const code = mediaIdToShortcode(pk)!;
        expect(shortcodeToMediaId(code)).to.equal(pk.toString());
      }),
      { numRuns: 500 },
    );
  });

  it('round-trip every shortcode without leading zero digits', () => {
    // "A" is the zero digit, so "AB" and "B" name the same id; the canonical code has no leading "A".
    const code = fc
      .string({ unit: fc.constantFrom(...SHORTCODE_CHARS), minLength: 1, maxLength: 13 })
      .filter((value) => value === 'A' || !value.startsWith('A'));
    fc.assert(
      fc.property(code, (value) => {
        expect(mediaIdToShortcode(shortcodeToMediaId(value)!)).to.equal(value);
      }),
      { numRuns: 500 },
    );
  });
});
