// The top of the element: the status line, the stage (camera preview, crop, drop zone) and the buttons.
import { html, nothing } from 'lit';
import type { CameraController } from '../../capture/camera-controller';
import type { Terms } from '../../i18n';
import type { InputController } from './input.controller';
import type { ModelController } from './model.controller';

export function renderStatus(model: ModelController, t: Terms) {
  if (model.status === 'complete') return t.ready(model.classifier?.backend ?? '');
  if (model.status === 'error') return t.notLoaded();
  const p = model.progress;
  return p ? t.loadingBytes(p.loadedBytes, p.totalBytes) : t.loading();
}

/** What features add to the stage: the region's square over the preview or photo, the heat over the crop. */
export interface StageExtras {
  /** The preview as shown (e.g. with the region's square over it). */
  video?(video: HTMLVideoElement): unknown;
  /** Shown before the crop, e.g. the photo under the region's square. */
  picture?: unknown;
  /** The crop as shown (e.g. with the heat over it). */
  crop?(crop: unknown): unknown;
}

/** The drop zone: the camera preview while the camera is on, the crop the model saw, or a hint. */
export function renderStage(
  input: InputController,
  camera: CameraController,
  hasResult: boolean,
  t: Terms,
  extras: StageExtras = {},
) {
  const cameraOn = camera.state !== 'off';
  return html`<div
    part="stage"
    class=${input.dragging ? 'dragging' : ''}
    tabindex="0"
    role="group"
    aria-label=${t.stageLabel()}
    @keydown=${(event: KeyboardEvent) => {
      if (event.target !== event.currentTarget || (event.key !== 'Enter' && event.key !== ' ')) return;
      event.preventDefault();
      input.choose();
    }}
  >
    ${cameraOn ? (extras.video?.(camera.video) ?? camera.video) : nothing} ${extras.picture ?? nothing}
    ${
      hasResult
        ? (extras.crop ?? ((crop: unknown) => crop))(
            html`<canvas part="crop" width="96" height="96" role="img" aria-label=${t.cropLabel()}></canvas>`,
          )
        : cameraOn
          ? nothing
          : html`<slot name="empty"><p class="empty">${t.emptyHint()}</p></slot>`
    }
  </div>`;
}

/** What the buttons do. */
export interface ControlActions {
  toggleCamera(): void;
  captureFrame(): void;
}

/** Upload, the camera toggle, the camera picker (more than one camera) and "Classify this frame" (not live). */
export function renderControls(
  input: InputController,
  camera: CameraController,
  state: { cameraWanted: boolean; live: boolean },
  actions: ControlActions,
  t: Terms,
  folderButton: unknown = nothing,
) {
  const cameraOn = camera.state !== 'off';
  const devices = camera.devices;
  return html`<div part="controls">
    <button type="button" part="upload-button" class="primary" @click=${() => input.choose()}>
      ${t.uploadImages()}
    </button>
    ${input.chooser} ${folderButton}
    <button
      type="button"
      part="camera-button"
      aria-pressed=${state.cameraWanted ? 'true' : 'false'}
      @click=${actions.toggleCamera}
    >
      ${t.camera()}
    </button>
    ${
      cameraOn && devices.length > 1
        ? html`<select
            part="camera-select"
            aria-label=${t.chooseCamera()}
            @change=${(event: Event) => camera.select((event.target as HTMLSelectElement).value)}
          >
            ${devices.map(
              (d, i) =>
                html`<option value=${d.deviceId} ?selected=${d.deviceId === camera.deviceId}>
                  ${d.label || t.cameraNumber(i + 1)}
                </option>`,
            )}
          </select>`
        : nothing
    }
    ${
      cameraOn && !state.live
        ? html`<button
            type="button"
            part="capture-button"
            ?disabled=${camera.state !== 'on'}
            @click=${actions.captureFrame}
          >
            ${t.classifyFrame()}
          </button>`
        : nothing
    }
  </div>`;
}
