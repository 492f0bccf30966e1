/**
 * Builds the benchmark page (bench/index.html) the way the app ships: minified, with the tf.js wasm
 * binaries emitted as assets. scripts/bench.ts runs this build and serves its output.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  // The model, test images and TFLite files are served by bench/server.ts, never copied.
  publicDir: false,
  logLevel: 'warn',
  resolve: {
    alias: [
      // The package's ES entry (dist/index.js) imports a file it does not ship; the flat ES bundle is complete.
      {
        find: /^@tensorflow\/tfjs-tflite$/,
        replacement: resolve(here, '../node_modules/@tensorflow/tfjs-tflite/dist/tf-tflite.fesm.js'),
      },
    ],
  },
  build: {
    target: 'es2022',
    // As the drop-in (scripts/build/lib.ts): Vite's default Oxc breaks tf.js's threaded wasm glue.
    minify: 'esbuild',
    outDir: process.env.BENCH_BUILD_DIR ?? resolve(here, 'results/.build'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      onwarn(warning, warn) {
        // tfjs-tflite's Closure-compiled bundle uses eval to load its wasm glue: not ours to fix.
        if (warning.code === 'EVAL' && warning.id?.includes('tfjs-tflite')) return;
        warn(warning);
      },
    },
  },
});
