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
  areaOf({ crop });
  const size = Math.min(width, height) * crop;
  return { sx: (width - size) / 2, sy: (height - size) / 2, size };
}

/**
 * A square part of an image chosen by the user, as fractions: `x` and `y` place its top-left corner
 * (fractions of the image's width and height), `size` is its side as a fraction of the short side,
 * like `crop`. `{ x: 0.25, y: 0, size: 1 }` on a 1600×900 picture is the 900×900 square from x = 400.
 * Like MediaPipe's `regionOfInterest`, but square, since the model sees a square.
 */
export interface Region {
  x: number;
  y: number;
  size: number;
}

/** Tolerance of the fit check, for fractions that went through a UI's arithmetic. */
const FIT_SLACK = 1e-6;

/**
 * Checks what can be checked of a region without the image: three numbers in range.
 *
 * @throws RangeError naming the bad field.
 */
export function checkRegion(region: Region): Region {
  if (typeof region !== 'object' || region === null) {
    throw new RangeError(`region must be { x, y, size } (fractions of the image), got ${String(region)}.`);
  }
  for (const field of ['x', 'y'] as const) {
    const value = region[field];
    if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
      throw new RangeError(`region.${field} must be a fraction in [0, 1), got ${String(value)}.`);
    }
  }
  if (typeof region.size !== 'number' || !(region.size > 0 && region.size <= 1)) {
    throw new RangeError(`region.size must be a fraction of the short side in (0, 1], got ${String(region.size)}.`);
  }
  return region;
}

/**
 * The square of a `width` × `height` source that `region` names, in source pixels.
 *
 * @throws RangeError for a source with no pixels, a bad region, or one that goes past an edge.
 * @example regionCrop(1600, 900, { x: 0.25, y: 0, size: 1 }) // { sx: 400, sy: 0, size: 900 }
 */
export function regionCrop(width: number, height: number, region: Region): CropRect {
  const { size: short } = centreCrop(width, height);
  const { x, y, size } = checkRegion(region);
  const rect = { sx: x * width, sy: y * height, size: size * short };
  const past =
    rect.sx + rect.size > width * (1 + FIT_SLACK)
      ? 'right'
      : rect.sy + rect.size > height * (1 + FIT_SLACK)
        ? 'bottom'
        : '';
  if (past) {
    throw new RangeError(
      `region { x: ${x}, y: ${y}, size: ${size} } goes past the ${past} edge of a ${width}×${height} image.`,
    );
  }
  return { sx: rect.sx, sy: rect.sy, size: Math.min(rect.size, width - rect.sx, height - rect.sy) };
}

/** The part of the picture the model sees: a centred `crop` fraction, or a {@link Region}. */
export type Area = number | Region;

/** {@link centreCrop} or {@link regionCrop}, whichever `area` asks for. */
export function areaCrop(width: number, height: number, area: Area = 1): CropRect {
  return typeof area === 'number' ? centreCrop(width, height, area) : regionCrop(width, height, area);
}

/**
 * The area that `crop` and `region` options name, checked: a region wins over `crop`.
 *
 * @throws RangeError for a crop outside (0, 1] or a bad region.
 */
export function areaOf(options: { crop?: number; region?: Region | null }): Area {
  const { crop = 1, region } = options;
  if (region !== undefined && region !== null) return checkRegion(region);
  if (typeof crop !== 'number' || !(crop > 0 && crop <= 1)) {
    throw new RangeError(`crop must be in (0, 1], got ${String(crop)}.`);
  }
  return crop;
}
