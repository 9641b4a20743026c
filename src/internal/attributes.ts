/** Attribute parsing that never throws: an invalid value warns once and falls back to the default. */
import { warnOnce } from './dev.js';

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** Warns once that `attribute` on `element` has an invalid value, naming the allowed values and the value used instead (undefined: the attribute's default). */
export function warnInvalid(element: Element, attribute: string, value: unknown, allowed: string, fallback: unknown): void {
  const tag = element.localName;
  warnOnce(
    `${tag}|${attribute}|${String(value)}`,
    `<${tag}> ${attribute}=${describe(value)} is invalid: expected ${allowed}. ${fallback === undefined ? 'Using the default, as if it were not set' : `Using ${describe(fallback)}`}.`,
    element,
  );
}

/**
 * Returns `value` when it is one of `allowed` (or names one through `aliases`), else warns and
 * returns `fallback`. Missing values are the default, silently.
 */
export function readEnum<T extends string>(
  element: Element, attribute: string, value: string | null | undefined, allowed: readonly T[], fallback: T,
  aliases: Readonly<Record<string, T>> = {},
): T {
  if (value === null || value === undefined || value === '') return fallback;
  const normalized = value.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(normalized)) return normalized as T;
  const alias = aliases[normalized];
  if (alias) return alias;
  warnInvalid(element, attribute, value, allowed.map((option) => `"${option}"`).join(' | '), fallback);
  return fallback;
}

/** Returns an integer within [min, max], else warns and returns `fallback`. */
export function readInteger(
  element: Element, attribute: string, value: unknown, min: number, max: number, fallback: number,
): number {
  if (value === null || value === undefined || value === '') return fallback;
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  if (Number.isInteger(number) && number >= min && number <= max) return number;
  warnInvalid(element, attribute, value, `a whole number from ${min} to ${max}`, fallback);
  return fallback;
}

/** Alternative spellings of the api attribute: the legacy dialect is the v1 API. */
export const API_ALIASES = { v1: 'legacy' } as const;
