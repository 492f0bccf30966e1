/**
 * Shared helpers of the model builder's Node tests: where the sources are, copying and breaking
 * them, running the real CLI, and loading a built model with tf.js from disk.
 */
import { execFile } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { io } from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import { findTensor, HEAD, readTflite } from '../scripts/model/tflite';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The real model sources, located the same way the CLI does. */
export const sourcesDir = resolve(repoRoot, process.env['MODEL_SOURCES'] ?? '../shared/model-sources');

/** A fresh temporary directory. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `mobilenet-${prefix}-`));
}

/**
 * Copies the model sources into a fresh writable directory. The shared sources are read-only, and
 * `cp` keeps their mode, so every copied entry is made writable.
 */
export async function copySources(): Promise<string> {
  const dir = await tempDir('sources');
  cpSync(sourcesDir, dir, { recursive: true });
  const makeWritable = async (path: string): Promise<void> => {
    const isDir = statSync(path).isDirectory();
    await chmod(path, isDir ? 0o755 : 0o644);
    if (isDir) for (const name of readdirSync(path)) await makeWritable(join(path, name));
  };
  await makeWritable(dir);
  return dir;
}

/** Exit code and output of one CLI run. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/model/build.ts` through tsx in a child process, as `npm run model` does. */
export function runCli(args: string[]): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'scripts/model/build.ts'), ...args],
      { cwd: repoRoot },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ code, stdout, stderr });
      },
    );
  });
}

/**
 * A copy of the tflite with the head weights' last dimension changed. The shape vector is located
 * as its exact bytes (length 4, then 1001,1,1,1280 as int32), must occur once, and the change is
 * confirmed through the reader.
 */
export function withHeadShape(bytes: Uint8Array, lastDim: number): Uint8Array {
  const pattern = new Uint8Array(new Int32Array([4, 1001, 1, 1, 1280]).buffer);
  const hits: number[] = [];
  for (let i = 0; i + pattern.length <= bytes.length; i += 4) {
    if (pattern.every((b, k) => bytes[i + k] === b)) hits.push(i);
  }
  expect(hits, 'occurrences of the [1001,1,1,1280] shape vector in the tflite').toHaveLength(1);
  const copy = bytes.slice();
  new DataView(copy.buffer).setInt32(hits[0]! + 16, lastDim, true);
  expect(findTensor(readTflite(copy), HEAD.weights.name).shape).toEqual([1001, 1, 1, lastDim]);
  return copy;
}

/** Parsed `model.json` of a built or source model, as far as the tests read it. */
export interface ModelJson {
  format: string;
  convertedBy: string;
  signature?: {
    inputs: Record<string, { name: string; tensorShape: { dim: { size: string }[] } }>;
    outputs: Record<string, { name: string; tensorShape: { dim: { size: string }[] } }>;
  };
  userDefinedMetadata?: Record<string, unknown>;
  modelTopology: { node: { name: string; op: string; input?: string[]; attr?: Record<string, unknown> }[] };
  weightsManifest: {
    paths: string[];
    weights: {
      name: string;
      shape: number[];
      dtype: string;
      quantization?: { dtype: string; scale?: number; min?: number };
    }[];
  }[];
}

/** Reads `<dir>/model.json`. */
export function readModelJson(dir: string): ModelJson {
  return JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ModelJson;
}

/**
 * A tf.js IOHandler that reads a graph model and its shards from a directory, concatenating the
 * shards in manifest order exactly as the browser's HTTP loader does.
 */
export function directoryHandler(dir: string): io.IOHandler {
  return {
    load: async () => {
      const json = readModelJson(dir);
      const shards = json.weightsManifest.flatMap((group) => group.paths).map((p) => readFileSync(join(dir, p)));
      const weightData = new Uint8Array(shards.reduce((n, s) => n + s.length, 0));
      let offset = 0;
      for (const shard of shards) {
        weightData.set(shard, offset);
        offset += shard.length;
      }
      return {
        format: json.format,
        convertedBy: json.convertedBy,
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((group) => group.weights) as io.WeightsManifestEntry[],
        weightData: weightData.buffer,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata as io.ModelArtifacts['userDefinedMetadata'],
      };
    },
  };
}
