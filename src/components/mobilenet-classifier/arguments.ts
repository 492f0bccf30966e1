// The checks of what the element's public methods are given: a value of the wrong type is refused at the
// door with a ClassifierError of phase `input` naming what was given and what is accepted, before any
// work starts, so the element stays as it was.
import { ACCEPTED_INPUTS, checkInput, ClassifierError, describeValue } from '../../model';
import type { MobilenetSource } from './mobilenet-classifier.component';

/** What the element's classify(), embed() and addExample() take, for messages. */
export const ACCEPTED_SOURCES = `${ACCEPTED_INPUTS}, or an image URL`;

/** @throws ClassifierError unless `source` is a picture or a non-empty URL. */
export function checkSource(source: unknown, method: string): asserts source is MobilenetSource {
  if (typeof source === 'string') {
    if (!source.trim())
      throw new ClassifierError('input', `${method} was given an empty URL: give ${ACCEPTED_SOURCES}.`);
    return;
  }
  try {
    checkInput(source, ACCEPTED_SOURCES);
  } catch (error) {
    const message = (error as Error).message.replace(/^Cannot classify/, `${method} cannot use`);
    throw new ClassifierError('input', message, { cause: error });
  }
}

/** @throws ClassifierError unless `value` is a string (a class name). */
export function checkText(value: unknown, method: string, what: string): asserts value is string {
  if (typeof value !== 'string')
    throw new ClassifierError(
      'input',
      `${method} was given ${describeValue(value)} as ${what}: give its name as text.`,
    );
}

/** @throws ClassifierError unless `value` is an export file's text or its parsed JSON object. */
export function checkClassesFile(value: unknown, method: string): asserts value is string | object {
  if (typeof value !== 'string' && !isPlainObject(value))
    throw new ClassifierError(
      'input',
      `${method} was given ${describeValue(value)}: give an export file's text, or its parsed JSON object.`,
    );
}

/** @throws ClassifierError unless `options` is undefined or an object whose `signal`, if any, is an AbortSignal. */
export function checkOptions(options: unknown, method: string): asserts options is { signal?: AbortSignal } {
  if (options === undefined) return;
  if (!isPlainObject(options))
    throw new ClassifierError('input', `${method} was given ${describeValue(options)} as options: give an object.`);
  const { signal } = options as { signal?: unknown };
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw new ClassifierError(
      'input',
      `${method} was given ${describeValue(signal)} as options.signal: give an AbortSignal.`,
    );
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value));
}
