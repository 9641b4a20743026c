// Generated placeholder images. Colours and pattern come from a hash of the shortcode, so the
// same media always looks the same and neighbouring posts look different.

import { createHash } from 'node:crypto';
import { escapeHtml } from './http.js';

export interface MediaSvgOptions {
  shortcode: string;
  width: number;
  height: number;
  /** Short text drawn in the lower left corner. */
  label: string;
  /** Draws a play symbol, for video posters. */
  video: boolean;
}

/** Renders the SVG for a media item or video poster. */
export function renderMediaSvg({ shortcode, width, height, label, video }: MediaSvgOptions): string {
  const bytes = createHash('sha256').update(shortcode).digest();
  const hue = Math.round((bytes[0] / 256) * 360);
  const accentHue = (hue + 40 + (bytes[1] % 140)) % 360;
  const unit = Math.min(width, height);

  const shapes: string[] = [];
  const pattern = bytes[2] % 3;
  for (let index = 0; index < 6; index += 1) {
    const x = Math.round((bytes[3 + index] / 255) * width);
    const y = Math.round((bytes[9 + index] / 255) * height);
    const size = Math.round(((bytes[15 + index] % 40) / 100 + 0.1) * unit);
    const half = Math.round(size / 2);
    const fill = `hsla(${(accentHue + index * 25) % 360}, 70%, 60%, 0.45)`;
    if (pattern === 0) shapes.push(`<circle cx="${x}" cy="${y}" r="${half}" fill="${fill}"/>`);
    else if (pattern === 1) shapes.push(`<rect x="${x - half}" y="${y - half}" width="${size}" height="${size}" fill="${fill}"/>`);
    else shapes.push(`<rect x="0" y="${y}" width="${width}" height="${Math.max(2, Math.round(size / 6))}" fill="${fill}"/>`);
  }

  if (video) {
    const cx = Math.round(width / 2);
    const cy = Math.round(height / 2);
    const r = Math.round(unit / 8);
    const third = Math.round(r / 3);
    const half = Math.round(r / 2);
    shapes.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="rgba(0,0,0,0.45)"/>`);
    shapes.push(`<path d="M ${cx - third} ${cy - half} L ${cx + half} ${cy} L ${cx - third} ${cy + half} Z" fill="#fff"/>`);
  }

  const fontSize = Math.max(8, Math.round(unit / 18));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeHtml(label)}</title>`,
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue}, 55%, 45%)"/><stop offset="1" stop-color="hsl(${accentHue}, 55%, 30%)"/></linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#g)"/>`,
    ...shapes,
    `<text x="${fontSize}" y="${height - fontSize}" font-family="sans-serif" font-size="${fontSize}" fill="#fff">${escapeHtml(label)}</text>`,
    '</svg>',
  ].join('');
}

/** Renders a round profile picture with the first letter of the username. */
export function renderAvatarSvg(username: string, size: number): string {
  const hue = createHash('sha256').update(username).digest()[0];
  const initial = escapeHtml((username[0] ?? '?').toUpperCase());
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">`,
    `<title>${escapeHtml(username)}</title>`,
    `<circle cx="50" cy="50" r="50" fill="hsl(${Math.round((hue / 256) * 360)}, 50%, 45%)"/>`,
    `<text x="50" y="66" text-anchor="middle" font-family="sans-serif" font-size="48" fill="#fff">${initial}</text>`,
    '</svg>',
  ].join('');
}
