// Tells every element that keeps classes under the same examples key and model, in this page and in the
// browser's other tabs, that the stored classes changed, so that it reads them again. Same-page
// subscribers are called directly; other tabs hear it through a BroadcastChannel (where there is none,
// tabs simply do not hear each other, and each still merges its own changes into what is stored).

/** Which stored set changed; `undefined` key and hash: everything was forgotten. */
export interface SetChanged {
  key?: string;
  contentHash?: string;
}

export type SetChangedListener = (change: SetChanged) => void;

export const SYNC_CHANNEL = 'mobilenet-classifier-examples';

export class ClassesSync {
  private readonly listeners = new Set<SetChangedListener>();
  private channel?: BroadcastChannel;

  constructor(private readonly name = SYNC_CHANNEL) {}

  /** Calls `listener` for every change announced by another subscriber or tab. Returns the unsubscribe. */
  subscribe(listener: SetChangedListener): () => void {
    this.listeners.add(listener);
    this.open();
    return () => {
      this.listeners.delete(listener);
      if (!this.listeners.size) this.close();
    };
  }

  /** Announces a committed change to everyone but `from`. */
  announce(change: SetChanged, from?: SetChangedListener): void {
    for (const listener of this.listeners) if (listener !== from) listener(change);
    this.open();
    this.channel?.postMessage(change);
  }

  private open(): void {
    if (this.channel || typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(this.name);
    this.channel.onmessage = (event: MessageEvent<SetChanged>) => {
      for (const listener of this.listeners) listener(event.data);
    };
  }

  private close(): void {
    this.channel?.close();
    this.channel = undefined;
  }
}
