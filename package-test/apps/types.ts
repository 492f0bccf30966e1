// Type-checked against the installed package (package-test/package.spec.ts) under moduleResolution
// bundler and nodenext: every line below must type-check only if the package's types resolve.
import { loadClassifier, MobilenetClassifier, type MobilenetResultEvent } from 'mobilenet-classifier';
import 'mobilenet-classifier/define';

const el = document.createElement('mobilenet-classifier');
const typed: MobilenetClassifier = el;
const topK: number = typed.topK;
// @ts-expect-error top-k is a number: this fails if the element's type is missing or `any`.
el.topK = 'three';
// The event map augmentation: without it `event` is a plain Event and has no `detail`.
el.addEventListener('mobilenet-result', (event) => {
  const typedEvent: MobilenetResultEvent = event;
  const label: string = typedEvent.detail.result.predictions[0].label;
  console.log(event.detail.result.source.kind, label, topK);
});
const classifier = await loadClassifier({ backend: 'wasm' });
const vector: Float32Array = await classifier.embed(new ImageData(96, 96));
console.log(vector.length);
