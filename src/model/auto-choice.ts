// What `backend: 'auto'` chose, remembered per browser: readable without tf.js (src/model/auto-backend.ts
// measures and writes it).
import type { Backend } from './types';

/** What `backend: 'auto'` measured and chose, remembered per browser in localStorage. */
export interface AutoBackendChoice {
  backend: Backend;
  /** Median milliseconds per inference of each backend that could start. */
  medians: Partial<Record<Backend, number>>;
  /** The browser it was measured in: an update measures again. */
  userAgent: string;
}

export const AUTO_BACKEND_STORAGE_KEY = 'mobilenet-classifier:auto-backend';

/** The remembered choice, if it was made in this browser. */
export function readChoice(): AutoBackendChoice | undefined {
  try {
    const choice = JSON.parse(localStorage.getItem(AUTO_BACKEND_STORAGE_KEY) ?? 'null') as AutoBackendChoice | null;
    return choice?.userAgent === navigator.userAgent ? choice : undefined;
  } catch {
    return undefined;
  }
}

export function writeChoice(choice: AutoBackendChoice): void {
  try {
    localStorage.setItem(AUTO_BACKEND_STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // No storage (private mode, workers): measure again next time.
  }
}
