// The results list of a batch of files in <mobilenet-classifier>: progress and Cancel, filter, sort,
// export, and one row per file. State and actions live in BatchController; this only renders them.
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { barWidth } from './bar-width';
import type { BatchController, BatchRow, BatchSort } from './batch.controller';

const SORTS: { value: BatchSort; text: string }[] = [
  { value: 'order', text: 'File order' },
  { value: 'label', text: 'Label (A–Z)' },
  { value: 'probability', text: 'Probability (highest first)' },
  { value: 'probability-asc', text: 'Probability (lowest first)' },
];

/** The folder chooser's button; nothing in a browser without `webkitdirectory`. */
export function renderFolderButton(ctrl: BatchController) {
  if (!('webkitdirectory' in HTMLInputElement.prototype)) return nothing;
  return html`<button type="button" part="folder-button" @click=${() => chooseFolder(ctrl)}>Upload folder</button>`;
}

/** The list, when a batch of several files was given. */
export function renderBatch(ctrl: BatchController) {
  if (!ctrl.total) return nothing;
  const shown = ctrl.shownRows;
  return html`<section part="batch" aria-label="Results of ${ctrl.total} files">
    <div class="batch-status">
      ${
        ctrl.busy
          ? html`<progress
                part="batch-progress"
                max=${ctrl.total}
                .value=${ctrl.done}
                aria-label="Files classified"
              ></progress>
              <button type="button" part="cancel-button" @click=${() => ctrl.cancel()}>Cancel</button>`
          : nothing
      }
      <p part="progress">${ctrl.summary}</p>
    </div>
    <div class="batch-tools">
      <label
        >Filter by label
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
        >Sort
        <select
          part="batch-sort"
          @change=${(event: Event) => ctrl.setSort((event.target as HTMLSelectElement).value as BatchSort)}
        >
          ${SORTS.map((s) => html`<option value=${s.value} ?selected=${s.value === ctrl.sort}>${s.text}</option>`)}
        </select></label
      >
      <div part="batch-export" role="group" aria-label="Export the results">
        <button type="button" ?disabled=${!ctrl.done} @click=${() => ctrl.download('csv')}>Export CSV</button>
        <button type="button" ?disabled=${!ctrl.done} @click=${() => ctrl.download('json')}>Export JSON</button>
      </div>
    </div>
    ${
      ctrl.filter.trim()
        ? html`<p class="hint">Showing ${shown.length} of ${ctrl.done} files whose top label matches.</p>`
        : nothing
    }
    <ol part="batch-list" aria-label="Files">
      ${
        // map, not repeat: repeat leaves a comment marker behind for every row it removes (lit/lit#5010,
        // open for lit-html 3.3), one DOM node a row per new batch or filter (e2e/soak.spec.ts saw +200 a batch).
        shown.map((row) => renderRow(ctrl, row))
      }
    </ol>
  </section>`;
}

function renderRow(ctrl: BatchController, row: BatchRow) {
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
          ? html`<span part="row-error">${entry.message}</span>`
          : top
            ? html`<span part="row-label" title=${top.label}>${top.label}</span
                ><span part="row-probability">${percent(top.probability)}</span>`
            : html`<span part="row-label" class="none">No prediction</span>`
      }
    </button>
    ${
      predictions.length > 1
        ? html`<button
            type="button"
            class="expand"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls="row-${row.at}"
            aria-label="Top ${predictions.length} of ${entry.file}"
            @click=${() => ctrl.toggle(row)}
          >
            Top ${predictions.length}
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
                  <span class="probability">${percent(p.probability)}</span>
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

function percent(probability: number): string {
  return `${(probability * 100).toFixed(1)}%`;
}
