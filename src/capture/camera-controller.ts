import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cameraError, cameraStartError, type CameraError } from './camera-errors';

export { CameraError, cameraError, type CameraErrorCode, type CameraErrorValues } from './camera-errors';

export type FacingMode = 'user' | 'environment';

/** What the camera needs from its host. */
export interface CameraHost {
  /** Whether the host wants the camera on (the element's `camera` property). */
  wanted(): boolean;
  /** Changes that wish; the host's next update calls {@link CameraController.switchOn} or `switchOff`. */
  setWanted(on: boolean): void;
  facingMode(): FacingMode;
  /** The camera runs: a camera error shown earlier can go. */
  started(): void;
  /**
   * The camera could not start, or stopped on its own (code `camera-stopped`); `retry` turns it on
   * again (the host words the button: "Try again", or "Turn camera on" after a stop).
   */
  failed(error: CameraError, retry: () => void): void;
}

/**
 * Owns the camera: one MediaStream and the muted, inline <video> that shows it. Every track is stopped
 * on {@link stop}, when the stream is replaced, when the tab is hidden, and when the host leaves the page.
 *
 * It also recovers: a hidden tab gets its camera back when shown again, a moved element when it is
 * reconnected, and a camera lost for want of a device (unplugged, or none found) comes back on when a
 * new one is plugged in.
 */
export class CameraController implements ReactiveController {
  /** The preview. Rendered by the host; never mirrored here (mirroring is a CSS matter of the preview). */
  readonly video: HTMLVideoElement;
  /** Video inputs known after permission was granted (labels are empty before that). */
  devices: MediaDeviceInfo[] = [];
  /** Id of the camera in use. */
  deviceId = '';
  state: 'off' | 'starting' | 'on' = 'off';

  /** The latest start by {@link switchOn}, settled once the camera runs or has failed (and said why). */
  starting: Promise<void> = Promise.resolve();

  private stream?: MediaStream;
  /** Bumped by every start and stop, so that a getUserMedia that resolves late is not kept. */
  private generation = 0;
  private connectedBefore = false;
  /** The camera failed for want of a device: it comes back on when one is plugged in. */
  private awaitingDevice = false;
  /** The cameras present when the camera was lost (see handleDeviceChange). */
  private camerasWhenLost?: Promise<string[]>;
  private readonly onVisibilityChange = () => this.handleVisibilityChange();
  private readonly onDeviceChange = () => void this.handleDeviceChange();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly owner: CameraHost,
  ) {
    host.addController(this);
    this.video = document.createElement('video');
    // muted + playsinline: iOS only autoplays inline video that has no sound.
    this.video.muted = true;
    this.video.playsInline = true;
    this.video.setAttribute('playsinline', '');
    this.video.setAttribute('part', 'video');
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    navigator.mediaDevices?.addEventListener?.('devicechange', this.onDeviceChange);
    // A camera element moved in the page was stopped on disconnect: it comes back on.
    if (this.connectedBefore && this.owner.wanted()) void this.switchOn();
    this.connectedBefore = true;
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    navigator.mediaDevices?.removeEventListener?.('devicechange', this.onDeviceChange);
    this.stop();
  }

  /**
   * Turns the camera on for the host (facing mode from the host), and reports a failure to it, which
   * also sets the host's wish back to off. See {@link starting}.
   */
  switchOn(): Promise<void> {
    this.starting = this.start({ facingMode: this.owner.facingMode() })
      .then(() => {
        if (this.state === 'on') this.awaitingDevice = false;
        this.owner.started();
        // The camera may have been switched off while permission was pending.
        if (!this.owner.wanted()) this.stop();
      })
      .catch((error: CameraError) => {
        this.owner.setWanted(false);
        const cause = error.cause;
        this.awaitingDevice = cause instanceof DOMException && cause.name === 'NotFoundError';
        if (this.awaitingDevice) this.camerasWhenLost = listCameras();
        this.owner.failed(error, () => this.owner.setWanted(true));
      });
    return this.starting;
  }

  /** Turns the camera off because the user did; a camera plugged in later does not switch on by itself. */
  switchOff(): void {
    this.awaitingDevice = false;
    this.stop();
  }

  /** The user moved on from a lost camera (e.g. uploaded a picture): a camera plugged in later stays off. */
  forgetLoss(): void {
    this.awaitingDevice = false;
  }

  /** Switches to the camera the user picked. */
  select(deviceId: string): void {
    void this.start({ deviceId }).catch((error: CameraError) => this.owner.failed(error, () => this.select(deviceId)));
  }

  /**
   * Starts the camera, or switches to another one.
   *
   * @throws CameraError with a message for the user when the camera cannot start.
   */
  async start(options: { deviceId?: string; facingMode?: FacingMode } = {}): Promise<void> {
    const generation = ++this.generation;
    this.releaseStream();
    this.state = 'starting';
    this.host.requestUpdate();
    if (!navigator.mediaDevices?.getUserMedia) {
      this.state = 'off';
      throw cameraError('camera-insecure', {});
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: options.deviceId
          ? { deviceId: { exact: options.deviceId } }
          : { facingMode: options.facingMode ?? 'user' },
      });
    } catch (error) {
      if (generation === this.generation) {
        this.state = 'off';
        this.host.requestUpdate();
      }
      throw cameraStartError(error);
    }
    if (generation !== this.generation) {
      // stop() or another start() came while we waited for permission.
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    this.stream = stream;
    const [track] = stream.getVideoTracks();
    this.deviceId = track?.getSettings().deviceId ?? '';
    track?.addEventListener('ended', () => {
      if (this.stream !== stream) return;
      this.stop();
      this.handleEnded();
    });
    this.video.srcObject = stream;
    this.state = 'on';
    this.host.requestUpdate();
    await this.video.play().catch(() => {
      // Autoplay of a muted inline video is allowed everywhere we support; a refusal only delays the preview.
    });
    this.devices = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    this.host.requestUpdate();
  }

  /** Stops every track and detaches the preview. Safe to call at any time. */
  stop(): void {
    this.generation++;
    this.releaseStream();
    if (this.state !== 'off') {
      this.state = 'off';
      this.host.requestUpdate();
    }
  }

  /** The stream ended on its own: the camera was unplugged or taken by another app. */
  private handleEnded(): void {
    this.owner.setWanted(false);
    this.awaitingDevice = true;
    this.camerasWhenLost = listCameras();
    this.owner.failed(cameraError('camera-stopped', {}), () => this.owner.setWanted(true));
  }

  /** A hidden tab holds no camera: its light goes off and other apps can use it. The wish stays, so it comes back with the tab. */
  private handleVisibilityChange(): void {
    if (!this.owner.wanted()) return;
    if (document.visibilityState === 'hidden') this.stop();
    else if (this.state === 'off') void this.switchOn();
  }

  /**
   * A media device changed: turn the camera back on if it was lost for want of one and a camera that
   * was not there when it was lost has appeared, in a visible tab. A camera that stayed (a laptop's own,
   * after its USB camera was pulled out) does not switch on by itself.
   */
  private async handleDeviceChange(): Promise<void> {
    if (!this.awaitingDevice || this.owner.wanted() || document.visibilityState !== 'visible') return;
    const [before, now] = await Promise.all([this.camerasWhenLost ?? Promise.resolve([]), listCameras()]);
    if (!this.awaitingDevice || this.owner.wanted()) return;
    if (now.some((camera) => !before.includes(camera))) this.owner.setWanted(true);
    // The unplug's own devicechange may come after the track ended: what is left is the new baseline.
    else this.camerasWhenLost = Promise.resolve(now);
  }

  private releaseStream(): void {
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = undefined;
    this.video.srcObject = null;
  }
}

/** The ids of the cameras present now; without camera permission ids are empty, so their positions stand in. */
async function listCameras(): Promise<string[]> {
  const devices = (await navigator.mediaDevices?.enumerateDevices?.().catch(() => [])) ?? [];
  return devices.filter((device) => device.kind === 'videoinput').map((device, i) => device.deviceId || `#${i}`);
}
