// Exposes the core to Playwright tests, which drive it with page.evaluate.
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import * as core from '../src/model';
import { toModelInput } from '../src/model/preprocess';
import { fetchBlob } from './fetch-blob';

const harness = {
  tf,
  core,
  loadGraphModel,
  toModelInput,
  /** Fetches a file as a Blob (test images are routed from ../shared by the fixture). */
  blob: fetchBlob,
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}

window.harness = harness;
document.body.dataset.ready = 'true';
