/** Styles shared by <ig-feed> and <ig-tag-feed>. Every color and size is a --ig-* custom property. */
import { css, type CSSResultGroup } from 'lit';
import { layoutStyles } from './layout-styles.js';
import { lightboxStyles } from './lightbox-styles.js';

/**
 * The host takes the page's color-scheme (it sets none of its own), so system colors such as
 * Canvas match the page: dark only where the page declares that it supports dark.
 */
const baseStyles = css`
  :host {
    display: block;
    --_fg: var(--ig-color, CanvasText);
    --_muted: var(--ig-muted-color, color-mix(in srgb, CanvasText 60%, Canvas));
    --_tile-bg: var(--ig-tile-background, color-mix(in srgb, CanvasText 8%, Canvas));
    --_radius: var(--ig-radius, 4px);
    --_gap: var(--ig-gap, 4px);
    --_accent: var(--ig-accent-color, light-dark(#0064e0, #7ab8ff));
    --_control-bg: var(--ig-control-background, Canvas);
    --_control-border: color-mix(in srgb, CanvasText 25%, Canvas);
    color: var(--_fg);
    font: var(--ig-font, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  /*
   * With --ig-columns (or the columns attribute) the grid has that many columns while each is at
   * least --ig-tile-min-width wide (default 64px), and fewer below. Without it, tiles of at least
   * --ig-tile-min-width (default 140px) fill the width. A track is the larger of the minimum and
   * the width N columns would have, less 0.1px so rounding never drops a column. When no count
   * is set, N is 1000; the clamp() turns that into the 140px default and any real count into 64px.
   */
  [part~='grid'] {
    --_n: var(--ig-columns, 1000);
    --_min: var(--ig-tile-min-width, calc(64px + 76px * clamp(0, var(--_n) - 999, 1)));
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(
      max(var(--_min), calc((100% - (var(--_n) - 1) * var(--_gap)) / var(--_n) - 0.1px)), 1fr));
    gap: var(--_gap);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='item'] {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  [part~='link'] {
    position: relative;
    display: block;
    width: 100%;
    padding: 0;
    border: 0;
    font: inherit;
    cursor: pointer;
    aspect-ratio: var(--ig-tile-aspect-ratio, 1 / 1);
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_tile-bg);
    color: inherit;
  }
  [part~='link']:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  [part~='media'] {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  [part~='badge'] {
    position: absolute;
    top: 6px;
    right: 6px;
    display: flex;
    color: #fff;
    filter: drop-shadow(0 0 2px rgb(0 0 0 / 0.7));
  }
  [part~='placeholder'] {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 6px;
    width: 100%;
    height: 100%;
    color: var(--_muted);
    font-size: 0.85em;
    text-align: center;
  }
  [part~='date'] {
    display: block;
    margin: 2px 2px 8px;
    color: var(--_muted);
    font-size: var(--ig-date-font-size, 0.8125em);
  }
  [part~='caption'] {
    margin: 4px 2px 8px;
    font-size: var(--ig-caption-font-size, 0.875em);
    line-height: 1.35;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  [part~='skeleton'] {
    aspect-ratio: var(--ig-tile-aspect-ratio, 1 / 1);
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_tile-bg) 25%, color-mix(in srgb, CanvasText 14%, Canvas) 50%, var(--_tile-bg) 75%);
    background-size: 200% 100%;
    animation: ig-shimmer 1.4s ease-in-out infinite;
  }
  @keyframes ig-shimmer {
    from { background-position: 100% 0; }
    to { background-position: -100% 0; }
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='skeleton'] { animation: none; }
  }
  [part~='message'] {
    padding: 16px;
    border-radius: var(--_radius);
    background: var(--_tile-bg);
    color: var(--_muted);
    text-align: center;
  }
  [part~='message'] strong {
    display: block;
    color: var(--_fg);
    margin-bottom: 4px;
  }
  [part~='error-details'] {
    margin-top: 8px;
    font-size: 0.85em;
    overflow-wrap: anywhere;
  }
  [part~='error-details'] summary {
    cursor: pointer;
  }
  [part~='footer'] {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 6px;
    margin-top: 12px;
  }
  [part~='consent-button'] {
    display: block;
    margin: 12px auto 0;
  }
  [part~='load-more'],
  [part~='consent-button'] {
    font: inherit;
    padding: 8px 18px;
    border: 1px solid var(--_control-border);
    border-radius: 999px;
    background: var(--_control-bg);
    color: var(--_fg);
    cursor: pointer;
  }
  [part~='load-more'][disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

export const feedStyles: CSSResultGroup = [baseStyles, layoutStyles, lightboxStyles];
