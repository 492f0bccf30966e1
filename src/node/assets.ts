/**
 * `mobilenet-classifier/assets` (Node): copies the package's model and wasm binaries into a folder of
 * your site, for a bundler that does not copy the files named by `new URL('./model/…', import.meta.url)`
 * (esbuild). Put them next to the bundle and nothing else is needed; anywhere else, also set
 * `model-url` and call `setWasmPath()`.
 */
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's dist/lib/ folder: this module is built into it, next to model/ and wasm/. */
const LIB_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The folders copied, as they are named in the package and in the destination. */
export const ASSET_FOLDERS = ['model', 'wasm'] as const;

export interface CopiedAssets {
  /** `<destination>/model/model.json`: the file `model-url` names when the folder is not next to the bundle. */
  modelJson: string;
  /** `<destination>/wasm/`: the folder `setWasmPath()` takes. */
  wasmFolder: string;
  /** Every file copied, relative to the destination. */
  files: string[];
}

/**
 * Copies `model/` and `wasm/` from the installed package into `destination` (created if needed;
 * files of the same name are replaced).
 *
 * @example
 * await copyAssets('dist'); // beside dist/app.js: the element finds them with no setting
 */
export async function copyAssets(destination: string): Promise<CopiedAssets> {
  const target = path.resolve(destination);
  const files: string[] = [];
  for (const folder of ASSET_FOLDERS) {
    const from = path.join(LIB_DIR, folder);
    await cp(from, path.join(target, folder), { recursive: true, force: true });
    for (const name of await readdir(from)) files.push(path.posix.join(folder, name));
  }
  return {
    modelJson: path.join(target, 'model/model.json'),
    wasmFolder: path.join(target, 'wasm') + path.sep,
    files: files.sort(),
  };
}
