// The custom-classes UI of <mobilenet-classifier>: the list of the user's predictions and the panel
// that teaches them. State and actions live in CustomClassesController; this only renders them.
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { MAX_LABEL_LENGTH, type CustomClass, type CustomPrediction } from '../../custom';
import { barWidth } from './bar-width';
import type { CustomClassesController } from './custom-classes.controller';

/** The user's classes for the picture on screen, or a hint while none has examples. */
export function renderCustomResults(predictions: CustomPrediction[] | undefined) {
  if (!predictions) return nothing;
  if (!predictions.length) {
    return html`<p class="custom-empty" part="custom-results">
      No class has examples yet: add one below and show it a few pictures.
    </p>`;
  }
  return html`<ol part="custom-results" aria-label="Your classes">
    ${predictions.map(
      (p) =>
        html`<li part="result" data-method=${p.method}>
          <span part="label" title=${p.label}>${p.label}</span>
          <span part="probability">${percent(p.probability)}</span>
          <span part="bar" aria-hidden="true"><span ${ref(barWidth(p.probability))}></span></span>
        </li>`,
    )}
  </ol>`;
}

/** The panel that adds, records, renames, deletes, trains, exports and imports the user's classes. */
export function renderTeachPanel(ctrl: CustomClassesController, cameraOn: boolean) {
  return html`<section part="teach" aria-labelledby="teach-heading">
    <h3 id="teach-heading">Your classes</h3>
    <form part="add-class" @submit=${(event: SubmitEvent) => handleAddClass(ctrl, event)}>
      <label
        >New class <input name="label" autocomplete="off" maxlength=${MAX_LABEL_LENGTH} placeholder="e.g. my mug"
      /></label>
      <button type="submit">Add class</button>
    </form>
    ${
      ctrl.classes.length
        ? html`<ul class="classes">
            ${ctrl.classes.map((c) => renderClass(ctrl, c, cameraOn))}
          </ul>`
        : html`<p class="hint">
            Add a class, then show it a few examples: hold to record from the camera, or add images.
          </p>`
    }
    ${ctrl.classes.length && !cameraOn ? html`<p class="hint">Turn the camera on to record examples by holding a button.</p>` : nothing}
    ${ctrl.uploadLine ? html`<p class="hint" role="status">${ctrl.uploadLine}</p>` : nothing}
    ${
      ctrl.undo
        ? html`<p class="undo">
            ${ctrl.undo.message}
            <button type="button" @click=${() => attempt(ctrl, () => ctrl.undoLast())}>Undo</button>
          </p>`
        : nothing
    }
    ${renderTraining(ctrl)}
    <div class="teach-actions">
      <button type="button" ?disabled=${!ctrl.classes.length} @click=${() => attempt(ctrl, () => download(ctrl))}>
        Export
      </button>
      <button type="button" @click=${(event: Event) => siblingInput(event).click()}>Import</button>
      <input
        type="file"
        accept=".json,application/json"
        hidden
        data-import
        @change=${(event: Event) => handleImport(ctrl, event)}
      />
      <button type="button" class="danger" @click=${() => ((ctrl.confirmingForget = true), requestUpdate(ctrl))}>
        Forget everything
      </button>
    </div>
    ${
      ctrl.confirmingForget
        ? html`<p class="confirm" role="group" aria-label="Confirm forgetting">
            Forget every class this site kept in this browser, for every model? This cannot be undone.
            <button type="button" class="danger" @click=${() => attempt(ctrl, () => ctrl.forgetEverything())}>
              Yes, forget everything
            </button>
            <button type="button" @click=${() => ((ctrl.confirmingForget = false), requestUpdate(ctrl))}>
              Keep them
            </button>
          </p>`
        : nothing
    }
    <p class="storage">${storageLine(ctrl)}</p>
  </section>`;
}

function renderClass(ctrl: CustomClassesController, c: CustomClass, cameraOn: boolean) {
  const count = c.examples.length;
  const recording = ctrl.recording === c.label;
  const name =
    ctrl.renaming === c.label
      ? html`<form class="rename" @submit=${(event: SubmitEvent) => handleRename(ctrl, c.label, event)}>
          <input
            name="label"
            .value=${c.label}
            maxlength=${MAX_LABEL_LENGTH}
            aria-label=${`New name for ${c.label}`}
            ${ref(focusOnce)}
            @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && ((ctrl.renaming = undefined), requestUpdate(ctrl))}
          />
          <button type="submit">Save</button>
          <button type="button" @click=${() => ((ctrl.renaming = undefined), requestUpdate(ctrl))}>Cancel</button>
        </form>`
      : html`<span class="class-name">${c.label}</span>`;
  return html`<li part="custom-class" data-label=${c.label}>
    ${name}
    <span class="count" aria-live="off">${count} ${count === 1 ? 'example' : 'examples'}</span>
    <span class="class-actions">
      <button
        type="button"
        part="record-button"
        aria-pressed=${recording ? 'true' : 'false'}
        aria-label=${`Hold to record ${c.label}`}
        ?disabled=${!cameraOn}
        @pointerdown=${(event: PointerEvent) => {
          if (event.button !== 0) return;
          (event.currentTarget as Element).setPointerCapture(event.pointerId);
          attempt(ctrl, () => ctrl.startRecording(c.label));
        }}
        @pointerup=${() => ctrl.stopRecording()}
        @pointercancel=${() => ctrl.stopRecording()}
        @lostpointercapture=${() => ctrl.stopRecording()}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key !== ' ' && event.key !== 'Enter') return;
          event.preventDefault();
          if (!event.repeat) attempt(ctrl, () => ctrl.startRecording(c.label));
        }}
        @keyup=${(event: KeyboardEvent) => {
          if (event.key !== ' ' && event.key !== 'Enter') return;
          event.preventDefault();
          ctrl.stopRecording();
        }}
        @contextmenu=${(event: Event) => event.preventDefault()}
      >
        ${recording ? 'Recording…' : 'Hold to record'}
      </button>
      <button
        type="button"
        aria-label=${`Add images to ${c.label}`}
        @click=${(event: Event) => siblingInput(event).click()}
      >
        Add images
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
          if (files.length) attempt(ctrl, () => ctrl.addFiles(c.label, files));
        }}
      />
      <button
        type="button"
        aria-label=${`Rename ${c.label}`}
        @click=${() => ((ctrl.renaming = c.label), requestUpdate(ctrl))}
      >
        Rename
      </button>
      <button type="button" aria-label=${`Delete ${c.label}`} @click=${() => attempt(ctrl, () => ctrl.remove(c.label))}>
        Delete
      </button>
    </span>
  </li>`;
}

function renderTraining(ctrl: CustomClassesController) {
  const training = ctrl.training;
  if (training) {
    return html`<div class="train">
      <progress part="training-progress" max="1" .value=${training.fraction} aria-label="Training progress"></progress>
      <span class="hint" role="status">Training… ${Math.round(training.fraction * 100)}%</span>
      <button type="button" @click=${() => ctrl.cancelTraining()}>Cancel training</button>
    </div>`;
  }
  const blocker = ctrl.trainBlocker;
  const note = ctrl.head
    ? 'Recognising with the trained head.'
    : ctrl.headStale
      ? 'The examples changed since training: recognising with k-NN until you train again.'
      : (blocker ??
        'Optional: train a small layer on your examples. Until then, nearest neighbours (k-NN) recognise them.');
  return html`<div class="train">
    <button
      type="button"
      part="train-button"
      ?disabled=${blocker !== undefined}
      @click=${() => attempt(ctrl, () => ctrl.train())}
    >
      ${ctrl.head || ctrl.headStale ? 'Train again' : 'Train'}
    </button>
    <span class="hint">${note}</span>
  </div>`;
}

function storageLine(ctrl: CustomClassesController): string {
  const count = `${ctrl.classes.length} ${ctrl.classes.length === 1 ? 'class' : 'classes'}, ${ctrl.exampleCount} ${ctrl.exampleCount === 1 ? 'example' : 'examples'}`;
  return ctrl.storage.kept
    ? `${count}, kept in this browser only.`
    : `${count}, not kept after this page closes: ${ctrl.storage.note ?? 'loading…'}`;
}

async function handleAddClass(ctrl: CustomClassesController, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const input = form.elements.namedItem('label') as HTMLInputElement;
  await attempt(ctrl, async () => {
    await ctrl.addClass(input.value);
    input.value = '';
  });
}

async function handleRename(ctrl: CustomClassesController, from: string, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const input = (event.currentTarget as HTMLFormElement).elements.namedItem('label') as HTMLInputElement;
  await attempt(ctrl, async () => {
    await ctrl.rename(from, input.value);
    ctrl.renaming = undefined;
    requestUpdate(ctrl);
  });
}

async function handleImport(ctrl: CustomClassesController, event: Event): Promise<void> {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  // Cleared so that choosing the same file again (after fixing it) fires change again.
  input.value = '';
  if (file) await attempt(ctrl, () => ctrl.importFile(file));
}

/** Saves the export file through a download link. */
async function download(ctrl: CustomClassesController): Promise<void> {
  const file = await ctrl.export();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: 'application/json' }));
  link.download = 'mobilenet-classes.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** Runs a UI action; its failure is shown in the element (and fired), never lost. */
async function attempt(ctrl: CustomClassesController, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    ctrl.report(error);
  }
}

function requestUpdate(ctrl: CustomClassesController): void {
  ctrl.requestUpdate();
}

/** The hidden file input right after the button that opens it. */
function siblingInput(event: Event): HTMLInputElement {
  return (event.currentTarget as Element).nextElementSibling as HTMLInputElement;
}

function focusOnce(element?: Element): void {
  if (element instanceof HTMLInputElement) queueMicrotask(() => element.select());
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
