import { CustomClassError } from './errors';
import type { CustomClass } from './types';

/** Classes one element keeps. */
export const MAX_CLASSES = 50;
/**
 * Examples one element keeps, all classes together: 2000 × 1280 float32 is 10 MB in memory and in
 * IndexedDB, and about 14 MB as an export file.
 */
export const MAX_EXAMPLES = 2000;
/** Longest class name, in characters. */
export const MAX_LABEL_LENGTH = 100;

/**
 * A class name as it will be kept: trimmed, with runs of white space made one space.
 *
 * @throws CustomClassError when it is empty or too long.
 */
export function normaliseLabel(label: unknown): string {
  if (typeof label !== 'string') throw new CustomClassError('label', `A class name must be text, got ${typeof label}.`);
  const clean = label.trim().replace(/\s+/g, ' ');
  if (!clean) throw new CustomClassError('label', 'A class needs a name: type one, e.g. "my mug".');
  if (clean.length > MAX_LABEL_LENGTH) {
    throw new CustomClassError(
      'label',
      `The class name "${clean.slice(0, 20)}…" is ${clean.length} characters long; use at most ${MAX_LABEL_LENGTH}.`,
    );
  }
  return clean;
}

/** @throws CustomClassError when the classes hold more than the limits allow. */
export function checkLimits(classes: readonly CustomClass[]): void {
  if (classes.length > MAX_CLASSES) {
    throw new CustomClassError(
      'limit',
      `${classes.length} classes is more than the ${MAX_CLASSES} one element keeps: delete some first.`,
    );
  }
  const total = classes.reduce((sum, c) => sum + c.examples.length, 0);
  if (total > MAX_EXAMPLES) {
    throw new CustomClassError(
      'limit',
      `${total} examples is more than the ${MAX_EXAMPLES} one element keeps: delete some first.`,
    );
  }
}
