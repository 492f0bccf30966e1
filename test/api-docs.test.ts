// The README's API tables are generated (npm run docs): this fails when they drift from the source.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  apiTablesDrift,
  END_MARKER,
  README,
  renderApiTables,
  replaceApiSection,
  START_MARKER,
  type Manifest,
} from '../scripts/docs/api-tables';
import { generateManifest } from '../scripts/docs/manifest';

let manifest: Manifest;
let readme: string;

// The analyzer parses every source file: on a busy 2-core machine that took over the default 10 s.
beforeAll(async () => {
  manifest = await generateManifest();
  readme = readFileSync(README, 'utf8');
}, 120_000);

describe('custom-elements.json, generated in memory', () => {
  test('describes <mobilenet-classifier> with its attributes, events, slots, parts and CSS properties', () => {
    const element = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .find((d) => d.tagName === 'mobilenet-classifier');
    expect(
      element,
      'no declaration with tagName "mobilenet-classifier": is its registration module in the config globs?',
    ).toBeDefined();
    const attributes = element!.members?.filter((m) => m.attribute).map((m) => m.attribute);
    expect(attributes).toEqual(
      expect.arrayContaining([
        'top-k',
        'crop',
        'backend',
        'live',
        'max-fps',
        'mirror',
        'facing-mode',
        'features',
        'model-url',
        'src',
        'camera',
        'mode',
        'classes-key',
      ]),
    );
    expect(element!.events?.map((e) => e.name)).toEqual([
      'mobilenet-ready',
      'mobilenet-result',
      'mobilenet-error',
      'mobilenet-classes-change',
      'mobilenet-region-change',
      'mobilenet-explain',
      'mobilenet-batch-progress',
      'mobilenet-batch-done',
    ]);
    expect(element!.slots?.map((s) => s.name)).toEqual(expect.arrayContaining(['header', 'empty']));
    expect(element!.cssParts?.length, 'no @csspart tags were read').toBeGreaterThan(0);
    expect(
      element!.cssProperties?.every((p) => p.default),
      'every @cssprop should state its default',
    ).toBe(true);
    const classify = element!.members?.find((m) => m.name === 'classify');
    expect(
      classify?.return?.type?.text,
      'the return type of classify() (see returnTypeFromSignature in the config)',
    ).toBe('Promise<MobilenetResult>');
  });
});

describe('README.md API tables', () => {
  test('match the doc comments in src/components', () => {
    const drift = apiTablesDrift(readme, manifest);
    if (drift) expect.fail(drift);
  });

  test('are reported out of date when a cell differs', () => {
    const current = replaceApiSection(readme, renderApiTables(manifest));
    const row = current.split('\n').find((line) => line.startsWith('| `topK` |'));
    expect(row, 'no topK row in the generated tables').toBeDefined();
    const edited = current.replace(row!, row!.replace('`5`', '`10`'));
    expect(apiTablesDrift(edited, manifest)).toMatch(/out of date[\s\S]*npm run docs[\s\S]*`10`/);
  });

  test('are reported out of date when a doc comment changed', () => {
    const current = replaceApiSection(readme, renderApiTables(manifest));
    const changed: Manifest = structuredClone(manifest);
    const topK = changed.modules
      .flatMap((module) => module.declarations ?? [])
      .flatMap((d) => d.members ?? [])
      .find((m) => m.name === 'topK');
    topK!.description = 'How many predictions to show.';
    expect(apiTablesDrift(current, changed)).toMatch(/expected: +\| `topK` .*How many predictions to show\. \|/);
  });

  test('are reported out of date when a table is missing', () => {
    const start = readme.indexOf(START_MARKER) + START_MARKER.length;
    const edited = `${readme.slice(0, start)}\n${readme.slice(readme.indexOf(END_MARKER))}`;
    expect(apiTablesDrift(edited, manifest)).toMatch(/npm run docs/);
  });

  test('need both markers', () => {
    expect(() => apiTablesDrift(readme.replace(END_MARKER, ''), manifest)).toThrow(/api:end/);
  });

  test('escape pipes inside cells, so union types stay in one column', () => {
    const tables = renderApiTables(manifest);
    const row = tables.split('\n').find((line) => line.startsWith('| `modelUrl` |'));
    expect(row).toContain('`string \\| undefined`');
    expect(row?.split(/(?<!\\)\|/).length, 'a Properties row has 5 cells').toBe(7);
  });
});
