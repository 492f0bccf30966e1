// Where the model and the wasm binaries are served from.
//
// This is the repository's version: the dev server and the demo site serve the model from the app's
// public/model/ and the wasm binaries as Vite assets. The package build (scripts/build/lib.ts) replaces
// this module with one that points next to the package's own code, as
// `new URL('./model/model.json', import.meta.url)`: that works from a static host as it is, and a
// bundler that builds an app from the package (Vite, webpack) copies each file so named and rewrites
// the URL to the copy. Both versions export the same functions and MISSING_MODEL_HINT.

/** What to do when the model is not where it is looked for: this repository builds it into public/model/. */
export const MISSING_MODEL_HINT = 'Run `npm run model` or set model-url.';

/**
 * The default model: the one shipped with the package, `model/model.json` next to its code. (In this
 * repository's dev server and demo site: `<base>/model/model.json`, built into public/model.)
 */
export function defaultModelUrl(): URL {
  return new URL(`${import.meta.env.BASE_URL}model/model.json`, globalThis.location?.href);
}

/**
 * The URL of a file of the model at `modelUrl` (a weight shard, `labels.json`), named as model.json
 * names it. A bundler gives each file of the package's model its own hashed name, so the package's
 * version of this function looks the default model's files up by name; any other model's files sit
 * next to its model.json.
 */
export function modelFileUrl(modelUrl: URL, path: string): URL {
  return new URL(path, modelUrl);
}

/**
 * The wasm binaries the wasm backend may fetch, by the file name tf.js asks for: one of them per page,
 * the threaded one only on a cross-origin-isolated page (src/model/threads.ts).
 */
export async function wasmPaths(): Promise<Record<string, string>> {
  const [plain, simd, threadedSimd] = await Promise.all([
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
  ]);
  return {
    'tfjs-backend-wasm.wasm': plain.default,
    'tfjs-backend-wasm-simd.wasm': simd.default,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimd.default,
  };
}
