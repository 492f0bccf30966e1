/** In live mode the screen reader hears at most one new top label this often. */
export const LIVE_ANNOUNCE_INTERVAL_MS = 4000;

/**
 * Decides which results a screen reader hears. A single picture is always announced. Live frames are
 * announced only when the top label changed and {@link LIVE_ANNOUNCE_INTERVAL_MS} has passed since the
 * last announcement, so that 15 results a second do not drown every other sound.
 */
export class AnnounceThrottle {
  private last = { at: Number.NEGATIVE_INFINITY, label: '' };

  constructor(private readonly interval = LIVE_ANNOUNCE_INTERVAL_MS) {}

  /** Whether to announce `label` now; when it says yes, `label` becomes the last one announced. */
  admit(label: string, live: boolean, now = performance.now()): boolean {
    if (live && (label === this.last.label || now - this.last.at < this.interval)) return false;
    this.last = { at: now, label };
    return true;
  }
}
