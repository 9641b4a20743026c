/** The embed frame of mode="iframe": Instagram's /embed/ page with the fewest powers it needs. */
import { html, type TemplateResult } from 'lit';
import { ref, type Ref } from 'lit/directives/ref.js';

/**
 * Sandbox of the embed frame:
 * - allow-scripts: the page is script-driven and posts the MEASURE messages.
 * - allow-same-origin: keeps the page's real origin. Without it the messages would come from
 *   the opaque origin "null" and fail the origin check. A same-origin page could use this pair
 *   to lift its own sandbox, which is why embed-origin should stay cross-origin.
 * - allow-popups and allow-popups-to-escape-sandbox: its links open instagram.com in a new,
 *   unsandboxed tab.
 * No top navigation, forms, downloads or modals.
 */
export const FRAME_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/**
 * Renders the frame. It has no `allow` list, so no camera, microphone, geolocation, autoplay or
 * fullscreen is delegated. A video still plays after a tap inside the frame, which needs none of
 * them. With referrerpolicy="strict-origin", Instagram learns which site embeds the post, not which page.
 */
export function renderFrame(frame: Ref<HTMLIFrameElement>, src: string, title: string, height: number | undefined): TemplateResult {
  return html`<iframe ${ref(frame)} part="frame" src=${src} title=${title} sandbox=${FRAME_SANDBOX}
    referrerpolicy="strict-origin" style=${height ? `height: ${height}px` : ''}></iframe>`;
}
