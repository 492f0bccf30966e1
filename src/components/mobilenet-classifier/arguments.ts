// The checks of what the element's public methods are given: a value of the wrong type is refused at the
// door with a ClassifierError of phase `input` naming what was given and what is accepted, before any
// work starts, so the element stays as it was.
import { ACCEPTED_INPUTS, checkInput, ClassifierError, classifierError, describeValue } from '../../model';
import type { MobilenetSource } from './mobilenet-classifier.component';

/** What the element's classify(), embed() and addExample() take, for messages. */
export const ACCEPTED_SOURCES = `${ACCEPTED_INPUTS}, or an image URL`;

/** @throws ClassifierError unless `source` is a picture or a non-empty URL. */
export function checkSource(source: unknown, method: string): asserts source is MobilenetSource {
  if (typeof source === 'string') {
    if (!source.trim()) throw classifierError('input', 'method-empty-url', { method, accepted: ACCEPTED_SOURCES });
    return;
  }
  try {
    checkInput(source, ACCEPTED_SOURCES);
  } catch (error) {
    // The core's refusal, said as this method's.
    const { code, values } = error as ClassifierError;
    if (code === 'input-wrong-type' || code === 'input-closed-bitmap' || code === 'input-detached-canvas')
      throw classifierError('input', code, { ...(values as { given: string; accepted: string }), method }, error);
    throw error;
  }
}

/** @throws ClassifierError unless `value` is a string (a class name). */
export function checkText(
  value: unknown,
  method: string,
  what: 'name' | 'rename-from' | 'rename-to',
): asserts value is string {
  if (typeof value !== 'string')
    throw classifierError('input', 'method-not-text', { method, given: describeValue(value), what });
}

/** @throws ClassifierError unless `value` is an export file's text or its parsed JSON object. */
export function checkClassesFile(value: unknown, method: string): asserts value is string | object {
  if (typeof value !== 'string' && !isPlainObject(value))
    throw classifierError('input', 'method-not-classes-file', { method, given: describeValue(value) });
}

/** @throws ClassifierError unless `options` is undefined or an object whose `signal`, if any, is an AbortSignal. */
export function checkOptions(options: unknown, method: string): asserts options is { signal?: AbortSignal } {
  if (options === undefined) return;
  if (!isPlainObject(options))
    throw classifierError('input', 'method-options', { method, given: describeValue(options) });
  const { signal } = options as { signal?: unknown };
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw classifierError('input', 'method-signal', { method, given: describeValue(signal) });
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value));
}

/** @throws ClassifierError unless `format` is one of `formats`. */
export function checkFormat<T extends string>(
  format: unknown,
  formats: readonly T[],
  method: string,
): asserts format is T {
  if (!formats.includes(format as T))
    throw classifierError('input', 'method-format', { method, given: describeValue(format), accepted: formats });
}
