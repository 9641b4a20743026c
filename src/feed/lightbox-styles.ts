/** Styles of the lightbox dialog. */
import { css } from 'lit';

export const lightboxStyles = css`
  [part~='lightbox'] {
    box-sizing: border-box;
    width: min(100vw - 24px, var(--ig-lightbox-max-width, 960px));
    max-width: none;
    max-height: calc(100dvh - 24px);
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: var(--ig-lightbox-background, Canvas);
    color: var(--_fg);
    overflow: auto;
  }
  [part~='lightbox']::backdrop {
    background: var(--ig-lightbox-backdrop, rgb(0 0 0 / 0.8));
  }
  [part~='lightbox-content'] {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 12px;
  }
  [part~='lightbox-header'] {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
  }
  [part~='lightbox-status'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part~='lightbox-stage'] {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: 8px;
  }
  [part~='lightbox-figure'] {
    display: flex;
    justify-content: center;
    margin: 0;
    min-width: 0;
  }
  [part~='lightbox-media'],
  [part~='lightbox-video'] {
    display: block;
    width: auto;
    height: auto;
    max-width: 100%;
    max-height: 70dvh;
    object-fit: contain;
    border-radius: var(--_radius);
    background: var(--_tile-bg);
  }
  [part~='lightbox-video'] {
    width: 100%;
  }
  [part~='lightbox'] [part~='placeholder'] {
    min-height: 240px;
    border-radius: var(--_radius);
    background: var(--_tile-bg);
  }
  [part~='video-fallback'] {
    display: grid;
    justify-items: center;
    gap: 8px;
    text-align: center;
  }
  [part~='video-fallback-message'] {
    margin: 0;
  }
  [part~='lightbox-details'] {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  [part~='lightbox-details'] [part~='username'],
  [part~='lightbox-caption'],
  [part~='lightbox-meta'] {
    margin: 0;
  }
  [part~='lightbox-caption'] {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  [part~='lightbox-meta'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 12px;
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part~='lightbox-meta'] [part~='date'] {
    margin: 0;
  }
  [part~='lightbox-link'] {
    color: var(--_accent);
  }
  /* On narrow screens the post buttons move under the media, so it can use the full width. */
  @media (max-width: 480px) {
    [part~='lightbox-stage'] {
      grid-template-columns: 1fr 1fr;
    }
    [part~='lightbox-figure'] {
      grid-column: 1 / -1;
      grid-row: 1;
    }
    [part~='lightbox-next'] {
      justify-self: end;
    }
  }
`;
