/**
 * An error with a message fit to show, and a `code` and `values` that identify that message exactly,
 * so that it can be shown in another language. `Values` maps each code to the values its message names.
 */
export class CodedError<Values extends object> extends Error {
  /** What failed, stable across versions; undefined only for errors made without one. */
  readonly code?: keyof Values;
  /** The values the message names. */
  readonly values?: Readonly<Values[keyof Values]>;

  constructor(message: string, options?: { cause?: unknown; code?: keyof Values; values?: Values[keyof Values] }) {
    super(message, options);
    this.code = options?.code;
    this.values = options?.values;
  }
}
