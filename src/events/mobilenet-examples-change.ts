/** What changed the user's classes. `load`: they were read from the browser's storage for this model. */
export type ExamplesChangeReason = 'load' | 'add' | 'rename' | 'remove' | 'clear' | 'import' | 'undo' | 'forget';

/** Detail of `mobilenet-examples-change`: the classes as they are now. */
export interface MobilenetExamplesChangeDetail {
  reason: ExamplesChangeReason;
  /** Every class, in the order they were added, with its number of examples. */
  classes: { label: string; examples: number }[];
  /** Whether the classes are kept in this browser (IndexedDB); false when only in memory. */
  persisted: boolean;
}

export type MobilenetExamplesChangeEvent = CustomEvent<MobilenetExamplesChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'mobilenet-examples-change': MobilenetExamplesChangeEvent;
  }
}
