// Conversion between a media pk (the numeric part of a legacy media id) and its shortcode, for
// the dataset. It reuses the client's conversion; both are checked against the recorded pairs.
import { mediaIdToShortcode, shortcodeToMediaId } from '../api/shortcode.js';

/** Encodes a decimal pk string as a shortcode, for example 1477919811501485796 → BSCoDz7Du7k. */
export function shortcodeFromPk(pk: string | bigint): string {
  const code = mediaIdToShortcode(typeof pk === 'bigint' ? pk : BigInt(pk));
  if (code === undefined) throw new RangeError(`A media pk must not be negative: ${pk}`);
  return code;
}

/** Decodes a shortcode to its decimal pk string, or returns undefined when it contains a character outside the alphabet. */
export function pkFromShortcode(shortcode: string): string | undefined {
  return shortcodeToMediaId(shortcode);
}
