/** Styles shared by <ig-feed> and <ig-tag-feed>. Every color and size is a --ig-* custom property. */
import { css } from 'lit';

export const feedStyles = css`
  :host {
    display: block;
    color-scheme: light dark;
    --_fg: var(--ig-color, CanvasText);
    --_muted: var(--ig-muted-color, color-mix(in srgb, CanvasText 60%, Canvas));
    --_tile-bg: var(--ig-tile-background, color-mix(in srgb, CanvasText 8%, Canvas));
    --_radius: var(--ig-radius, 4px);
    --_gap: var(--ig-gap, 4px);
    --_accent: var(--ig-accent-color, #0064e0);
    color: var(--_fg);
    font: var(--ig-font, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='grid'] {
    display: grid;
    grid-template-columns: repeat(var(--ig-columns, auto-fill), minmax(var(--ig-tile-min-width, 140px), 1fr));
    gap: var(--_gap);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='grid'].fixed-columns {
    grid-template-columns: repeat(var(--ig-columns), minmax(0, 1fr));
  }
  [part~='item'] {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  [part~='link'] {
    position: relative;
    display: block;
    aspect-ratio: var(--ig-tile-aspect-ratio, 1 / 1);
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_tile-bg);
    color: inherit;
  }
  [part~='link']:focus-visible {
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
  [part~='footer'] {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 6px;
    margin-top: 12px;
  }
  [part~='load-more'] {
    font: inherit;
    padding: 8px 18px;
    border: 1px solid color-mix(in srgb, CanvasText 25%, Canvas);
    border-radius: 999px;
    background: Canvas;
    color: var(--_fg);
    cursor: pointer;
  }
  [part~='load-more']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
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
