// Type-checked against the installed package (package-test/package.spec.ts) under moduleResolution
// bundler and nodenext: every line below must type-check only if the package's types resolve.
import { loadClassifier, MobilenetClassifier, type MobilenetResultEvent } from 'mobilenet-classifier';
import 'mobilenet-classifier/define';

const el = document.createElement('mobilenet-classifier');
const typed: MobilenetClassifier = el;
const topK: number = typed.topK;
// @ts-expect-error top-k is a number: this fails if the element's type is missing or `any`.
el.topK = 'three';
el.addEventListener('mobilenet-result', (event: MobilenetResultEvent) => {
  const label: string = event.detail.result.predictions[0].label;
  console.log(label, topK);
});
const classifier = await loadClassifier({ backend: 'wasm' });
const vector: Float32Array = await classifier.embed(new ImageData(96, 96));
console.log(vector.length);
