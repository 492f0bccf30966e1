import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { mobilenetEvent, type MobilenetErrorPhase } from '../../events';
import { messageOf, phaseOf } from './errors';

/** An action offered next to an error, e.g. "Retry". */
export interface Retry {
  label: string;
  run: () => void;
}

/** The error on screen. */
export interface ShownError {
  phase: MobilenetErrorPhase;
  message: string;
  retry?: Retry;
}

/**
 * What the element tells the user besides results: the error line (`role="alert"`), the progress line
 * of multi-file work, and the polite live region for screen readers. Every controller reports here;
 * this one only holds the text and fires `mobilenet-error`.
 */
export class Notices implements ReactiveController {
  error?: ShownError;
  progress = '';
  announcement = '';

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Shows `error` (its phase is found from its type unless given) and fires `mobilenet-error`. */
  showError(error: unknown, options: { phase?: MobilenetErrorPhase; retry?: Retry } = {}): void {
    const phase = options.phase ?? phaseOf(error);
    const message = messageOf(error);
    this.error = { phase, message, retry: options.retry };
    this.host.requestUpdate();
    this.host.dispatchEvent(mobilenetEvent('mobilenet-error', { phase, message, error }));
  }

  /** Takes the error down: any error, or only one of `phase`. */
  clearError(phase?: MobilenetErrorPhase): void {
    if (!this.error || (phase && this.error.phase !== phase)) return;
    this.error = undefined;
    this.host.requestUpdate();
  }

  setProgress(text: string): void {
    this.progress = text;
    this.host.requestUpdate();
  }

  announce(text: string): void {
    this.announcement = text;
    this.host.requestUpdate();
  }
}
