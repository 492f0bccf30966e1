// How the element reports a failure: which phase of `mobilenet-error` it belongs to, and what it says.
import { CameraError } from '../../capture/camera-controller';
import { CustomClassError, customClassError } from '../../custom';
import type { MobilenetErrorPhase } from '../../events';
import { ClassifierError } from '../../model';

/** The `phase` of `mobilenet-error` for an error. */
export function phaseOf(error: unknown): MobilenetErrorPhase {
  if (error instanceof ClassifierError) return error.phase;
  if (error instanceof CameraError) return 'camera';
  if (error instanceof CustomClassError) return 'custom';
  return 'inference';
}

/** The message shown for an error: our own errors say what to do already; anything else is named. */
export function messageOf(error: unknown): string {
  if (
    error instanceof ClassifierError ||
    error instanceof CameraError ||
    error instanceof CustomClassError ||
    error instanceof RangeError
  )
    return error.message;
  return `Classification failed: ${(error as Error)?.message ?? String(error)}`;
}

/** Why an example read under one classes key or model was not added after either changed. */
export function setChangedError(label: string): CustomClassError {
  return customClassError('changed', 'set-changed', { label });
}

/** Stored classes that could not be read back. */
export function damagedError(labels: string[]): CustomClassError {
  return customClassError('storage', 'classes-damaged', { labels });
}
