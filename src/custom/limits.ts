import { customClassError } from './messages';
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
 * @param position the class's 1-based position in an export file, when it is read from one (named in the message).
 * @throws CustomClassError when it is empty or too long.
 */
export function normaliseLabel(label: unknown, position?: number): string {
  const where = position === undefined ? {} : { position };
  if (typeof label !== 'string') throw customClassError('label', 'label-not-text', { ...where, type: typeof label });
  const clean = label.trim().replace(/\s+/g, ' ');
  if (!clean) throw customClassError('label', 'label-empty', where);
  if (clean.length > MAX_LABEL_LENGTH) {
    throw customClassError('label', 'label-too-long', {
      ...where,
      start: clean.slice(0, 20),
      length: clean.length,
      max: MAX_LABEL_LENGTH,
    });
  }
  return clean;
}

/**
 * @param inFile the classes are an export file's: the error's reason is then `too-large`, not `limit`.
 * @throws CustomClassError when the classes hold more than the limits allow.
 */
export function checkLimits(classes: readonly CustomClass[], inFile = false): void {
  const reason = inFile ? 'too-large' : 'limit';
  const where = inFile ? { inFile } : {};
  if (classes.length > MAX_CLASSES) {
    throw customClassError(reason, 'too-many-classes', { ...where, count: classes.length, max: MAX_CLASSES });
  }
  const total = classes.reduce((sum, c) => sum + c.examples.length, 0);
  if (total > MAX_EXAMPLES) {
    throw customClassError(reason, 'too-many-examples', { ...where, count: total, max: MAX_EXAMPLES });
  }
}
