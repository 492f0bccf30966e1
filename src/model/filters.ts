// Result filters, as MediaPipe's ImageClassifier options: a score threshold and an allow or deny list
// of classes. They are applied before the top-k is taken, so `topK: 3` with a filter still returns up
// to three predictions, all of them allowed.
import type { Label } from './types';

/** One entry of `includeClasses` / `excludeClasses`: a class index, or a label (`tabby`) or WordNet id (`n02123045`). */
export type ClassSelector = number | string;

/** The filter options that {@link resolveFilters} reads. */
export interface FilterOptions {
  minProbability?: number;
  includeClasses?: readonly ClassSelector[];
  excludeClasses?: readonly ClassSelector[];
}

/** Filters checked against one model's labels, ready for ranking. */
export interface ResolvedFilters {
  /** Predictions below this are dropped (0 keeps all). */
  minProbability: number;
  /** `allowed[i]` is 1 when class i may be returned; undefined when every class may. */
  allowed?: Uint8Array;
  /** How many classes are allowed. */
  allowedCount: number;
}

/**
 * Checks the filter options and turns the class lists into a mask over the model's classes.
 *
 * A label matches every class of that name, case-insensitively: ImageNet has a few names twice
 * ("crane" the bird and the machine), and a user asking for "crane" means both.
 *
 * @throws RangeError naming the bad option: a threshold outside [0, 1], both lists at once (as in
 *   MediaPipe, they exclude each other), an index out of range or a name no class has.
 */
export function resolveFilters(options: FilterOptions, labels: readonly Label[]): ResolvedFilters {
  const { minProbability = 0, includeClasses, excludeClasses } = options;
  if (typeof minProbability !== 'number' || !(minProbability >= 0 && minProbability <= 1)) {
    throw new RangeError(`minProbability must be a number from 0 to 1, got ${describe(minProbability)}.`);
  }
  if (includeClasses !== undefined && excludeClasses !== undefined) {
    throw new RangeError('includeClasses and excludeClasses cannot be used together: give one of them.');
  }
  const list = includeClasses ?? excludeClasses;
  // An empty list filters nothing, as in MediaPipe (a list bound to an empty field should not hide every class).
  if (list === undefined || (Array.isArray(list) && list.length === 0))
    return { minProbability, allowedCount: labels.length };

  const option = includeClasses !== undefined ? 'includeClasses' : 'excludeClasses';
  if (!Array.isArray(list)) {
    throw new RangeError(`${option} must be an array of class indices or labels, got ${describe(list)}.`);
  }
  const listed = new Uint8Array(labels.length);
  for (const selector of list) for (const index of matchingClasses(selector, labels, option)) listed[index] = 1;
  const allowed = includeClasses !== undefined ? listed : listed.map((flag) => 1 - flag);
  return { minProbability, allowed, allowedCount: allowed.reduce((sum, flag) => sum + flag, 0) };
}

function matchingClasses(selector: ClassSelector, labels: readonly Label[], option: string): number[] {
  if (typeof selector === 'number') {
    if (!Number.isInteger(selector) || selector < 0 || selector >= labels.length) {
      throw new RangeError(`${option}: ${selector} is not a class index (0–${labels.length - 1}).`);
    }
    return [selector];
  }
  if (typeof selector !== 'string') {
    throw new RangeError(`${option}: ${describe(selector)} is neither a class index nor a label.`);
  }
  const wanted = selector.trim().toLowerCase();
  const found = labels.filter((l) => l.label.toLowerCase() === wanted || l.wnid.toLowerCase() === wanted);
  if (found.length === 0) {
    throw new RangeError(
      `${option}: no class is named "${selector}". Use a label from labels.json (e.g. "${labels[labels.length - 1]?.label}"), a WordNet id or an index.`,
    );
  }
  return found.map((l) => l.index);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}
