import { fetchTranslatedLabels, isAbortError, type Label } from '../../model';

/** What the class names tell the element. */
export interface LabelsEvents {
  /** The names shown changed: translated ones arrived, or the English ones are back. */
  changed(): void;
  /** A new file is being loaded: the failure of the one before (if any) no longer applies. */
  loading(previousFailure: unknown): void;
  /** The file was refused (why is in the error); the English names are shown. */
  failed(error: unknown): void;
}

/**
 * The class names in another language (attribute `labels-url`): fetches the file for the loaded
 * model, checks it against the model's own labels (parseTranslatedLabels) and holds the names, or
 * nothing while a file loads, when there is none, or when it was refused: then the model's English
 * names stand. A newer URL or model drops the load under way.
 */
export class LabelsController {
  private names?: readonly Label[];
  private url?: string;
  private model?: readonly Label[];
  private loads?: AbortController;
  private pending: Promise<void> = Promise.resolve();
  private failure?: unknown;

  constructor(private readonly events: LabelsEvents) {}

  /** Loads the names at `url` for `model` (a classifier's labels); without either, the English names. */
  load(url: string | undefined, model: readonly Label[] | undefined): void {
    if (url === this.url && model === this.model) return;
    this.url = url;
    this.model = model;
    this.loads?.abort();
    this.events.loading(this.failure);
    this.failure = undefined;
    const hadNames = this.names !== undefined;
    this.names = undefined;
    if (hadNames) this.events.changed();
    if (!url || !model) {
      this.pending = Promise.resolve();
      return;
    }
    const loads = (this.loads = new AbortController());
    this.pending = fetchTranslatedLabels(url, model, { signal: loads.signal }).then(
      (names) => {
        if (loads.signal.aborted) return;
        this.names = names;
        this.events.changed();
      },
      (error: unknown) => {
        if (loads.signal.aborted || isAbortError(error)) return;
        this.failure = error;
        this.events.failed(error);
      },
    );
  }

  /** Settles once the file asked for last is loaded or refused. */
  settled(): Promise<void> {
    return this.pending;
  }

  /** The translated name of class `index`, or undefined while the English names stand. */
  label(index: number): string | undefined {
    return this.names?.[index]?.label;
  }
}
