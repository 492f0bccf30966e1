import type { Explanation, PictureArea } from '../model';

/**
 * What `<mobilenet-classifier>` resolves `explain()` with and sends in `mobilenet-explain`: the core's
 * explanation without `pixels` (the element shows them, part `crop`), with the area that matters most.
 */
export interface MobilenetExplanation extends Omit<Explanation, 'pixels'> {
  /** The third of the picture, across and down, whose cells matter most; undefined when none supports the class. */
  area?: PictureArea;
}

/** Detail of `mobilenet-explain`. */
export interface MobilenetExplainDetail {
  explanation: MobilenetExplanation;
}

export type MobilenetExplainEvent = CustomEvent<MobilenetExplainDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'mobilenet-explain': MobilenetExplainEvent;
  }
}
