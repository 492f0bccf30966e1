import * as tf from '@tensorflow/tfjs-core';

/**
 * A read from tf.js's WebGL context that was lost before it finished: its answer, if any, is the zeros
 * of a dead context. The caller runs the work again once it has moved off WebGL.
 */
export class ContextLostError extends Error {
  override readonly name = 'ContextLostError';
}

/**
 * Waits for `read` (a tensor read-back on WebGL) unless the context is lost first, or was lost by the time
 * it finished. Needed because a read pending when the context goes never settles (its fence never
 * signals), which would stall a live loop for good, and one that settles reads zeros.
 */
export async function readUnlessContextLost<T>(read: Promise<T>): Promise<T> {
  const gl = (tf.findBackend('webgl') as { gpgpu?: { gl?: WebGLRenderingContext } } | null)?.gpgpu?.gl;
  const canvas = gl?.canvas as (HTMLCanvasElement | OffscreenCanvas) | undefined;
  if (!gl || !canvas) return read;
  let onLost = () => {};
  const lost = new Promise<never>((_, reject) => {
    onLost = () => reject(new ContextLostError('The WebGL context was lost during the read.'));
  });
  canvas.addEventListener('webglcontextlost', onLost);
  try {
    if (gl.isContextLost()) onLost();
    const value = await Promise.race([read, lost]);
    if (gl.isContextLost()) throw new ContextLostError('The WebGL context was lost during the run.');
    return value;
  } finally {
    canvas.removeEventListener('webglcontextlost', onLost);
    // The read of a lost context may still settle later: nobody waits for it.
    read.catch(() => {});
    lost.catch(() => {});
  }
}
