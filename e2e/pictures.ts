// Synthetic pictures for the explain and region tests, built in the page from the ImageNet test images
// (served under /shared/ by the element harness) and kept on `window.pictures` for the test to use.
import type { Page } from '@playwright/test';
import { routeShared, TEST_IMAGES } from './fixtures';

export const STRAWBERRY = TEST_IMAGES.find((t) => t.file.includes('strawberry'))!;
export const GOLF_BALL = TEST_IMAGES.find((t) => t.file.includes('golf_ball'))!;

declare global {
  interface Window {
    pictures: Record<string, Blob>;
  }
}

/**
 * Builds, as PNG blobs on `window.pictures`:
 * - `sideBySide`: 600×300, the strawberry's centred square on the left, the golf ball's on the right;
 * - `oneCell`: 288×288 mid-grey with the strawberry in the top-right 96×96 cell (of a 3 × 3 grid), and nothing elsewhere.
 */
export async function buildPictures(page: Page): Promise<void> {
  await routeShared(page);
  await page.evaluate(
    async ({ left, right }) => {
      const square = async (file: string, canvas: OffscreenCanvas, x: number, y: number, side: number) => {
        const bitmap = await createImageBitmap(await (await fetch(`/shared/test-images/${file}`)).blob());
        const short = Math.min(bitmap.width, bitmap.height);
        canvas
          .getContext('2d')!
          .drawImage(bitmap, (bitmap.width - short) / 2, (bitmap.height - short) / 2, short, short, x, y, side, side);
      };
      const both = new OffscreenCanvas(600, 300);
      await square(left, both, 0, 0, 300);
      await square(right, both, 300, 0, 300);
      const cell = new OffscreenCanvas(288, 288);
      const context = cell.getContext('2d')!;
      context.fillStyle = 'rgb(128, 128, 128)';
      context.fillRect(0, 0, 288, 288);
      await square(left, cell, 192, 0, 96);
      window.pictures = {
        sideBySide: await both.convertToBlob({ type: 'image/png' }),
        oneCell: await cell.convertToBlob({ type: 'image/png' }),
      };
    },
    { left: STRAWBERRY.file, right: GOLF_BALL.file },
  );
}
