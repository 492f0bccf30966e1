import type { CustomPrediction } from '../custom';
import type { ClassifyResult } from '../model';

/** Where a classified picture came from. */
export type SourceKind = 'upload' | 'drop' | 'paste' | 'src' | 'camera' | 'method';

/** What `<mobilenet-classifier>` resolves `classify()` with and sends in `mobilenet-result`. */
export interface MobilenetResult extends Omit<ClassifyResult, 'pixels'> {
  /** Where the picture came from, and its name when it has one (file name or URL). */
  source: { kind: SourceKind; name?: string };
  /**
   * The user's own classes, most likely first, each with its confidence: present when `mode` is
   * `custom` or `both` (empty until a class has examples). `predictions` always holds the ImageNet
   * top-k, whatever the mode.
   */
  custom?: CustomPrediction[];
}

/** Detail of `mobilenet-result`. */
export interface MobilenetResultDetail {
  result: MobilenetResult;
}

export type MobilenetResultEvent = CustomEvent<MobilenetResultDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'mobilenet-result': MobilenetResultEvent;
  }
}
