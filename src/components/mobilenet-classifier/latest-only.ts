/**
 * Runs a task so that runs never overlap and only the newest request counts: a request made while a
 * run is under way waits for it to end, and any number of such requests make one more run. Dragging
 * the region asks for a classification at every pointer move; this keeps the model one run behind
 * the pointer at most, never queueing stale work.
 */
export class LatestOnly {
  private running?: Promise<void>;
  private again = false;

  constructor(private readonly task: () => Promise<unknown>) {}

  /** Asks for a run; resolves when the run that covers this request has ended. */
  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.task().catch(() => {});
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Whether a run is under way. */
  get busy(): boolean {
    return this.running !== undefined;
  }
}
