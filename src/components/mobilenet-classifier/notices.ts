import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { mobilenetEvent, type MobilenetErrorPhase } from '../../events';
import type { Localizer } from '../../i18n';
import { phaseOf } from './errors';

/**
 * A text in the element's current language, worded when shown: a line on screen follows a change of
 * `lang` or `strings` at the next render, whatever it says.
 */
export type Phrase = () => string;

/** An action offered next to an error, e.g. "Retry". */
export interface Retry {
  label: Phrase;
  run: () => void;
}

/** The error on screen. */
export interface ShownError {
  phase: MobilenetErrorPhase;
  /** What failed: its message is worded in the current language when shown. */
  error: unknown;
  retry?: Retry;
  /** Stays when a result comes (see {@link Notices.clearError}): it is about more than one picture. */
  lasting?: boolean;
}

/**
 * What the element tells the user besides results: the error line (`role="alert"`), the progress line
 * of multi-file work, and the polite live region for screen readers. Every controller reports here;
 * this one holds what to say, words it in the element's language, and fires `mobilenet-error`.
 */
export class Notices implements ReactiveController {
  error?: ShownError;
  private progressLine?: Phrase;
  private said?: Phrase;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly l: Localizer,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The error on screen in the current language. */
  get errorMessage(): string {
    return this.error ? this.l.error(this.error.error) : '';
  }

  get progress(): string {
    return this.progressLine?.() ?? '';
  }

  /** What the live region says. */
  get announcement(): string {
    return this.said?.() ?? '';
  }

  /**
   * Shows `error` (its phase is found from its type unless given) and fires `mobilenet-error`, whose
   * `message` is in the element's language at that moment.
   */
  showError(error: unknown, options: { phase?: MobilenetErrorPhase; retry?: Retry; lasting?: boolean } = {}): void {
    const phase = options.phase ?? phaseOf(error);
    this.error = { phase, error, retry: options.retry, lasting: options.lasting };
    this.host.requestUpdate();
    this.host.dispatchEvent(mobilenetEvent('mobilenet-error', { phase, message: this.errorMessage, error }));
  }

  /** Takes the error down: one of `phase`, or any error but a lasting one. */
  clearError(phase?: MobilenetErrorPhase): void {
    if (!this.error || (phase ? this.error.phase !== phase : this.error.lasting)) return;
    this.error = undefined;
    this.host.requestUpdate();
  }

  /** Takes `error` down if it is the one on screen. */
  withdraw(error: unknown): void {
    if (error !== undefined && this.error && this.error.error === error) this.clearError(this.error.phase);
  }

  setProgress(text: Phrase | undefined): void {
    this.progressLine = text;
    this.host.requestUpdate();
  }

  announce(text: Phrase): void {
    this.said = text;
    this.host.requestUpdate();
  }
}
