/** The side of the square the model sees. */
export const MODEL_INPUT_SIZE = 96;

/** A square region of a source image, in source pixels. */
export interface CropRect {
  sx: number;
  sy: number;
  size: number;
}

/**
 * The centred square whose side is `crop` × the short side of a `width` × `height` source.
 *
 * @param crop fraction of the short side in (0, 1]; 1 keeps the whole short side.
 * @throws RangeError for a non-positive or non-finite size, or a crop outside (0, 1].
 * @example centreCrop(1280, 720, 1) // { sx: 280, sy: 0, size: 720 }
 */
export function centreCrop(width: number, height: number, crop = 1): CropRect {
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    throw new RangeError(`The image has no pixels (${width}×${height}).`);
  }
  if (!(crop > 0 && crop <= 1)) {
    throw new RangeError(`crop must be in (0, 1], got ${crop}.`);
  }
  const size = Math.min(width, height) * crop;
  return { sx: (width - size) / 2, sy: (height - size) / 2, size };
}
