/**
 * Reading the MEASURE messages that Instagram's embed page posts to its parent. Their data is
 * a JSON string such as '{"type":"MEASURE","details":{"height":742}}'.
 */

/** Largest height in CSS pixels taken from a message; a taller value is clamped to it. */
export const MAX_FRAME_HEIGHT = 20_000;

/**
 * Returns the height a MEASURE message requests, or undefined when the message is not one,
 * comes from another origin, or comes from any window but `frame`. Both checks are needed:
 * the origin alone would accept a second Instagram frame on the page, and the source alone
 * would accept a frame that navigated elsewhere.
 */
export function readMeasure(event: MessageEvent, origin: string, frame: Window | null | undefined): number | undefined {
  if (!frame || event.source !== frame || event.origin !== origin) return undefined;
  if (typeof event.data !== 'string' || event.data.length > 10_000) return undefined;

  let message: unknown;
  try {
    message = JSON.parse(event.data);
  } catch {
    return undefined;
  }
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, details } = message as { type?: unknown; details?: { height?: unknown } | null };
  if (type !== 'MEASURE' || typeof details !== 'object' || details === null) return undefined;

  const height = details.height;
  if (typeof height !== 'number' || !Number.isFinite(height) || height <= 0) return undefined;
  return Math.min(Math.ceil(height), MAX_FRAME_HEIGHT);
}
