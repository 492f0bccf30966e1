import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { mobilenetEvent } from '../../events';
import type { ClassifierInput, Region } from '../../model';
import type { MobilenetSource } from './input.controller';
import { LatestOnly } from './latest-only';
import { fitRegion, mirrorRegion, moveRegion, regionForKey, resizeFromCorner } from './region';

/** The longest side the picture is kept at for the region: a 0.1 region of its short side is still over 96 px. */
const KEPT_SIDE = 2048;
/** The longest side of the picture drawn on screen under the square. */
const SHOWN_SIDE = 512;

/** What the region needs from the element. */
export interface RegionInputs {
  /** The element's `region`. */
  region(): Region | null;
  /** The user moved the square: the element takes it as its `region`. */
  setRegion(region: Region): void;
  /** The camera preview, while the camera runs. */
  video(): HTMLVideoElement | undefined;
  /** Whether the preview is mirrored. */
  mirrored(): boolean;
  /** Classifies the picture on screen again, with the new region. */
  reclassify(): Promise<void>;
}

/** A picture the region lies on: the decoded photo, or the camera preview. */
interface Surface {
  width: number;
  height: number;
  mirrored: boolean;
}

/**
 * The square the user moves over the picture: keeps the photo on screen decoded (once, at most
 * {@link KEPT_SIDE} on its long side) so that moving the square classifies it again without decoding
 * it again; fits the element's region into each picture; reads pointer, touch and keyboard moves;
 * fires `mobilenet-region-change`; and classifies again, one run at a time, as the square moves.
 */
export class RegionController implements ReactiveController {
  /** The photo the square lies on, decoded, with the source it came from. */
  picture?: { source: MobilenetSource; bitmap: ImageBitmap };
  private painted?: { canvas: HTMLCanvasElement; bitmap: ImageBitmap };
  private drag?: { pointer: number; mode: 'move' | 'resize'; x: number; y: number; start: Region; rect: DOMRect };
  private readonly runs = new LatestOnly(() => this.inputs.reclassify());

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly inputs: RegionInputs,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.forget();
  }

  /** Paints the photo under the square after a render that shows a new one. */
  hostUpdated(): void {
    const canvas = this.host.shadowRoot?.querySelector<HTMLCanvasElement>('[part=picture]');
    const bitmap = this.picture?.bitmap;
    if (!canvas || !bitmap || (this.painted?.canvas === canvas && this.painted.bitmap === bitmap)) return;
    const scale = Math.min(1, SHOWN_SIDE / Math.max(bitmap.width, bitmap.height));
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    this.painted = { canvas, bitmap };
  }

  /**
   * The picture to classify and the square of it the model sees ({@link ClassifyInputs.picture}):
   * without a region, the source as read; with one, the decoded photo (kept for the next move) or
   * the camera frame, and the region fitted into it.
   */
  async prepare(
    source: MobilenetSource,
    read: () => Promise<ClassifierInput>,
    region: Region | null,
  ): Promise<{ input: ClassifierInput; region: Region | null }> {
    if (!region) {
      this.forget();
      return { input: await read(), region };
    }
    if (source instanceof HTMLVideoElement)
      return { input: source, region: fitRegion(region, source.videoWidth || 1, source.videoHeight || 1) };
    if (this.picture?.source !== source) {
      const input = await read();
      const bitmap = await decode(input);
      // What cannot be decoded here goes to the core as it is, which says what is wrong with it.
      if (!bitmap) return { input, region };
      this.forget();
      this.picture = { source, bitmap };
    }
    const { bitmap } = this.picture;
    return { input: bitmap, region: fitRegion(region, bitmap.width, bitmap.height) };
  }

  /** The picture under the square: the camera preview while it runs, else the photo. */
  surface(cameraOn: boolean): Surface | undefined {
    const video = this.inputs.video();
    if (cameraOn)
      return video?.videoWidth
        ? { width: video.videoWidth, height: video.videoHeight, mirrored: this.inputs.mirrored() }
        : undefined;
    const bitmap = this.picture?.bitmap;
    return bitmap ? { width: bitmap.width, height: bitmap.height, mirrored: false } : undefined;
  }

  /** The square as it is drawn on `surface`: fitted into it, and mirrored with the preview. */
  shownRegion(surface: Surface): Region | undefined {
    const region = this.inputs.region();
    if (!region) return undefined;
    const fitted = fitRegion(region, surface.width, surface.height);
    return surface.mirrored ? mirrorRegion(fitted, surface.width, surface.height) : fitted;
  }

  /** The region changed: classify the photo on screen again, never two runs at once. */
  reclassify(): Promise<void> {
    return this.runs.request();
  }

  handlePointerDown(event: PointerEvent, surface: Surface): void {
    const shown = this.shownRegion(surface);
    const square = event.currentTarget as HTMLElement;
    const frame = square.parentElement;
    if (!shown || !frame || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    square.focus({ preventScroll: true });
    square.setPointerCapture?.(event.pointerId);
    const mode = (event.target as Element).closest('[part=region-handle]') ? 'resize' : 'move';
    this.drag = {
      pointer: event.pointerId,
      mode,
      x: event.clientX,
      y: event.clientY,
      start: shown,
      rect: frame.getBoundingClientRect(),
    };
  }

  handlePointerMove(event: PointerEvent, surface: Surface): void {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointer) return;
    const dx = (event.clientX - drag.x) / drag.rect.width;
    const dy = (event.clientY - drag.y) / drag.rect.height;
    const { width, height } = surface;
    this.commit(
      drag.mode === 'move'
        ? moveRegion(drag.start, dx, dy, width, height)
        : resizeFromCorner(drag.start, dx, dy, width, height),
      surface,
    );
  }

  handlePointerUp(event: PointerEvent): void {
    if (this.drag?.pointer === event.pointerId) this.drag = undefined;
  }

  handleKeyDown(event: KeyboardEvent, surface: Surface): void {
    const shown = this.shownRegion(surface);
    if (!shown) return;
    const next = regionForKey(shown, event.key, event.shiftKey, surface.width, surface.height);
    if (!next) return;
    event.preventDefault();
    this.commit(next, surface);
  }

  /** A square on screen becomes the element's region, and the event says so. */
  private commit(shown: Region, surface: Surface): void {
    const region = surface.mirrored ? mirrorRegion(shown, surface.width, surface.height) : shown;
    const before = this.inputs.region();
    if (before && before.x === region.x && before.y === region.y && before.size === region.size) return;
    this.inputs.setRegion(region);
    this.host.dispatchEvent(mobilenetEvent('mobilenet-region-change', { region }));
  }

  private forget(): void {
    this.picture?.bitmap.close();
    this.picture = undefined;
    this.painted = undefined;
  }
}

/** The picture decoded upright, at most {@link KEPT_SIDE} on its long side; undefined when it cannot be. */
async function decode(input: ClassifierInput): Promise<ImageBitmap | undefined> {
  try {
    const bitmap =
      input instanceof Blob
        ? await createImageBitmap(input, { imageOrientation: 'from-image' })
        : await createImageBitmap(input as ImageBitmapSource);
    const scale = KEPT_SIDE / Math.max(bitmap.width, bitmap.height);
    if (scale >= 1) return bitmap;
    const resizeWidth = Math.round(bitmap.width * scale);
    const resizeHeight = Math.round(bitmap.height * scale);
    const smaller = await createImageBitmap(bitmap, { resizeWidth, resizeHeight, resizeQuality: 'high' });
    bitmap.close();
    return smaller;
  } catch {
    return undefined;
  }
}
