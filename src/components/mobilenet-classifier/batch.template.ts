// The results list of a batch of files in <mobilenet-classifier>: progress and Cancel, filter, sort,
// export, and one row per file. State and actions live in BatchController; this only renders them.
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Terms } from '../../i18n';
import { barWidth } from './bar-width';
import type { BatchController, BatchRow, BatchSort } from './batch.controller';

const SORTS: { value: BatchSort; text: keyof Terms & `sort${string}` }[] = [
  { value: 'order', text: 'sortOrder' },
  { value: 'label', text: 'sortLabel' },
  { value: 'probability', text: 'sortProbability' },
  { value: 'probability-asc', text: 'sortProbabilityAsc' },
];

/** The folder chooser's button; nothing in a browser without `webkitdirectory`. */
export function renderFolderButton(ctrl: BatchController) {
  if (!('webkitdirectory' in HTMLInputElement.prototype)) return nothing;
  return html`<button type="button" part="folder-button" @click=${() => chooseFolder(ctrl)}>
    ${ctrl.t.uploadFolder()}
  </button>`;
}

/** The list, when a batch of several files was given. */
export function renderBatch(ctrl: BatchController) {
  if (!ctrl.total) return nothing;
  const { t } = ctrl;
  const shown = ctrl.shownRows;
  return html`<section part="batch" aria-label=${t.batchLabel(ctrl.total)}>
    <div class="batch-status">
      ${
        ctrl.busy
          ? html`<progress
                part="batch-progress"
                max=${ctrl.total}
                .value=${ctrl.done}
                aria-label=${t.filesClassified()}
              ></progress>
              <button type="button" part="cancel-button" @click=${() => ctrl.cancel()}>${t.cancel()}</button>`
          : nothing
      }
      <p part="progress">${ctrl.summary}</p>
    </div>
    <div class="batch-tools">
      <label
        >${t.filterByLabel()}
        <input
          part="batch-filter"
          type="search"
          list="batch-labels"
          autocomplete="off"
          .value=${ctrl.filter}
          @input=${(event: InputEvent) => ctrl.setFilter((event.target as HTMLInputElement).value)}
      /></label>
      <datalist id="batch-labels">${ctrl.labels.map((label) => html`<option value=${label}></option>`)}</datalist>
      <label
        >${t.sortBy()}
        <select
          part="batch-sort"
          @change=${(event: Event) => ctrl.setSort((event.target as HTMLSelectElement).value as BatchSort)}
        >
          ${SORTS.map((s) => html`<option value=${s.value} ?selected=${s.value === ctrl.sort}>${t[s.text]()}</option>`)}
        </select></label
      >
      <div part="batch-export" role="group" aria-label=${t.exportResultsLabel()}>
        <button type="button" ?disabled=${!ctrl.done} @click=${() => ctrl.download('csv')}>${t.exportCsv()}</button>
        <button type="button" ?disabled=${!ctrl.done} @click=${() => ctrl.download('json')}>${t.exportJson()}</button>
      </div>
    </div>
    ${ctrl.filter.trim() ? html`<p class="hint">${t.filterShowing(shown.length, ctrl.done)}</p>` : nothing}
    <ol part="batch-list" aria-label=${t.batchFiles()}>
      ${
        // map, not repeat: repeat leaves a comment marker behind for every row it removes (lit/lit#5010,
        // open for lit-html 3.3), one DOM node a row per new batch or filter (e2e/soak.spec.ts saw +200 a batch).
        shown.map((row) => renderRow(ctrl, row))
      }
    </ol>
  </section>`;
}

function renderRow(ctrl: BatchController, row: BatchRow) {
  const { t } = ctrl;
  const { entry } = row;
  const url = ctrl.thumbnailUrl(row);
  const expanded = ctrl.expanded.has(row.at);
  const predictions = entry.status === 'classified' ? entry.result.predictions : [];
  const top = predictions[0];
  return html`<li part="batch-row" class=${entry.status} data-at=${row.at}>
    <button
      type="button"
      class="show"
      aria-current=${ctrl.selected === row.at ? 'true' : 'false'}
      @click=${() => ctrl.select(row)}
    >
      ${
        url
          ? html`<img part="thumbnail" src=${url} alt="" width="40" height="40" loading="lazy" decoding="async" />`
          : html`<span part="thumbnail" class="no-thumbnail" aria-hidden="true"></span>`
      }
      <span part="file-name" title=${entry.file}>${entry.file}</span>
      ${
        entry.status === 'failed'
          ? html`<span part="row-error">${ctrl.failure(row)}</span>`
          : top
            ? html`<span part="row-label" title=${top.label}>${top.label}</span
                ><span part="row-probability">${t.probability(top.probability)}</span>`
            : html`<span part="row-label" class="none">${t.noPrediction()}</span>`
      }
    </button>
    ${
      predictions.length > 1
        ? html`<button
            type="button"
            class="expand"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls="row-${row.at}"
            aria-label=${t.rowTopKLabel(predictions.length, entry.file)}
            @click=${() => ctrl.toggle(row)}
          >
            ${t.rowTopK(predictions.length)}
          </button>`
        : nothing
    }
    ${
      expanded
        ? html`<ol part="row-predictions" id="row-${row.at}">
            ${predictions.map(
              (p) =>
                html`<li>
                  <span class="label" title=${p.label}>${p.label}</span>
                  <span class="probability">${t.probability(p.probability)}</span>
                  <span class="bar" aria-hidden="true"><span ${ref(barWidth(p.probability))}></span></span>
                </li>`,
            )}
          </ol>`
        : nothing
    }
  </li>`;
}

/**
 * Opens a folder chooser. The input is made here and never added to the page: the element's own
 * `input[type=file]` stays the only one in its shadow root.
 */
function chooseFolder(ctrl: BatchController): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.webkitdirectory = true;
  input.multiple = true;
  input.addEventListener('change', () => void ctrl.startFolder(Array.from(input.files ?? []), 'upload'), {
    once: true,
  });
  input.click();
}
