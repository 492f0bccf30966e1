import type { Backend } from '../model';

/** Detail of `mobilenet-ready`: the model is loaded and warm. */
export interface MobilenetReadyDetail {
  /** The backend the model runs on. */
  backend: Backend;
  /** Milliseconds from the start of loading to ready. */
  loadMs: number;
}

export type MobilenetReadyEvent = CustomEvent<MobilenetReadyDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'mobilenet-ready': MobilenetReadyEvent;
  }
}
