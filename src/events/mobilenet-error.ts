/** The stage of the work that failed. `custom`: teaching custom classes (import, storage, training). */
export type MobilenetErrorPhase = 'load' | 'camera' | 'input' | 'inference' | 'custom';

/** Detail of `mobilenet-error`. The same message is shown in the element (`part="error"`). */
export interface MobilenetErrorDetail {
  phase: MobilenetErrorPhase;
  /** What happened and what to do next, fit to show to the user. */
  message: string;
  /** The original error, for developers. */
  error: unknown;
}

export type MobilenetErrorEvent = CustomEvent<MobilenetErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'mobilenet-error': MobilenetErrorEvent;
  }
}
