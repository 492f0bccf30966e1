// Rollup resolves packages only with node-resolve, for the browser as for any web app (tf.js's wasm
// backend maps Node's fs and path away in its "browser" field); tf.js's wasm backend ships its
// emscripten glue as CommonJS, hence commonjs; import-meta-assets copies the files the package names
// with new URL('./model/…', import.meta.url) (Rollup itself leaves them alone).
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';

export default {
  input: '../bundled.js',
  output: { dir: 'dist', format: 'es', entryFileNames: 'main.js' },
  plugins: [nodeResolve({ browser: true }), commonjs(), importMetaAssets()],
  onwarn(warning) {
    console.error(`${warning.code}: ${warning.message}`);
  },
};
