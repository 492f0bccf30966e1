/**
 * IEEE 754 binary32 -> binary16 conversion for the optional float16 backbone.
 *
 * Node 20 has no `Float16Array` and no `Math.f16round`, so the conversion is done on the bit pattern.
 * TF.js reads a weight with `quantization: { dtype: 'float16' }` as IEEE half and widens it to
 * float32 (`getFloat16Decoder` in tfjs-core `io_utils`), so these are the exact bits it decodes.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * Converts a number to the bit pattern of the nearest IEEE half (round to nearest, ties to even).
 *
 * The value is first rounded to float32, as it would be when read from a float32 weight. Values
 * beyond the half range become ±Infinity, values below half the smallest subnormal (2^-25) become
 * ±0, and NaN stays a (quiet) NaN.
 *
 * @param value - the number to convert
 * @returns the 16-bit pattern, in 0..0xffff
 * @example
 * float32ToFloat16Bits(1); // 0x3c00
 * float32ToFloat16Bits(65504); // 0x7bff, the largest finite half
 */
export function float32ToFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  const mantissa = x & 0x7fffff;

  if (exponent === 0xff) {
    // 0x200 forces the quiet bit so a signalling-NaN payload that lives only in the low 13 bits
    // cannot collapse into the Infinity pattern.
    return mantissa === 0 ? sign | 0x7c00 : sign | 0x7c00 | 0x200 | (mantissa >>> 13);
  }

  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;

  if (halfExponent <= 0) {
    // Below 2^-25 (half the smallest subnormal) even round-up cannot reach the first subnormal.
    if (halfExponent < -10) return sign;
    // In units of the smallest subnormal (2^-24) the value is (1.mantissa) * 2^(halfExponent + 9),
    // i.e. the 24-bit significand shifted right by 14 - halfExponent.
    const significand = mantissa | 0x800000;
    const shift = 14 - halfExponent;
    return sign | roundShiftRightEven(significand, shift);
  }

  // A carry out of the mantissa correctly bumps the exponent, and from 0x7bff into 0x7c00 (Infinity).
  return sign | roundShiftRightEven((halfExponent << 23) | mantissa, 13);
}

/**
 * Shifts `value` right by `shift` bits (1..24), rounding to nearest with ties to even.
 */
function roundShiftRightEven(value: number, shift: number): number {
  const quotient = value >>> shift;
  const remainder = value & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  if (remainder > half || (remainder === half && (quotient & 1) === 1)) return quotient + 1;
  return quotient;
}

/**
 * Decodes an IEEE half bit pattern to a number (exact: every half is representable as a double).
 *
 * @param bits - the 16-bit pattern
 * @returns the value, including ±Infinity, NaN and -0
 */
export function float16BitsToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Infinity : NaN;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/**
 * Converts a float32 array to IEEE half bit patterns, element by element.
 *
 * @param values - the float32 values
 * @returns the half bit patterns; `new Uint8Array(result.buffer)` is the little-endian byte layout
 *   TF.js expects on little-endian hosts
 */
export function float32ArrayToFloat16(values: Float32Array): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = float32ToFloat16Bits(values[i]!);
  return out;
}
