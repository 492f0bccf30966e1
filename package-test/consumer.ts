// The consumer's side of the package test: `npm pack` this repository, install the tarball into a
// fresh app in a temporary directory, build that app's pages with the app's own Vite, and serve them.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

/** A served page of the consumer app. */
export interface ServedApp {
  name: 'plain' | 'plain-dev' | 'react' | 'drop-in';
  url: string;
}

export interface Consumer {
  /** The temporary app directory (removed afterwards). */
  dir: string;
  pack: PackResult;
  apps: Record<ServedApp['name'], ServedApp>;
}

/** Runs a command; a failure reports the command and everything it printed. */
async function exec(file: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(file, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
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

async function serve(
  root: string,
  name: ServedApp['name'],
  servers: (PreviewServer | ViteDevServer)[],
): Promise<ServedApp> {
  // Only the static files of the built app are served: the same as any static host would.
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: 'dist' },
    preview: { host: '127.0.0.1', port: 0, strictPort: true },
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

/**
 * Packs, installs and builds. The dependencies of the app come from the npm registry (or npm's
 * cache): React 19, and the same Vite as this repository's.
 */
export async function setUpConsumer(
  testImage: string,
  log: (line: string) => void,
): Promise<{ consumer: Consumer; close(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mobilenet-consumer-'));
  const servers: (PreviewServer | ViteDevServer)[] = [];
  const close = async () => {
    await Promise.all(servers.map((server) => server.close()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    log(`npm pack (builds the model if stale, the manifest and dist/lib) into ${dir}`);
    const pack = parsePackOutput((await exec('npm', ['pack', '--json', '--pack-destination', dir], ROOT)).stdout);

    const viteVersion = JSON.parse(await readFile(path.join(ROOT, 'node_modules/vite/package.json'), 'utf8'))
      .version as string;
    await writeFile(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }, null, 2),
    );
    await cp(APPS, dir, { recursive: true });
    log(`npm install ${pack.filename}, react@19, react-dom@19, vite@${viteVersion}, @vitejs/plugin-react@6`);
    await exec(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        path.join(dir, pack.filename),
        'react@19',
        'react-dom@19',
        `vite@${viteVersion}`,
        '@vitejs/plugin-react@6',
      ],
      dir,
    );

    const vite = path.join(dir, 'node_modules/vite/bin/vite.js');
    for (const name of ['plain', 'react'] as const) {
      await mkdir(path.join(dir, name, 'public'), { recursive: true });
      await cp(testImage, path.join(dir, name, 'public/test-image.jpg'));
      log(`vite build ${name}`);
      const { stdout, stderr } = await exec(
        process.execPath,
        [vite, 'build', '--logLevel', 'warn'],
        path.join(dir, name),
      );
      const output = stdout + stderr;
      // E.g. "new URL(...) doesn't exist at build time": Vite could not find a file the package names.
      if (/mobilenet-classifier|new URL/.test(output))
        throw new Error(`vite build ${name} warned about the package:\n${output}`);
    }
    // The drop-in: the package's dist/lib folder copied as it is beside a static page.
    const dropIn = path.join(dir, 'drop-in/dist');
    await mkdir(dropIn, { recursive: true });
    await cp(path.join(dir, 'drop-in/index.html'), path.join(dropIn, 'index.html'));
    await cp(path.join(dir, 'node_modules/mobilenet-classifier/dist/lib'), path.join(dropIn, 'mobilenet-classifier'), {
      recursive: true,
    });
    await cp(testImage, path.join(dropIn, 'test-image.jpg'));

    const apps = {
      plain: await serve(path.join(dir, 'plain'), 'plain', servers),
      'plain-dev': await serveDev(dir, servers),
      react: await serve(path.join(dir, 'react'), 'react', servers),
      'drop-in': await serve(path.join(dir, 'drop-in'), 'drop-in', servers),
    };
    return { consumer: { dir, pack, apps }, close };
  } catch (error) {
    await close();
    throw error;
  }
}
