// The explanation (attribute `explain`): the heat over the crop, its legend and its summary.
import { html, nothing } from 'lit';
import type { ShownResult } from './classify.controller';
import type { ExplainController } from './explain.controller';
import { explainSummary } from './explain-summary';

/** The crop with the heat over it, when the explanation on screen is of this result. */
export function renderHeatOver(control: ExplainController, crop: unknown, shown: ShownResult | undefined) {
  if (!control.explanation || control.explanation.result !== shown) return crop;
  return html`<div class="heat-frame">${crop}<canvas part="heat" aria-hidden="true"></canvas></div>`;
}

/**
 * Under the stage: in live mode the button that explains the frame on screen (and that frame, with
 * its heat, once explained); the legend; the summary that says which part mattered most.
 */
export function renderExplanation(control: ExplainController, shown: ShownResult | undefined, live: boolean) {
  const done = control.explanation;
  if (!shown && !done) return nothing;
  const earlierFrame = done && done.result !== shown;
  const { t } = control;
  const summary = done ? explainSummary(t, done.value) : control.working ? t.explaining() : '';
  return html`<div part="explanation">
    ${
      live
        ? html`<button
            type="button"
            part="explain-button"
            ?disabled=${!shown || control.working}
            @click=${() => control.ask()}
          >
            ${t.explainFrame()}
          </button>`
        : nothing
    }
    ${
      earlierFrame
        ? html`<div class="heat-frame">
            <canvas class="explained-frame" role="img" aria-label=${t.frameExplained()}></canvas>
            <canvas part="heat" aria-hidden="true"></canvas>
          </div>`
        : nothing
    }
    ${
      done
        ? html`<div part="heat-legend" aria-hidden="true">
            <span>${t.lessImportant()}</span><span class="ramp"></span><span>${t.moreImportant()}</span>
          </div>`
        : nothing
    }
    <p part="explain-summary">${summary}</p>
  </div>`;
}
