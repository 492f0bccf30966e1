// How the element's controllers are connected. Each owns one resource; data flows one way: a picture
// comes from the input or the camera, goes through the classify pipeline to the result state, and from
// there to the templates and \`mobilenet-result\`. No controller reaches into another: each gets the
// callbacks below, and every one reports errors and announcements to Notices. The element's willUpdate and
// updated hand their changed properties to propertiesChanging and propertiesChanged here.
import { CameraController } from '../../capture/camera-controller';
import { LiveLoop } from '../../capture/live-loop';
import { BatchController } from './batch.controller';
import { ClassifyController } from './classify.controller';
import { CustomClassesController } from './custom-classes.controller';
import { Localizer } from '../../i18n';
import { isAbortError } from '../../model';
import { setChangedError } from './errors';
import { ExplainController } from './explain.controller';
import { InputController, type MobilenetSource } from './input.controller';
import { LabelsController } from './labels.controller';
import type { PropertyValues } from 'lit';
import type { MobilenetClassifier } from './mobilenet-classifier.component';
import { ModelController } from './model.controller';
import { Notices, type Retry } from './notices';
import { RegionController } from './region.controller';
import { TeachPanelController } from './teach-panel.controller';

export type ElementControllers = ReturnType<typeof connectControllers>;

/** Properties whose change shows its effect on the picture already on screen. */
const RECLASSIFY_ON = [
  'topK',
  'crop',
  'features',
  'mode',
  'minProbability',
  'includeClasses',
  'excludeClasses',
] as const satisfies readonly (keyof MobilenetClassifier)[];

/** Builds the controllers of one element, wired to each other and to the element's properties. */
export function connectControllers(host: MobilenetClassifier) {
  // First, so that its language is resolved before the other controllers' updates word anything.
  const l = new Localizer(host);
  const t = l.t;
  const notices = new Notices(host, l);
  const model = new ModelController(host, {
    started: () => {
      teach.setModel(undefined);
      labels.load(host.labelsUrl, undefined);
      notices.clearError('load');
    },
    loaded: (classifier) => {
      labels.load(host.labelsUrl, classifier.labels);
      teach.setModel(classifier.metadata, host.classesKey);
    },
    failed: (error) => {
      teach.modelFailed();
      notices.showError(error, { phase: 'load', retry: retryLoad });
    },
  });
  const labels = new LabelsController({
    changed: () => {
      batchList.relabel((index) => labels.label(index) ?? model.classifier?.labels[index]?.label);
      void pipeline.refresh();
    },
    loading: (previousFailure) => notices.withdraw(previousFailure),
    // It stays up while results come: every one of them shows the English names.
    failed: (error) => notices.showError(error, { phase: 'load', lasting: true }),
  });
  const cameraControl = new CameraController(host, {
    wanted: () => host.camera,
    setWanted: (on) => (host.camera = on),
    facingMode: () => host.facingMode,
    started: () => notices.clearError('camera'),
    failed: (error, retry) =>
      notices.showError(error, {
        phase: 'camera',
        retry: { label: () => (error.code === 'camera-stopped' ? t.turnCameraOn() : t.tryAgain()), run: retry },
      }),
  });
  const pipeline: ClassifyController = new ClassifyController(host, notices, {
    t,
    classifier: () => model.current(),
    modelLoading: () => model.status === 'pending',
    settings: () => ({
      ...{ topK: host.topK, crop: host.crop, features: host.features, mode: host.mode },
      ...{
        minProbability: host.minProbability,
        includeClasses: host.includeClasses,
        excludeClasses: host.excludeClasses,
      },
      region: host.region,
    }),
    picture: (source, read, region) => regionUi.prepare(source, read, region),
    customPredictions: async (features) => (await teach.whenLoaded(), teach.predict(features)),
    customShown: (features, predictions) => teach.show(features, predictions),
    cameraRunning: () => cameraControl.state === 'on',
    translatedLabels: async () => (await labels.settled(), (index) => labels.label(index)),
    picturesGiven: () => cameraControl.forgetLoss(),
    // Without a model, keep offering the load's Retry.
    failed: (error) => notices.showError(error, { retry: model.status === 'error' ? retryLoad : undefined }),
  });
  const input = new InputController(host, {
    // One picture is shown; several go to the results list.
    received: (pictures) => {
      if (pictures.length > 1)
        void batchList.start(
          pictures.map(({ source, origin }) => ({ file: source as File, name: origin.name })),
          pictures[0]!.origin.kind,
        );
      else {
        batchList.clear();
        void pipeline.runAll(pictures);
      }
    },
    folderDropped: (entries) => void batchList.startFolder(entries, 'drop'),
    refused: (error) => notices.showError(error),
  });
  const liveLoop = new LiveLoop(host, () => pipeline.frame(cameraControl.video, true));
  const teach = new CustomClassesController(host, {
    embed: (source) => host.embed(source),
    cameraVideo: () => (cameraControl.state === 'on' ? cameraControl.video : undefined),
    t,
    l,
    showError: (error) => notices.showError(error),
    clearCustomError: () => notices.clearError('custom'),
    announce: (text) => notices.announce(text),
    adoptThreshold: (minSimilarity) => (host.minSimilarity = minSimilarity),
  });
  const panel = new TeachPanelController(host, teach);
  const batchList = new BatchController(host, {
    t,
    started: () => pipeline.batchStarted(),
    classify: (files, kind, signal) => pipeline.runBatch(files, kind, signal),
    show: ({ file, name }, kind) => void pipeline.run(file, { kind, name }).catch(() => {}),
    showError: (error) => error !== model.failure && notices.showError(error),
    messageOf: (error) => l.error(error),
    announce: (text) => notices.announce(text),
    exportContext: () => ({ model: model.classifier?.metadata.modelId as string | undefined }),
  });
  const regionUi: RegionController = new RegionController(host, {
    region: () => host.region,
    setRegion: (region) => (host.region = region),
    video: () => (cameraControl.state === 'on' ? cameraControl.video : undefined),
    mirrored: () => host.mirror,
    reclassify: () => pipeline.refresh(),
  });
  const explainer = new ExplainController(host, {
    t,
    classifier: () => model.current(),
    labelOf: (index) => labels.label(index),
    enabled: () => host.explain,
    shown: () => pipeline.shown(host.camera),
    live: () => liveLoop.running,
    announce: (text) => notices.announce(text),
    failed: (error) => notices.showError(error),
  });
  const retryLoad: Retry = { label: () => t.retry(), run: () => model.retry() };

  /** The element's willUpdate: starts what its new property values ask for, in time for this render. */
  function propertiesChanging(changed: PropertyValues<MobilenetClassifier>): void {
    if (host.isConnected && (!model.requested || changed.has('modelUrl') || changed.has('backend')))
      model.load(host.modelUrl, host.backend);
    if (changed.has('classesKey') && model.classifier) teach.setModel(model.classifier.metadata, host.classesKey);
    if (changed.has('labelsUrl') && model.classifier) labels.load(host.labelsUrl, model.classifier.labels);
    // The panel shows the stored classes: load them once custom classes are on screen.
    if (host.mode === 'custom' || host.mode === 'both') teach.want();
    teach.setThreshold(host.minSimilarity);
    liveLoop.maxFps = host.maxFps;
    // Here rather than in updated(): the camera's state change asks for a render, which belongs in this one.
    if (changed.has('camera') || (host.camera && changed.has('facingMode'))) {
      if (host.camera) {
        if (changed.has('camera')) pipeline.cameraTurnedOn();
        void cameraControl.switchOn();
      } else {
        pipeline.cameraTurnedOff();
        cameraControl.stop();
      }
    }
  }

  /** The element's updated: the live loop, and the picture on screen reclassified under new options. */
  function propertiesChanged(changed: PropertyValues<MobilenetClassifier>): void {
    if (host.live && host.camera && cameraControl.state === 'on') liveLoop.start(cameraControl.video);
    else liveLoop.stop();
    cameraControl.video.classList.toggle('mirror', host.mirror);
    cameraControl.video.setAttribute('aria-label', t.cameraPreview());
    const optionsChanged = RECLASSIFY_ON.some((key) => changed.has(key) && changed.get(key) !== undefined);
    if (optionsChanged && !liveLoop.running) void pipeline.refresh();
    if (changed.has('region') && !liveLoop.running) void regionUi.reclassify();
    if (changed.has('src') && host.src) void pipeline.run(host.src, { kind: 'src', name: host.src }).catch(() => {});
  }

  /**
   * Runs a custom-classes method once the model and its classes are loaded; shows what fails. `check`
   * refuses arguments of the wrong type first, whatever the state of the model.
   */
  async function customAction<T>(work: () => Promise<T>, check?: () => void): Promise<T> {
    try {
      check?.();
      await model.current();
      await teach.whenLoaded();
      return await work();
    } catch (error) {
      // A failed model load is shown already.
      if (error !== model.failure && !isAbortError(error)) notices.showError(error);
      throw error;
    }
  }

  /**
   * Teaches `label` one example, as customAction. It belongs to the classes key and model of the call,
   * read before anything is awaited: if either changes while the model loads or the picture is read,
   * it is refused rather than added to another set.
   */
  function addExample(label: string, source: MobilenetSource, check: () => void): Promise<number> {
    const asked = { key: host.classesKey, modelUrl: host.modelUrl };
    return customAction(async () => {
      const set = teach.set;
      const vector = await host.embed(source);
      if (host.classesKey !== asked.key || host.modelUrl !== asked.modelUrl) throw setChangedError(label);
      return teach.add(label, [vector], set);
    }, check);
  }

  return {
    l,
    notices,
    model,
    cameraControl,
    pipeline,
    input,
    liveLoop,
    teach,
    panel,
    batchList,
    regionUi,
    explainer,
    labels,
    retryLoad,
    customAction,
    addExample,
    propertiesChanging,
    propertiesChanged,
  };
}
