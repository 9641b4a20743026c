/** Styles of <ig-embed>. Every color and size is a --ig-* custom property. */
import { css } from 'lit';

export const embedStyles = css`
  :host {
    display: block;
    max-width: var(--ig-embed-max-width, 540px);
    /* The reserved heights below are in cqw, so they follow the element's own width. */
    container-type: inline-size;
    color-scheme: light dark;
    --_fg: var(--ig-color, CanvasText);
    --_muted: var(--ig-muted-color, color-mix(in srgb, CanvasText 60%, Canvas));
    --_bg: var(--ig-tile-background, color-mix(in srgb, CanvasText 8%, Canvas));
    --_radius: var(--ig-radius, 4px);
    --_accent: var(--ig-accent-color, #0064e0);
    color: var(--_fg);
    font: var(--ig-font, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  /*
   * NOTE: the reserved heights are estimates (square media plus header and footer for posts,
   * 9:16 media for reels and IGTV), not measured on instagram.com. The first MEASURE message
   * replaces them with the frame's real height.
   */
  [part~='box'] {
    position: relative;
    box-sizing: border-box;
    height: var(--ig-embed-height, calc(100cqw + 190px));
    border-radius: var(--_radius);
    background: var(--_bg);
    overflow: hidden;
  }
  [part~='box'].tall {
    height: var(--ig-embed-reel-height, calc(100cqw * 16 / 9 + 110px));
  }
  [part~='box'].measured,
  [part~='box'].natural {
    height: auto;
    background: none;
  }
  [part~='frame'] {
    display: block;
    width: 100%;
    height: 100%;
    border: 0;
    /* Transparent until the first MEASURE, so a blocked frame's error page never shows. */
    opacity: 0;
  }
  .measured [part~='frame'] {
    opacity: 1;
  }
  [part~='placeholder'] {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 12px;
    box-sizing: border-box;
    height: 100%;
    padding: 24px;
    color: var(--_muted);
    text-align: center;
  }
  [part~='placeholder'] p {
    margin: 0;
    max-width: 32em;
  }
  button,
  a {
    color: inherit;
  }
  button {
    font: inherit;
    padding: 8px 18px;
    border: 1px solid color-mix(in srgb, CanvasText 25%, Canvas);
    border-radius: 999px;
    background: Canvas;
    color: var(--_fg);
    cursor: pointer;
  }
  button:focus-visible,
  a:focus-visible,
  [part~='frame']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  [part~='card'],
  [part~='fallback'] {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 16px;
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  [part~='thumbnail'] {
    display: block;
    width: 100%;
    height: auto;
    border-radius: var(--_radius);
  }
  [part~='title'] {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  [part~='author'],
  [part~='message'] {
    margin: 0;
    color: var(--_muted);
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
