// How the element reports a failure: which phase of `mobilenet-error` it belongs to. What it says is
// the strings table's entry for its code, in the element's language (Localizer.error).
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

/** Why an example read under one classes key or model was not added after either changed. */
export function setChangedError(label: string): CustomClassError {
  return customClassError('changed', 'set-changed', { label });
}

/** Stored classes that could not be read back. */
export function damagedError(labels: string[]): CustomClassError {
  return customClassError('storage', 'classes-damaged', { labels });
}
