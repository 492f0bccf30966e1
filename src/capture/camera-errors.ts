// The camera's failures: one stable code each, with the values its message names, and the English
// messages, which are also the English entries of the element's strings table (src/i18n/en.ts).
import { CodedError } from '../util/coded-error';

/** Every camera failure, by code, with the values its message needs. */
export interface CameraErrorValues {
  /** The camera needs a secure context (https or localhost) and getUserMedia. */
  'camera-insecure': Record<string, never>;
  /** Permission denied (NotAllowedError, SecurityError). */
  'camera-denied': Record<string, never>;
  /** No camera (NotFoundError, OverconstrainedError). */
  'camera-not-found': Record<string, never>;
  /** The camera is in use or blocked (NotReadableError, AbortError). */
  'camera-busy': Record<string, never>;
  /** Any other getUserMedia failure; `detail` is the browser's (English) message. */
  'camera-failed': { detail: string };
  /** The camera's track ended: unplugged, or taken by another app. */
  'camera-stopped': Record<string, never>;
  /** startCamera() found the camera off, with no error to tell why. */
  'camera-not-started': Record<string, never>;
}

export type CameraErrorCode = keyof CameraErrorValues;

/** A camera failure, with a message that says what to do next, and its `code` and `values`. */
export class CameraError extends CodedError<CameraErrorValues> {
  override readonly name = 'CameraError';
}

/** The English message of each code. */
export const cameraMessages: { [C in CameraErrorCode]: (values: CameraErrorValues[C]) => string } = {
  'camera-insecure': () =>
    'The camera needs a secure page (https or localhost) in a browser that supports it. Use Upload instead.',
  'camera-denied': () => 'Camera permission denied. Use Upload instead, or allow the camera in the site settings.',
  'camera-not-found': () => 'No camera was found. Connect one and try again, or use Upload instead.',
  'camera-busy': () => 'The camera is busy or blocked: close other apps or tabs that use it, then try again.',
  'camera-failed': ({ detail }) => `The camera could not start (${detail}). Use Upload instead.`,
  'camera-stopped': () =>
    'The camera stopped (it was unplugged or taken by another app). Turn it on again when it is back.',
  'camera-not-started': () => 'The camera did not start.',
};

/** A CameraError of `code`, with its English message. */
export function cameraError<C extends CameraErrorCode>(
  code: C,
  values: CameraErrorValues[C],
  cause?: unknown,
): CameraError {
  const message = (cameraMessages[code] as (v: CameraErrorValues[C]) => string)(values);
  return new CameraError(message, { code, values, ...(cause === undefined ? {} : { cause }) });
}

/** The CameraError of a getUserMedia failure, by the DOMException's name. */
export function cameraStartError(error: unknown): CameraError {
  switch ((error as { name?: string } | null)?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return cameraError('camera-denied', {}, error);
    case 'NotFoundError':
    case 'OverconstrainedError':
      return cameraError('camera-not-found', {}, error);
    case 'NotReadableError':
    case 'AbortError':
      return cameraError('camera-busy', {}, error);
    default:
      return cameraError('camera-failed', { detail: (error as Error)?.message ?? String(error) }, error);
  }
}
