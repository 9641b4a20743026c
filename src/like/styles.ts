/** Styles of <ig-like-button>: one inline control, a heart that fills when liked, and a visible focus ring. */
import { css } from 'lit';

export const likeButtonStyles = css`
  :host {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    font: var(--ig-font, inherit);
    color: var(--ig-color, inherit);
  }

  :host([hidden]) {
    display: none;
  }

  [part~='button'],
  [part~='link'] {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.25em;
    padding: 0.3em 0.8em;
    border: 1px solid var(--ig-like-border-color, currentColor);
    border-radius: var(--ig-radius, 999px);
    background: var(--ig-like-background, transparent);
    color: inherit;
    font: inherit;
    text-decoration: none;
    cursor: pointer;
  }

  [part~='button']:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  [part~='button']:focus-visible,
  [part~='link']:focus-visible {
    outline: 2px solid var(--ig-accent-color, #0095f6);
    outline-offset: 2px;
  }

  [part~='icon'] {
    width: 1.2em;
    height: 1.2em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }

  :host([liked]) [part~='icon'] {
    fill: var(--ig-like-color, #ed4956);
    stroke: var(--ig-like-color, #ed4956);
  }

  [part~='count'] {
    font-variant-numeric: tabular-nums;
  }

  [part~='error'] {
    flex-basis: 100%;
    color: var(--ig-error-color, #b00020);
    font-size: 0.875em;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: no-preference) {
    [part~='icon'] {
      transition: fill 120ms ease-out, stroke 120ms ease-out;
    }
  }
`;
