/** The stage of the work that failed. */
export type ClassifierErrorPhase = 'load' | 'input' | 'inference';

/**
 * An error whose message says what went wrong and what to do next, in words fit for the user.
 * `cause` keeps the original error for developers.
 */
export class ClassifierError extends Error {
  override readonly name = 'ClassifierError';

  constructor(
    readonly phase: ClassifierErrorPhase,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for the error an aborted fetch or an aborted load rejects with. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
