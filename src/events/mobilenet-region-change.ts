import type { Region } from '../model';

/** Detail of `mobilenet-region-change`: the square the model now sees, as `<mobilenet-classifier>.region` holds it. */
export interface MobilenetRegionChangeDetail {
  region: Region;
}

export type MobilenetRegionChangeEvent = CustomEvent<MobilenetRegionChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'mobilenet-region-change': MobilenetRegionChangeEvent;
  }
}
