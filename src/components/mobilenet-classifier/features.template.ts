// The feature-vector export buttons (attribute `features`): download as JSON or .bin, copy as JSON.
import { html, nothing } from 'lit';
import type { Terms } from '../../i18n';
import { classifierError } from '../../model';
import { baseName, featuresJson, littleEndianFloat32 } from './features-export';
import type { Notices } from './notices';
import { saveFile } from './save-file';

/** The vector on screen and what its export needs. */
export interface FeaturesView {
  values: Float32Array;
  /** The picture's file name or URL, for the download's name. */
  name?: string;
  modelId: string;
  notices: Notices;
  t: Terms;
}

export function renderFeatures(view: FeaturesView | undefined) {
  if (!view) return nothing;
  const { t } = view;
  return html`<div part="features" role="group" aria-label=${t.featuresLabel()}>
    <button type="button" @click=${() => download(view, 'json')}>${t.downloadJson()}</button>
    <button type="button" @click=${() => download(view, 'bin')}>${t.downloadBin()}</button>
    <button type="button" @click=${() => copy(view)}>${t.copyJson()}</button>
  </div>`;
}

function download(view: FeaturesView, format: 'json' | 'bin'): void {
  const blob =
    format === 'json'
      ? new Blob([featuresJson(view.values, view.modelId)], { type: 'application/json' })
      : new Blob([littleEndianFloat32(view.values)], { type: 'application/octet-stream' });
  saveFile(blob, `${baseName(view.name)}-features.${format}`);
}

async function copy(view: FeaturesView): Promise<void> {
  try {
    await navigator.clipboard.writeText(featuresJson(view.values, view.modelId));
    view.notices.announce(() => view.t.copied());
  } catch (error) {
    view.notices.showError(classifierError('input', 'copy-failed', {}, error));
  }
}
