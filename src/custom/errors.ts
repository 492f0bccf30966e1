/** Why taught classes could not be changed, imported, kept or trained. */
export type CustomClassErrorReason =
  | 'label'
  | 'limit'
  | 'not-json'
  | 'not-a-classes-file'
  | 'version'
  | 'model'
  | 'vector'
  | 'too-large'
  | 'storage'
  | 'training'
  | 'setting'
  | 'changed';

/**
 * An error about the user's classes, with a message fit to show: what is wrong and what to do. Nothing
 * already taught is lost when one is thrown.
 */
export class CustomClassError extends Error {
  override readonly name = 'CustomClassError';

  constructor(
    readonly reason: CustomClassErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
