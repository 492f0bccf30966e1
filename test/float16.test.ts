import { describe, expect, it } from 'vitest';
import { float16BitsToNumber, float32ArrayToFloat16, float32ToFloat16Bits } from '../scripts/model/float16';

const hex = (bits: number) => `0x${bits.toString(16).padStart(4, '0')}`;
const expectBits = (value: number, bits: number) => expect(hex(float32ToFloat16Bits(value))).toBe(hex(bits));

describe('float32ToFloat16Bits', () => {
  it('encodes exactly representable values exactly', () => {
    expectBits(0, 0x0000);
    expectBits(-0, 0x8000);
    expectBits(1, 0x3c00);
    expectBits(-2, 0xc000);
    expectBits(0.5, 0x3800);
    expectBits(65504, 0x7bff);
    expectBits(2 ** -14, 0x0400); // smallest normal
    expectBits(2 ** -24, 0x0001); // smallest subnormal
  });

  it('rounds values just below the smallest normal into the subnormal range', () => {
    // 6.1e-5 / 2^-24 = 1023.41, so the nearest half is subnormal 1023.
    expectBits(6.1e-5, 0x03ff);
    expect(float16BitsToNumber(float32ToFloat16Bits(6.1e-5))).toBeCloseTo(6.1e-5, 7);
  });

  it('flushes values below half the smallest subnormal to signed zero', () => {
    expectBits(1e-8, 0x0000);
    expectBits(-1e-8, 0x8000);
    expectBits(2 ** -26, 0x0000);
  });

  it('rounds ties to even in the subnormal range', () => {
    expectBits(2 ** -25, 0x0000); // halfway between 0 and 1 -> 0
    expectBits(1.5 * 2 ** -24, 0x0002); // halfway between 1 and 2 -> 2
    expectBits(2.5 * 2 ** -24, 0x0002); // halfway between 2 and 3 -> 2
    expectBits(2 ** -25 * 1.0001, 0x0001); // just above halfway -> up
  });

  it('rounds ties to even in the normal range', () => {
    expectBits(1 + 2 ** -11, 0x3c00); // halfway between 1 and 1+2^-10 -> even 0x3c00
    expectBits(1 + 3 * 2 ** -11, 0x3c02); // halfway between 0x3c01 and 0x3c02 -> even 0x3c02
    expectBits(1 + 2 ** -11 + 2 ** -20, 0x3c01); // just above halfway -> up
    expectBits(2047 / 1024 + 2 ** -11, 0x4000); // mantissa carry into the exponent
  });

  it('overflows to infinity past the largest half, including the tie at 65520', () => {
    expectBits(65519, 0x7bff);
    expectBits(65520, 0x7c00);
    expectBits(1e6, 0x7c00);
    expectBits(-1e6, 0xfc00);
  });

  it('maps infinities and NaN', () => {
    expectBits(Infinity, 0x7c00);
    expectBits(-Infinity, 0xfc00);
    const nan = float32ToFloat16Bits(NaN);
    expect(nan & 0x7c00).toBe(0x7c00);
    expect(nan & 0x03ff).not.toBe(0);
    expect(float16BitsToNumber(nan)).toBeNaN();
  });

  it('keeps a NaN whose payload lies only in the low float32 bits a NaN', () => {
    const bits = new Uint32Array([0x7f800001]);
    const value = new Float32Array(bits.buffer)[0]!;
    expect(float16BitsToNumber(float32ToFloat16Bits(value))).toBeNaN();
  });

  it('stays within half an ulp (relative 2^-11) on random normal-range values', () => {
    let state = 12345;
    const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const values = new Float32Array(20_000);
    for (let i = 0; i < values.length; i++) {
      values[i] = (random() < 0.5 ? -1 : 1) * 2 ** (-14 + random() * 29.9); // [2^-14, ~2^15.9)
    }
    const halves = float32ArrayToFloat16(values);
    let worst = 0;
    for (let i = 0; i < values.length; i++) {
      const error = Math.abs(float16BitsToNumber(halves[i]!) - values[i]!) / Math.abs(values[i]!);
      worst = Math.max(worst, error);
    }
    expect(worst).toBeLessThanOrEqual(2 ** -11);
    expect(worst).toBeGreaterThan(2 ** -12); // the sample really exercises rounding
  });

  it('round-trips every finite half exactly', () => {
    for (let bits = 0; bits < 0x10000; bits++) {
      if ((bits & 0x7c00) === 0x7c00) continue;
      const back = float32ToFloat16Bits(float16BitsToNumber(bits));
      if (back !== bits) expect(hex(back), `half ${hex(bits)}`).toBe(hex(bits));
    }
  });
});
