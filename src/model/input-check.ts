import { classifierError } from './messages';
import type { ClassifierInput } from './types';

/** What the core's classify(), classifyBatch() and embed() take, for messages. */
export const ACCEPTED_INPUTS =
  'a Blob or File, an <img>, <video> or <canvas> element, an OffscreenCanvas, an ImageBitmap or an ImageData';

/** A short description of any value, for messages: `null`, `the number 42`, `a plain object`, `an HTMLDivElement`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  switch (typeof value) {
    case 'number':
    case 'bigint':
    case 'boolean':
      return `the ${typeof value} ${String(value)}`;
    case 'string':
      return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name;
  if (!name || name === 'Object') return 'a plain object';
  return `${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name}`;
}

const isA = (value: unknown, type: string): boolean =>
  typeof (globalThis as Record<string, unknown>)[type] === 'function' &&
  value instanceof ((globalThis as Record<string, unknown>)[type] as abstract new (...args: never[]) => unknown);

/**
 * Checks that `value` is a picture the classifier can read, before anything touches it.
 *
 * @param accepted what the caller accepts, named in the message.
 * @throws ClassifierError (phase `input`) naming what was given and what is accepted: for a value of
 *   another type, a closed ImageBitmap, or an OffscreenCanvas transferred to a worker.
 */
export function checkInput(value: unknown, accepted = ACCEPTED_INPUTS): asserts value is ClassifierInput {
  const types = ['Blob', 'ImageData', 'ImageBitmap', 'OffscreenCanvas', 'HTMLImageElement', 'HTMLVideoElement'];
  if (!types.some((type) => isA(value, type)) && !isA(value, 'HTMLCanvasElement')) {
    throw classifierError('input', 'input-wrong-type', { given: describeValue(value), accepted });
  }
  const { width, height } = value as { width: number; height: number };
  if (isA(value, 'ImageBitmap') && width === 0 && height === 0) {
    throw classifierError('input', 'input-closed-bitmap', { accepted });
  }
  if (isA(value, 'OffscreenCanvas') && width === 0 && height === 0) {
    throw classifierError('input', 'input-detached-canvas', { accepted });
  }
}
