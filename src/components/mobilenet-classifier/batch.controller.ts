import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { mobilenetEvent, type MobilenetBatchEntry, type MobilenetResult, type SourceKind } from '../../events';
import type { Terms } from '../../i18n';
import { classifierError, DEFAULT_BATCH_SIZE, isAbortError, type NamedFiles } from '../../model';
import { filesOfEntries, filesOfFolderInput, type FolderFiles, type NamedFile } from './folder-files';
import { exportResults, type ExportContext, type ResultsFormat } from './results-export';

/** Side of a row's thumbnail in pixels: 2× its 2.5rem on screen. */
const THUMBNAIL_SIZE = 80;
/** Names of skipped files listed before "and N more". */
const NAMED_SKIPPED = 5;

/** One file's answer from the element's classify pipeline, with the pixels for its thumbnail. */
export type BatchOutcome = PromiseSettledResult<{ result: MobilenetResult; pixels: ImageData }>;

/** What the controller needs from the element. */
export interface BatchHost {
  /** The element's strings, in its language. */
  t: Terms;
  /** A batch starts: the main view lets go of the picture it showed. */
  started(): void;
  /**
   * Classifies the files with the element's current options, in one model run (the core's
   * `classifyBatch`); each file settles in its own place. Rejects with an AbortError once `signal` fires
   * before the run, or with why the model is not available.
   */
  classify(files: readonly NamedFile[], kind: SourceKind, signal: AbortSignal): Promise<BatchOutcome[]>;
  /** Shows a file in the main view, as a single upload of it does. */
  show(file: NamedFile, kind: SourceKind): void;
  /** Shows an error in the element and fires `mobilenet-error`. */
  showError(error: unknown): void;
  /** The message a failure is shown with, in the element's language. */
  messageOf(error: unknown): string;
  /** Says something to screen-reader users (the element's polite live region), worded when said. */
  announce(text: () => string): void;
  /** What the export says about the model. */
  exportContext(): ExportContext;
}

/** How the list is ordered. */
export type BatchSort = 'order' | 'label' | 'probability' | 'probability-asc';

/** A row of the list: a settled file and its thumbnail. */
export interface BatchRow {
  /** Position in the batch. */
  at: number;
  file: NamedFile;
  entry: MobilenetBatchEntry;
  /** A small JPEG of the 96×96 crop the model saw: never the decoded picture, so 1,000 rows stay light. */
  thumbnail?: Blob;
}

/**
 * The results list of a multi-file upload, drop or paste, or of a folder: classifies the files in
 * chunks of one model run each, so that rows appear as they are done and Cancel stops within one run;
 * holds the rows, their thumbnails' object URLs (revoked when the list is replaced or the element leaves
 * the page) and the list's filter, sort and expanded rows. See batch.template.ts for the UI.
 */
export class BatchController implements ReactiveController {
  rows: readonly BatchRow[] = [];
  /** Files in the batch, settled or not; 0 when there is no list. */
  total = 0;
  failed = 0;
  /** Files of a folder that were left out because they are not images. */
  skipped: readonly string[] = [];
  /** How the batch ended: undefined while it runs (or with no batch). */
  ended?: 'done' | 'cancelled';
  filter = '';
  sort: BatchSort = 'order';
  readonly expanded = new Set<number>();
  /** The row shown in the main view. */
  selected?: number;
  private kind: SourceKind = 'upload';
  private running?: AbortController;
  private readonly urls = new Map<Blob, string>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly element: BatchHost,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
    // The rows stay, with their thumbnails as blobs: a URL is made again when one is rendered.
    this.revokeUrls();
  }

  /** Every settled file of the batch, in the order given. */
  get entries(): MobilenetBatchEntry[] {
    return this.rows.map((row) => row.entry);
  }

  /** A batch is under way. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Settled files, failed ones included. */
  get done(): number {
    return this.rows.length;
  }

  /** Classifies several files, replacing the list. */
  start(files: readonly NamedFile[], kind: SourceKind, skipped: readonly string[] = []): Promise<void> {
    this.clear();
    this.element.started();
    this.kind = kind;
    this.total = files.length;
    this.skipped = skipped;
    return this.run(files, (this.running = new AbortController()).signal);
  }

  /** Classifies the images of a folder chosen with the folder button or dropped (as its entries). */
  async startFolder(source: readonly File[] | readonly FileSystemEntry[], kind: SourceKind): Promise<void> {
    let folder: FolderFiles;
    try {
      folder =
        source[0] instanceof File
          ? filesOfFolderInput(source as File[])
          : await filesOfEntries(source as FileSystemEntry[]);
    } catch (error) {
      this.element.showError(classifierError('input', 'folder-unreadable', {}, error));
      return;
    }
    if (!folder.images.length) {
      this.element.showError(
        folder.skipped.length
          ? classifierError('input', 'folder-no-images', namedFiles(folder.skipped))
          : classifierError('input', 'folder-empty', {}),
      );
      return;
    }
    await this.start(folder.images, kind, folder.skipped);
  }

  /**
   * Stops the batch now: `mobilenet-batch-done` fires with the rows shown so far; the model run under
   * way finishes (tf.js cannot stop one) and its answers are dropped.
   */
  cancel(): void {
    if (this.running) this.end(/* cancelled= */ true);
  }

  /** Cancels the batch and empties the list (a new batch, or a single file, replaces it). */
  clear(): void {
    this.cancel();
    this.revokeUrls();
    this.rows = [];
    this.total = this.failed = 0;
    this.skipped = [];
    this.ended = undefined;
    this.expanded.clear();
    this.selected = undefined;
    this.host.requestUpdate();
  }

  /** The rows to show: filtered by top-1 label, then sorted. */
  get shownRows(): BatchRow[] {
    const wanted = this.filter.trim().toLowerCase();
    const rows = wanted ? this.rows.filter((row) => topLabel(row)?.toLowerCase().includes(wanted)) : [...this.rows];
    if (this.sort === 'order') return rows;
    // A row with no prediction (all below min-probability, say) ranks below every probability.
    const probability = (row: BatchRow) => topPrediction(row)?.probability ?? -1;
    const order = {
      label: (a: BatchRow, b: BatchRow) => (topLabel(a) ?? '').localeCompare(topLabel(b) ?? ''),
      probability: (a: BatchRow, b: BatchRow) => probability(b) - probability(a),
      'probability-asc': (a: BatchRow, b: BatchRow) => probability(a) - probability(b),
    }[this.sort];
    // Failed rows have no label or probability: they go last, in file order.
    const ok = rows.filter((row) => row.entry.status === 'classified').sort((a, b) => order(a, b) || a.at - b.at);
    return [...ok, ...rows.filter((row) => row.entry.status === 'failed')];
  }

  /** The top-1 labels present, most frequent first, for the filter's suggestions. */
  get labels(): string[] {
    const counts = new Map<string, number>();
    for (const row of this.rows) {
      const label = topLabel(row);
      if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label]) => label);
  }

  /** Why a failed row's file could not be classified, in the element's current language. */
  failure(row: BatchRow): string {
    return row.entry.status === 'failed' ? this.element.messageOf(row.entry.error) : '';
  }

  /** The element's strings, for the list's template. */
  get t(): Terms {
    return this.element.t;
  }

  thumbnailUrl(row: BatchRow): string | undefined {
    if (!row.thumbnail) return undefined;
    let url = this.urls.get(row.thumbnail);
    if (!url) this.urls.set(row.thumbnail, (url = URL.createObjectURL(row.thumbnail)));
    return url;
  }

  setFilter(text: string): void {
    this.filter = text;
    this.host.requestUpdate();
  }

  setSort(sort: BatchSort): void {
    this.sort = sort;
    this.host.requestUpdate();
  }

  toggle(row: BatchRow): void {
    if (!this.expanded.delete(row.at)) this.expanded.add(row.at);
    this.host.requestUpdate();
  }

  /** Shows the row's picture in the main view. */
  select(row: BatchRow): void {
    this.selected = row.at;
    this.element.show(row.file, this.kind);
    this.host.requestUpdate();
  }

  /** The results as CSV or JSON text (see results-export.ts). */
  export(format: ResultsFormat): string {
    return exportResults(this.entries, format, this.element.exportContext());
  }

  /** Saves the export as a file. */
  download(format: ResultsFormat): void {
    // The byte-order mark makes Excel read the CSV as UTF-8 (file names in any script); JSON needs none.
    const blob =
      format === 'csv'
        ? new Blob(['\uFEFF', this.export('csv')], { type: 'text/csv;charset=utf-8' })
        : new Blob([this.export('json')], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `mobilenet-results.${format}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  /** The line under the progress bar, in the element's language. */
  get summary(): string {
    const { t } = this.element;
    const skipped = namedFiles(this.skipped);
    if (this.ended === 'cancelled') return t.batchCancelled(this.done, this.total, skipped);
    if (this.ended === 'done') {
      return this.failed
        ? t.batchDoneSome(this.done - this.failed, this.total, this.failed, skipped)
        : t.batchDone(this.total, skipped);
    }
    return t.batchProgress(this.done, this.total, this.failed);
  }

  /**
   * The class names changed (`labels-url`): the rows' predictions take the new name of their class,
   * by its index (undefined: the name stays).
   */
  relabel(nameOf: (index: number) => string | undefined): void {
    if (!this.rows.length) return;
    this.rows = this.rows.map((row) => {
      const { entry } = row;
      if (entry.status !== 'classified') return row;
      const predictions = entry.result.predictions.map((p) => ({ ...p, label: nameOf(p.index) ?? p.label }));
      return { ...row, entry: { ...entry, result: { ...entry.result, predictions } } };
    });
    this.host.requestUpdate();
  }

  private async run(files: readonly NamedFile[], signal: AbortSignal): Promise<void> {
    this.fireProgress();
    try {
      for (let first = 0; first < files.length; first += DEFAULT_BATCH_SIZE) {
        const chunk = files.slice(first, first + DEFAULT_BATCH_SIZE);
        let outcomes: BatchOutcome[];
        try {
          outcomes = await this.element.classify(chunk, this.kind, signal);
        } catch (error) {
          if (isAbortError(error)) break;
          // The model is not available: every file left fails with why (the error is shown once, above).
          this.element.showError(error);
          const reason = { status: 'rejected', reason: error } as const;
          await this.add(files.slice(first), Array<BatchOutcome>(files.length - first).fill(reason), signal);
          break;
        }
        // Cancelled while the run was under way: nothing more appears after the click.
        if (signal.aborted) break;
        await this.add(chunk, outcomes, signal);
        if (signal.aborted) break;
        this.fireProgress();
      }
    } finally {
      if (this.running?.signal === signal) this.end(signal.aborted);
    }
  }

  private async add(files: readonly NamedFile[], outcomes: BatchOutcome[], signal: AbortSignal): Promise<void> {
    const rows: BatchRow[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      const file = files[i]!;
      const at = this.rows.length + i;
      if (outcome.status === 'fulfilled') {
        const thumbnail = await thumbnailOf(outcome.value.pixels).catch(() => undefined);
        rows.push({
          at,
          file,
          thumbnail,
          entry: { file: file.name, status: 'classified', result: outcome.value.result },
        });
      } else {
        const error = outcome.reason;
        rows.push({
          at,
          file,
          entry: { file: file.name, status: 'failed', message: this.element.messageOf(error), error },
        });
      }
    }
    if (signal.aborted) return;
    this.failed += rows.filter((row) => row.entry.status === 'failed').length;
    this.rows = [...this.rows, ...rows];
    this.host.requestUpdate();
  }

  private fireProgress(): void {
    this.host.dispatchEvent(
      mobilenetEvent('mobilenet-batch-progress', { done: this.done, total: this.total, failed: this.failed }),
    );
  }

  private end(cancelled: boolean): void {
    if (cancelled) this.running?.abort();
    this.running = undefined;
    this.ended = cancelled ? 'cancelled' : 'done';
    this.element.announce(() => this.summary);
    this.host.requestUpdate();
    this.host.dispatchEvent(mobilenetEvent('mobilenet-batch-done', { results: this.entries, cancelled }));
  }

  private revokeUrls(): void {
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
  }
}

function topPrediction(row: BatchRow) {
  return row.entry.status === 'classified' ? row.entry.result.predictions[0] : undefined;
}

function topLabel(row: BatchRow): string | undefined {
  return topPrediction(row)?.label;
}

/** The first files of `names` by name, and how many more. */
function namedFiles(names: readonly string[]): NamedFiles {
  return { names: names.slice(0, NAMED_SKIPPED), more: Math.max(0, names.length - NAMED_SKIPPED) };
}

let thumbnailCanvases:
  { full: OffscreenCanvas | HTMLCanvasElement; small: OffscreenCanvas | HTMLCanvasElement } | undefined;

/** A small JPEG of the crop: about 3 KB, where its ImageData would hold 36 KB and a decoded photo megabytes. */
async function thumbnailOf(pixels: ImageData): Promise<Blob> {
  const canvas = (width: number) => {
    if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, width);
    return Object.assign(document.createElement('canvas'), { width, height: width });
  };
  const canvases = (thumbnailCanvases ??= { full: canvas(pixels.width), small: canvas(THUMBNAIL_SIZE) });
  const full = canvases.full.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  const small = canvases.small.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  full.putImageData(pixels, 0, 0);
  small.drawImage(canvases.full, 0, 0, pixels.width, pixels.height, 0, 0, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
  // The bitmap is copied when the encode starts, so the canvases can be drawn on again at once.
  if (canvases.small instanceof HTMLCanvasElement) {
    const element = canvases.small;
    return new Promise((resolve, reject) =>
      element.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob gave nothing'))), 'image/jpeg', 0.85),
    );
  }
  return canvases.small.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
}
