/**
 * The benchmark's static server: the built bench page plus the files it needs, each from where it
 * already lives (nothing is copied), with the caching headers of an ordinary static host:
 * - hashed build assets (`/assets/*`): `Cache-Control: max-age=31536000, immutable`;
 * - everything else: `Cache-Control: no-cache` with an ETag, so a revisit costs a 304.
 * `?coi=1` on a page makes it cross-origin isolated (COOP + COEP), for the APIs that need it.
 *
 * It counts the bytes it sends per request, so "zero model bytes on the second visit" is checked
 * on the server side, not only from the page's own Resource Timing.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A URL prefix and the directory (or single file) it is served from. */
export interface Mount {
  prefix: string;
  path: string;
  /** Serve one file for exactly this URL. */
  file?: boolean;
  /** Send text files (JS, JSON, HTML, CSS) gzipped to a browser that accepts it, as static hosts do. */
  gzip?: boolean;
}

export interface RequestRecord {
  path: string;
  status: number;
  bytes: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.tflite': 'application/octet-stream',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.md': 'text/markdown; charset=utf-8',
};

/** What a static host compresses. */
const GZIPPED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.md']);

export class StaticServer {
  readonly log: RequestRecord[] = [];
  private server?: Server;

  constructor(private readonly mounts: Mount[]) {}

  /** Starts on a free port of 127.0.0.1; returns the origin. */
  async start(): Promise<string> {
    this.server = createServer((request, response) => this.handle(request, response));
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }

  /** Forgets the request log, e.g. between two visits. */
  resetLog(): void {
    this.log.length = 0;
  }

  private resolvePath(pathname: string): { file: string; mount: Mount } | undefined {
    for (const mount of this.mounts) {
      if (mount.file) {
        if (pathname === mount.prefix) return { file: mount.path, mount };
        continue;
      }
      if (!pathname.startsWith(mount.prefix)) continue;
      const relative = pathname.slice(mount.prefix.length) || 'index.html';
      const file = resolve(mount.path, relative);
      if (file !== mount.path && !file.startsWith(mount.path + sep)) return undefined;
      return { file, mount };
    }
    return undefined;
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    const record = (status: number, bytes: number) => this.log.push({ path: pathname, status, bytes });
    const found = this.resolvePath(pathname);
    const file = found?.file;
    let size: number;
    let mtime: number;
    try {
      if (!file) throw new Error('outside the mounts');
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
      mtime = stat.mtimeMs;
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      record(404, 0);
      return;
    }
    const etag = `"${size.toString(16)}-${Math.floor(mtime).toString(16)}"`;
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      etag,
      'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'cross-origin-resource-policy': 'same-origin',
    };
    if (url.searchParams.get('coi') === '1') {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      record(304, 0);
      return;
    }
    const gzip =
      found!.mount.gzip && GZIPPED.has(extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
    const body = gzip ? gzipSync(readFileSync(file), { level: 9 }) : undefined;
    if (body) headers['content-encoding'] = 'gzip';
    headers['content-length'] = String(body?.byteLength ?? size);
    response.writeHead(200, headers);
    if (request.method === 'HEAD') {
      response.end();
      record(200, 0);
      return;
    }
    if (body) response.end(body);
    else createReadStream(file!).pipe(response);
    record(200, body?.byteLength ?? size);
  }
}
