import { describe, expect, it } from 'vitest';
import {
  closestUnmatched,
  CLASSES_FORMAT,
  CustomClassError,
  MAX_CLASSES,
  MAX_FILE_CHARS,
  parseClassesFile,
  toClassesFile,
  type ClassesFile,
  type CustomPrediction,
  type SoftmaxHead,
} from '../src/custom';
import { encodeVector } from '../src/custom/format';
import { MODEL, seeded, syntheticClasses } from './custom-helpers';

function validFile(): ClassesFile {
  return toClassesFile(syntheticClasses(3, 3).classes, MODEL, { now: new Date('2025-01-31T12:00:00Z') });
}

/** What parseClassesFile throws for `input`, checked to be an CustomClassError. */
function refusal(input: unknown): CustomClassError {
  try {
    parseClassesFile(input, MODEL);
  } catch (error) {
    expect(error).toBeInstanceOf(CustomClassError);
    return error as CustomClassError;
  }
  throw new Error('the file was accepted');
}

describe('export file', () => {
  it('round-trips bit for bit, through JSON text', () => {
    const { classes } = syntheticClasses(3, 3);
    // Values a decimal format could lose: -0, a subnormal, the largest float32.
    classes[0].examples[0][0] = -0;
    classes[0].examples[0][1] = 1e-45;
    classes[0].examples[0][2] = 3.4028234663852886e38;
    const text = JSON.stringify(toClassesFile(classes, MODEL));
    const back = parseClassesFile(text, MODEL).classes;
    expect(back.map((c) => c.label)).toEqual(classes.map((c) => c.label));
    back.forEach((c, i) => {
      expect(c.examples).toHaveLength(classes[i].examples.length);
      c.examples.forEach((v, j) =>
        expect(new Uint8Array(v.buffer)).toEqual(new Uint8Array(classes[i].examples[j].buffer)),
      );
    });
    expect(Object.is(back[0].examples[0][0], -0)).toBe(true);
    expect(JSON.stringify(toClassesFile(back, MODEL, { now: new Date(0) }))).toBe(
      JSON.stringify(toClassesFile(classes, MODEL, { now: new Date(0) })),
    );
  });

  it('reads files written under the format name used before the 0.1 renames', () => {
    const legacy = { ...validFile(), format: 'mobilenet-classifier/examples' };
    expect(parseClassesFile(JSON.stringify(legacy), MODEL).classes.map((c) => c.label)).toEqual(
      validFile().classes.map((c) => c.label),
    );
  });

  it('states its format, version, encoding and model', () => {
    const file = validFile();
    expect(file).toMatchObject({
      format: CLASSES_FORMAT,
      version: 2,
      encoding: 'float32-le-base64',
      model: MODEL,
      exportedAt: '2025-01-31T12:00:00.000Z',
    });
    // 1280 float32 = 5120 bytes = 6828 base64 characters.
    expect(file.classes[0].examples[0]).toHaveLength(6828);
  });

  it('writes little-endian float32 whatever the platform', () => {
    expect(encodeVector(Float32Array.of(1))).toBe(btoa(String.fromCharCode(0, 0, 0x80, 0x3f)));
  });

  it('accepts a parsed object as well as text, and keeps empty classes', () => {
    const file = validFile();
    file.classes.push({ label: 'nothing yet', examples: [] });
    expect(parseClassesFile(file, MODEL).classes.map((c) => [c.label, c.examples.length])).toEqual([
      ['class-0', 3],
      ['class-1', 3],
      ['class-2', 3],
      ['nothing yet', 0],
    ]);
  });
});

describe('import refuses, with a message that says what is wrong', () => {
  it('a file that is not JSON', () => {
    const error = refusal('GIF89a\u0001\u0000');
    expect(error.reason).toBe('not-json');
    expect(error.message).toMatch(/not JSON.*Export/);
  });

  it('JSON that is not a classes file', () => {
    expect(refusal('{"values":[1,2,3]}').message).toMatch(/not a classes file.*mobilenet-classifier\/classes/);
    expect(refusal('[1,2]').reason).toBe('not-a-classes-file');
    expect(refusal('null').reason).toBe('not-a-classes-file');
  });

  it('a newer version, naming both versions', () => {
    const error = refusal({ ...validFile(), version: 3 });
    expect(error.reason).toBe('version');
    expect(error.message).toMatch(/version 3.*newer.*up to version 2/);
    expect(refusal({ ...validFile(), version: '1' }).message).toMatch(/no valid "version"/);
  });

  it('examples of another model, naming both', () => {
    const error = refusal({ ...validFile(), model: { ...MODEL, contentHash: 'b'.repeat(64) } });
    expect(error.reason).toBe('model');
    expect(error.message).toMatch(
      /another model \(mobilenet_v2_050_96-test, weights bbbbbbbbbbbb….*runs mobilenet_v2_050_96-test, weights aaaaaaaaaaaa…/,
    );
    expect(refusal({ ...validFile(), model: { ...MODEL, featureSize: 1024 } }).reason).toBe('model');
    expect(refusal({ ...validFile(), model: undefined }).message).toMatch(/does not say which model/);
  });

  it('a vector of the wrong length, naming the class and example', () => {
    const file = validFile();
    file.classes[1].examples[2] = encodeVector(new Float32Array(1000));
    const error = refusal(file);
    expect(error.reason).toBe('vector');
    expect(error.message).toBe(
      'Example 3 of class "class-1" has 1000 values; this model\'s feature vectors have 1280.',
    );
  });

  it('a vector with NaN or Infinity', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const file = validFile();
      const vector = new Float32Array(1280);
      vector[7] = bad;
      file.classes[0].examples[0] = encodeVector(vector);
      expect(refusal(file).message).toBe('Example 1 of class "class-0" contains NaN or Infinity: the file is damaged.');
    }
  });

  it('a vector that is not base64 of float32 values', () => {
    const file = validFile();
    file.classes[0].examples[1] = 'not base64!';
    expect(refusal(file).message).toMatch(/Example 2 of class "class-0" is not valid base64/);
    file.classes[0].examples[1] = btoa('abcde');
    expect(refusal(file).message).toMatch(/5 bytes, not a whole number of float32/);
    (file.classes[0].examples as unknown[])[1] = [0.1, 0.2];
    expect(refusal(file).message).toMatch(/is not a base64 string/);
  });

  it('bad or repeated class names', () => {
    const file = validFile();
    file.classes[1].label = ' class-0 ';
    expect(refusal(file).message).toMatch(/two classes called "class-0"/);
    file.classes[1].label = '   ';
    expect(refusal(file).message).toMatch(/Class 2 of this file: A class needs a name/);
  });

  it('a huge file, before parsing it', () => {
    const huge = ' '.repeat(MAX_FILE_CHARS + 1);
    const error = refusal(huge);
    expect(error.reason).toBe('too-large');
    expect(error.message).toMatch(/16\.0 MB.*at most 16\.0 MB/);
  });

  it('more classes or examples than an element keeps', () => {
    const file = validFile();
    file.classes = Array.from({ length: MAX_CLASSES + 1 }, (_, i) => ({ label: `c${i}`, examples: [] }));
    expect(refusal(file).message).toMatch(/51 classes; one element keeps at most 50/);
    const one = validFile().classes[0].examples[0];
    file.classes = [{ label: 'many', examples: Array.from({ length: 2001 }, () => one) }];
    expect(refusal(file).message).toMatch(/too large: 2001 examples is more than the 2000/);
  });
});

describe('version 2: the trained head and the threshold', () => {
  function headFor(labels: string[]): SoftmaxHead {
    const random = seeded(7);
    const weights = Float32Array.from({ length: MODEL.featureSize * labels.length }, () => random() - 0.5);
    return { labels, featureSize: MODEL.featureSize, weights, bias: Float32Array.from(labels, (_, i) => i / 10) };
  }

  it('carries the head and the threshold, and reads them back bit for bit', () => {
    const { classes } = syntheticClasses(3, 2);
    const head = headFor(classes.map((c) => c.label).reverse());
    const file = JSON.parse(JSON.stringify(toClassesFile(classes, MODEL, { head, minSimilarity: 0.42 })));
    expect(file).toMatchObject({ version: 2, minSimilarity: 0.42, head: { labels: head.labels } });
    const back = parseClassesFile(file, MODEL);
    expect(back.minSimilarity).toBe(0.42);
    expect(back.head?.labels).toEqual(head.labels);
    expect(back.head?.featureSize).toBe(MODEL.featureSize);
    expect(new Uint8Array(back.head!.weights.buffer)).toEqual(new Uint8Array(head.weights.buffer));
    expect(Array.from(back.head!.bias)).toEqual(Array.from(head.bias));
  });

  it('leaves both out when there is no head and no threshold, and reads version 1 files as before', () => {
    const file = validFile();
    expect(file).not.toHaveProperty('head');
    expect(file).not.toHaveProperty('minSimilarity');
    const v1 = parseClassesFile({ ...file, version: 1 }, MODEL);
    expect(v1.classes.map((c) => c.label)).toEqual(file.classes.map((c) => c.label));
    expect(v1.head).toBeUndefined();
    expect(v1.minSimilarity).toBeUndefined();
  });

  it('refuses a head that does not fit the classes or the model, and a threshold out of range', () => {
    const { classes } = syntheticClasses(2, 2);
    const good = toClassesFile(classes, MODEL, { head: headFor(classes.map((c) => c.label)) });
    expect(refusal({ ...good, head: { ...good.head, labels: ['class-0', 'stranger'] } }).message).toMatch(
      /does not match its classes/,
    );
    expect(refusal({ ...good, head: { ...good.head, labels: ['class-0', 'class-0'] } }).reason).toBe('label');
    const short = encodeVector(new Float32Array(10));
    expect(refusal({ ...good, head: { ...good.head, weights: short } }).message).toMatch(
      /weights of the trained head in this file are damaged: they must be base64 of 2560 float32 values/,
    );
    expect(refusal({ ...good, head: { ...good.head, bias: encodeVector(Float32Array.of(NaN, 1)) } }).message).toMatch(
      /bias of the trained head in this file are damaged/,
    );
    expect(refusal({ ...good, head: 'yes' }).reason).toBe('not-a-classes-file');
    expect(refusal({ ...good, minSimilarity: 2 }).message).toMatch(/"minSimilarity" must be a number from -1 to 1/);
  });
});

describe('closestUnmatched', () => {
  const prediction = (label: string, similarity: number, match: boolean): CustomPrediction => ({
    label,
    probability: 0.5,
    similarity,
    match,
    method: 'knn',
  });

  it('names the nearest class when none matches, and nothing when one does', () => {
    expect(closestUnmatched([prediction('a', 0.2, false), prediction('b', 0.4, false)])?.label).toBe('b');
    expect(closestUnmatched([prediction('a', 0.2, false), prediction('b', 0.6, true)])).toBeUndefined();
    expect(closestUnmatched([])).toBeUndefined();
  });
});
