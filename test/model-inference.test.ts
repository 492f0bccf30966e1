import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../scripts/model/build-model';
import { dequantizeHead, readTflite, type DequantizedHead } from '../scripts/model/tflite';
import { directoryHandler, sourcesDir, tempDir } from './model-helpers';

const BATCH = 2;

let root: string;
let built: GraphModel;
let builtF16: GraphModel;
let unfused: GraphModel;
let source: GraphModel;
let head: DequantizedHead;
let input: tf.Tensor4D;

/** Deterministic pseudo-random pixels in [0, 1]: the same input on every run. */
function randomImages(batch: number): tf.Tensor4D {
  let state = 42;
  const values = new Float32Array(batch * 96 * 96 * 3);
  for (let i = 0; i < values.length; i++) {
    state = (state * 1664525 + 1013904223) >>> 0;
    values[i] = state / 2 ** 32;
  }
  return tf.tensor4d(values, [batch, 96, 96, 3]);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

async function run(model: GraphModel, outputs: string[]): Promise<Float32Array[]> {
  // execute() returns a bare tensor, not an array, when asked for a single output.
  const result = ([] as tf.Tensor[]).concat(model.execute(input, outputs));
  const data = await Promise.all(result.map((t) => t.data() as Promise<Float32Array>));
  tf.dispose(result);
  return data;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  root = await tempDir('infer');
  await buildModel({ sources: sourcesDir, out: join(root, 'f32'), backbone: 'float32' });
  await buildModel({ sources: sourcesDir, out: join(root, 'f16'), backbone: 'float16' });
  await buildModel({ sources: sourcesDir, out: join(root, 'original'), backbone: 'float32', graph: 'original' });
  built = await loadGraphModel(directoryHandler(join(root, 'f32')));
  builtF16 = await loadGraphModel(directoryHandler(join(root, 'f16')));
  unfused = await loadGraphModel(directoryHandler(join(root, 'original')));
  source = await loadGraphModel(directoryHandler(join(sourcesDir, 'feature-vector')));
  head = dequantizeHead(readTflite(new Uint8Array(readFileSync(join(sourcesDir, 'mobilenet_v2_0_5_96_quant.tflite')))));
  input = randomImages(BATCH);
});

afterAll(async () => {
  input?.dispose();
  built?.dispose();
  builtF16?.dispose();
  unfused?.dispose();
  source?.dispose();
  await rm(root, { recursive: true, force: true });
});

describe('the built model under tf.js', () => {
  it('exposes images as input and logits, feature_vector as outputs, with the metadata', () => {
    expect(built.inputs.map((t) => t.name)).toEqual(['images']);
    expect(built.outputs.map((t) => t.name).sort()).toEqual(['feature_vector', 'logits']);
    expect(built.metadata).toMatchObject({ modelId: 'mobilenet_v2_050_96-fv3+qat-head', backbone: 'float32' });
  });

  it('computes feature_vector exactly as the untouched source feature-vector model', async () => {
    const [features] = await run(built, ['feature_vector']);
    const [reference] = await run(source, ['module_apply_default/hub_output/feature_vector/SpatialSqueeze']);
    expect(features).toHaveLength(BATCH * 1280);
    expect(maxAbsDiff(features!, reference!)).toBeLessThan(1e-5);
    // A constant or all-zero feature vector would pass the comparison above for a broken graph.
    expect(Math.max(...features!) - Math.min(...features!)).toBeGreaterThan(0.1);
  });

  it('computes the same logits and features with fused nodes as with the original graph', async () => {
    const [logits, features] = await run(built, ['logits', 'feature_vector']);
    const [logitsUnfused, featuresUnfused] = await run(unfused, ['logits', 'feature_vector']);
    expect(maxAbsDiff(features!, featuresUnfused!)).toBeLessThan(1e-5);
    expect(maxAbsDiff(logits!, logitsUnfused!)).toBeLessThan(1e-4);
    expect(Math.max(...logits!) - Math.min(...logits!)).toBeGreaterThan(1);
  });

  it('computes logits = feature_vector · Wᵀ + b with the tflite head', async () => {
    const [logits, features] = await run(built, ['logits', 'feature_vector']);
    const expected = new Float32Array(BATCH * 1001);
    for (let n = 0; n < BATCH; n++) {
      for (let o = 0; o < 1001; o++) {
        let sum = head.bias[o]!;
        for (let i = 0; i < 1280; i++) sum += features![n * 1280 + i]! * head.weights[o * 1280 + i]!;
        expected[n * 1001 + o] = sum;
      }
    }
    expect(maxAbsDiff(logits!, expected)).toBeLessThan(1e-3);
    expect(Math.max(...logits!) - Math.min(...logits!)).toBeGreaterThan(1);
  });

  it('gives nearly the same logits with the float16 backbone', async () => {
    const [logits32] = await run(built, ['logits']);
    const [logits16] = await run(builtF16, ['logits']);
    const range = Math.max(...logits32!) - Math.min(...logits32!);
    expect(maxAbsDiff(logits16!, logits32!) / range).toBeLessThan(0.02);
    for (let n = 0; n < BATCH; n++) {
      const argmax = (x: Float32Array) =>
        x.subarray(n * 1001, (n + 1) * 1001).reduce((best, v, i, a) => (v > a[best]! ? i : best), 0);
      expect(argmax(logits16!)).toBe(argmax(logits32!));
    }
  });
});
