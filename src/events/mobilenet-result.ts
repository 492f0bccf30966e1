import type { CustomPrediction } from '../custom';
import type { ClassifyResult } from '../model';

/** Where a classified picture came from. */
export type SourceKind = 'upload' | 'drop' | 'paste' | 'src' | 'camera' | 'method';

/**
 * What `<mobilenet-classifier>` resolves `classify()` with and sends in `mobilenet-result`: the core's
 * result without `pixels`. The element already shows the 96×96 crop the model saw (part `crop`), and a
 * result is sent for every live frame, so carrying 36 KB of pixels in each would only give listeners
 * copies to keep alive. Whoever needs the pixels calls the core's `classify()`, whose result has them.
 */
export interface MobilenetResult extends Omit<ClassifyResult, 'pixels'> {
  /** Where the picture came from, and its name when it has one (file name or URL). */
  source: { kind: SourceKind; name?: string };
  /**
   * The user's own classes, most likely first, each with its probability: present when `mode` is
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
