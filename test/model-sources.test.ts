import { readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../scripts/model/build-model';
import { ModelBuildError } from '../scripts/model/sources';
import { copySources, runCli, sourcesDir, tempDir, withHeadShape, type CliResult } from './model-helpers';

const cleanup: string[] = [];

afterAll(async () => {
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Copies the sources, lets `breakIt` damage the copy, and runs the CLI on it. */
async function buildBroken(breakIt: (dir: string) => void): Promise<CliResult> {
  const sources = await copySources();
  const out = await tempDir('out');
  cleanup.push(sources, out);
  breakIt(sources);
  return runCli(['--sources', sources, '--out', join(out, 'model')]);
}

function expectFailure(result: CliResult, message: string | RegExp): void {
  expect(result.code, `exit code; stdout: ${result.stdout}`).toBe(1);
  expect(result.stderr).toMatch(typeof message === 'string' ? new RegExp(escape(message)) : message);
  // One clear line, not a stack trace.
  expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the CLI on damaged sources', () => {
  it('names a missing source file', async () => {
    const result = await buildBroken((dir) => rmSync(join(dir, 'imagenet-wnids.txt')));
    expectFailure(result, /^error: model source imagenet-wnids\.txt: missing \(looked for .*imagenet-wnids\.txt\)$/m);
  });

  it('reports a changed byte in the weight shard as a sha256 mismatch', async () => {
    const result = await buildBroken((dir) => {
      const file = join(dir, 'feature-vector/group1-shard1of1.bin');
      const bytes = readFileSync(file);
      bytes[1_000_000] = bytes[1_000_000]! ^ 0xff;
      writeFileSync(file, bytes);
    });
    expectFailure(
      result,
      /model source feature-vector\/group1-shard1of1\.bin: sha256 mismatch \(expected 8631f177b1c871705359c888de254fa98a261d94b4ef893ac265aaeee5dac758, got [0-9a-f]{64}\)/,
    );
  });

  it('reports a short weight shard as truncated, with the expected and found sizes', async () => {
    const result = await buildBroken((dir) =>
      truncateSync(join(dir, 'feature-vector/group1-shard1of1.bin'), 2_713_000),
    );
    expectFailure(
      result,
      'model source feature-vector/group1-shard1of1.bin: truncated shard (expected 2713640 bytes, found 2713000)',
    );
  });

  it('names the head tensor whose shape is wrong', async () => {
    const result = await buildBroken((dir) => {
      const file = join(dir, 'mobilenet_v2_0_5_96_quant.tflite');
      writeFileSync(file, withHeadShape(new Uint8Array(readFileSync(file)), 1279));
    });
    expectFailure(
      result,
      'model source mobilenet_v2_0_5_96_quant.tflite: tensor MobilenetV2/Logits/Conv2d_1c_1x1/weights_quant/FakeQuantWithMinMaxVars has shape [1001,1,1,1279], expected [1001,1,1,1280]',
    );
  });

  it('reports a labels file with a line missing', async () => {
    const result = await buildBroken((dir) => {
      const file = join(dir, 'imagenet-labels.txt');
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.splice(500, 1);
      writeFileSync(file, lines.join('\n'));
    });
    expectFailure(result, 'model source imagenet-labels.txt: has 1000 lines, expected 1001');
  });

  it('exits 2 with the usage for an unknown option', async () => {
    const result = await runCli(['--sources', sourcesDir, '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run model');
  });
});

describe('buildModel on damaged sources', () => {
  // In-process: faster than the CLI for checks whose exit path the CLI tests above already cover.
  async function rejection(breakIt: (dir: string) => void): Promise<string> {
    const sources = await copySources();
    const out = await tempDir('out');
    cleanup.push(sources, out);
    breakIt(sources);
    const error = await buildModel({ sources, out: join(out, 'model'), backbone: 'float32' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelBuildError);
    return (error as Error).message;
  }

  it('reports a shard longer than its manifest', async () => {
    const message = await rejection((dir) => {
      const file = join(dir, 'feature-vector/group1-shard1of1.bin');
      writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.alloc(8)]));
    });
    expect(message).toBe(
      'model source feature-vector/group1-shard1of1.bin: shard longer than its manifest requires (expected 2713640 bytes, found 2713648)',
    );
  });

  it('reports a graph whose input shape is not [-1,96,96,3]', async () => {
    const message = await rejection((dir) => {
      const file = join(dir, 'feature-vector/model.json');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('{"size": "96"}, {"size": "96"}', '{"size": "224"}, {"size": "224"}'),
      );
    });
    expect(message).toBe(
      'model source feature-vector/model.json: input images has shape [-1,224,224,3], expected [-1,96,96,3]',
    );
  });

  it('reports a graph without the feature-vector node', async () => {
    const message = await rejection((dir) => {
      const file = join(dir, 'feature-vector/model.json');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replaceAll('hub_output/feature_vector/SpatialSqueeze', 'hub_output/other'),
      );
    });
    expect(message).toBe(
      'model source feature-vector/model.json: graph has no node module_apply_default/hub_output/feature_vector/SpatialSqueeze',
    );
  });

  it('reports a file that is not a TFLite model', async () => {
    const message = await rejection((dir) =>
      writeFileSync(join(dir, 'mobilenet_v2_0_5_96_quant.tflite'), 'not a model'),
    );
    expect(message).toMatch(/^model source mobilenet_v2_0_5_96_quant\.tflite: not a TFLite model/);
  });

  it('reports a wnid that is not a WordNet id', async () => {
    const message = await rejection((dir) => {
      const file = join(dir, 'imagenet-wnids.txt');
      writeFileSync(file, readFileSync(file, 'utf8').replace('n01440764', 'tench'));
    });
    expect(message).toBe('model source imagenet-wnids.txt: line 2 is "tench", expected a WordNet id like n01440764');
  });

  it('reports a labels file whose first line is not background', async () => {
    const message = await rejection((dir) => {
      const file = join(dir, 'imagenet-labels.txt');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^background/, 'nothing'));
    });
    expect(message).toBe('model source imagenet-labels.txt: line 1 is "nothing", expected "background"');
  });

  it('points at --sources and MODEL_SOURCES when the directory does not exist', async () => {
    const error = await buildModel({
      sources: '/nonexistent/model-sources',
      out: '/tmp/unused',
      backbone: 'float32',
    }).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      'model sources directory /nonexistent/model-sources not found; pass --sources <dir> or set MODEL_SOURCES',
    );
  });
});

describe('a failed build', () => {
  let parent: string;
  let out: string;
  let before: Map<string, string>;

  const snapshot = (dir: string) =>
    new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));

  beforeAll(async () => {
    parent = await tempDir('keep');
    cleanup.push(parent);
    out = join(parent, 'model');
    await buildModel({ sources: sourcesDir, out, backbone: 'float32' });
    before = snapshot(out);
  });

  it('leaves a previously built output untouched and no temporary directory behind', async () => {
    const broken = await copySources();
    cleanup.push(broken);
    rmSync(join(broken, 'feature-vector/model.json'));
    const mtime = statSync(join(out, 'model.json')).mtimeMs;

    const result = await runCli(['--sources', broken, '--out', out]);

    expect(result.code).toBe(1);
    expect(readdirSync(parent)).toEqual(['model']);
    expect(statSync(join(out, 'model.json')).mtimeMs).toBe(mtime);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses to replace a non-empty directory it did not write', async () => {
    const foreign = await tempDir('foreign');
    cleanup.push(foreign);
    writeFileSync(join(foreign, 'keep.txt'), 'precious');
    const error = await buildModel({ sources: sourcesDir, out: foreign, backbone: 'float32' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(ModelBuildError);
    expect((error as Error).message).toMatch(/is not empty and holds no build\.json/);
    expect(readdirSync(foreign)).toEqual(['keep.txt']);
  });

  it('replaces a previous build in place, leaving only the output directory', async () => {
    await buildModel({ sources: sourcesDir, out, backbone: 'float16' });
    expect(readdirSync(parent)).toEqual(['model']);
    expect(JSON.parse(readFileSync(join(out, 'build.json'), 'utf8')).options.backbone).toBe('float16');
  });
});
