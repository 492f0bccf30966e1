// The predictions of the picture on screen: ImageNet's top-k, and in custom modes the user's classes.
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { CustomPrediction } from '../../custom';
import type { MobilenetResult } from '../../events';
import { barWidth } from './bar-width';
import type { CustomMode } from './custom-classes.controller';
import { renderCustomResults } from './custom-classes.template';
import { formatPercent, notSure } from './format';

/**
 * The lists for `mode`: ImageNet's, the user's classes (`custom`: `shownCustom` is what the custom
 * controller keeps up to date as classes change), or both, custom first.
 */
export function renderResults(
  mode: CustomMode,
  result: MobilenetResult | undefined,
  shownCustom: CustomPrediction[] | undefined,
  minProbability: number,
) {
  const imagenet =
    result?.predictions.length === 0
      ? html`<p part="not-sure">${notSure(minProbability)}</p>`
      : renderPredictions(result?.predictions);
  if (mode === 'imagenet') return imagenet;
  return html`${renderCustomResults(result?.custom && shownCustom)}${mode === 'both' ? imagenet : nothing}`;
}

function renderPredictions(predictions?: MobilenetResult['predictions']) {
  if (!predictions) return nothing;
  return html`<ol part="results" aria-label="Predictions">
    ${predictions.map(
      (p) =>
        html`<li part="result">
          <span part="label" title=${p.label}>${p.label}</span>
          <span part="probability">${formatPercent(p.probability)}</span>
          <span part="bar" aria-hidden="true"><span ${ref(barWidth(p.probability))}></span></span>
        </li>`,
    )}
  </ol>`;
}
