// Synthetic feature vectors for the custom-class tests: each class is a random non-negative prototype
// (like MobileNet's averaged ReLU6 features) and each example that prototype plus noise.
import type { CustomClass, ModelIdentity } from '../src/custom';

export const MODEL: ModelIdentity = { id: 'mobilenet_v2_050_96-test', contentHash: 'a'.repeat(64), featureSize: 1280 };

/** A seeded PRNG (mulberry32), so every run sees the same vectors. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function prototype(random: () => number, size = MODEL.featureSize): Float32Array {
  return Float32Array.from({ length: size }, () => (random() < 0.3 ? random() * 6 : 0));
}

/** The prototype with about `noise` of its scale added at random, clipped at 0. */
export function view(proto: Float32Array, random: () => number, noise = 0.8): Float32Array {
  return proto.map((v) => Math.max(0, v + (random() - 0.5) * 2 * noise * (random() < 0.3 ? 3 : 1)));
}

/** `count` classes named class-0…, each with `examples` views of its own prototype; and the prototypes. */
export function syntheticClasses(
  count: number,
  examples: number,
  seed = 1,
): { classes: CustomClass[]; prototypes: Float32Array[]; random: () => number } {
  const random = seeded(seed);
  const prototypes = Array.from({ length: count }, () => prototype(random));
  const classes = prototypes.map((proto, i) => ({
    label: `class-${i}`,
    examples: Array.from({ length: examples }, () => view(proto, random)),
  }));
  return { classes, prototypes, random };
}
