import { defineConfig } from 'vitest/config';

export default defineConfig({
  // tf.js is pre-bundled up front: if Vite discovered it lazily it would reload the page mid-test.
  optimizeDeps: {
    // The app's pages only: bench/ has its own build (bench/vite.config.ts), and scanning its page would
    // pre-bundle @tensorflow/tfjs-tflite, which the dev server cannot (found on a clean clone).
    entries: ['index.html', 'e2e/*.html'],
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-converter',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-webgpu',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-cpu',
    ],
  },
  build: {
    target: 'es2022',
    // The demo site. The package goes to dist/lib (scripts/build/lib.ts).
    outDir: 'dist/site',
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
