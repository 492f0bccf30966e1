import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dequantizeHead,
  findTensor,
  HEAD,
  readQuantizedHead,
  readTflite,
  TfliteFormatError,
} from '../scripts/model/tflite';
import { sourcesDir, withHeadShape } from './model-helpers';

const tfliteBytes = new Uint8Array(readFileSync(join(sourcesDir, 'mobilenet_v2_0_5_96_quant.tflite')));
const model = readTflite(tfliteBytes);

describe('readTflite on mobilenet_v2_0_5_96_quant.tflite', () => {
  it('reads the schema version and the converter description', () => {
    expect(model.version).toBe(3);
    expect(model.description).toBe('TOCO Converted.');
  });

  it('finds the head weights by name: uint8 [1001,1,1,1280], scale 0.0018525003, zero point 99', () => {
    const weights = findTensor(model, HEAD.weights.name);
    expect(weights.type).toBe('uint8');
    expect(weights.shape).toEqual([1001, 1, 1, 1280]);
    expect(weights.scale).toHaveLength(1);
    expect(weights.scale[0]).toBeCloseTo(0.0018525003, 9);
    expect(weights.zeroPoint).toEqual([99]);
    expect(weights.data.length).toBe(1001 * 1280);
  });

  it('finds the head bias by name: int32 [1001], scale 4.3586508e-05, zero point 0', () => {
    const bias = findTensor(model, HEAD.bias.name);
    expect(bias.type).toBe('int32');
    expect(bias.shape).toEqual([1001]);
    expect(bias.scale[0]).toBeCloseTo(4.3586508e-5, 12);
    expect(bias.zeroPoint).toEqual([0]);
    expect(bias.data.length).toBe(1001 * 4);
  });

  it('gives tensor data as views into the file, not copies', () => {
    const weights = findTensor(model, HEAD.weights.name);
    expect(weights.data.buffer).toBe(tfliteBytes.buffer);
  });

  it('reports an unknown tensor name', () => {
    expect(() => findTensor(model, 'no/such/tensor')).toThrow('no tensor named no/such/tensor');
  });
});

describe('readTflite on other input', () => {
  it('rejects a buffer without the TFL3 identifier', () => {
    const json = new TextEncoder().encode('{"format": "graph-model", "modelTopology": {}}');
    expect(() => readTflite(json)).toThrow(TfliteFormatError);
    expect(() => readTflite(json)).toThrow(/not a TFLite model \(file identifier ".*", expected "TFL3"\)/);
  });

  it('rejects a buffer too short to be a flatbuffer', () => {
    expect(() => readTflite(new Uint8Array(3))).toThrow('not a TFLite model (3 bytes, too short for a flatbuffer)');
  });

  it('rejects a truncated model instead of reading past its end', () => {
    expect(() => readTflite(tfliteBytes.subarray(0, 100_000))).toThrow(/malformed TFLite model/);
  });
});

describe('dequantizeHead', () => {
  const head = dequantizeHead(model);
  const weights = findTensor(model, HEAD.weights.name);
  const bias = findTensor(model, HEAD.bias.name);

  it('returns weights (out, in) = (q - 99) * scale and bias = q * scale', () => {
    expect(head.weights).toHaveLength(1001 * 1280);
    expect(head.bias).toHaveLength(1001);
    for (const [o, i] of [
      [0, 0],
      [0, 1279],
      [500, 640],
      [1000, 1279],
    ] as const) {
      const q = weights.data[o * 1280 + i]!;
      expect(head.weights[o * 1280 + i]).toBeCloseTo((q - 99) * weights.scale[0]!, 7);
    }
    const q = new DataView(bias.data.buffer, bias.data.byteOffset).getInt32(4 * 7, true);
    expect(head.bias[7]).toBeCloseTo(q * bias.scale[0]!, 7);
  });

  it('uses the whole uint8 range the QAT layer learned, not a constant', () => {
    const distinct = new Set(weights.data);
    expect(distinct.size).toBeGreaterThan(200);
    expect(Math.max(...head.bias) - Math.min(...head.bias)).toBeGreaterThan(0.5);
  });

  it('checks the head it reads, naming the tensor and the wrong shape', () => {
    const patched = withHeadShape(tfliteBytes, 1279);
    expect(() => readQuantizedHead(readTflite(patched))).toThrow(
      `tensor ${HEAD.weights.name} has shape [1001,1,1,1279], expected [1001,1,1,1280]`,
    );
  });
});
