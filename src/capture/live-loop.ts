import type { ReactiveController, ReactiveControllerHost } from 'lit';

type VideoWithFrameCallback = HTMLVideoElement & {
  requestVideoFrameCallback?: (callback: (now: number) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/**
 * Classifies the frames of a video continuously, within three rules:
 * - inferences never overlap: a frame that arrives while one is running is skipped;
 * - no more than `maxFps` a second;
 * - nothing runs while the tab is hidden or the host is off-screen.
 *
 * Frames are taken with `requestVideoFrameCallback` where it exists (one call per new frame, none
 * for repeats), otherwise `requestAnimationFrame`.
 */
export class LiveLoop implements ReactiveController {
  maxFps = 15;
  /** Frames handed to `tick` since the loop started. */
  framesRun = 0;
  /** Frames skipped because the previous inference was still running. */
  framesSkippedBusy = 0;

  private video?: VideoWithFrameCallback;
  private handle = 0;
  private busy = false;
  private onScreen = true;
  private lastRun = Number.NEGATIVE_INFINITY;
  private observer?: IntersectionObserver;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly tick: () => Promise<void>,
  ) {
    host.addController(this);
  }

  get running(): boolean {
    return this.video !== undefined;
  }

  hostConnected(): void {
    this.observer = new IntersectionObserver(([entry]) => {
      this.onScreen = entry?.isIntersecting ?? true;
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.stop();
    this.observer?.disconnect();
    this.observer = undefined;
  }

  start(video: HTMLVideoElement): void {
    if (this.video === video) return;
    this.stop();
    this.video = video;
    this.framesRun = 0;
    this.framesSkippedBusy = 0;
    this.schedule();
  }

  stop(): void {
    const video = this.video;
    this.video = undefined;
    if (!video) return;
    if (video.cancelVideoFrameCallback) video.cancelVideoFrameCallback(this.handle);
    else cancelAnimationFrame(this.handle);
  }

  private schedule(): void {
    const video = this.video;
    if (!video) return;
    this.handle = video.requestVideoFrameCallback
      ? video.requestVideoFrameCallback((now) => this.onFrame(now))
      : requestAnimationFrame((now) => this.onFrame(now));
  }

  private onFrame(now: number): void {
    if (!this.video) return;
    this.schedule();
    if (document.visibilityState === 'hidden' || !this.onScreen) return;
    if (this.busy) {
      this.framesSkippedBusy++;
      return;
    }
    // A little slack: frames arrive on a fixed clock, and 30 fps frames are 33.3 ms apart, not 33.4.
    if (now - this.lastRun < 1000 / this.maxFps - 2) return;
    this.lastRun = now;
    this.busy = true;
    this.framesRun++;
    void this.tick().finally(() => {
      this.busy = false;
    });
  }
}
