// Conversion between a media pk (the numeric part of a legacy media id) and its shortcode.
// The shortcode is the pk written in base 64, most significant digit first, with the URL-safe
// base64 alphabet and no padding. BigInt is required because pks exceed 2^53.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Encodes a decimal pk string as a shortcode, for example 1477919811501485796 → BSCoDz7Du7k. */
export function shortcodeFromPk(pk: string | bigint): string {
  let value = typeof pk === 'bigint' ? pk : BigInt(pk);
  if (value < 0n) throw new RangeError(`A media pk must not be negative: ${value}`);
  if (value === 0n) return ALPHABET[0];

  let code = '';
  while (value > 0n) {
    code = ALPHABET[Number(value % 64n)] + code;
    value /= 64n;
  }
  return code;
}

/** Decodes a shortcode to its decimal pk string, or returns undefined when it contains a character outside the alphabet. */
export function pkFromShortcode(shortcode: string): string | undefined {
  if (shortcode.length === 0) return undefined;

  let value = 0n;
  for (const character of shortcode) {
    const digit = ALPHABET.indexOf(character);
    if (digit < 0) return undefined;
    value = value * 64n + BigInt(digit);
  }
  return value.toString();
}
