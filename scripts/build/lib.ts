/**
 * `npm run build:lib`: builds the package into dist/lib/ from src/ and the built model (public/model/).
 *
 * dist/lib/
 *   index.js, define.js, chunk    ES modules for bundlers; tf.js and Lit stay imports (peer/dependency)
 *   index.d.ts, define.d.ts       their types, bundled so they resolve under every moduleResolution
 *   mobilenet-classifier.bundle.js  the drop-in: one minified ES module with Lit and the element, which
 *   bundle/                       imports tf.js, the classifier, a backend and the trainer from here when needed
 *   assets.js, assets-cli.js      Node: copy model/ and wasm/ into an app (for esbuild), as a module and a command
 *   model/                        model.json, weight shards, labels.json, MODEL_CARD.md
 *   wasm/                         the wasm backend's binaries (plain and SIMD)
 *
 * Both builds find the model and the wasm binaries with `new URL('./model/…', import.meta.url)`, so
 * the folder works as it is on any static host, and a bundler that builds an app from the package
 * copies each file it names (see src/model/assets.ts).
 */
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import { build as esbuild } from 'esbuild';
import { build, type BuildEnvironmentOptions, type Plugin } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MODEL_DIR = path.join(ROOT, 'public/model');
const USAGE = `usage: tsx scripts/build/lib.ts [--drop-in <folder> [--single-file]]

  (default)        the package, into dist/lib/
  --drop-in <dir>  only the drop-in, the model and the wasm binaries, into <dir> (the benchmark's first-paint pages)
  --single-file    with --drop-in: the drop-in as one file, tf.js inside, as it was before it was split`;
const { values: ARGS } = parseArgs({
  options: {
    'drop-in': { type: 'string' },
    'single-file': { type: 'boolean', default: false },
    help: { type: 'boolean' },
  },
});
const OUT = ARGS['drop-in'] ? path.resolve(ARGS['drop-in']) : path.join(ROOT, 'dist/lib');
const WASM_DIR = path.join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
/** The binaries tf.js may fetch: plain, SIMD, and threaded SIMD on cross-origin-isolated pages (src/model/threads.ts). */
const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];
/** The drop-in's file name, also its entry in the package's exports map. */
export const BUNDLE_FILE = 'mobilenet-classifier.bundle.js';
/** The folder beside it that holds the chunks it imports. */
export const BUNDLE_CHUNKS = 'bundle';

/** Imports that stay imports in the ES modules (peer tf.js and the dependencies): the host app's bundler resolves them, one copy each. */
const EXTERNAL = /^(@tensorflow\/|lit$|lit\/|@lit\/|@shoelace-style\/localize$|idb$|image-size$)/;

/** A call the generated assets module makes; rewritten after bundling, see {@link packagedAssets}. */
const ASSET_URL_CALL = /__MOBILENET_ASSET_URL__\((["'])([\w./-]+)\1\)/g;

class BuildError extends Error {}

/** The files of the built model that the package ships, model.json first. */
async function modelFiles(): Promise<string[]> {
  let json: { weightsManifest?: { paths: string[] }[]; userDefinedMetadata?: { labels?: unknown } };
  try {
    json = JSON.parse(await readFile(path.join(MODEL_DIR, 'model.json'), 'utf8'));
  } catch (error) {
    throw new BuildError(
      `no model at ${path.relative(ROOT, MODEL_DIR)}/model.json (${(error as Error).message}): run \`npm run model\` first`,
    );
  }
  const labels = typeof json.userDefinedMetadata?.labels === 'string' ? json.userDefinedMetadata.labels : 'labels.json';
  const shards = (json.weightsManifest ?? []).flatMap((group) => group.paths);
  const files = ['model.json', ...shards, labels];
  for (const file of files) {
    if (!/^[\w.-]+$/.test(file)) throw new BuildError(`model.json names an unexpected file "${file}"`);
    await stat(path.join(MODEL_DIR, file)).catch(() => {
      throw new BuildError(`${path.relative(ROOT, MODEL_DIR)}/${file} is missing: run \`npm run model\``);
    });
  }
  return files;
}

/**
 * The package's version of src/model/assets.ts. Its URLs must reach the output exactly as
 * `new URL("./model/x", import.meta.url)`: Vite would otherwise resolve them during this build (and
 * inline the files, as it does in library mode), and a host app's bundler only copies files it finds
 * written that way. So the module calls a placeholder that is rewritten once the chunks are rendered.
 */
function assetsModule(files: string[]): string {
  const url = (file: string) => `absolute(__MOBILENET_ASSET_URL__(${JSON.stringify(file)}))`;
  const entries = files.map((file) => `  ${JSON.stringify(file)}: () => ${url(`model/${file}`)},`);
  return `// Generated by scripts/build/lib.ts: the model and wasm binaries shipped next to this code.
// Each URL is written out whole so that a bundler building an app from this package copies the file.

// Turbopack (Next.js) turns each one into a URL-like object whose href is a bare path: resolved
// against the page, it compares equal to the URL the element fetched.
function absolute(url) {
  return globalThis.location ? new URL(url.href, globalThis.location.href) : url;
}

const MODEL_FILES = {
${entries.join('\n')}
};

export const MISSING_MODEL_HINT =
  'The package ships the model in node_modules/mobilenet-classifier/dist/lib/model/: if your bundler did not copy it, ' +
  'run \`npx mobilenet-classifier-assets <folder>\` to copy it (and wasm/) into a folder your site serves, ' +
  'then set model-url to <folder>/model/model.json, a URL of your site (not needed when <folder> is where your bundle is); ' +
  'to use another model, set model-url to its model.json.';

export function defaultModelUrl() {
  return MODEL_FILES['model.json']();
}

export function modelFileUrl(modelUrl, path) {
  // A bundler gives each file its own hashed name: only this table knows where the shards went.
  if (modelUrl.href === defaultModelUrl().href && Object.hasOwn(MODEL_FILES, path)) return MODEL_FILES[path]();
  return new URL(path, modelUrl);
}

export async function wasmPaths() {
  return {
${WASM_FILES.map((name) => `    ${JSON.stringify(name)}: ${url(`wasm/${name}`)}.href,`).join('\n')}
  };
}
`;
}

function packagedAssets(files: string[]): Plugin {
  const source = path.join(ROOT, 'src/model/assets.ts');
  const code = assetsModule(files);
  return {
    name: 'mobilenet-packaged-assets',
    enforce: 'pre',
    load(id) {
      return path.resolve(id.split('?')[0]) === source ? code : undefined;
    },
    renderChunk(code, chunk) {
      if (!code.includes('__MOBILENET_ASSET_URL__')) return null;
      // Relative to the chunk's own file: './model/…' from dist/lib itself, '../model/…' from a subfolder.
      const up = path.posix.relative(path.posix.dirname(chunk.fileName), '.');
      const out = code.replace(
        ASSET_URL_CALL,
        (_, _quote, file: string) => `new URL(${JSON.stringify(up ? `${up}/${file}` : `./${file}`)}, import.meta.url)`,
      );
      if (out.includes('__MOBILENET_ASSET_URL__'))
        throw new BuildError('an asset URL placeholder was left in the output');
      return { code: out, map: null };
    },
  };
}

/** A library build into dist/lib with the packaged asset URLs; `options` says what differs. */
async function buildLib(files: string[], options: Pick<BuildEnvironmentOptions, 'minify' | 'lib' | 'rolldownOptions'>) {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    plugins: [packagedAssets(files)],
    build: { outDir: OUT, emptyOutDir: false, target: 'es2022', ...options },
  });
}

/** The ES modules: one file per entry plus shared chunks, dependencies left as imports. */
async function buildModules(files: string[]): Promise<void> {
  await buildLib(files, {
    // Readable for whoever debugs it in their app; their bundler minifies.
    minify: false,
    lib: { entry: { index: 'src/index.ts', define: 'src/define.ts' }, formats: ['es'] },
    rolldownOptions: {
      external: (id) => EXTERNAL.test(id),
      output: { chunkFileNames: '[name]-[hash].js' },
    },
  });
}

/**
 * The drop-in: a minified ES module with Lit and the element, which paints at once, and the chunks it
 * imports when a model loads (in bundle/, named after what they hold): tf.js, the classifier, each
 * backend, and the trainer with tf.js's gradients when training starts.
 */
async function buildBundle(files: string[], singleFile = false): Promise<void> {
  const cpuShared = await cpuSharedModules();
  // tf.js itself: the core and the converter (without the gradients, which only training needs) and the
  // cpu backend's kernel code, which the wasm and WebGL backends import too.
  const tfjsCode = (id: string): boolean => {
    const name = tfjsPackage(id);
    if (name === 'tfjs-core' || name === 'tfjs-converter') return !/gradients/.test(id);
    return name === 'tfjs-backend-cpu' && cpuShared.has(path.resolve(id));
  };
  await buildLib(files, {
    // esbuild, not Vite's default Oxc: Oxc rewrites the `typeof _scriptDir` guard in tf.js's threaded
    // glue, whose text tf.js's pthread workers run, and every worker then fails (src/model/threads.ts).
    // esbuild keeps `typeof`, as tf.js's README asks of a minifier.
    minify: 'esbuild',
    lib: { entry: { bundle: 'src/bundle.ts' }, formats: ['es'], fileName: () => BUNDLE_FILE },
    rolldownOptions: {
      output: singleFile
        ? { codeSplitting: false }
        : {
            // A backend's own entry would be named after its file (dist/index.js): name it after its package.
            chunkFileNames: (chunk) =>
              `${BUNDLE_CHUNKS}/${chunk.facadeModuleId ? (tfjsPackage(chunk.facadeModuleId) ?? chunk.name) : chunk.name}-[hash].js`,
            codeSplitting: {
              groups: [
                // First, so that no backend's chunk takes the code they share.
                { name: 'tfjs', test: tfjsCode, priority: 2 },
                // One chunk per backend: a page fetches the one it runs on; and tf.js's gradients, which
                // the trainer imports when training starts.
                { name: (id) => (/gradients/.test(id) ? 'tfjs-gradients' : (tfjsPackage(id) ?? null)), priority: 1 },
              ],
            },
          },
    },
  });
}

/** The tf.js package a module belongs to: `tfjs-core`, `tfjs-backend-wasm`… */
function tfjsPackage(id: string): string | undefined {
  return /node_modules\/@tensorflow\/(tfjs-[\w-]+)\//.exec(id)?.[1];
}

/**
 * The files `@tensorflow/tfjs-backend-cpu/dist/shared` reaches: the cpu backend's kernel code, which the
 * wasm and WebGL backends import. In the drop-in they make a chunk of their own, so that those pages
 * fetch neither the cpu backend nor each other's code for it.
 */
async function cpuSharedModules(): Promise<Set<string>> {
  const { metafile } = await esbuild({
    entryPoints: [path.join(ROOT, 'node_modules/@tensorflow/tfjs-backend-cpu/dist/shared.js')],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    logLevel: 'silent',
    external: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-core/*'],
  });
  return new Set(Object.keys(metafile.inputs).map((input) => path.resolve(ROOT, input)));
}

/** assets.js and its command line, assets-cli.js: Node modules, for the bundlers that copy no asset files. */
async function buildNode(): Promise<void> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: OUT,
      emptyOutDir: false,
      target: 'node20',
      ssr: true,
      minify: false,
      lib: { entry: { assets: 'src/node/assets.ts', 'assets-cli': 'src/node/assets-cli.ts' }, formats: ['es'] },
    },
  });
}

/** index.d.ts and define.d.ts, with the types of every module they reach inlined. */
async function buildTypes(): Promise<void> {
  const bundle = await rollup({
    input: { index: path.join(ROOT, 'src/index.ts'), define: path.join(ROOT, 'src/define.ts') },
    plugins: [dts({ tsconfig: path.join(ROOT, 'tsconfig.json'), compilerOptions: { noEmit: false } })],
    external: (id) => EXTERNAL.test(id),
  });
  await bundle.write({ dir: OUT, format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: '[name]-[hash].d.ts' });
  await bundle.close();
  const node = await rollup({
    input: { assets: path.join(ROOT, 'src/node/assets.ts') },
    plugins: [dts({ tsconfig: path.join(ROOT, 'tsconfig.node.json'), compilerOptions: { noEmit: false } })],
    external: (id) => id.startsWith('node:'),
  });
  await node.write({ dir: OUT, format: 'es', entryFileNames: '[name].d.ts' });
  await node.close();
  // The drop-in exports what index.js exports and registers the tag, as define.js does.
  await writeFile(
    path.join(OUT, BUNDLE_FILE.replace(/\.js$/, '.d.ts')),
    "import './define.js';\n\nexport * from './index.js';\n",
  );
}

async function copyAssets(files: string[]): Promise<void> {
  await mkdir(path.join(OUT, 'model'), { recursive: true });
  for (const file of [...files, 'MODEL_CARD.md'])
    await copyFile(path.join(MODEL_DIR, file), path.join(OUT, 'model', file));
  await mkdir(path.join(OUT, 'wasm'), { recursive: true });
  for (const file of WASM_FILES) await copyFile(path.join(WASM_DIR, file), path.join(OUT, 'wasm', file));
}

/** Every file under `dir` with its size, relative paths, sorted. */
async function listFiles(dir: string): Promise<[string, number][]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const sized = await Promise.all(
    files.map(async (file): Promise<[string, number]> => [path.relative(dir, file), (await stat(file)).size]),
  );
  return sized.sort(([a], [b]) => a.localeCompare(b));
}

async function main(): Promise<number> {
  if (ARGS.help) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  try {
    const files = await modelFiles();
    await rm(OUT, { recursive: true, force: true });
    if (ARGS['drop-in']) {
      await buildBundle(files, ARGS['single-file']);
    } else {
      await buildModules(files);
      await buildBundle(files);
      await buildNode();
      await buildTypes();
    }
    await copyAssets(files);
  } catch (error) {
    if (error instanceof BuildError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const listing = await listFiles(OUT);
  const width = Math.max(...listing.map(([name]) => name.length));
  console.log(`lib: built ${path.relative(ROOT, OUT)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const [name, bytes] of listing) console.log(`  ${name.padEnd(width)}  ${String(bytes).padStart(9)} bytes`);
  const total = listing.reduce((sum, [, bytes]) => sum + bytes, 0);
  console.log(`  ${'total'.padEnd(width)}  ${String(total).padStart(9)} bytes`);
  console.log('  the drop-in, gzipped (gzip -9):');
  for (const [name] of listing.filter(([name]) => name === BUNDLE_FILE || name.startsWith(`${BUNDLE_CHUNKS}/`))) {
    const gzipped = gzipSync(await readFile(path.join(OUT, name)), { level: 9 }).byteLength;
    console.log(`    ${name.padEnd(width)}  ${String(gzipped).padStart(9)} bytes`);
  }
  return 0;
}

process.exitCode = await main();
