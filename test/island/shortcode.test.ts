import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pkFromShortcode, shortcodeFromPk } from '../../src/island/dataset.js';

// Pairs recorded from the real API.
const VERIFIED_PAIRS: Array<[string, string]> = [
  ['BSCoDz7Du7k', '1477919811501485796'],
  ['BQ0eAlwhDrw', '1455920561485265648'],
  ['os1NQjxtvF', '733194846952938437'],
  ['ySl7G9tO_q', '905953264702648298'],
  ['BG9It', '18600493'],
];

describe('shortcode codec', () => {
  for (const [shortcode, pk] of VERIFIED_PAIRS) {
    it(`encodes ${pk} as ${shortcode}`, () => {
      assert.equal(shortcodeFromPk(pk), shortcode);
      assert.equal(shortcodeFromPk(BigInt(pk)), shortcode);
    });

    it(`decodes ${shortcode} to ${pk}`, () => {
      assert.equal(pkFromShortcode(shortcode), pk);
    });
  }

  it('handles the one-character shortcode D and zero', () => {
    assert.equal(pkFromShortcode('D'), '3');
    assert.equal(shortcodeFromPk('0'), 'A');
  });

  it('rejects characters outside the alphabet', () => {
    assert.equal(pkFromShortcode('abc+'), undefined);
    assert.equal(pkFromShortcode(''), undefined);
  });

  it('round-trips pks above 2^53', () => {
    const pk = '3300485199771074561';
    assert.equal(pkFromShortcode(shortcodeFromPk(pk)), pk);
  });
});
