/**
 * Conversion between a shortcode and the legacy numeric media id (the "pk"). The shortcode is
 * the pk written in base 64, most significant digit first, with the URL-safe base64 alphabet
 * and no padding. Instagram does not document this, but it holds for every recorded pair, for
 * example BSCoDz7Du7k ↔ 1477919811501485796. BigInt is needed because pks exceed 2^53.
 * Graph media ids (17…, 18…) are a separate id space and do not convert.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGITS = new Map(Array.from(ALPHABET, (character, index) => [character, BigInt(index)]));

/**
 * Converts a shortcode to its legacy media id as a decimal string, such as "1477919811501485796".
 * Returns undefined when `shortcode` is empty or contains a character outside the alphabet.
 */
export function shortcodeToMediaId(shortcode: string): string | undefined {
  if (typeof shortcode !== 'string' || shortcode.length === 0) return undefined;
  let value = 0n;
  for (const character of shortcode) {
    const digit = DIGITS.get(character);
    if (digit === undefined) return undefined;
    value = value * 64n + digit;
  }
  return value.toString();
}

/**
 * Converts a legacy media id to its shortcode. Accepts a BigInt, a decimal string, or a legacy
 * id of the form "<pk>_<owner id>", whose owner part is ignored. Returns undefined for anything
 * else, including negative numbers.
 */
export function mediaIdToShortcode(mediaId: string | bigint): string | undefined {
  let value: bigint;
  if (typeof mediaId === 'bigint') {
    value = mediaId;
  } else {
    const pk = /^(\d{1,40})(?:_\d+)?$/.exec(typeof mediaId === 'string' ? mediaId.trim() : '')?.[1];
    if (pk === undefined) return undefined;
    value = BigInt(pk);
  }
  if (value < 0n) return undefined;
  if (value === 0n) return ALPHABET[0];

  let code = '';
  while (value > 0n) {
    code = ALPHABET[Number(value % 64n)] + code;
    value /= 64n;
  }
  return code;
}
