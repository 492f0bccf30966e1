import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CustomClassError, customClassError, headNotReady, MAX_FILE_CHARS, trainSoftmaxHead } from '../../custom';
import { isAbortError } from '../../model';
import type { CustomClassesController, Interruption } from './custom-classes.controller';

/** Camera frames taken per second while "Hold to record" is held. */
const RECORD_FPS = 5;

/**
 * The teaching panel's longer actions and its UI state: training the softmax head, recording camera
 * frames into a class, adding image files, importing an export file, and which class is being
 * renamed. Every change to the classes goes through {@link CustomClassesController}; a change, a new
 * set or "Forget everything" interrupts training and recording.
 */
export class TeachPanelController implements ReactiveController {
  training?: { fraction: number; controller: AbortController };
  /** The class the camera is recording into while "Hold to record" is held. */
  recording?: string;
  /** The class whose name is being edited. */
  renaming?: string;
  /** "Forget everything" was pressed once and waits for confirmation. */
  confirmingForget = false;
  /** The upload into a class under way, when it has several files: which file, of how many. */
  upload?: { index: number; total: number; label: string; name: string };

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly classes: CustomClassesController,
  ) {
    host.addController(this);
    classes.onInterrupt = (why) => this.interrupt(why);
  }

  hostDisconnected(): void {
    this.stopRecording();
    this.training?.controller.abort();
  }

  requestUpdate(): void {
    this.host.requestUpdate();
  }

  /** Shows a failed action's error in the element, except a cancellation, which is no failure. */
  report(error: unknown): void {
    if (!isAbortError(error)) this.classes.element.showError(error);
  }

  /**
   * Trains a softmax head on the examples, on the page's tf.js backend, reporting progress in
   * {@link training}. A change of the examples, {@link cancelTraining} or `signal` stops it.
   *
   * @throws CustomClassError when there are not enough examples; an AbortError when stopped.
   */
  async train(signal?: AbortSignal): Promise<void> {
    await this.classes.currentModel();
    if (this.training) throw customClassError('training', 'training-busy', {});
    const blocker = headNotReady(this.classes.classes);
    if (blocker) throw blocker;
    const controller = new AbortController();
    const stop = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
    const classes = this.classes.classes;
    this.training = { fraction: 0, controller };
    this.host.requestUpdate();
    try {
      const head = await trainSoftmaxHead(classes, {
        signal: controller.signal,
        onProgress: ({ fraction }) => {
          if (this.training?.controller !== controller) return;
          this.training = { fraction, controller };
          this.host.requestUpdate();
        },
      });
      // A change of the classes interrupts training, so these are still the classes trained on.
      controller.signal.throwIfAborted();
      const saved = this.classes.adoptHead(head, classes);
      const examples = this.classes.exampleCount;
      this.classes.element.announce(() => this.classes.element.t.trainedOn(examples));
      await saved;
    } catch (error) {
      if (isAbortError(error) || controller.signal.aborted)
        this.classes.element.announce(() => this.classes.element.t.trainingStopped());
      throw error;
    } finally {
      signal?.removeEventListener('abort', stop);
      if (this.training?.controller === controller) this.training = undefined;
      this.host.requestUpdate();
    }
  }

  cancelTraining(): void {
    this.training?.controller.abort(new DOMException('Training was cancelled.', 'AbortError'));
  }

  /**
   * Adds camera frames to `label` while held: one every 1/{@link RECORD_FPS} s, until
   * {@link stopRecording}. Frames never overlap: a slow one delays the next.
   */
  async startRecording(label: string): Promise<void> {
    if (this.recording) return;
    const element = this.classes.element;
    const video = element.cameraVideo();
    if (!video) {
      element.showError(customClassError('label', 'record-needs-camera', {}));
      return;
    }
    this.recording = label;
    this.host.requestUpdate();
    const set = this.classes.set;
    while (this.recording === label && set === this.classes.set) {
      const started = performance.now();
      try {
        const vector = await element.embed(video);
        // Released (or switched model) while this frame was read: it is not kept, so that nothing is added after release.
        if (this.recording !== label || set !== this.classes.set) break;
        await this.classes.add(label, [vector], set);
      } catch (error) {
        element.showError(error);
        break;
      }
      const wait = 1000 / RECORD_FPS - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    if (this.recording === label) this.stopRecording();
  }

  stopRecording(): void {
    if (this.recording === undefined) return;
    const label = this.recording;
    this.recording = undefined;
    this.host.requestUpdate();
    const count = this.classes.classes.find((c) => c.label === label)?.examples.length;
    if (count !== undefined) this.classes.element.announce(() => this.classes.element.t.recorded(label, count));
  }

  /** Adds image files to a class, one at a time; names the files that could not be read. */
  async addFiles(label: string, files: File[]): Promise<void> {
    const element = this.classes.element;
    const failed: string[] = [];
    let added = 0;
    for (const [i, file] of files.entries()) {
      this.upload = files.length > 1 ? { index: i + 1, total: files.length, label, name: file.name } : undefined;
      this.host.requestUpdate();
      try {
        const set = this.classes.set;
        await this.classes.add(label, [await element.embed(file)], set);
        added++;
      } catch (error) {
        if (error instanceof CustomClassError && error.reason === 'limit') {
          element.showError(error);
          break;
        }
        failed.push(file.name);
      }
    }
    this.upload = undefined;
    this.host.requestUpdate();
    if (failed.length) {
      element.showError(customClassError('vector', 'files-unreadable', { files: failed }));
    } else if (added) {
      element.announce(() => element.t.added(added, label));
    }
  }

  /** Reads an export file chosen by the user and imports it (see CustomClassesController.import). */
  async importFile(file: File): Promise<void> {
    if (file.size > MAX_FILE_CHARS) {
      // Refused before reading: a wrong, huge file would otherwise be read into memory whole.
      throw customClassError('too-large', 'import-file-too-large', {
        name: file.name,
        megabytes: file.size / 1048576,
        maxMegabytes: MAX_FILE_CHARS / 1048576,
      });
    }
    await this.classes.import(await file.text());
  }

  private interrupt(why: Interruption): void {
    if (why === 'changed') {
      this.training?.controller.abort(new DOMException('The examples changed during training.', 'AbortError'));
      return;
    }
    this.stopRecording();
    this.training?.controller.abort();
    if (why === 'forgotten') this.confirmingForget = false;
    else this.renaming = undefined;
  }
}
