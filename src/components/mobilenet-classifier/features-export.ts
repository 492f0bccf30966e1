// The feature vector as the element exports it: JSON (to copy or download) and raw float32 (.bin).

/** The JSON export of a feature vector: `{ model, length, values }`. */
export function featuresJson(values: Float32Array, modelId: string): string {
  return JSON.stringify({ model: modelId, length: values.length, values: Array.from(values) });
}

/** The vector as raw little-endian float32, whatever the platform's byte order. */
export function littleEndianFloat32(values: Float32Array): ArrayBuffer {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => view.setFloat32(i * 4, v, /* littleEndian= */ true));
  return view.buffer;
}

/**
 * A safe file-name stem from a picture's name or URL: its last path segment without the extension,
 * with runs of anything but letters, digits, `.`, `_` and `-` replaced by `_`; `image` when nothing is left.
 */
export function baseName(name: string | undefined): string {
  const last = name
    ?.split(/[\\/]/)
    .pop()
    ?.replace(/\.[^.]*$/, '');
  return last?.replace(/[^\w.-]+/g, '_') || 'image';
}
