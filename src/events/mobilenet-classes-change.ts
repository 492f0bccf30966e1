/**
 * What changed the user's classes. `load`: they were read from the browser's storage for this model.
 * `sync`: another element or tab with the same `classes-key` changed them.
 */
export type ClassesChangeReason =
  'load' | 'add' | 'rename' | 'remove' | 'clear' | 'import' | 'undo' | 'forget' | 'sync';

/** Detail of `mobilenet-classes-change`: the classes as they are now. */
export interface MobilenetClassesChangeDetail {
  reason: ClassesChangeReason;
  /** Every class, in the order they were added, with its number of examples. */
  classes: { label: string; examples: number }[];
  /**
   * Whether this change is kept in this browser: true only once it has been written to IndexedDB (the
   * event comes after the write); false when the classes are only in memory.
   */
  persisted: boolean;
}

export type MobilenetClassesChangeEvent = CustomEvent<MobilenetClassesChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'mobilenet-classes-change': MobilenetClassesChangeEvent;
  }
}
