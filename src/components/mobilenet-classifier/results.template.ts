// The predictions of the picture on screen: ImageNet's top-k, and in custom modes the user's classes.
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { CustomPrediction } from '../../custom';
import type { MobilenetResult } from '../../events';
import type { Terms } from '../../i18n';
import { barWidth } from './bar-width';
import type { CustomMode } from './custom-classes.controller';
import { renderCustomResults } from './custom-classes.template';

/** Makes the ImageNet predictions pickable (attribute `explain`): the picked one is explained. */
export interface PredictionPicker {
  picked?: number;
  pick(classIndex: number): void;
}

/**
 * The lists for `mode`: ImageNet's, the user's classes (`custom`: `shownCustom` is what the custom
 * controller keeps up to date as classes change), or both, custom first.
 */
export function renderResults(
  t: Terms,
  mode: CustomMode,
  result: MobilenetResult | undefined,
  shownCustom: CustomPrediction[] | undefined,
  minProbability: number,
  picker?: PredictionPicker,
) {
  const imagenet =
    result?.predictions.length === 0
      ? html`<p part="not-sure">${t.notSure(minProbability)}</p>`
      : renderPredictions(t, result?.predictions, picker);
  if (mode === 'imagenet') return imagenet;
  return html`${renderCustomResults(t, result?.custom && shownCustom)}${mode === 'both' ? imagenet : nothing}`;
}

function renderPredictions(t: Terms, predictions?: MobilenetResult['predictions'], picker?: PredictionPicker) {
  if (!predictions) return nothing;
  const row = (p: MobilenetResult['predictions'][number]) =>
    html`<span part="label" title=${p.label}>${p.label}</span>
      <span part="probability">${t.probability(p.probability)}</span>
      <span part="bar" aria-hidden="true"><span ${ref(barWidth(p.probability))}></span></span>`;
  return html`<ol part="results" aria-label=${picker ? t.predictionsPickable() : t.predictions()}>
    ${predictions.map((p) =>
      picker
        ? html`<li part="result" class="pickable">
            <button
              type="button"
              part="explain-pick"
              aria-pressed=${picker.picked === p.index ? 'true' : 'false'}
              @click=${() => picker.pick(p.index)}
            >
              ${row(p)}
            </button>
          </li>`
        : html`<li part="result">${row(p)}</li>`,
    )}
  </ol>`;
}
