/**
 * The baseline: a tf.js image-classification pipeline as commonly written. Deliberately not
 * optimised; its cost is what the "≥ 3× faster" is measured against.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';

type PixelSource = HTMLCanvasElement | HTMLVideoElement | HTMLImageElement | ImageBitmap | ImageData;

/**
 * fromPixels of the whole frame, resizeBilinear to 96×96 (squashing the aspect ratio), normalise to
 * [0, 1] (the model's input contract), predict, softmax, dataSync, then sort all 1001 scores in JS.
 */
export function naiveClassify(model: GraphModel, source: PixelSource, k = 5): { index: number; probability: number }[] {
  const logitsAt = model.outputs.findIndex((o) => o.name.startsWith('logits'));
  const probabilities = tf.tidy(() => {
    const pixels = tf.browser.fromPixels(source);
    const resized = tf.image.resizeBilinear(pixels, [96, 96]);
    const input = tf.expandDims(tf.div(tf.cast(resized, 'float32'), 255), 0);
    const output = model.predict(input) as tf.Tensor | tf.Tensor[];
    const logits = Array.isArray(output) ? output[logitsAt] : output;
    return tf.softmax(logits);
  });
  const scores = probabilities.dataSync();
  probabilities.dispose();
  return Array.from(scores, (probability, index) => ({ index, probability }))
    .sort((a, b) => b.probability - a.probability)
    .slice(0, k);
}

/** The k highest of a score array, by a linear scan (for the TFLite runtime's uint8 output). */
export function topKOfScores(scores: ArrayLike<number>, k: number): { index: number; score: number }[] {
  const best: { index: number; score: number }[] = [];
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i];
    if (best.length < k || score > best[best.length - 1].score) {
      let at = best.findIndex((b) => score > b.score);
      if (at < 0) at = best.length;
      best.splice(at, 0, { index: i, score });
      if (best.length > k) best.pop();
    }
  }
  return best;
}
