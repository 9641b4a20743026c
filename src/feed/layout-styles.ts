/** Styles of the list and carousel layouts and of the round navigation buttons they share with the lightbox. */
import { css } from 'lit';

export const layoutStyles = css`
  [part~='list'] {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_gap) * 3);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='row'] {
    display: grid;
    grid-template-columns: var(--ig-list-media-width, 96px) minmax(0, 1fr);
    gap: 12px;
    align-items: start;
  }
  [part~='row-text'] {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  [part~='row-text'] [part~='caption'],
  [part~='row-text'] [part~='date'] {
    margin: 0;
  }
  [part~='username'] {
    margin: 0;
    font-weight: 600;
    font-size: 0.875em;
  }
  [part~='skeleton-list'] [part~='skeleton'] {
    width: var(--ig-list-media-width, 96px);
  }

  [part~='carousel'] {
    position: relative;
  }
  [part~='track'] {
    display: flex;
    gap: var(--_gap);
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-snap-type: x mandatory;
    scrollbar-width: thin;
  }
  @media (prefers-reduced-motion: no-preference) {
    [part~='track'] {
      scroll-behavior: smooth;
    }
  }
  [part~='slide'] {
    flex: 0 0 var(--ig-slide-width, 100%);
    scroll-snap-align: start;
  }
  [part~='track'] [part~='sentinel'] {
    flex: 0 0 1px;
  }
  [part~='sentinel'] {
    min-width: 1px;
    min-height: 1px;
  }
  [part~='skeleton-carousel'] {
    grid-template-columns: minmax(0, var(--ig-slide-width, 100%));
  }
  [part~='carousel-controls'],
  [part~='album-nav'] {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 12px;
  }
  [part~='carousel-controls'] {
    margin-top: 8px;
  }
  [part~='album-nav'] {
    margin-top: 6px;
    font-size: 0.875em;
  }
  [part~='carousel-status'],
  [part~='album-status'] {
    margin: 0;
    min-width: 4em;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  [part~='carousel-button'],
  [part~='album-button'],
  [part~='lightbox-button'] {
    display: inline-grid;
    place-items: center;
    width: var(--ig-control-size, 36px);
    height: var(--ig-control-size, 36px);
    padding: 0;
    border: 1px solid var(--_control-border);
    border-radius: 50%;
    background: var(--_control-bg);
    color: var(--_fg);
    cursor: pointer;
  }
  [part~='album-button'] {
    width: calc(var(--ig-control-size, 36px) - 8px);
    height: calc(var(--ig-control-size, 36px) - 8px);
  }
  [aria-disabled='true'] {
    opacity: 0.4;
    cursor: default;
  }
`;
