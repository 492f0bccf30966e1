import { readFileSync, statSync, unlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel, splitShards } from '../scripts/model/build-model';
import { FEATURE_NODE } from '../scripts/model/sources';
import { findTensor, HEAD, readTflite } from '../scripts/model/tflite';
import { readModelJson, sourcesDir, tempDir, type ModelJson } from './model-helpers';

const tflite = readTflite(new Uint8Array(readFileSync(join(sourcesDir, 'mobilenet_v2_0_5_96_quant.tflite'))));
const headWeights = findTensor(tflite, HEAD.weights.name);
const headBias = findTensor(tflite, HEAD.bias.name);
const sourceModel = readModelJson(join(sourcesDir, 'feature-vector'));

let root: string;
let f32Dir: string;
let f16Dir: string;
let originalDir: string;
let f32: ModelJson;
let original: ModelJson;
let f16: ModelJson;

beforeAll(async () => {
  root = await tempDir('build');
  f32Dir = join(root, 'f32');
  f16Dir = join(root, 'f16');
  originalDir = join(root, 'original');
  await buildModel({ sources: sourcesDir, out: f32Dir, backbone: 'float32' });
  await buildModel({ sources: sourcesDir, out: f16Dir, backbone: 'float16' });
  await buildModel({ sources: sourcesDir, out: originalDir, backbone: 'float32', graph: 'original' });
  f32 = readModelJson(f32Dir);
  original = readModelJson(originalDir);
  f16 = readModelJson(f16Dir);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Byte offset of a weight inside the concatenated shards, from the manifest alone. */
function weightOffset(model: ModelJson, name: string): number {
  const bytesPer = (w: ModelJson['weightsManifest'][0]['weights'][0]) =>
    w.quantization ? { uint8: 1, uint16: 2, float16: 2 }[w.quantization.dtype]! : 4;
  let offset = 0;
  for (const w of model.weightsManifest[0]!.weights) {
    if (w.name === name) return offset;
    offset += w.shape.reduce((a, b) => a * b, 1) * bytesPer(w);
  }
  throw new Error(`manifest has no weight ${name}`);
}

function shardBytes(dir: string, model: ModelJson): Buffer {
  return Buffer.concat(model.weightsManifest[0]!.paths.map((p) => readFileSync(join(dir, p))));
}

describe('built model.json', () => {
  it("keeps every source node untouched and in order with graph: 'original'", () => {
    const nodes = original.modelTopology.node;
    expect(nodes.slice(0, sourceModel.modelTopology.node.length)).toEqual(sourceModel.modelTopology.node);
    expect(nodes.find((n) => n.name === 'images')?.op).toBe('Placeholder');
  });

  it('fuses each depthwise conv + bias + Relu6 into one node and leaves every other source node as it was', () => {
    const source = sourceModel.modelTopology.node;
    const fused = f32.modelTopology.node.filter((n) => n.op === 'FusedDepthwiseConv2dNative');
    const depthwise = source.filter((n) => n.op === 'DepthwiseConv2dNative');
    expect(depthwise.length).toBe(17);
    expect(fused.length).toBe(depthwise.length);
    expect(f32.modelTopology.node.some((n) => n.op === 'DepthwiseConv2dNative')).toBe(false);

    const byName = new Map(source.map((n) => [n.name, n]));
    const gone = new Set<string>();
    for (const node of fused) {
      // Named after the chain's Relu6, so its consumers are unchanged; inputs are x, filter, bias.
      const relu = byName.get(node.name)!;
      const bias = byName.get(relu.input![0]!)!;
      const conv = byName.get(bias.input![0]!)!;
      expect([relu.op, bias.op, conv.op]).toEqual(['Relu6', 'BiasAdd', 'DepthwiseConv2dNative']);
      expect(node.input).toEqual([...conv.input!, bias.input![1]]);
      expect(node.attr).toEqual({
        ...conv.attr,
        num_args: { i: '1' },
        fused_ops: { list: { s: [btoa('BiasAdd'), btoa('Relu6')] } },
      });
      gone.add(conv.name).add(bias.name);
    }
    // Every other node is the source's, in the source's order, with each fused node where its Relu6 was.
    const fusedByName = new Map(fused.map((n) => [n.name, n]));
    const expected = source.filter((n) => !gone.has(n.name)).map((n) => fusedByName.get(n.name) ?? n);
    expect(f32.modelTopology.node.slice(0, expected.length)).toEqual(expected);
    expect(f32.modelTopology.node.length).toBe(expected.length + 4);
  });

  it('appends feature_vector, head/weights, head/bias and logits as one fused MatMul + BiasAdd', () => {
    const added = f32.modelTopology.node.slice(-4);
    expect(added.map((n) => [n.name, n.op])).toEqual([
      ['feature_vector', 'Identity'],
      ['head/weights', 'Const'],
      ['head/bias', 'Const'],
      ['logits', '_FusedMatMul'],
    ]);
    const byName = Object.fromEntries(added.map((n) => [n.name, n]));
    expect(byName['feature_vector']!.input).toEqual([FEATURE_NODE]);
    expect(byName['logits']!.input).toEqual([FEATURE_NODE, 'head/weights', 'head/bias']);
    expect(byName['logits']!.attr).toEqual({
      transpose_a: { b: false },
      transpose_b: { b: false },
      T: { type: 'DT_FLOAT' },
      num_args: { i: '1' },
      fused_ops: { list: { s: [btoa('BiasAdd')] } },
      epsilon: { f: 0 },
    });
    expect(byName['head/weights']!.attr).toEqual({
      dtype: { type: 'DT_FLOAT' },
      value: { tensor: { dtype: 'DT_FLOAT', tensorShape: { dim: [{ size: '1280' }, { size: '1001' }] } } },
    });
  });

  it('declares the images input and the logits and feature_vector outputs in its signature', () => {
    const dims = (t: { tensorShape: { dim: { size: string }[] } }) => t.tensorShape.dim.map((d) => d.size);
    expect(f32.signature!.inputs['images']!.name).toBe('images:0');
    expect(dims(f32.signature!.inputs['images']!)).toEqual(['-1', '96', '96', '3']);
    expect(f32.signature!.outputs['logits']!.name).toBe('logits:0');
    expect(dims(f32.signature!.outputs['logits']!)).toEqual(['-1', '1001']);
    expect(f32.signature!.outputs['feature_vector']!.name).toBe('feature_vector:0');
    expect(dims(f32.signature!.outputs['feature_vector']!)).toEqual(['-1', '1280']);
  });

  it('carries metadata naming the model, its labels and a content hash that differs per backbone', () => {
    const meta = f32.userDefinedMetadata!;
    expect(meta).toMatchObject({
      modelId: 'mobilenet_v2_050_96-fv3+qat-head',
      inputSize: 96,
      inputRange: [0, 1],
      numClasses: 1001,
      featureSize: 1280,
      labels: 'labels.json',
      backbone: 'float32',
    });
    expect(meta['contentHash']).toMatch(/^[0-9a-f]{64}$/);
    expect(f16.userDefinedMetadata!['backbone']).toBe('float16');
    expect(f16.userDefinedMetadata!['contentHash']).not.toBe(meta['contentHash']);
    expect(f32.convertedBy).toBe('mobilenet-classifier scripts/model/build.ts');
    expect(f32.format).toBe('graph-model');
  });
});

describe('built weights', () => {
  it('lists the backbone weights as float32 in source order, then the uint8 head and float32 bias', () => {
    expect(f32.weightsManifest).toHaveLength(1);
    const weights = f32.weightsManifest[0]!.weights;
    const source = sourceModel.weightsManifest[0]!.weights;
    expect(weights.slice(0, source.length).map((w) => [w.name, w.shape, w.dtype, w.quantization])).toEqual(
      source.map((w) => [w.name, w.shape, 'float32', undefined]),
    );
    const [head, bias] = weights.slice(source.length);
    expect(head).toMatchObject({ name: 'head/weights', shape: [1280, 1001], dtype: 'float32' });
    expect(head!.quantization!.dtype).toBe('uint8');
    expect(head!.quantization!.scale).toBe(headWeights.scale[0]);
    expect(head!.quantization!.min).toBeCloseTo(-99 * headWeights.scale[0]!, 12);
    expect(bias).toEqual({ name: 'head/bias', shape: [1001], dtype: 'float32' });
  });

  it('writes exactly the bytes the manifest requires, in shards named groupNshardIofN', () => {
    const paths = f32.weightsManifest[0]!.paths;
    paths.forEach((p, i) => expect(p).toBe(`group1-shard${i + 1}of${paths.length}.bin`));
    const required = weightOffset(f32, 'head/bias') + 1001 * 4;
    expect(shardBytes(f32Dir, f32).length).toBe(required);
    expect(required).toBe(2_713_640 + 1280 * 1001 + 1001 * 4);
  });

  it('copies the backbone bytes verbatim in the float32 build', () => {
    const source = readFileSync(join(sourcesDir, 'feature-vector/group1-shard1of1.bin'));
    expect(shardBytes(f32Dir, f32).subarray(0, source.length).equals(source)).toBe(true);
  });

  it('stores the head weights transposed to (in, out) with the tflite uint8 values unchanged', () => {
    const bytes = shardBytes(f32Dir, f32);
    const start = weightOffset(f32, 'head/weights');
    const samples = [
      [0, 0],
      [0, 1279],
      [1, 0],
      [17, 333],
      [500, 640],
      [1000, 0],
      [1000, 1279],
    ];
    for (const [o, i] of samples as [number, number][]) {
      expect(bytes[start + i * 1001 + o], `head (out ${o}, in ${i})`).toBe(headWeights.data[o * 1280 + i]);
    }
  });

  it('stores the bias dequantized as q * scale', () => {
    const bytes = shardBytes(f32Dir, f32);
    const start = weightOffset(f32, 'head/bias');
    const stored = new Float32Array(bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + start + 4004));
    const q = new DataView(headBias.data.buffer, headBias.data.byteOffset, headBias.data.byteLength);
    for (const o of [0, 1, 500, 1000]) {
      expect(stored[o]).toBeCloseTo(q.getInt32(o * 4, true) * headBias.scale[0]!, 7);
    }
  });

  it('stores the float16 backbone as half precision at half the bytes, the head unchanged', () => {
    const weights = f16.weightsManifest[0]!.weights;
    const backbone = weights.slice(0, -2);
    expect(backbone.every((w) => w.dtype === 'float32' && w.quantization?.dtype === 'float16')).toBe(true);
    expect(weights.slice(-2)).toEqual(f32.weightsManifest[0]!.weights.slice(-2));
    const f16Backbone = weightOffset(f16, 'head/weights');
    expect(f16Backbone).toBe(2_713_640 / 2);
    expect(shardBytes(f16Dir, f16).length).toBe(f16Backbone + 1280 * 1001 + 1001 * 4);
  });
});

describe('built labels.json and MODEL_CARD.md', () => {
  it('lists 1001 classes with background first and tench/n01440764 second', () => {
    const labels = JSON.parse(readFileSync(join(f32Dir, 'labels.json'), 'utf8')) as unknown[];
    expect(labels).toHaveLength(1001);
    expect(labels[0]).toEqual({ index: 0, wnid: 'background', label: 'background', fullName: 'background' });
    expect(labels[1]).toEqual({ index: 1, wnid: 'n01440764', label: 'tench', fullName: 'tench, Tinca tinca' });
    expect(labels[1000]).toMatchObject({ index: 1000, label: 'toilet tissue' });
  });

  it('documents both sources, the license, the accuracy and this build’s precision', () => {
    const card = readFileSync(join(f32Dir, 'MODEL_CARD.md'), 'utf8');
    expect(card).toContain('google/imagenet/mobilenet_v2_050_96/feature_vector/3');
    expect(card).toContain('quantized_v2_96_50');
    expect(card).toContain('MobilenetV2/Logits/Conv2d_1c_1x1');
    expect(card).toContain('Apache-2.0');
    expect(card).toContain('64.2%');
    expect(card).toContain('bcf203e2c23b494fd264bd58017c980cb77a934b467dedbf39122a121fa0c35a');
    expect(card).toContain(String(f32.userDefinedMetadata!['contentHash']));
    expect(card).toMatch(/Backbone precision of this build:\*\* float32/);
    expect(card).toContain('fused into one `FusedDepthwiseConv2dNative` node');
    expect(readFileSync(join(originalDir, 'MODEL_CARD.md'), 'utf8')).toContain('Its graph nodes are kept unchanged.');
    expect(readFileSync(join(f16Dir, 'MODEL_CARD.md'), 'utf8')).toMatch(
      /Backbone precision of this build:\*\* float16/,
    );
  });

  it('records the stamp, options, source hashes and output sizes in build.json', () => {
    const record = JSON.parse(readFileSync(join(f32Dir, 'build.json'), 'utf8'));
    expect(record.stamp).toMatch(/^[0-9a-f]{64}$/);
    expect(record.options).toEqual({ backbone: 'float32', graph: 'fused' });
    expect(record.sources.tflite).toBe('bcf203e2c23b494fd264bd58017c980cb77a934b467dedbf39122a121fa0c35a');
    for (const [name, size] of Object.entries(record.outputs)) {
      expect(statSync(join(f32Dir, name)).size, name).toBe(size);
    }
    expect(Object.keys(record.outputs).sort()).toEqual(
      ['MODEL_CARD.md', 'group1-shard1of1.bin', 'labels.json', 'model.json'].sort(),
    );
  });
});

describe('--if-stale', () => {
  it('skips an up-to-date output and rebuilds when the options change or a file is gone', async () => {
    const out = join(root, 'stale');
    const first = await buildModel({ sources: sourcesDir, out, backbone: 'float32', ifStale: true });
    expect(first.skipped).toBe(false);
    const mtime = statSync(join(out, 'model.json')).mtimeMs;

    const second = await buildModel({ sources: sourcesDir, out, backbone: 'float32', ifStale: true });
    expect(second.skipped).toBe(true);
    expect(second.stamp).toBe(first.stamp);
    expect(statSync(join(out, 'model.json')).mtimeMs).toBe(mtime);

    const changed = await buildModel({ sources: sourcesDir, out, backbone: 'float16', ifStale: true });
    expect(changed.skipped).toBe(false);
    expect(changed.stamp).not.toBe(first.stamp);
    expect(readModelJson(out).userDefinedMetadata!['backbone']).toBe('float16');

    unlinkSync(join(out, 'labels.json'));
    const repaired = await buildModel({ sources: sourcesDir, out, backbone: 'float16', ifStale: true });
    expect(repaired.skipped).toBe(false);
    expect(statSync(join(out, 'labels.json')).size).toBeGreaterThan(0);
  });

  it('rebuilds without --if-stale even when the output is up to date', async () => {
    const result = await buildModel({ sources: sourcesDir, out: f32Dir, backbone: 'float32' });
    expect(result.skipped).toBe(false);
  });
});

describe('splitShards', () => {
  it('cuts at the size limit and keeps every byte in order', () => {
    const bytes = Uint8Array.from({ length: 10 }, (_, i) => i);
    const shards = splitShards(bytes, 4);
    expect(shards.map((s) => [...s])).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect(splitShards(bytes, 10)).toHaveLength(1);
  });
});
