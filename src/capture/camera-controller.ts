import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type FacingMode = 'user' | 'environment';

/** A camera failure, with a message that says what to do next. */
export class CameraError extends Error {
  override readonly name = 'CameraError';
}

/**
 * Owns the camera: one MediaStream and the muted, inline <video> that shows it.
 * Every track is stopped on {@link stop}, when the stream is replaced, and when the host leaves the page.
 */
export class CameraController implements ReactiveController {
  /** The preview. Rendered by the host; never mirrored here (mirroring is a CSS matter of the preview). */
  readonly video: HTMLVideoElement;
  /** Video inputs known after permission was granted (labels are empty before that). */
  devices: MediaDeviceInfo[] = [];
  /** Id of the camera in use. */
  deviceId = '';
  state: 'off' | 'starting' | 'on' = 'off';

  private stream?: MediaStream;
  /** Bumped by every start and stop, so that a getUserMedia that resolves late is not kept. */
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Called when the stream ends on its own, e.g. the camera was unplugged. */
    private readonly onEnded: () => void,
  ) {
    host.addController(this);
    this.video = document.createElement('video');
    // muted + playsinline: iOS only autoplays inline video that has no sound.
    this.video.muted = true;
    this.video.playsInline = true;
    this.video.setAttribute('playsinline', '');
    this.video.setAttribute('part', 'video');
    this.video.setAttribute('aria-label', 'Camera preview');
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
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
      throw new CameraError(
        'The camera needs a secure page (https or localhost) in a browser that supports it. Use Upload instead.',
      );
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
      throw new CameraError(cameraMessage(error), { cause: error });
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
      this.onEnded();
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

  private releaseStream(): void {
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = undefined;
    this.video.srcObject = null;
  }
}

function cameraMessage(error: unknown): string {
  switch ((error as { name?: string } | null)?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera permission denied. Use Upload instead, or allow the camera in the site settings.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found. Connect one and try again, or use Upload instead.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is busy or blocked: close other apps or tabs that use it, then try again.';
    default:
      return `The camera could not start (${(error as Error)?.message ?? String(error)}). Use Upload instead.`;
  }
}
