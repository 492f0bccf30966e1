import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { mobilenetEvent } from '../../events';
import {
  classifierError,
  defaultModelUrl,
  isAbortError,
  leaseClassifier,
  type Backend,
  type Classifier,
  type ClassifierLease,
  type LoadProgress,
} from '../../model';

/** Where a load stands, as `@lit/task` names it: not started, under way, done, or failed. */
export type ModelStatus = 'initial' | 'pending' | 'complete' | 'error';

/** What the element does when the model changes. */
export interface ModelEvents {
  /** A new load started: whatever belonged to the previous model goes. */
  started(): void;
  /** The model is loaded and warm (`mobilenet-ready` is fired next). */
  loaded(classifier: Classifier): void;
  /** The current load failed; it stays failed until {@link ModelController.load} or {@link ModelController.retry}. */
  failed(error: unknown): void;
}

/**
 * Owns the element's lease on a shared classifier (see `leaseClassifier`): loading it, its progress,
 * `ready`, and a retry. The lease is released when the host leaves the page, and the next connection
 * loads again.
 */
export class ModelController implements ReactiveController {
  status: ModelStatus = 'initial';
  progress?: LoadProgress;
  /** The loaded classifier, while {@link status} is `complete`. */
  classifier?: Classifier;
  /** Why the current model is not available, once its load failed or was refused. */
  failure?: unknown;

  private lease?: ClassifierLease;
  private last?: { modelUrl?: string; backend: Backend | 'auto' };
  private readyPromise!: Promise<void>;
  private settleReady?: { resolve: () => void; reject: (error: unknown) => void };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly events: ModelEvents,
  ) {
    host.addController(this);
    this.resetReady();
  }

  /** Settles when the current model is loaded and warm; rejects once its load has failed (see the element's `ready`). */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  /** Whether a load was started (or refused) since the host was connected: a failure is not retried on every update. */
  get requested(): boolean {
    return this.lease !== undefined || this.failure !== undefined;
  }

  hostConnected(): void {
    // The model loads in the host's update once connected; a reconnected element needs an update for that.
    if (!this.requested) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.release();
    this.failure = undefined;
  }

  /** Loads the model at `modelUrl` (default: the packaged one) on `backend`, replacing the current one. */
  load(modelUrl: string | undefined, backend: Backend | 'auto'): void {
    this.last = { modelUrl, backend };
    this.failure = undefined;
    this.release();
    this.classifier = undefined;
    this.progress = undefined;
    this.status = 'pending';
    // `ready` waits for this model, not the previous one.
    if (!this.settleReady) this.resetReady();
    this.events.started();
    let url: URL;
    try {
      url = modelUrl ? new URL(modelUrl, document.baseURI) : defaultModelUrl();
    } catch {
      // Like an invalid value of any other attribute: the default, and a warning.
      url = defaultModelUrl();
      console.warn(`<mobilenet-classifier model-url="${modelUrl}">: not a URL; using the default model, ${url}.`);
    }
    const lease = leaseClassifier(url, backend, (progress) => {
      if (this.lease !== lease) return;
      this.progress = progress;
      this.host.requestUpdate();
    });
    this.lease = lease;
    const started = performance.now();
    this.host.requestUpdate();
    lease.classifier.then(
      (classifier) => {
        if (this.lease !== lease) return;
        this.classifier = classifier;
        this.status = 'complete';
        this.events.loaded(classifier);
        this.settleReady?.resolve();
        this.settleReady = undefined;
        this.host.requestUpdate();
        this.host.dispatchEvent(
          mobilenetEvent('mobilenet-ready', { backend: classifier.backend, loadMs: performance.now() - started }),
        );
      },
      (error: unknown) => {
        if (this.lease !== lease || isAbortError(error)) return;
        this.failure = error;
        this.status = 'error';
        this.events.failed(error);
        // `ready` stays rejected, however late it is read, until a new load starts.
        this.settleReady?.reject(error);
        this.settleReady = undefined;
        this.host.requestUpdate();
      },
    );
  }

  /** Loads the last model again, after a failure. */
  retry(): void {
    this.load(this.last?.modelUrl, this.last?.backend ?? 'webgl');
  }

  /** The classifier of the current model, waiting for it while it loads; rejects with why there is none. */
  async current(): Promise<Classifier> {
    // Connected but not yet updated (e.g. classify() right after appendChild): the first update starts the load.
    if (!this.requested && this.host.isConnected) await this.host.updateComplete;
    for (;;) {
      const lease = this.lease;
      if (!lease) {
        throw this.failure ?? classifierError('load', 'not-on-page', {});
      }
      const classifier = await lease.classifier;
      if (lease === this.lease) return classifier;
      // model-url changed while we waited: use the new model.
    }
  }

  private release(): void {
    this.lease?.release();
    this.lease = undefined;
  }

  private resetReady(): void {
    this.readyPromise = new Promise<void>((resolve, reject) => {
      this.settleReady = { resolve, reject };
    });
    // Nobody may be waiting on `ready`; its failure is shown and fired anyway.
    this.readyPromise.catch(() => {});
  }
}
