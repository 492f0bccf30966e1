import type { MobilenetResult } from './mobilenet-result';

/** One file of a batch: its result, or why it has none. */
export type MobilenetBatchEntry =
  | {
      /** The file's name; inside a chosen or dropped folder, its path from that folder, e.g. `trip/IMG_1.jpg`. */
      file: string;
      status: 'classified';
      result: MobilenetResult;
    }
  | {
      file: string;
      status: 'failed';
      /** What went wrong, fit to show to the user (the row shows it too). */
      message: string;
      /** The original error, for developers. */
      error: unknown;
    };

/** Detail of `mobilenet-batch-done`: a batch of files ended, or was cancelled. */
export interface MobilenetBatchDoneDetail {
  /** Every file settled before the end, in the order given (the same array as `el.results`). */
  results: MobilenetBatchEntry[];
  /** True when Cancel was pressed, a new batch replaced this one, or the element left the page. */
  cancelled: boolean;
}

export type MobilenetBatchDoneEvent = CustomEvent<MobilenetBatchDoneDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'mobilenet-batch-done': MobilenetBatchDoneEvent;
  }
}
