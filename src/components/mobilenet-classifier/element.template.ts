// The whole element: composes the templates of each part, in order, from the controllers' state.
import { html, nothing, type TemplateResult } from 'lit';
import { renderBatch, renderFolderButton } from './batch.template';
import type { ElementControllers } from './controllers';
import { renderTeachPanel } from './custom-classes.template';
import { renderExplanation, renderHeatOver } from './explain.template';
import { renderFeatures } from './features.template';
import type { MobilenetClassifier } from './mobilenet-classifier.component';
import { renderError, renderLiveRegion, renderProgress } from './notices.template';
import { renderPicture, renderRegionFrame } from './region.template';
import { renderResults } from './results.template';
import { renderControls, renderStage, renderStatus } from './stage.template';

export function renderElement(host: MobilenetClassifier, ctrl: ElementControllers): TemplateResult {
  const shown = ctrl.pipeline.shown(host.camera);
  const custom = host.mode === 'custom' || host.mode === 'both';
  const features = host.features && shown?.features;
  const { t } = ctrl.l;
  return html`
    <slot name="header"></slot>
    <p part="status" role="status">${renderStatus(ctrl.model, t)}</p>
    ${renderStage(ctrl.input, ctrl.cameraControl, shown !== undefined, t, {
      video: (video) => renderRegionFrame(ctrl.regionUi, t, video, true),
      picture: renderPicture(ctrl.regionUi, t, host.camera, host.region !== null && shown !== undefined),
      crop: host.explain ? (crop) => renderHeatOver(ctrl.explainer, crop, shown) : undefined,
    })}
    ${renderControls(
      ctrl.input,
      ctrl.cameraControl,
      { cameraWanted: host.camera, live: host.live },
      {
        toggleCamera: () => (host.camera = !host.camera),
        captureFrame: () => void ctrl.pipeline.frame(ctrl.cameraControl.video),
      },
      t,
      renderFolderButton(ctrl.batchList),
    )}
    ${host.explain ? renderExplanation(ctrl.explainer, shown, host.live && host.camera) : nothing}
    ${renderProgress(ctrl.notices)} ${renderError(ctrl.notices)}
    ${renderResults(t, host.mode, shown, ctrl.teach.shown, host.minProbability, host.explain ? ctrl.explainer.picker : undefined)}
    ${renderFeatures(
      features
        ? {
            values: features,
            name: shown.source.name,
            modelId: String(ctrl.model.classifier?.metadata.modelId ?? 'mobilenet_v2_050_96'),
            notices: ctrl.notices,
            t,
          }
        : undefined,
    )}
    ${renderBatch(ctrl.batchList)}
    ${custom ? renderTeachPanel(ctrl.panel, ctrl.cameraControl.state === 'on', ctrl.l) : nothing}
    ${renderLiveRegion(ctrl.notices)}
  `;
}
