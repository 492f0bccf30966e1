// The consumer's side of the package test: `npm pack` this repository, install the tarball into a
// fresh app in a temporary directory, build that app's pages with each bundler (Vite, webpack, Rollup,
// esbuild, Next.js), all from one npm install, and serve them.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { preview, type PreviewServer, type ViteDevServer } from 'vite';

const run = promisify(execFile);

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APPS = path.join(ROOT, 'package-test/apps');

/** What `npm pack --json` says about the tarball. */
export interface PackResult {
  filename: string;
  /** Bytes of the .tgz. */
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

export type AppName =
  | 'plain'
  | 'plain-dev'
  | 'react'
  | 'react-isolated'
  | 'drop-in'
  | 'drop-in-isolated'
  | 'webpack'
  | 'webpack-isolated'
  | 'rollup'
  | 'esbuild'
  | 'esbuild-isolated'
  | 'esbuild-elsewhere'
  | 'next';

/** The two headers that make a page cross-origin isolated, the condition for wasm threads. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** A served page of the consumer app. */
export interface ServedApp {
  name: AppName;
  url: string;
}

export interface Consumer {
  /** The temporary app directory (removed afterwards). */
  dir: string;
  pack: PackResult;
  /** Everything `npm install` printed, warnings included. */
  installOutput: string;
  apps: Record<AppName, ServedApp>;
  /** What `next start` has printed so far (stdout and stderr). */
  nextServerOutput(): string;
}

/**
 * The consumer's dependencies besides the tarball, installed once for every app: the bundlers, the
 * frameworks and the frameworks' type checkers. Vite is this repository's own version.
 */
function dependencies(viteVersion: string): string[] {
  return [
    'react@19',
    'react-dom@19',
    '@types/react@19',
    `vite@${viteVersion}`,
    '@vitejs/plugin-react@6',
    'webpack@5',
    'rollup@4',
    '@rollup/plugin-node-resolve@16',
    '@rollup/plugin-commonjs@29',
    '@web/rollup-plugin-import-meta-assets@2',
    'esbuild@0.28',
    'next@16',
    'typescript@~5.9',
    'vue@3',
    'vue-tsc@3',
    'svelte@5',
    'svelte-check@4',
  ];
}

/** Next.js asks to send telemetry unless told not to; nothing of the test leaves the machine. */
const ENV = { ...process.env, NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1' };

/** Runs a command; a failure reports the command and everything it printed. */
export async function exec(file: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(file, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: ENV });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${[file, ...args].join(' ')}\` failed in ${cwd}:\n${stdout}\n${stderr}`, { cause: error });
  }
}

/** The JSON that `npm pack --json` prints after whatever the prepack scripts printed. */
function parsePackOutput(stdout: string): PackResult {
  const start = stdout.search(/^\[\s*$/m);
  if (start < 0) throw new Error(`npm pack printed no JSON:\n${stdout}`);
  const [result] = JSON.parse(stdout.slice(start)) as PackResult[];
  return result;
}

/** Serves a built app's static files, with `headers` on every response. */
async function serve(
  root: string,
  name: AppName,
  servers: (PreviewServer | ViteDevServer)[],
  headers: Record<string, string> = {},
): Promise<ServedApp> {
  // Only the static files of the built app are served: the same as any static host would.
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: 'dist' },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, headers },
  });
  servers.push(server);
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error(`the static server for ${name} did not report its address`);
  return { name, url };
}

/** The plain page on the app's own Vite dev server, which pre-bundles the package into node_modules/.vite. */
async function serveDev(dir: string, servers: (PreviewServer | ViteDevServer)[]): Promise<ServedApp> {
  const vite = (await import(
    pathToFileURL(path.join(dir, 'node_modules/vite/dist/node/index.js')).href
  )) as typeof import('vite');
  const server = await vite.createServer({
    root: path.join(dir, 'plain'),
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: true },
  });
  servers.push(server);
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the dev server for plain-dev did not report its address');
  return { name: 'plain-dev', url };
}

/** A port no one listens on now, for `next start`, which takes no port 0. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `next start` on the built app; resolves once it answers. */
async function startNext(dir: string, output: string[]): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [path.join(dir, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)],
    { cwd: path.join(dir, 'next'), env: ENV, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}/`;
  for (const started = Date.now(); Date.now() - started < 60_000;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output.join('')}`);
    if (
      await fetch(url, { method: 'HEAD' }).then(
        () => true,
        () => false,
      )
    )
      return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error(`next start did not answer on ${url} within 60 s:\n${output.join('')}`);
}

/** Fails when a build printed anything about the package (a warning, a file it could not find). */
function checkBuildOutput(name: string, { stdout, stderr }: { stdout: string; stderr: string }): void {
  const output = stdout + stderr;
  // E.g. Vite's "new URL(...) doesn't exist at build time": the bundler could not find a file the package names.
  if (/mobilenet-classifier|new URL/.test(output)) throw new Error(`${name} warned about the package:\n${output}`);
}

/** Copies the page and the test image into a bundler's output folder, which is then served as it is. */
async function addPage(dist: string, testImage: string, pages: Record<string, string>): Promise<void> {
  for (const [from, to] of Object.entries(pages)) await cp(from, path.join(dist, to));
  await cp(testImage, path.join(dist, 'test-image.jpg'));
}

/** Times a step for the log. */
async function step<T>(log: (line: string) => void, what: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  log(`${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * Packs, installs and builds. The dependencies of the app come from the npm registry (or npm's
 * cache); the bundlers' builds run side by side.
 */
export async function setUpConsumer(
  testImage: string,
  log: (line: string) => void,
): Promise<{ consumer: Consumer; close(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mobilenet-consumer-'));
  const servers: (PreviewServer | ViteDevServer)[] = [];
  let next: ChildProcess | undefined;
  const nextOutput: string[] = [];
  const close = async () => {
    next?.kill();
    await Promise.all(servers.map((server) => server.close()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const pack = await step(
      log,
      `npm pack (builds the model if stale, the manifest and dist/lib) into ${dir}`,
      async () => parsePackOutput((await exec('npm', ['pack', '--json', '--pack-destination', dir], ROOT)).stdout),
    );

    const viteVersion = JSON.parse(await readFile(path.join(ROOT, 'node_modules/vite/package.json'), 'utf8'))
      .version as string;
    await writeFile(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }, null, 2),
    );
    await cp(APPS, dir, { recursive: true });
    const packages = dependencies(viteVersion);
    const install = await step(log, `npm install ${pack.filename} ${packages.join(' ')}`, () =>
      exec(
        'npm',
        ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(dir, pack.filename), ...packages],
        dir,
      ),
    );

    const node = (script: string, args: string[], cwd: string) =>
      exec(process.execPath, [path.join(dir, 'node_modules', script), ...args], cwd);
    const builds: Record<string, () => Promise<void>> = {
      async vite() {
        for (const name of ['plain', 'react'] as const) {
          await mkdir(path.join(dir, name, 'public'), { recursive: true });
          await cp(testImage, path.join(dir, name, 'public/test-image.jpg'));
          checkBuildOutput(
            `vite build ${name}`,
            await node('vite/bin/vite.js', ['build', '--logLevel', 'warn'], path.join(dir, name)),
          );
        }
      },
      async webpack() {
        const app = path.join(dir, 'webpack');
        checkBuildOutput('webpack', await exec(process.execPath, ['build.js'], app));
        await addPage(path.join(app, 'dist'), testImage, { [path.join(dir, 'bundled.html')]: 'index.html' });
      },
      async rollup() {
        const app = path.join(dir, 'rollup');
        checkBuildOutput('rollup', await node('rollup/dist/bin/rollup', ['-c', '--silent'], app));
        await addPage(path.join(app, 'dist'), testImage, { [path.join(dir, 'bundled.html')]: 'index.html' });
      },
      async esbuild() {
        const app = path.join(dir, 'esbuild');
        checkBuildOutput('esbuild', await exec(process.execPath, ['build.js'], app));
        // The package's command, as `npx mobilenet-classifier-assets` runs it.
        const assets = path.join(dir, 'node_modules/.bin/mobilenet-classifier-assets');
        for (const folder of ['dist', 'dist/vendor']) log((await exec(assets, [folder], app)).stdout.trim());
        await addPage(path.join(app, 'dist'), testImage, {
          [path.join(dir, 'bundled.html')]: 'index.html',
          [path.join(app, 'elsewhere.html')]: 'elsewhere.html',
        });
      },
      async next() {
        const app = path.join(dir, 'next');
        await mkdir(path.join(app, 'public'), { recursive: true });
        await cp(testImage, path.join(app, 'public/test-image.jpg'));
        checkBuildOutput('next build', await node('next/dist/bin/next', ['build'], app));
      },
    };
    await step(log, `builds side by side (${Object.keys(builds).join(', ')})`, () =>
      Promise.all(Object.entries(builds).map(([name, build]) => step(log, `  ${name}`, build))),
    );

    // The drop-in: the package's dist/lib folder copied as it is beside a static page.
    const dropIn = path.join(dir, 'drop-in/dist');
    await mkdir(dropIn, { recursive: true });
    await cp(path.join(dir, 'drop-in/index.html'), path.join(dropIn, 'index.html'));
    await cp(path.join(dir, 'node_modules/mobilenet-classifier/dist/lib'), path.join(dropIn, 'mobilenet-classifier'), {
      recursive: true,
    });
    await cp(testImage, path.join(dropIn, 'test-image.jpg'));

    const started = await startNext(dir, nextOutput);
    next = started.child;
    const esbuild = await serve(path.join(dir, 'esbuild'), 'esbuild', servers);
    const apps: Record<AppName, ServedApp> = {
      plain: await serve(path.join(dir, 'plain'), 'plain', servers),
      'plain-dev': await serveDev(dir, servers),
      react: await serve(path.join(dir, 'react'), 'react', servers),
      'react-isolated': await serve(path.join(dir, 'react'), 'react-isolated', servers, ISOLATION_HEADERS),
      'drop-in': await serve(path.join(dir, 'drop-in'), 'drop-in', servers),
      'drop-in-isolated': await serve(path.join(dir, 'drop-in'), 'drop-in-isolated', servers, ISOLATION_HEADERS),
      webpack: await serve(path.join(dir, 'webpack'), 'webpack', servers),
      'webpack-isolated': await serve(path.join(dir, 'webpack'), 'webpack-isolated', servers, ISOLATION_HEADERS),
      rollup: await serve(path.join(dir, 'rollup'), 'rollup', servers),
      esbuild,
      'esbuild-isolated': await serve(path.join(dir, 'esbuild'), 'esbuild-isolated', servers, ISOLATION_HEADERS),
      'esbuild-elsewhere': { name: 'esbuild-elsewhere', url: new URL('elsewhere.html', esbuild.url).href },
      next: { name: 'next', url: started.url },
    };
    return {
      consumer: {
        dir,
        pack,
        installOutput: install.stdout + install.stderr,
        apps,
        nextServerOutput: () => nextOutput.join(''),
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
