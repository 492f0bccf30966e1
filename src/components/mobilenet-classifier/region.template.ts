// The square the user moves over the photo or the camera preview (attribute `region`).
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Terms } from '../../i18n';
import type { RegionController } from './region.controller';
import { sideFractions } from './region';

/**
 * `content` (the preview, or the photo's `<canvas part="picture">`) in a frame, with the square over it
 * when the element has a region and the picture's size is known. The frame is always there, so that
 * the preview is never moved in the page (a video taken out of the page pauses).
 */
export function renderRegionFrame(control: RegionController, t: Terms, content: unknown, cameraOn: boolean) {
  return html`<div class="region-frame">${content}${renderSquare(control, t, cameraOn)}</div>`;
}

function renderSquare(control: RegionController, t: Terms, cameraOn: boolean) {
  const surface = control.surface(cameraOn);
  const shown = surface && control.shownRegion(surface);
  if (!surface || !shown) return nothing;
  const { w, h } = sideFractions(shown, surface.width, surface.height);
  const percent = (value: number) => `${value * 100}%`;
  // What screen readers say: where the square is in the true picture, not in the mirrored preview.
  const region = control.shownRegion({ ...surface, mirrored: false })!;
  return html`<div
      part="region"
      role="slider"
      tabindex="0"
      aria-label=${t.regionLabel()}
      aria-valuemin="10"
      aria-valuemax="100"
      aria-valuenow=${Math.round(region.size * 100)}
      aria-valuetext=${t.regionValue(region.x, region.y, region.size)}
      aria-describedby="region-help"
      ${ref(place({ left: percent(shown.x), top: percent(shown.y), width: percent(w), height: percent(h) }))}
      @pointerdown=${(event: PointerEvent) => control.handlePointerDown(event, surface)}
      @pointermove=${(event: PointerEvent) => control.handlePointerMove(event, surface)}
      @pointerup=${(event: PointerEvent) => control.handlePointerUp(event)}
      @pointercancel=${(event: PointerEvent) => control.handlePointerUp(event)}
      @keydown=${(event: KeyboardEvent) => control.handleKeyDown(event, surface)}
    >
      <span part="region-handle" aria-hidden="true"></span>
    </div>
    <span id="region-help" class="visually-hidden">${t.regionHelp()}</span>`;
}

/** The photo under the square: shown only while the element has a region and the camera is off. */
export function renderPicture(control: RegionController, t: Terms, cameraOn: boolean, hasRegion: boolean) {
  if (cameraOn || !hasRegion || !control.picture) return nothing;
  return renderRegionFrame(
    control,
    t,
    html`<canvas part="picture" role="img" aria-label=${t.pictureLabel()}></canvas>`,
    false,
  );
}

/** Places the square through the CSSOM, not a `style` attribute, which a strict CSP blocks (see bar-width.ts). */
function place(box: Record<'left' | 'top' | 'width' | 'height', string>): (element?: Element) => void {
  return (element) => {
    if (element instanceof HTMLElement)
      for (const [name, value] of Object.entries(box)) element.style.setProperty(name, value);
  };
}
