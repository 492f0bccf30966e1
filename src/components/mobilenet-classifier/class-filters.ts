// The element's result filters (min-probability, include-classes, exclude-classes) as the core's
// options, checked against the loaded model: an entry no class has is left out with one warning, and
// both lists at once (which exclude each other, as in MediaPipe) give neither, with one warning, so
// that a bad attribute never turns every classification into an error.
import { resolveFilters, type ClassSelector, type FilterOptions } from '../../model/filters';
import type { Label } from '../../model/types';

/** The filter settings of the element. */
export interface FilterSettings {
  minProbability: number;
  includeClasses: readonly ClassSelector[];
  excludeClasses: readonly ClassSelector[];
}

/** Turns the element's filter settings into the core's options, warning once about each problem. */
export class ClassFilters {
  private readonly warned = new Set<string>();

  constructor(private readonly warn: (message: string) => void = (message) => console.warn(message)) {}

  options(settings: FilterSettings, labels: readonly Label[]): FilterOptions {
    const { minProbability, includeClasses, excludeClasses } = settings;
    if (includeClasses.length && excludeClasses.length) {
      this.once(
        '<mobilenet-classifier>: include-classes and exclude-classes cannot be used together; neither is applied. Remove one.',
      );
      return { minProbability };
    }
    const option = includeClasses.length ? 'includeClasses' : 'excludeClasses';
    const attribute = includeClasses.length ? 'include-classes' : 'exclude-classes';
    const known = (includeClasses.length ? includeClasses : excludeClasses).filter((selector) => {
      try {
        resolveFilters({ [option]: [selector] }, labels);
        return true;
      } catch (error) {
        this.once(`<mobilenet-classifier ${attribute}>: ${(error as Error).message} It is left out.`);
        return false;
      }
    });
    // Every entry of an allow list was unknown: allowing nothing would hide every class, so none is filtered.
    if (!known.length) return { minProbability };
    return { minProbability, [option]: known };
  }

  private once(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warn(message);
  }
}
