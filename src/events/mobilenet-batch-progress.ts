/** Detail of `mobilenet-batch-progress`: how far a batch of files has got. */
export interface MobilenetBatchProgressDetail {
  /** Files settled so far (classified or failed). */
  done: number;
  /** Files in the batch. */
  total: number;
  /** Files among `done` that could not be classified. */
  failed: number;
}

export type MobilenetBatchProgressEvent = CustomEvent<MobilenetBatchProgressDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'mobilenet-batch-progress': MobilenetBatchProgressEvent;
  }
}
