// The custom-classes UI of <mobilenet-classifier>: the list of the user's predictions and the panel
// that teaches them. State and actions live in CustomClassesController and TeachPanelController; this
// only renders them.
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { closestUnmatched, MAX_LABEL_LENGTH, type CustomClass, type CustomPrediction } from '../../custom';
import type { Localizer, Terms } from '../../i18n';
import { barWidth } from './bar-width';
import type { TeachPanelController } from './teach-panel.controller';

/**
 * The user's classes for the picture on screen, or a hint while none has examples. When no class
 * matches (see `CustomPrediction.match`), it says so first and names the closest class, so that an
 * unknown picture never reads as a confident answer.
 */
export function renderCustomResults(t: Terms, predictions: CustomPrediction[] | undefined) {
  if (!predictions) return nothing;
  if (!predictions.length) return html`<p class="custom-empty" part="custom-results">${t.noExamplesYet()}</p>`;
  const closest = closestUnmatched(predictions);
  return html`${closest ? html`<p part="custom-none">${t.noneMatch(closest.label, closest.similarity)}</p>` : nothing}
    <ol part="custom-results" aria-label=${t.yourClasses()} class=${closest ? 'unmatched' : ''}>
      ${predictions.map(
        (p) =>
          html`<li part="result" data-method=${p.method} data-match=${String(p.match)}>
            <span part="label" title=${p.label}>${p.label}</span>
            <span part="probability">${t.probability(p.probability)}</span>
            <span part="bar" aria-hidden="true"><span ${ref(barWidth(p.probability))}></span></span>
          </li>`,
      )}
    </ol>`;
}

/** The panel that adds, records, renames, deletes, trains, exports and imports the user's classes. */
export function renderTeachPanel(panel: TeachPanelController, cameraOn: boolean, l: Localizer) {
  const { t } = l;
  const upload = panel.upload;
  return html`<section part="teach" aria-labelledby="teach-heading">
    <h3 id="teach-heading">${t.yourClasses()}</h3>
    <form part="add-class" @submit=${(event: SubmitEvent) => handleAddClass(panel, event)}>
      <label
        >${t.newClass()}
        <input name="label" autocomplete="off" maxlength=${MAX_LABEL_LENGTH} placeholder=${t.newClassPlaceholder()}
      /></label>
      <button type="submit">${t.addClass()}</button>
    </form>
    ${
      panel.classes.classes.length
        ? html`<ul class="classes">
            ${panel.classes.classes.map((c) => renderClass(panel, c, cameraOn, t))}
          </ul>`
        : html`<p class="hint">${t.teachHint()}</p>`
    }
    ${panel.classes.classes.length && !cameraOn ? html`<p class="hint">${t.cameraHint()}</p>` : nothing}
    ${upload ? html`<p class="hint" role="status">${t.adding(upload.index, upload.total, upload.label, upload.name)}</p>` : nothing}
    ${
      panel.classes.undo
        ? html`<p class="undo">
            ${panel.classes.undo.message()}
            <button type="button" @click=${() => attempt(panel, () => panel.classes.undoLast())}>${t.undo()}</button>
          </p>`
        : nothing
    }
    ${renderTraining(panel, l)}
    <div class="teach-actions">
      <button
        type="button"
        ?disabled=${!panel.classes.classes.length}
        @click=${() => attempt(panel, () => download(panel))}
      >
        ${t.exportClasses()}
      </button>
      <button type="button" @click=${(event: Event) => siblingInput(event).click()}>${t.importClasses()}</button>
      <input
        type="file"
        accept=".json,application/json"
        hidden
        data-import
        @change=${(event: Event) => handleImport(panel, event)}
      />
      <button type="button" class="danger" @click=${() => ((panel.confirmingForget = true), requestUpdate(panel))}>
        ${t.forgetEverything()}
      </button>
    </div>
    ${
      panel.confirmingForget
        ? html`<p class="confirm" role="group" aria-label=${t.confirmForgetLabel()}>
            ${t.confirmForget()}
            <button type="button" class="danger" @click=${() => attempt(panel, () => panel.classes.forgetEverything())}>
              ${t.confirmForgetYes()}
            </button>
            <button type="button" @click=${() => ((panel.confirmingForget = false), requestUpdate(panel))}>
              ${t.keepThem()}
            </button>
          </p>`
        : nothing
    }
    <p class="storage">${storageLine(panel, l)}</p>
  </section>`;
}

function renderClass(panel: TeachPanelController, c: CustomClass, cameraOn: boolean, t: Terms) {
  const count = c.examples.length;
  const recording = panel.recording === c.label;
  const name =
    panel.renaming === c.label
      ? html`<form class="rename" @submit=${(event: SubmitEvent) => handleRename(panel, c.label, event)}>
          <input
            name="label"
            .value=${c.label}
            maxlength=${MAX_LABEL_LENGTH}
            aria-label=${t.newNameLabel(c.label)}
            ${ref(focusOnce)}
            @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && ((panel.renaming = undefined), requestUpdate(panel))}
          />
          <button type="submit">${t.save()}</button>
          <button type="button" @click=${() => ((panel.renaming = undefined), requestUpdate(panel))}>
            ${t.cancel()}
          </button>
        </form>`
      : html`<span class="class-name">${c.label}</span>`;
  return html`<li part="custom-class" data-label=${c.label}>
    ${name}
    <span class="count" aria-live="off">${t.exampleCount(count)}</span>
    <span class="class-actions">
      <button
        type="button"
        part="record-button"
        aria-pressed=${recording ? 'true' : 'false'}
        aria-label=${t.holdToRecordLabel(c.label)}
        ?disabled=${!cameraOn}
        @pointerdown=${(event: PointerEvent) => {
          if (event.button !== 0) return;
          (event.currentTarget as Element).setPointerCapture(event.pointerId);
          attempt(panel, () => panel.startRecording(c.label));
        }}
        @pointerup=${() => panel.stopRecording()}
        @pointercancel=${() => panel.stopRecording()}
        @lostpointercapture=${() => panel.stopRecording()}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key !== ' ' && event.key !== 'Enter') return;
          event.preventDefault();
          if (!event.repeat) attempt(panel, () => panel.startRecording(c.label));
        }}
        @keyup=${(event: KeyboardEvent) => {
          if (event.key !== ' ' && event.key !== 'Enter') return;
          event.preventDefault();
          panel.stopRecording();
        }}
        @contextmenu=${(event: Event) => event.preventDefault()}
      >
        ${recording ? t.recording() : t.holdToRecord()}
      </button>
      <button
        type="button"
        aria-label=${t.addImagesLabel(c.label)}
        @click=${(event: Event) => siblingInput(event).click()}
      >
        ${t.addImages()}
      </button>
      <input
        type="file"
        accept="image/*"
        multiple
        hidden
        @change=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          const files = Array.from(input.files ?? []);
          input.value = '';
          if (files.length) attempt(panel, () => panel.addFiles(c.label, files));
        }}
      />
      <button
        type="button"
        aria-label=${t.renameLabel(c.label)}
        @click=${() => ((panel.renaming = c.label), requestUpdate(panel))}
      >
        ${t.rename()}
      </button>
      <button
        type="button"
        aria-label=${t.deleteLabel(c.label)}
        @click=${() => attempt(panel, () => panel.classes.remove(c.label))}
      >
        ${t.delete()}
      </button>
    </span>
  </li>`;
}

function renderTraining(panel: TeachPanelController, l: Localizer) {
  const { t } = l;
  const training = panel.training;
  if (training) {
    return html`<div class="train">
      <progress
        part="training-progress"
        max="1"
        .value=${training.fraction}
        aria-label=${t.trainingProgress()}
      ></progress>
      <span class="hint" role="status">${t.training(training.fraction)}</span>
      <button type="button" @click=${() => panel.cancelTraining()}>${t.cancelTraining()}</button>
    </div>`;
  }
  const blocker = panel.classes.trainBlocker;
  const note = panel.classes.head
    ? t.trainedHeadInUse()
    : panel.classes.headStale
      ? t.trainedHeadStale()
      : blocker
        ? l.error(blocker)
        : t.trainOptional();
  return html`<div class="train">
    <button
      type="button"
      part="train-button"
      ?disabled=${blocker !== undefined}
      @click=${() => attempt(panel, () => panel.train())}
    >
      ${panel.classes.head || panel.classes.headStale ? t.trainAgain() : t.train()}
    </button>
    <span class="hint">${note}</span>
  </div>`;
}

function storageLine(panel: TeachPanelController, l: Localizer): string {
  const { kept, why } = panel.classes.storageStatus;
  const classes = panel.classes.classes.length;
  const examples = panel.classes.exampleCount;
  return kept
    ? l.t.storageKept(classes, examples)
    : l.t.storageNotKept(classes, examples, why === undefined ? undefined : l.error(why));
}

async function handleAddClass(panel: TeachPanelController, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const input = form.elements.namedItem('label') as HTMLInputElement;
  await attempt(panel, async () => {
    await panel.classes.addClass(input.value);
    input.value = '';
  });
}

async function handleRename(panel: TeachPanelController, from: string, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const input = (event.currentTarget as HTMLFormElement).elements.namedItem('label') as HTMLInputElement;
  await attempt(panel, async () => {
    await panel.classes.rename(from, input.value);
    panel.renaming = undefined;
    requestUpdate(panel);
  });
}

async function handleImport(panel: TeachPanelController, event: Event): Promise<void> {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  // Cleared so that choosing the same file again (after fixing it) fires change again.
  input.value = '';
  if (file) await attempt(panel, () => panel.importFile(file));
}

/** Saves the export file through a download link. */
async function download(panel: TeachPanelController): Promise<void> {
  const file = await panel.classes.export();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: 'application/json' }));
  link.download = 'mobilenet-classes.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** Runs a UI action; its failure is shown in the element (and fired), never lost. */
async function attempt(panel: TeachPanelController, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    panel.report(error);
  }
}

function requestUpdate(panel: TeachPanelController): void {
  panel.requestUpdate();
}

/** The hidden file input right after the button that opens it. */
function siblingInput(event: Event): HTMLInputElement {
  return (event.currentTarget as Element).nextElementSibling as HTMLInputElement;
}

function focusOnce(element?: Element): void {
  if (element instanceof HTMLInputElement) queueMicrotask(() => element.select());
}
