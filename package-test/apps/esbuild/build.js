// esbuild with nothing but entries and an output folder. esbuild leaves the package's
// new URL('./model/…', import.meta.url) as it is, so the model and wasm files are copied with the
// package's own command afterwards (see package-test/consumer.ts):
//   mobilenet-classifier-assets dist          beside main.js: found with no setting
//   mobilenet-classifier-assets dist/vendor   elsewhere: elsewhere.js sets model-url and setWasmPath()
import * as esbuild from 'esbuild';

const result = await esbuild.build({
  entryPoints: { main: '../bundled.js', elsewhere: 'elsewhere.js' },
  bundle: true,
  format: 'esm',
  outdir: 'dist',
  logLevel: 'silent',
});
for (const warning of result.warnings) console.error(warning.text);
