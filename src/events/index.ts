export type { MobilenetReadyDetail, MobilenetReadyEvent } from './mobilenet-ready';
export type { MobilenetResult, MobilenetResultDetail, MobilenetResultEvent, SourceKind } from './mobilenet-result';
export type { MobilenetErrorDetail, MobilenetErrorEvent, MobilenetErrorPhase } from './mobilenet-error';
export type {
  ClassesChangeReason,
  MobilenetClassesChangeDetail,
  MobilenetClassesChangeEvent,
} from './mobilenet-classes-change';
export type { MobilenetRegionChangeDetail, MobilenetRegionChangeEvent } from './mobilenet-region-change';
export type { MobilenetExplainDetail, MobilenetExplainEvent, MobilenetExplanation } from './mobilenet-explain';
export type { MobilenetBatchProgressDetail, MobilenetBatchProgressEvent } from './mobilenet-batch-progress';
export type { MobilenetBatchDoneDetail, MobilenetBatchDoneEvent, MobilenetBatchEntry } from './mobilenet-batch-done';

/** The name of each event the element fires. */
export type MobilenetEventName =
  | 'mobilenet-ready'
  | 'mobilenet-result'
  | 'mobilenet-error'
  | 'mobilenet-classes-change'
  | 'mobilenet-region-change'
  | 'mobilenet-explain'
  | 'mobilenet-batch-progress'
  | 'mobilenet-batch-done';

/**
 * Creates one of the element's events: bubbling and composed, so that it crosses shadow roots and
 * reaches listeners on the document.
 */
export function mobilenetEvent<K extends MobilenetEventName>(
  name: K,
  detail: GlobalEventHandlersEventMap[K]['detail'],
): GlobalEventHandlersEventMap[K] {
  return new CustomEvent(name, { detail, bubbles: true, composed: true }) as GlobalEventHandlersEventMap[K];
}
