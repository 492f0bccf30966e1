/**
 * A minimal, read-only TFLite flatbuffer reader: just enough of the schema to find tensors by name
 * and read their quantized data.
 *
 * Field ids follow TensorFlow's `tensorflow/lite/schema/schema.fbs` (a field with id n lives in
 * vtable slot 4 + 2n). Only the fields read here are listed.
 */
import { ByteBuffer } from 'flatbuffers';

/** Thrown when a buffer is not a TFLite model or does not hold what the caller asked for. */
export class TfliteFormatError extends Error {
  override name = 'TfliteFormatError';
}

const ModelFields = { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4 } as const;
const SubGraphFields = { tensors: 0 } as const;
const TensorFields = { shape: 0, type: 1, buffer: 2, name: 3, quantization: 4 } as const;
const QuantizationFields = { min: 0, max: 1, scale: 2, zeroPoint: 3 } as const;
const BufferFields = { data: 0 } as const;

/** `TensorType` enum values from schema.fbs. */
const TENSOR_TYPES: Record<number, string> = {
  0: 'float32',
  1: 'float16',
  2: 'int32',
  3: 'uint8',
  4: 'int64',
  5: 'string',
  6: 'bool',
  7: 'int16',
  8: 'complex64',
  9: 'int8',
  10: 'float64',
};

/** One tensor of a TFLite model's main subgraph. */
export interface TfliteTensor {
  /** Tensor name, e.g. `MobilenetV2/Logits/Conv2d_1c_1x1/Conv2D_bias`. */
  name: string;
  /** Dimensions, outermost first. */
  shape: number[];
  /** Element type, e.g. `uint8`, `int32`, `float32`; `type<n>` for an enum value not listed here. */
  type: string;
  /** The raw little-endian bytes of a constant tensor (a view into the model), empty for activations. */
  data: Uint8Array;
  /** Quantization scales: one for per-tensor quantization, one per channel otherwise, none if float. */
  scale: number[];
  /** Quantization zero points, parallel to `scale`. */
  zeroPoint: number[];
}

/** The parts of a TFLite model this reader understands. */
export interface TfliteModel {
  /** Schema version (3 for every model the current schema can read). */
  version: number;
  /** The converter's description string, e.g. `TOCO Converted.` */
  description: string;
  /** Tensors of subgraph 0, the model's main graph. */
  tensors: TfliteTensor[];
}

/**
 * Parses a `.tflite` flatbuffer.
 *
 * @param bytes - the whole file
 * @returns version, description and the main subgraph's tensors; tensor data are views into `bytes`
 * @throws {@link TfliteFormatError} if the buffer lacks the `TFL3` identifier or is malformed
 * @example
 * const model = readTflite(new Uint8Array(readFileSync('model.tflite')));
 * findTensor(model, 'MobilenetV2/Logits/Conv2d_1c_1x1/Conv2D_bias').shape; // [1001]
 */
export function readTflite(bytes: Uint8Array): TfliteModel {
  if (bytes.length < 8) {
    throw new TfliteFormatError(`not a TFLite model (${bytes.length} bytes, too short for a flatbuffer)`);
  }
  const reader = new Reader(bytes);
  if (!reader.bb.__has_identifier('TFL3')) {
    const found = String.fromCharCode(...bytes.subarray(4, 8)).replace(/[^\x20-\x7e]/g, '?');
    throw new TfliteFormatError(`not a TFLite model (file identifier "${found}", expected "TFL3")`);
  }
  const model = reader.root();

  const buffers = reader.tables(model, ModelFields.buffers).map((buffer) => reader.bytes(buffer, BufferFields.data));
  const subgraphs = reader.tables(model, ModelFields.subgraphs);
  if (subgraphs.length === 0) throw new TfliteFormatError('malformed TFLite model: no subgraphs');

  const tensors = reader.tables(subgraphs[0]!, SubGraphFields.tensors).map((tensor, index): TfliteTensor => {
    const bufferIndex = reader.uint32(tensor, TensorFields.buffer);
    const data = buffers[bufferIndex];
    if (data === undefined) {
      throw new TfliteFormatError(
        `malformed TFLite model: tensor ${index} refers to buffer ${bufferIndex} of ${buffers.length}`,
      );
    }
    const quantization = reader.table(tensor, TensorFields.quantization);
    const typeCode = reader.int8(tensor, TensorFields.type);
    return {
      name: reader.string(tensor, TensorFields.name),
      shape: reader.int32s(tensor, TensorFields.shape),
      type: TENSOR_TYPES[typeCode] ?? `type${typeCode}`,
      data,
      scale: quantization === null ? [] : reader.float32s(quantization, QuantizationFields.scale),
      zeroPoint: quantization === null ? [] : reader.int64s(quantization, QuantizationFields.zeroPoint),
    };
  });

  return {
    version: reader.uint32(model, ModelFields.version),
    description: reader.string(model, ModelFields.description),
    tensors,
  };
}

/**
 * Finds a tensor by its exact name.
 *
 * @param model - a model from {@link readTflite}
 * @param name - the tensor name
 * @returns the tensor
 * @throws {@link TfliteFormatError} if no tensor has that name
 */
export function findTensor(model: TfliteModel, name: string): TfliteTensor {
  const tensor = model.tensors.find((t) => t.name === name);
  if (tensor === undefined) throw new TfliteFormatError(`no tensor named ${name}`);
  return tensor;
}

/** Names and expected layout of the classifier head inside `mobilenet_v2_0_5_96_quant.tflite`. */
export const HEAD = {
  weights: {
    name: 'MobilenetV2/Logits/Conv2d_1c_1x1/weights_quant/FakeQuantWithMinMaxVars',
    type: 'uint8',
    /** (out, kernel h, kernel w, in): a 1x1 convolution is a dense layer over the 1280 features. */
    shape: [1001, 1, 1, 1280],
  },
  bias: {
    name: 'MobilenetV2/Logits/Conv2d_1c_1x1/Conv2D_bias',
    type: 'int32',
    shape: [1001],
  },
  numClasses: 1001,
  featureSize: 1280,
} as const;

/** The classifier head's two quantized tensors, checked against {@link HEAD}. */
export interface QuantizedHead {
  /** uint8 [1001,1,1,1280], one scale and zero point. */
  weights: TfliteTensor;
  /** int32 [1001], one scale and zero point. */
  bias: TfliteTensor;
}

/**
 * Finds the classifier head by name and checks its type, shape, data size and quantization.
 *
 * @param model - a model from {@link readTflite}
 * @returns the two tensors
 * @throws {@link TfliteFormatError} naming the tensor and what is wrong with it
 */
export function readQuantizedHead(model: TfliteModel): QuantizedHead {
  const check = (spec: { name: string; type: string; shape: readonly number[] }): TfliteTensor => {
    const tensor = findTensor(model, spec.name);
    if (tensor.type !== spec.type) {
      throw new TfliteFormatError(`tensor ${spec.name} has type ${tensor.type}, expected ${spec.type}`);
    }
    if (tensor.shape.join() !== spec.shape.join()) {
      throw new TfliteFormatError(
        `tensor ${spec.name} has shape [${tensor.shape.join(',')}], expected [${spec.shape.join(',')}]`,
      );
    }
    const bytesPerElement = spec.type === 'uint8' ? 1 : 4;
    const expectedBytes = spec.shape.reduce((a, b) => a * b, 1) * bytesPerElement;
    if (tensor.data.length !== expectedBytes) {
      throw new TfliteFormatError(
        `tensor ${spec.name} has ${tensor.data.length} data bytes, expected ${expectedBytes}`,
      );
    }
    if (tensor.scale.length !== 1 || tensor.zeroPoint.length !== 1 || !(tensor.scale[0]! > 0)) {
      throw new TfliteFormatError(
        `tensor ${spec.name} is not per-tensor quantized ` +
          `(scale [${tensor.scale.join(',')}], zero point [${tensor.zeroPoint.join(',')}])`,
      );
    }
    return tensor;
  };
  return { weights: check(HEAD.weights), bias: check(HEAD.bias) };
}

/** The classifier head in float, as used by the logits layer. */
export interface DequantizedHead {
  /** [1001 * 1280], row-major (out, in): `weights[o * 1280 + i]`. */
  weights: Float32Array;
  /** [1001]. */
  bias: Float32Array;
}

/**
 * Dequantizes the classifier head: real = (q - zero_point) * scale.
 *
 * Logits for a 1280-d feature vector `fv` are `fv · weights[o]ᵀ + bias[o]` for each class `o`.
 *
 * @param model - a model from {@link readTflite}
 * @returns float weights (out, in) and bias
 * @throws {@link TfliteFormatError} if the head is missing or malformed
 * @example
 * const head = dequantizeHead(readTflite(bytes));
 * let logit0 = head.bias[0];
 * for (let i = 0; i < 1280; i++) logit0 += fv[i] * head.weights[i];
 */
export function dequantizeHead(model: TfliteModel): DequantizedHead {
  const head = readQuantizedHead(model);
  const w = head.weights;
  const wScale = w.scale[0]!;
  const wZero = w.zeroPoint[0]!;
  const weights = new Float32Array(w.data.length);
  for (let i = 0; i < w.data.length; i++) weights[i] = (w.data[i]! - wZero) * wScale;

  const b = head.bias;
  const bScale = b.scale[0]!;
  const bZero = b.zeroPoint[0]!;
  const view = new DataView(b.data.buffer, b.data.byteOffset, b.data.byteLength);
  const bias = new Float32Array(HEAD.numClasses);
  for (let i = 0; i < bias.length; i++) bias[i] = (view.getInt32(i * 4, true) - bZero) * bScale;
  return { weights, bias };
}

/**
 * Bounds-checked accessors over the flatbuffers runtime. A truncated or corrupt file must fail with
 * a message, not read `undefined` bytes as zeros.
 */
class Reader {
  readonly bb: ByteBuffer;

  constructor(private readonly buf: Uint8Array) {
    this.bb = new ByteBuffer(buf);
  }

  root(): number {
    return this.indirect(0);
  }

  /** Absolute position of a field in `table`, or 0 if absent. */
  private field(table: number, id: number): number {
    this.need(table, 4);
    const vtable = table - this.bb.readInt32(table);
    this.need(vtable, 4);
    const slot = 4 + 2 * id;
    if (slot >= this.bb.readUint16(vtable)) return 0;
    const offset = this.bb.__offset(table, slot);
    return offset === 0 ? 0 : table + offset;
  }

  private indirect(at: number): number {
    this.need(at, 4);
    const target = this.bb.__indirect(at);
    this.need(target, 0);
    return target;
  }

  /** [start, length] of the vector stored at field `id` of `table`, or null if absent. */
  private vector(table: number, id: number, elementSize: number): [number, number] | null {
    const at = this.field(table, id);
    if (at === 0) return null;
    const header = this.indirect(at);
    this.need(header, 4);
    const length = this.bb.readUint32(header);
    this.need(header + 4, length * elementSize);
    return [header + 4, length];
  }

  private need(position: number, size: number): void {
    if (position < 0 || position + size > this.buf.length) {
      throw new TfliteFormatError(
        `malformed TFLite model: read of ${size} bytes at ${position} is outside the ${this.buf.length}-byte file`,
      );
    }
  }

  int8(table: number, id: number): number {
    const at = this.field(table, id);
    if (at === 0) return 0;
    this.need(at, 1);
    return this.bb.readInt8(at);
  }

  uint32(table: number, id: number): number {
    const at = this.field(table, id);
    if (at === 0) return 0;
    this.need(at, 4);
    return this.bb.readUint32(at);
  }

  string(table: number, id: number): string {
    const v = this.vector(table, id, 1);
    if (v === null) return '';
    return new TextDecoder().decode(this.buf.subarray(v[0], v[0] + v[1]));
  }

  table(table: number, id: number): number | null {
    const at = this.field(table, id);
    return at === 0 ? null : this.indirect(at);
  }

  tables(table: number, id: number): number[] {
    const v = this.vector(table, id, 4);
    if (v === null) return [];
    return Array.from({ length: v[1] }, (_, i) => this.indirect(v[0] + 4 * i));
  }

  bytes(table: number, id: number): Uint8Array {
    const v = this.vector(table, id, 1);
    return v === null ? new Uint8Array(0) : this.buf.subarray(v[0], v[0] + v[1]);
  }

  int32s(table: number, id: number): number[] {
    const v = this.vector(table, id, 4);
    return v === null ? [] : Array.from({ length: v[1] }, (_, i) => this.bb.readInt32(v[0] + 4 * i));
  }

  float32s(table: number, id: number): number[] {
    const v = this.vector(table, id, 4);
    return v === null ? [] : Array.from({ length: v[1] }, (_, i) => this.bb.readFloat32(v[0] + 4 * i));
  }

  int64s(table: number, id: number): number[] {
    const v = this.vector(table, id, 8);
    return v === null ? [] : Array.from({ length: v[1] }, (_, i) => Number(this.bb.readInt64(v[0] + 8 * i)));
  }
}
